from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # One insert with the full name, inside one transaction: never a nameless half-user.
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data.get("full_name", "")
        if commit:
            with transaction.atomic():
                user.save()
                # The sign-up form's own rows (the member profile, the consent) go in the same
                # transaction: all saved or none.
                save_extra = getattr(form, "save_extra", None)
                if save_extra is not None:
                    save_extra(user)
        return user
