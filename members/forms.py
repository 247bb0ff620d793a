"""Forms of the members app: sign-up profile, profile edit, organisations."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network_portal.places.models import Province, Ward

from .choices import Affiliation, Gender
from .images import clean_image
from .models import MemberProfile, OrganisationKind, OrganisationMembership
from .text import normalise_vietnamese_mobile

# The button that, without JavaScript, reloads the form with the wards of the chosen province.
CHOOSE_PROVINCE = "choose_province"


class PlaceFieldsMixin:
    """Province → ward, chained: the ward list follows the province.

    With JavaScript the list is refilled from /places/provinces/<code>/wards.json. Without
    it, the person picks a province and presses "Show the wards", and the form comes back
    with that province's wards. A ward from another province is refused with a message.
    """

    province_required = True

    def _setup_places(self):
        self.fields["province"] = forms.ModelChoiceField(
            label=_("Province / city"),
            queryset=Province.objects.current(),
            to_field_name="code",
            required=self.province_required,
            empty_label=_("– Choose a province –"),
        )
        self.fields["ward"] = forms.ModelChoiceField(
            label=_("Ward / commune"),
            queryset=Ward.objects.current(),
            to_field_name="code",
            required=self.province_required,
            empty_label=_("– Choose a ward –"),
            help_text=_("Choose the province first; the list shows its wards and communes."),
        )
        province_code = self._chosen_province_code()
        wards = []
        if province_code:
            wards = list(
                Ward.objects.current()
                .filter(province__code=province_code)
                .order_by("name")
                .values_list("code", "name")
            )
        self.fields["ward"].widget.choices = [("", _("– Choose a ward –")), *wards]
        self.fields["ward"].widget.attrs["data-wards-for"] = self.add_prefix("province")
        self.fields["province"].widget.attrs["data-wards-url"] = "/places/provinces/0/wards.json"

    def _chosen_province_code(self) -> str:
        if self.is_bound:
            return (self.data.get(self.add_prefix("province")) or "").strip()[:10]
        initial = self.initial.get("province")
        if isinstance(initial, Province):
            return str(initial.code)
        return str(initial or "")

    def _clean_places(self, cleaned: dict) -> None:
        province, ward = cleaned.get("province"), cleaned.get("ward")
        if province and ward and ward.province_id != province.pk:
            self.add_error("ward", _("This ward is not in the province you chose."))
        if CHOOSE_PROVINCE in self.data and province:
            # Not a mistake: the first of the two no-JavaScript steps. Say what to do next.
            self._errors.pop("ward", None)
            self.add_error("ward", _("Now choose your ward from the list."))


class ProfileFieldsMixin(PlaceFieldsMixin):
    def _setup_profile_fields(self):
        this_year = timezone.localdate().year
        self.fields["gender"] = forms.ChoiceField(
            label=_("Gender"), choices=Gender.choices, widget=forms.RadioSelect
        )
        self.fields["birth_year"] = forms.IntegerField(
            label=_("Year of birth"),
            min_value=this_year - 110,
            max_value=this_year - 10,
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
        )
        self.fields["phone"] = forms.CharField(
            label=_("Mobile phone"),
            max_length=30,
            help_text=_("A Vietnamese mobile number, for example 0912 345 678."),
            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        )
        self._setup_places()
        self.fields["occupation"] = forms.CharField(label=_("Occupation"), max_length=150)
        self.fields["affiliation"] = forms.ChoiceField(
            label=_("Affiliation (optional)"),
            choices=[("", _("– None –")), *Affiliation.choices],
            required=False,
        )

    def clean_phone(self):
        phone = normalise_vietnamese_mobile(self.cleaned_data["phone"])
        if phone is None:
            raise ValidationError(
                _(
                    "This is not a Vietnamese mobile number. Write 10 digits starting with 0 "
                    "(for example 0912 345 678) or +84."
                )
            )
        return phone

    def clean_occupation(self):
        return " ".join(self.cleaned_data["occupation"].split())


def _clean_full_name(value: str) -> str:
    name = " ".join(value.split())
    if len(name) < 2:
        raise ValidationError(_("Please enter your full name."))
    return name


class SignupForm(ProfileFieldsMixin, forms.Form):
    """allauth's sign-up asks for the member profile too (ACCOUNT_SIGNUP_FORM_CLASS).

    The adapter saves the user, then calls `save_extra` in the same transaction, so the
    user, the profile and the consent are saved together or not at all.
    """

    field_order = [
        "full_name",
        "email",
        "password1",
        "password2",
        "gender",
        "birth_year",
        "phone",
        "province",
        "ward",
        "occupation",
        "affiliation",
        "consent",
    ]

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the network processes my personal data as the privacy policy says."),
        error_messages={
            "required": _(
                "Please tick the box to agree to the privacy policy: we cannot keep "
                "your details without your consent."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_profile_fields()

    def clean_full_name(self):
        return _clean_full_name(self.cleaned_data["full_name"])

    def clean(self):
        cleaned = super().clean()
        self._clean_places(cleaned)
        return cleaned

    def full_clean(self):
        """The no-JavaScript step ("Show the wards of this province") is not a sign-up: it only
        brings the form back with the province's wards. Nothing else is judged in that step
        (allauth checks the passwords after our `clean`, so this is the place), and because a
        password is never written back into a page, the form says plainly to type it again."""
        super().full_clean()
        if CHOOSE_PROVINCE not in self.data:
            return
        for name in list(self._errors):
            if name not in ("province", "ward"):
                del self._errors[name]
        if "password1" in self.fields:
            self.add_error(
                "password1",
                _(
                    "For your safety the page does not keep passwords: please type your "
                    "password again in both boxes."
                ),
            )

    def signup(self, request, user):
        """Nothing here: `save_extra` already ran inside the adapter's transaction."""

    def save_extra(self, user):
        from .services import member_profile_create

        member_profile_create(
            user=user, profile=self.cleaned_data, consent_given=self.cleaned_data["consent"]
        )


