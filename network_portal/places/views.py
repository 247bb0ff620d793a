from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_http_methods

from network_portal.roles import permissions

from . import selectors, services
from .forms import BlockForm
from .models import Province, Ward


@cache_page(60 * 60)
def province_wards_json(request, province_code: int):
    """The current wards of a province, for the chained province → ward select."""
    province = get_object_or_404(Province, code=province_code)
    wards = selectors.current_wards_of(province).values("code", "name")
    return JsonResponse({"province": province.code, "wards": list(wards)})


@login_required
def my_wards(request):
    """The wards an official works in; a province official sees every ward of the province."""
    if not permissions.is_staff_official(request.user):
        raise PermissionDenied
    wards = (
        permissions.wards_overseen(request.user)
        .filter(is_active=True)
        .select_related("province")
        .order_by("province__name", "name")
    )
    page = Paginator(wards, settings.PAGE_SIZE * 4).get_page(request.GET.get("page"))
    return render(request, "places/my_wards.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def ward_blocks(request, ward_code: int):
    ward = get_object_or_404(Ward.objects.select_related("province"), code=ward_code)
    if not request.user.has_perm("places.view_ward_blocks", ward):
        raise PermissionDenied
    can_add = request.user.has_perm("places.add_block", ward)
    form = BlockForm(request.POST or None, ward=ward)
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied
        if form.is_valid():
            block = services.block_create(
                ward=ward,
                kind=form.cleaned_data["kind"],
                name=form.cleaned_data["name"],
                by=request.user,
            )
            messages.success(request, _("Added %(block)s.") % {"block": block})
            return redirect("places:ward_blocks", ward_code=ward.code)
    return render(
        request,
        "places/ward_blocks.html",
        {
            "ward": ward,
            "blocks": ward.blocks.order_by("kind", "name"),
            "form": form,
            "can_add": can_add,
        },
    )
