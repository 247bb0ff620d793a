from .models import Province, Ward


def current_provinces():
    return Province.objects.current().order_by("name")


def current_wards_of(province: Province):
    return Ward.objects.current().filter(province=province).order_by("name")
