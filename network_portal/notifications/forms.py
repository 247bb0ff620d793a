from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .channels import CHANNELS
from .models import CHOSEN_KINDS


def field_name(kind: str, channel: str) -> str:
    return f"{kind}__{channel}"


class PreferenceForm(forms.Form):
    """Kinds × channels as checkboxes, the digest, the language of e-mails."""

    language = forms.ChoiceField(label=_("Language of e-mails"), choices=settings.LANGUAGES)
    daily_digest = forms.BooleanField(
        label=_("Send me one e-mail a day with all my reminders instead of one e-mail each"),
        required=False,
    )

    def __init__(self, *args, preference, **kwargs):
        initial = {"language": preference.language, "daily_digest": preference.daily_digest}
        for kind in CHOSEN_KINDS:
            for code in CHANNELS:
                initial[field_name(kind, code)] = preference.wants(kind, code)
        super().__init__(*args, initial=initial, **kwargs)
        self.grid = []
        for kind in CHOSEN_KINDS:
            row = []
            for code, channel in CHANNELS.items():
                name = field_name(kind, code)
                self.fields[name] = forms.BooleanField(
                    label=f"{kind.label}: {channel.label}", required=False
                )
                row.append((channel, name))
            self.grid.append((kind, row))

    def grid_rows(self):
        return [(kind, [(channel, self[name]) for channel, name in row]) for kind, row in self.grid]

    def wanted(self) -> set[str]:
        return {
            f"{kind}:{code}"
            for kind in CHOSEN_KINDS
            for code in CHANNELS
            if self.cleaned_data.get(field_name(kind, code))
        }


class MarkReadForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())

    def __init__(self, *args, allowed_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(i, i) for i in allowed_ids]
