from __future__ import annotations

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.choices import Gender
from network_portal import images

from .models import Case, Club, JoinRequest, Meeting, Referral, RosterEntry, SteeringGroupMember

DOCUMENT_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png")
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# What the first bytes of a PDF, JPEG and PNG file look like.
DOCUMENT_SIGNATURES = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def validate_document(upload) -> None:
    """A signed decision or club rules: a PDF or a photo (JPEG/PNG), checked by content."""
    name = (upload.name or "").lower()
    head = upload.read(8)
    upload.seek(0)
    if not name.endswith(DOCUMENT_EXTENSIONS) or not head.startswith(DOCUMENT_SIGNATURES):
        raise ValidationError(
            _("Please upload a PDF file or a photo (JPG, PNG) of the signed document.")
        )
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("The file is larger than 10 MB."))


def _year_field():
    this_year = timezone.localdate().year
    return forms.IntegerField(
        label=_("Year of birth"),
        required=False,
        min_value=1900,
        max_value=this_year,
        error_messages={
            "min_value": _("Please enter a year from 1900."),
            "max_value": _("The year of birth cannot be in the future."),
            "invalid": _("Please enter a year, for example 1968."),
        },
    )


class ClubForm(forms.ModelForm):
    class Meta:
        model = Club
        fields = [
            "name",
            "status",
            "description",
            "meeting_place",
            "blocks",
            "decision_number",
            "decision_date",
            "decision_file",
            "rules_file",
        ]
        widgets = {
            "decision_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "blocks": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["blocks"].queryset = self.instance.ward.blocks.filter(is_active=True)
        for name in ("decision_file", "rules_file"):
            self.fields[name].validators.append(validate_document)
            self.fields[name].help_text = _("PDF, JPG or PNG, at most 10 MB.")


class JoinRequestForm(forms.ModelForm):
    birth_year = _year_field()

    class Meta:
        model = JoinRequest
        fields = ["gender", "birth_year", "phone", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Please give the member a reason.")},
    )


class RosterEntryForm(forms.ModelForm):
    birth_year = _year_field()

    class Meta:
        model = RosterEntry
        fields = [
            "full_name",
            "gender",
            "birth_year",
            "phone",
            "affiliation",
            "block",
            "lives_in_ward",
            "role",
            "joined_on",
        ]
        widgets = {"joined_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, club: Club, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].queryset = club.ward.blocks.filter(is_active=True)
        self.fields["gender"].choices = Gender.choices


class RosterEntryEditForm(RosterEntryForm):
    """The board corrects a person's details or changes their role; the date of a role change
    goes into the entry's history."""

    role_changed_on = forms.DateField(
        label=_("Date of the change of role"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Only used when the role changes. Empty means today."),
        error_messages={"invalid": _("Please enter a date, for example 15/03/2026.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["joined_on"].error_messages["invalid"] = _(
            "Please enter a date, for example 15/03/2026."
        )
        self.fields["full_name"].error_messages["required"] = _("Please enter the full name.")
        self.fields["gender"].error_messages["required"] = _("Please choose a gender.")
        self.fields["role"].error_messages["invalid_choice"] = _(
            "Please choose a role from the list."
        )

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        joined_on = cleaned.get("joined_on")
        changed_on = cleaned.get("role_changed_on")
        if joined_on and joined_on > today:
            self.add_error("joined_on", _("The joining date cannot be in the future."))
        if changed_on:
            if changed_on > today:
                self.add_error(
                    "role_changed_on", _("The date of the change cannot be in the future.")
                )
            elif joined_on and changed_on < joined_on:
                self.add_error(
                    "role_changed_on",
                    _("The date of the change cannot be before the person joined the club."),
                )
        return cleaned

    def update_kwargs(self) -> dict:
        """What `services.roster_entry_update` takes from the cleaned form."""
        data = dict(self.cleaned_data)
        return {
            "role": data.pop("role"),
            "role_changed_on": data.pop("role_changed_on"),
            **data,
        }


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
NTH = [(1, _("first")), (2, _("second")), (3, _("third")), (4, _("fourth")), (-1, _("last"))]


class PlanYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)
    nth = forms.TypedChoiceField(label=_("Which week"), choices=NTH, coerce=int)
    weekday = forms.TypedChoiceField(label=_("Day of the week"), choices=WEEKDAYS, coerce=int)
    start_time = forms.TimeField(
        label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=15, max_value=600, initial=90
    )
    place = forms.CharField(label=_("Place"), max_length=255, required=False)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class MeetingForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Starts at"), widget=DateTimeLocalInput(), input_formats=["%Y-%m-%dT%H:%M"]
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"), widget=DateTimeLocalInput(), input_formats=["%Y-%m-%dT%H:%M"]
    )

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "topic",
            "custom_topic",
            "starts_at",
            "ends_at",
            "place",
            "format",
            "agenda",
        ]

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        if not cleaned.get("topic") and not cleaned.get("custom_topic", "").strip():
            self.add_error("topic", _("Choose a topic from the catalogue or write one."))
        return cleaned


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(
        label=_("What happened"),
        choices=[c for c in Meeting.Status.choices if c[0] != Meeting.Status.PLANNED],
    )
    minutes = forms.CharField(
        label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    attendees = forms.ModelMultipleChoiceField(
        label=_("Who came (from the roster)"),
        queryset=RosterEntry.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Only people on this club's roster can be ticked as present."),
            "invalid_pk_value": _("Only people on this club's roster can be ticked as present."),
        },
    )
    guests_men = forms.IntegerField(label=_("Guests: men"), min_value=0, max_value=999, initial=0)
    guests_women = forms.IntegerField(
        label=_("Guests: women"), min_value=0, max_value=999, initial=0
    )
    guests_other = forms.IntegerField(
        label=_("Guests: other"), min_value=0, max_value=999, initial=0
    )
    photo = forms.ImageField(
        label=_("A photo of the meeting"),
        required=False,
        help_text=_("JPG or PNG, at most 5 MB."),
        error_messages={
            "invalid_image": _("This file is not a photo. Please choose a JPG or PNG image.")
        },
    )
    photo_caption = forms.CharField(label=_("Caption"), max_length=255, required=False)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["attendees"].queryset = RosterEntry.objects.filter(
            club_id=meeting.club_id, left_on__isnull=True
        ).order_by("full_name", "pk")

    def clean_photo(self):
        """A clean JPEG copy: the camera's EXIF (GPS position of a home, owner) is never kept."""
        photo = self.cleaned_data.get("photo")
        if not photo:
            return photo
        try:
            picture, _format = images.open_upload(
                photo,
                max_bytes=5 * 1024 * 1024,
                max_pixels=40_000_000,
                allowed_formats={"JPEG", "MPO", "PNG", "WEBP"},
            )
        except images.UploadTooLarge as exc:
            raise ValidationError(_("The photo is larger than 5 MB.")) from exc
        except images.UploadRejected as exc:
            raise ValidationError(
                _("This file is not a photo. Please choose a JPG or PNG image.")
            ) from exc
        picture = images.fit(images.flatten_to_rgb(picture), 2000)
        return ContentFile(images.encode_jpeg(picture, quality=85), name=f"{uuid.uuid4().hex}.jpg")

    def clean(self):
        cleaned = super().clean()
        held = cleaned.get("status") == Meeting.Status.HELD
        if held and self.meeting.starts_at > timezone.now():
            self.add_error("status", _("A meeting cannot be recorded as held before it starts."))
        if held and not cleaned.get("attendees"):
            guests = sum(cleaned.get(f"guests_{k}") or 0 for k in ("men", "women", "other"))
            if not guests:
                self.add_error("attendees", _("Tick who came, or enter the guests."))
        return cleaned


class CaseForm(forms.ModelForm):
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False)
    address = forms.CharField(label=_("Address"), max_length=255, required=False)

    IDENTITY_FIELDS = ("full_name", "phone", "address")

    class Meta:
        model = Case
        fields = [
            "opened_on",
            "kind",
            "gender",
            "age_band",
            "relation",
            "consent_to_help",
            "consent_to_share",
            "actions_taken",
            "follow_up_status",
            "next_follow_up_on",
        ]
        widgets = {
            "opened_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "next_follow_up_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, identity=None, **kwargs):
        super().__init__(*args, **kwargs)
        if identity is not None:
            for name in self.IDENTITY_FIELDS:
                self.fields[name].initial = getattr(identity, name)

    def clean(self):
        cleaned = super().clean()
        opened = cleaned.get("opened_on")
        if opened and opened > timezone.localdate():
            self.add_error("opened_on", _("The date cannot be in the future."))
        gives_identity = any(cleaned.get(n) for n in self.IDENTITY_FIELDS)
        if gives_identity and not cleaned.get("consent_to_help"):
            self.add_error(
                "full_name",
                _("Identifying details may only be kept when the person agreed to receive help."),
            )
        return cleaned

    def identity(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in self.IDENTITY_FIELDS}


class ReferralForm(forms.Form):
    body = forms.ChoiceField(label=_("Refer to"), choices=Referral.Body.choices)
    override_reason = forms.CharField(
        label=_("Reason for referring without sharing consent (chair only)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SteeringMemberForm(forms.ModelForm):
    class Meta:
        model = SteeringGroupMember
        fields = ["full_name", "position", "role"]
        error_messages = {
            "full_name": {"required": _("Please enter the full name.")},
            "role": {"invalid_choice": _("Please choose a role from the list.")},
        }


class ReferralStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[c for c in Referral.Status.choices if c[0] != Referral.Status.MADE],
    )
    reason = forms.CharField(
        label=_("Reason or outcome"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
