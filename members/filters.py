"""Directory filters (django-filter): province, ward, organisation type; diacritic-free search."""

import django_filters
from django.utils.translation import gettext_lazy as _

from network_portal.places.models import Province, Ward

from .models import MemberProfile, Organisation, OrganisationKind
from .text import fold


def _search(queryset, name, value):
    words = fold(value).split()[:6]
    for word in words:
        queryset = queryset.filter(search_name__contains=word)
    return queryset


class MemberFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name"), method=_search)
    province = django_filters.ModelChoiceFilter(
        label=_("Province / city"),
        queryset=Province.objects.current(),
        to_field_name="code",
        empty_label=_("All provinces"),
    )
    ward = django_filters.ModelChoiceFilter(
        label=_("Ward / commune"),
        queryset=Ward.objects.current(),
        to_field_name="code",
        empty_label=_("All wards"),
    )

    class Meta:
        model = MemberProfile
        fields = ["q", "province", "ward"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the wards of the chosen province are offered (3,321 options would be too many).
        code = (self.data.get("province") or "").strip()[:10]
        wards = []
        if code.isdigit():
            wards = list(
                Ward.objects.current()
                .filter(province__code=code)
                .order_by("name")
                .values_list("code", "name")
            )
        self.form.fields["ward"].widget.choices = [("", _("All wards")), *wards]


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name"), method=_search)
    kind = django_filters.ChoiceFilter(
        label=_("Type"), choices=OrganisationKind.choices, empty_label=_("All types")
    )
    province = django_filters.ModelChoiceFilter(
        label=_("Province / city"),
        queryset=Province.objects.current(),
        to_field_name="code",
        empty_label=_("All provinces"),
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "province"]
