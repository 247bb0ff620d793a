"""Forms of the campaigns app. Validation that is a business rule (dates inside the period,
one pledge per person) lives in services; the forms call it so the message sits on the field."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from members.forms import PlaceFieldsMixin
from network_portal.places.models import Province

from . import services
from .images import photo_renditions
from .models import Activity, Campaign, Commendation, Indicator, PledgeChoice

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_PHOTOS = 8
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_EXTENSIONS = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".jpg", ".jpeg", ".png"}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list (empty when none was chosen)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items if item]


# --- Campaigns ------------------------------------------------------------------------------
class CampaignForm(PlaceFieldsMixin, forms.ModelForm):
    province_required = False

    class Meta:
        model = Campaign
        fields = [
            "kind",
            "title",
            "year",
            "theme",
            "starts_on",
            "ends_on",
            "scope",
            "plan_number",
            "plan_date",
            "plan_issuer",
            "plan_file",
            "goals",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "plan_date": DATE,
            "goals": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "starts_on": _("An Action Month runs 15/11 – 15/12; left empty, those dates are used."),
            "plan_number": _("For example 65/KH-BCĐ."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].required = False
        self.fields["ends_on"].required = False
        self._setup_places()
        self.fields["province"].help_text = _("Only for a campaign of one province or one ward.")
        targets = (
            {t.indicator: t.value for t in self.instance.targets.all()} if self.instance.pk else {}
        )
        for value, label in Indicator.choices:
            self.fields[f"target_{value}"] = forms.IntegerField(
                label=_("Target: %(indicator)s") % {"indicator": label},
                min_value=1,
                max_value=100_000_000,
                required=False,
                initial=targets.get(value),
            )
        if self.instance.pk:
            self.initial.setdefault(
                "province",
                self.instance.province
                or (self.instance.ward.province if self.instance.ward_id else None),
            )
            self.initial.setdefault("ward", self.instance.ward)

    def target_fields(self):
        return [self[f"target_{value}"] for value in Indicator.values]

    def main_fields(self):
        return [f for f in self.visible_fields() if not f.name.startswith("target_")]

    def clean(self):
        cleaned = super().clean()
        self._clean_places(cleaned)
        kind, year = cleaned.get("kind"), cleaned.get("year")
        if kind == Campaign.Kind.ACTION_MONTH and year:
            from .models import action_month_period

            start, end = action_month_period(year)
            cleaned["starts_on"] = cleaned.get("starts_on") or start
            cleaned["ends_on"] = cleaned.get("ends_on") or end
        for name in ("starts_on", "ends_on"):
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, _("Please give the date."))
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date is before the start date."))
        if starts_on and year and starts_on.year != year:
            self.add_error("year", _("The year does not match the start date."))
        scope = cleaned.get("scope")
        if scope == Campaign.Scope.PROVINCE and not cleaned.get("province"):
            self.add_error("province", _("Choose the province of this campaign."))
        if scope == Campaign.Scope.WARD and not cleaned.get("ward") and "ward" not in self.errors:
            self.add_error("ward", _("Choose the ward of this campaign."))
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        cleaned = self.cleaned_data
        scope = cleaned.get("scope")
        self.instance.starts_on = cleaned.get("starts_on")
        self.instance.ends_on = cleaned.get("ends_on")
        self.instance.province = (
            cleaned.get("province") if scope == Campaign.Scope.PROVINCE else None
        )
        self.instance.ward = cleaned.get("ward") if scope == Campaign.Scope.WARD else None

    def targets(self) -> dict[str, int | None]:
        return {value: self.cleaned_data.get(f"target_{value}") for value in Indicator.values}


class CopyActionMonthForm(forms.Form):
    theme = forms.CharField(
        label=_("Theme of the new year"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- Activities -----------------------------------------------------------------------------
class ActivityForm(forms.ModelForm):
    organiser = forms.ChoiceField(label=_("Held by"))
    photos = MultipleFileField(
        label=_("Photos"),
        help_text=_("Up to 8 photos (JPEG, PNG or WebP), at most 5 MB each."),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_caption = forms.CharField(
        label=_("Photo caption"),
        max_length=255,
        required=False,
        help_text=_("Describes the photos for people who cannot see them."),
    )
    evidence = MultipleFileField(
        label=_("Evidence files"),
        help_text=_(
            "Attendance list, report, programme… PDF, Word, Excel or pictures, 10 MB each."
        ),
    )

    class Meta:
        model = Activity
        fields = [
            "kind",
            "title",
            "status",
            "held_on",
            "place",
            "men",
            "women",
            "other_gender",
            "people_reached",
            "description",
        ]
        widgets = {"held_on": DATE, "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, campaign: Campaign, clubs=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.clubs = {str(c.pk): c for c in clubs}
        self.organisations = {str(o.pk): o for o in organisations}
        choices = [(f"club:{pk}", club.name) for pk, club in self.clubs.items()] + [
            (f"org:{pk}", org.name) for pk, org in self.organisations.items()
        ]
        if len(choices) == 1:
            self.fields["organiser"].initial = choices[0][0]
        self.fields["organiser"].choices = choices
        self.fields["status"].choices = [
            (Activity.Status.HELD, Activity.Status.HELD.label),
            (Activity.Status.PLANNED, Activity.Status.PLANNED.label),
        ]
        for name in ("men", "women", "other_gender", "people_reached"):
            self.fields[name].widget.attrs.update({"min": 0, "inputmode": "numeric"})
        if self.instance.pk:
            del self.fields["organiser"]
            self.fields["status"].choices = Activity.Status.choices

    def clean_organiser(self):
        kind, _sep, pk = self.cleaned_data["organiser"].partition(":")
        club = self.clubs.get(pk) if kind == "club" else None
        organisation = self.organisations.get(pk) if kind == "org" else None
        if club is None and organisation is None:
            raise ValidationError(_("Choose the club or the organisation that held the activity."))
        self.cleaned_data["club"], self.cleaned_data["organisation"] = club, organisation
        return self.cleaned_data["organiser"]

    def clean_photos(self):
        photos = self.cleaned_data["photos"]
        if len(photos) > MAX_PHOTOS:
            raise ValidationError(_("Please choose at most 8 photos."))
        renditions, errors = [], []
        for upload in photos:
            try:
                renditions.append(photo_renditions(upload))
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        self.cleaned_data["renditions"] = renditions
        return photos

    def clean_evidence(self):
        files = self.cleaned_data["evidence"]
        errors = []
        for upload in files:
            if Path(upload.name).suffix.lower() not in EVIDENCE_EXTENSIONS:
                errors.append(
                    _("%(name)s: please attach a PDF, Word, Excel or picture file.")
                    % {"name": upload.name}
                )
            elif upload.size > MAX_EVIDENCE_BYTES:
                errors.append(_("%(name)s is larger than 10 MB.") % {"name": upload.name})
        if errors:
            raise ValidationError(errors)
        return files

    def clean(self):
        cleaned = super().clean()
        try:
            services.check_activity_date(
                campaign=self.campaign,
                held_on=cleaned.get("held_on"),
                status=cleaned.get("status"),
            )
        except ValidationError as exc:
            self.add_error(None, exc)
        return cleaned

    def photo_items(self):
        caption = self.cleaned_data.get("photo_caption") or self.cleaned_data.get("title", "")
        return [(r, caption) for r in self.cleaned_data.get("renditions", [])]


# --- Pledges --------------------------------------------------------------------------------
class PledgeForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("My pledge"), choices=PledgeChoice.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("My pledge in my own words"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    name = forms.CharField(
        label=_("Your name (shown on the wall)"),
        max_length=120,
        help_text=_("Your full name, or a first name and your ward."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Never shown. It makes sure each person pledges once."),
    )
    province = forms.ModelChoiceField(
        label=_("Province / city"),
        queryset=Province.objects.current(),
        to_field_name="code",
        required=False,
        empty_label=_("– Not given –"),
    )
    # A field people never see: only robots fill it in.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user if getattr(user, "is_authenticated", False) else None
        if self.user is not None:
            del self.fields["email"]
            self.fields["name"].initial = self.user.full_name

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("choice") == PledgeChoice.OWN_WORDS and not cleaned.get("text", "").strip():
            self.add_error("text", _("Please write your pledge in your own words."))
        return cleaned


# --- Commendations --------------------------------------------------------------------------
class CommendationForm(PlaceFieldsMixin, forms.ModelForm):
    province_required = False

    class Meta:
        model = Commendation
        fields = [
            "kind",
            "recipient_kind",
            "recipient_name",
            "recipient_detail",
            "club",
            "organisation",
            "campaign",
            "decision_number",
            "issuing_authority",
            "decided_on",
            "reason",
        ]
        widgets = {"decided_on": DATE, "reason": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"decision_number": _("For example 1520/QĐ-UBND.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["club"].queryset = self.fields["club"].queryset.select_related("ward")
        self.fields["club"].help_text = _("When the certificate goes to a club.")
        self.fields["organisation"].queryset = self.fields["organisation"].queryset.filter(
            status="verified"
        )
        self.fields["organisation"].help_text = _("When it goes to a member organisation.")
        self._setup_places()
        self.fields["ward"].label = _("Ward / commune awarded")
        self.fields["ward"].help_text = _(
            "When it goes to a ward or commune: choose the province, then the ward."
        )

    def clean(self):
        cleaned = super().clean()
        self._clean_places(cleaned)
        club, organisation = cleaned.get("club"), cleaned.get("organisation")
        if club and organisation:
            self.add_error("organisation", _("Choose a club or an organisation, not both."))
        if (club or organisation) and cleaned.get(
            "recipient_kind"
        ) == Commendation.Recipient.INDIVIDUAL:
            self.add_error("recipient_kind", _("A club or an organisation is a collective."))
        if sum(bool(cleaned.get(name)) for name in ("club", "organisation", "ward")) > 1:
            self.add_error(None, _("Link the certificate to one club, organisation or ward."))
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        self.instance.ward = self.cleaned_data.get("ward")
