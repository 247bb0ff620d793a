from __future__ import annotations

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .filters import DeliveryFilter
from .forms import PreferenceForm
from .models import DEFAULT_PREFERENCE, Channel, Delivery, Kind, Preference
from .tokens import read_token


def _page(request, queryset):
    return Paginator(queryset, settings.PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
def inbox(request):
    page = _page(request, selectors.inbox(request.user))
    return render(
        request,
        "notifications/inbox.html",
        {"page": page, "can_see_log": _can_see_log(request.user)},
    )


def _can_see_log(user) -> bool:
    """Asked of the rules registry only (Django's model backend would add two queries)."""
    return rules.has_perm("notifications.view_delivery_log", user)


@login_required
@require_POST
def mark_read(request):
    raw = request.POST.getlist("id")
    if raw:
        ids = [int(value) for value in raw if value.isdigit()]
        services.notifications_mark_read(user=request.user, ids=ids)
    else:
        services.notifications_mark_read(user=request.user)
    messages.success(request, _("Marked as read."))
    return redirect("notifications:inbox")


@login_required
def open_notification(request, pk: int):
    """Follow a notification's link and mark it read (only one's own)."""
    delivery = get_object_or_404(selectors.inbox(request.user), pk=pk)
    services.notifications_mark_read(user=request.user, ids=[delivery.pk])
    url = delivery.message.url
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        url = "notifications:inbox"
    return redirect(url)


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    preference = Preference.objects.filter(user=request.user).first() or DEFAULT_PREFERENCE
    form = PreferenceForm(request.POST or None, preference=preference)
    if request.method == "POST" and form.is_valid():
        services.preference_update(
            user=request.user,
            language=form.cleaned_data["language"],
            daily_digest=form.cleaned_data["daily_digest"],
            wanted=form.wanted(),
            by=request.user,
        )
        messages.success(request, _("Your choices are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@csrf_exempt  # the signed token is the proof; mail clients POST here without a session
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET shows what the link does (link checkers must not unsubscribe anyone); POST — the
    button, or the mail client's RFC 8058 one-click request — does it."""
    data = read_token(token)
    if data is None:
        return render(request, "notifications/unsubscribe_bad.html", status=400)
    user_id, kinds = data
    labels = [Kind(kind).label for kind in kinds if kind in Kind.values]
    if request.method == "POST":
        services.unsubscribe(user_id=user_id, kinds=kinds)
        return render(request, "notifications/unsubscribed.html", {"labels": labels})
    return render(request, "notifications/unsubscribe.html", {"labels": labels})


@login_required
def delivery_log(request):
    if not _can_see_log(request.user):
        raise PermissionDenied
    delivery_filter = DeliveryFilter(
        request.GET or None, queryset=selectors.deliveries_for_staff(request.user)
    )
    rows = delivery_filter.qs if delivery_filter.is_bound else delivery_filter.queryset
    page = _page(request, rows)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "notifications/delivery_log.html",
        {
            "filter": delivery_filter,
            "page": page,
            "query": query.urlencode(),
            "channels": dict(Channel.choices),
            "Status": Delivery.Status,
        },
    )
