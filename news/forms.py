from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign
from clubs.models import Club

from . import images, selectors
from .models import Category
from .services import MAX_TAGS, ArticleData, PhotoUpload

PHOTO_ACCEPT = "image/jpeg,image/png,image/webp"
MARKDOWN_HELP = _(
    "Write plain text. A blank line starts a new paragraph. ## at the start of a line makes "
    "a heading, - makes a list item, **two stars** make bold text and [text](https://…) "
    "makes a link. Use “Save and preview” to see the result."
)


class PhotoField(forms.FileField):
    """A photo checked by `images.check_upload`; cleans to a `CheckedImage`."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text", _("JPEG, PNG or WebP, at most 5 MB. Location data is removed.")
        )
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = PHOTO_ACCEPT

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial:
            return None
        return images.check_upload(upload)


class CampaignChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.starts_on:%d/%m/%Y} – {obj.ends_on:%d/%m/%Y})"


class ClubsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} – {obj.ward.name}"


class CheckboxGroup(forms.CheckboxSelectMultiple):
    """Checkboxes in a `role="group"` named after the field, so a screen reader says which
    question the boxes answer."""

    template_name = "news/widgets/checkbox_group.html"

    def __init__(self, *args, group_label="", **kwargs):
        self.group_label = group_label
        super().__init__(*args, **kwargs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["group_label"] = self.group_label
        return context


# Up to this many clubs are shown as checkboxes; more (an editor's list) as a multiple select.
CHECKBOX_CLUBS = 12


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    lead = forms.CharField(
        label=_("Lead"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences shown under the title and in lists."),
    )
    body_markdown = forms.CharField(
        label=_("Body"),
        max_length=60_000,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=MARKDOWN_HELP,
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.all())
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Separate tags with commas, e.g. bình đẳng giới, tháng hành động."),
    )
    cover = PhotoField(label=_("Cover photo"), required=False)
    cover_alt = forms.CharField(
        label=_("Cover photo: description for screen readers"),
        max_length=250,
        required=False,
        help_text=_("Required with a cover photo: what the photo shows."),
    )
    cover_caption = forms.CharField(label=_("Cover photo: caption"), max_length=300, required=False)
    byline = forms.CharField(
        label=_("Byline"),
        max_length=150,
        required=False,
        help_text=_("Who wrote the story, as readers should see it. Empty: your name."),
    )
    source_name = forms.CharField(label=_("Source"), max_length=150, required=False)
    source_url = forms.URLField(
        label=_("Source link"), required=False, assume_scheme="https", max_length=200
    )
    campaign = CampaignChoiceField(
        label=_("Campaign"),
        queryset=Campaign.objects.none(),  # set per form: current and recent ones
        required=False,
        empty_label=_("— not about a campaign —"),
        help_text=_("Optional: the campaign this story is part of (current or recent ones)."),
    )
    clubs = ClubsField(
        label=_("Clubs"),
        queryset=Club.objects.none(),  # set per form: the person's own clubs, or all
        required=False,
        help_text=_("Optional: the clubs this story is about."),
    )

    def __init__(self, *args, user=None, article=None, has_cover: bool = False, **kwargs):
        self.has_cover = has_cover
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = selectors.linkable_campaigns(
            keep_pk=article.campaign_id if article else None
        )
        keep = [club.pk for club in article.clubs.all()] if article else []
        clubs = list(selectors.linkable_clubs(user, keep_pks=keep))
        field = self.fields["clubs"]
        field.queryset = selectors.linkable_clubs(user, keep_pks=keep)
        # The choices come from the list read once here, not from a second query per render.
        field.choices = [(club.pk, field.label_from_instance(club)) for club in clubs]
        if not clubs:
            del self.fields["clubs"]
        elif len(clubs) <= CHECKBOX_CLUBS:
            field.widget = CheckboxGroup(choices=field.choices, group_label=field.label)
        else:
            field.widget = forms.SelectMultiple(choices=field.choices, attrs={"size": 10})
            field.help_text = _(
                "Optional: the clubs this story is about. Hold Ctrl (or ⌘) to choose several."
            )

    def clean_tags(self) -> list[str]:
        names = [n.strip() for n in self.cleaned_data["tags"].split(",") if n.strip()]
        if len(names) > MAX_TAGS:
            raise ValidationError(_("Please use at most 10 tags."))
        if any(len(n) > 60 for n in names):
            raise ValidationError(_("Each tag may have at most 60 characters."))
        return names

    def clean_source_url(self) -> str:
        url = self.cleaned_data["source_url"]
        if url and not url.lower().startswith(("http://", "https://")):
            raise ValidationError(_("The source link must start with http:// or https://."))
        return url

    def clean(self):
        cleaned = super().clean()
        has_photo = cleaned.get("cover") is not None or self.has_cover
        if has_photo and not cleaned.get("cover_alt", "").strip():
            self.add_error(
                "cover_alt",
                _("Describe the cover photo for people who cannot see it."),
            )
        return cleaned

    def article_data(self) -> ArticleData:
        c = self.cleaned_data
        return ArticleData(
            title=c["title"].strip(),
            lead=c["lead"].strip(),
            body_markdown=c["body_markdown"],
            category=c["category"],
            tag_names=c["tags"],
            byline=c["byline"].strip(),
            source_name=c["source_name"].strip(),
            source_url=c["source_url"],
            campaign=c.get("campaign"),
            clubs=list(c.get("clubs") or []),
        )

    def cover_upload(self) -> PhotoUpload | None:
        c = self.cleaned_data
        if c.get("cover") is None:
            return None
        return PhotoUpload(c["cover"], c["cover_alt"].strip(), c["cover_caption"].strip())


class PhotoForm(forms.Form):
    photo = PhotoField(label=_("Photo"))
    alt_text = forms.CharField(
        label=_("Description for screen readers"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)

    def photo_upload(self) -> PhotoUpload:
        c = self.cleaned_data
        return PhotoUpload(c["photo"], c["alt_text"].strip(), c["caption"].strip())


class PublishForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Publication time"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Empty: publish now. A future time schedules the article."),
    )

    def clean_at(self):
        at = self.cleaned_data["at"]
        if at is not None:
            now = timezone.now()
            if not (datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC) <= at
                    <= now + datetime.timedelta(days=366 * 2)):  # fmt: skip
                raise ValidationError(
                    _("Please choose a time between the year 2000 and two years from now.")
                )
        return at


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the author"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search news"), max_length=200, required=False)


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["name", "description", "position"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
