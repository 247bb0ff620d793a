import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from network_portal.places.models import Province, Ward

from .models import MIN_BOARD_MEN, MIN_MEN, MIN_WOMEN, Club


class ClubFilter(django_filters.FilterSet):
    """The public club list: by province, ward, status and compliance with the model's rule."""

    province = django_filters.ModelChoiceFilter(
        label=_("Province"),
        field_name="ward__province",
        queryset=Province.objects.filter(wards__clubs__isnull=False).distinct(),
        empty_label=_("All provinces"),
    )
    ward = django_filters.ModelChoiceFilter(
        label=_("Ward"),
        queryset=Ward.objects.filter(clubs__isnull=False).distinct().select_related("province"),
        empty_label=_("All wards"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Club.Status.choices, empty_label=_("All statuses")
    )
    compliance = django_filters.ChoiceFilter(
        label=_("Composition"),
        choices=[("meets", _("Meets the rule")), ("short", _("Falls short"))],
        empty_label=_("Any"),
        method="filter_compliance",
    )
    name = django_filters.CharFilter(label=_("Name"), lookup_expr="icontains")

    class Meta:
        model = Club
        fields = ["province", "ward", "status", "compliance", "name"]

    def filter_compliance(self, queryset, name, value):
        meets = (
            Q(men_count__gte=MIN_MEN)
            & Q(women_count__gte=MIN_WOMEN)
            & Q(board_men_count__gte=MIN_BOARD_MEN)
            & Q(advisory_outside_count=0)
        )
        if value == "meets":
            return queryset.filter(meets)
        if value == "short":
            return queryset.exclude(meets)
        return queryset
