import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .channels import CHANNELS
from .models import Delivery, Kind


class DeliveryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Recipient (name or e-mail)"), method="search")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Delivery.Status.choices)
    channel = django_filters.ChoiceFilter(
        label=_("Channel"), choices=[(code, c.label) for code, c in CHANNELS.items()]
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Kind.choices)
    created_from = django_filters.DateFilter(
        label=_("From (dd/mm/yyyy)"), field_name="created_at", lookup_expr="date__gte"
    )
    created_to = django_filters.DateFilter(
        label=_("To (dd/mm/yyyy)"), field_name="created_at", lookup_expr="date__lte"
    )

    class Meta:
        model = Delivery
        fields = ["q", "status", "channel", "kind", "created_from", "created_to"]

    def search(self, queryset, name, value):
        value = value.strip()[:100]
        if not value:
            return queryset
        return queryset.filter(
            Q(recipient__full_name__icontains=value) | Q(recipient__email__icontains=value)
        )