class ProfileForm(ProfileFieldsMixin, forms.Form):
    """The owner corrects their details, changes their photo and chooses what is public."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    avatar = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("JPEG or PNG, at most 5 MB. Location data in the photo is removed."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    in_directory = forms.BooleanField(label=_("List me in the member directory"), required=False)
    show_gender = forms.BooleanField(label=_("Show my gender"), required=False)
    show_birth_year = forms.BooleanField(label=_("Show my year of birth"), required=False)
    show_phone = forms.BooleanField(label=_("Show my phone number"), required=False)
    show_email = forms.BooleanField(label=_("Show my e-mail address"), required=False)
    show_occupation = forms.BooleanField(label=_("Show my occupation"), required=False)
    show_affiliation = forms.BooleanField(label=_("Show my affiliation"), required=False)
    show_avatar = forms.BooleanField(label=_("Show my photo"), required=False)
    show_organisations = forms.BooleanField(
        label=_("Show me on the pages of my organisations"), required=False
    )

    VISIBILITY = MemberProfile.VISIBILITY_FIELDS

    def __init__(self, *args, profile: MemberProfile, **kwargs):
        self.profile = profile
        initial = {
            "full_name": profile.user.full_name,
            "gender": profile.gender,
            "birth_year": profile.birth_year,
            "phone": profile.phone,
            "province": profile.province.code if profile.province_id else "",
            "ward": profile.ward.code if profile.ward_id else "",
            "occupation": profile.occupation,
            "affiliation": profile.affiliation,
            **{name: getattr(profile, name) for name in self.VISIBILITY},
        }
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self._setup_profile_fields()
        self.order_fields(
            [
                "full_name",
                "gender",
                "birth_year",
                "phone",
                "province",
                "ward",
                "occupation",
                "affiliation",
                "avatar",
                *self.VISIBILITY,
            ]
        )
        self.fields["avatar"].widget.is_required = False
        if profile.pk is None:
            # Someone whose account predates their profile: consent is asked here, explicitly.
            self.fields["consent"] = SignupForm.base_fields["consent"]

    def profile_fields(self):
        return [self[n] for n in self.fields if n not in self.VISIBILITY]

    def visibility_fields(self):
        return [self[n] for n in self.VISIBILITY]

    def clean_full_name(self):
        return _clean_full_name(self.cleaned_data["full_name"])

    def clean_avatar(self):
        upload = self.cleaned_data.get("avatar")
        if not upload:
            return None
        return clean_image(upload, max_side=512)

    def clean(self):
        cleaned = super().clean()
        self._clean_places(cleaned)
        return cleaned


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=OrganisationKind.choices)
    in_vietnam = forms.TypedChoiceField(
        label=_("Where is it?"),
        choices=[("yes", _("In Vietnam")), ("no", _("Abroad"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="yes",
    )
    country = forms.CharField(label=_("Country (if abroad)"), max_length=100, required=False)
    website = forms.URLField(label=_("Website (optional)"), required=False, assume_scheme="https")
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=30, required=False)
    logo = forms.FileField(
        label=_("Logo (optional)"),
        required=False,
        help_text=_("JPEG or PNG, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    goals = forms.CharField(
        label=_("Goals"), widget=forms.Textarea(attrs={"rows": 3}), max_length=3000, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"] = forms.ModelChoiceField(
            label=_("Province / city (if in Vietnam)"),
            queryset=Province.objects.current(),
            to_field_name="code",
            required=False,
            empty_label=_("– Choose a province –"),
        )
        self.order_fields(
            [
                "name",
                "kind",
                "in_vietnam",
                "province",
                "country",
                "website",
                "contact_email",
                "contact_phone",
                "logo",
                "description",
                "goals",
            ]
        )
        self.fields["logo"].widget.is_required = False

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_contact_phone(self):
        return " ".join(self.cleaned_data["contact_phone"].split())

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        return clean_image(upload, max_side=400)

    def clean(self):
        cleaned = super().clean()
        in_vietnam = cleaned.get("in_vietnam")
        if in_vietnam and not cleaned.get("province"):
            self.add_error("province", _("Choose the province where the organisation works."))
        if in_vietnam is False and not cleaned.get("country", "").strip():
            self.add_error("country", _("Write the country where the organisation works."))
        if not cleaned.get("contact_email") and not cleaned.get("contact_phone"):
            self.add_error("contact_email", _("Give an e-mail address or a phone number."))
        return cleaned


class JoinOrganisationForm(forms.Form):
    role = forms.ChoiceField(
        label=_("I am"),
        choices=OrganisationMembership.Role.choices,
        initial=OrganisationMembership.Role.MEMBER,
        widget=forms.RadioSelect,
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account is deleted and cannot be restored."),
        error_messages={"required": _("Tick the box to confirm.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("This password is not right."))
        return password
