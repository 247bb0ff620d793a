"""Directory filters (django-filter): province, ward, club, organisation type; diacritic-free
search.

The club filter keeps the import direction of ARCHITECTURE.md (clubs may import members, never
the other way): the Club model is loaded by name through `django.apps.apps.get_model` and the
roster is reached by the lookup string `user__club_roster_entries`.
"""

import django_filters
from django.apps import apps
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
    club = django_filters.ModelChoiceFilter(
        label=_("Club"),
        queryset=None,  # set in __init__: the clubs app's Club, loaded by name
        method="_in_club",
        empty_label=_("All clubs"),
    )

    class Meta:
        model = MemberProfile
        fields = ["q", "province", "ward", "club"]

    @staticmethod
    def _club_model():
        return apps.get_model("clubs", "Club")

    def _in_club(self, queryset, name, value):
        """People currently on the club's roster (a person has one current entry per club)."""
        return queryset.filter(
            user__club_roster_entries__club=value,
            user__club_roster_entries__left_on__isnull=True,
        )

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
        # Clubs: any club is accepted (a club page can link here), but the list offers only the
        # clubs of the chosen ward or province, like the wards.
        club_model = self._club_model()
        self.filters["club"].queryset = club_model.objects.all()
        self.form.fields["club"].queryset = club_model.objects.all()
        clubs = club_model.objects.none()
        ward_code = (self.data.get("ward") or "").strip()[:10]
        club_id = (self.data.get("club") or "").strip()[:10]
        if ward_code.isdigit():
            clubs = club_model.objects.filter(ward__code=ward_code)
        elif code.isdigit():
            clubs = club_model.objects.filter(ward__province__code=code)
        elif club_id.isdigit():
            clubs = club_model.objects.filter(pk=club_id)
        self.form.fields["club"].widget.choices = [
            ("", _("All clubs")),
            *clubs.order_by("name").values_list("pk", "name"),
        ]


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
