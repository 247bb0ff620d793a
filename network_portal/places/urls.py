from django.urls import path

from . import views

app_name = "places"

urlpatterns = [
    path(
        "provinces/<int:province_code>/wards.json",
        views.province_wards_json,
        name="province_wards_json",
    ),
    path("wards/", views.my_wards, name="my_wards"),
    path("wards/<int:ward_code>/blocks/", views.ward_blocks, name="ward_blocks"),
]
