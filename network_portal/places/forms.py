from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Block


class BlockForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Block.Kind.choices)
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("For example: 3, Phú Lợi, Tân Hòa. No need to write “Block” or “Hamlet”."),
    )

    def __init__(self, *args, ward, **kwargs):
        super().__init__(*args, **kwargs)
        self.ward = ward

    def clean(self):
        cleaned = super().clean()
        name = " ".join(cleaned.get("name", "").split())
        kind = cleaned.get("kind")
        if kind and name:
            # People often type the kind as part of the name ("Khối 3"); keep just "3".
            label = str(Block.Kind(kind).label)
            if name.lower().startswith(label.lower() + " "):
                name = name[len(label) + 1 :].strip()
            if self.ward.blocks.filter(name__iexact=name).exists():
                self.add_error("name", _("This ward already has a unit with that name."))
            cleaned["name"] = name
        return cleaned
