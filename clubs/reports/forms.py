from __future__ import annotations

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AnnualReport, QuarterlyReport

NARRATIVE = ("results", "difficulties", "proposals")
DOCUMENT = ("document_number", "place_name", "signer_title", "signer_name", "recipients")
ALLOWED_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".xls", ".xlsx", ".odt"}
MAX_ATTACHMENT_MB = 10


class VersionedForm(forms.ModelForm):
    """Carries the version the writer saw; the service refuses a stale one."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean_version(self):
        return self.cleaned_data["version"]


class QuarterlyReportForm(VersionedForm):
    class Meta:
        model = QuarterlyReport
        fields = [
            *QuarterlyReport.FIGURE_FIELDS,
            *QuarterlyReport.COMMUNICATION_FIELDS,
            *NARRATIVE,
            *DOCUMENT,
        ]
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 5}) for name in NARRATIVE},
            "recipients": forms.Textarea(attrs={"rows": 3}),
        }

    FIGURE_GROUPS = (
        (_("Meetings and attendance"), QuarterlyReport.FIGURE_FIELDS[:5]),
        (_("Activities by kind"), QuarterlyReport.FIGURE_FIELDS[5:9]),
        (_("Roster"), QuarterlyReport.FIGURE_FIELDS[9:]),
        (_("Communication work"), QuarterlyReport.COMMUNICATION_FIELDS),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in (*QuarterlyReport.FIGURE_FIELDS, *QuarterlyReport.COMMUNICATION_FIELDS):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 0})
            self.fields[name].error_messages.update(
                {
                    "invalid": _("Enter a whole number, 0 or more."),
                    "min_value": _("Enter a whole number, 0 or more."),
                    "max_value": _("This number is too large (at most 1,000,000)."),
                }
            )

    def clean(self):
        data = super().clean()
        planned, held = data.get("meetings_planned"), data.get("meetings_held")
        if planned is not None and held is not None and held > planned:
            self.add_error(
                "meetings_held",
                _("More meetings held than planned: check both numbers."),
            )
        board, men = data.get("board_men"), data.get("members_men")
        if board is not None and men is not None and board > men:
            self.add_error("board_men", _("More men on the board than men on the roster."))
        return data

    def groups(self):
        return [(title, [self[name] for name in names]) for title, names in self.FIGURE_GROUPS]

    def narrative_fields(self):
        return [self[name] for name in NARRATIVE]

    def document_fields(self):
        return [self[name] for name in DOCUMENT]

    def changed_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AnnualReportForm(VersionedForm):
    class Meta:
        model = AnnualReport
        fields = [
            *NARRATIVE,
            "lessons",
            "replication_plan",
            "blocks_planned",
            *DOCUMENT,
        ]
        widgets = {
            **{
                name: forms.Textarea(attrs={"rows": 5})
                for name in (*NARRATIVE, "lessons", "replication_plan")
            },
            "recipients": forms.Textarea(attrs={"rows": 3}),
        }

    def changed_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class SubmitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the person who submitted it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for reopening"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title of the file"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, Excel or a photo, up to 10 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in ALLOWED_EXTENSIONS:
            raise forms.ValidationError(
                _("This kind of file cannot be attached. Use PDF, Word, Excel or a photo.")
            )
        if upload.size > MAX_ATTACHMENT_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(mb)d MB.") % {"mb": MAX_ATTACHMENT_MB}
            )
        return upload


class DashboardFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    name = forms.CharField(label=_("Name contains"), max_length=100, required=False)
