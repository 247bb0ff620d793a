from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("privacy-policy/", views.privacy_policy, name="privacy_policy"),
    path("me/", views.my_profile, name="my_profile"),
    path("me/edit/", views.profile_edit, name="profile_edit"),
    path("me/photo/remove/", views.avatar_remove, name="avatar_remove"),
    path("me/privacy/", views.privacy, name="privacy"),
    path("me/data.json", views.my_data, name="my_data"),
    path("me/consent/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("me/consent/give/", views.consent_give, name="consent_give"),
    path("me/delete/", views.account_delete, name="account_delete"),
    path("people/", views.member_directory, name="member_directory"),
    path("people/<int:pk>/", views.member_detail, name="member_detail"),
    path("people/export.<str:fmt>", views.member_export, name="member_export"),
    path("organisations/", views.organisation_directory, name="organisation_directory"),
    path("organisations/new/", views.organisation_register, name="organisation_register"),
    path("organisations/pending/", views.organisations_pending, name="organisations_pending"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/join/", views.organisation_join, name="organisation_join"),
    path("organisations/<int:pk>/leave/", views.organisation_leave, name="organisation_leave"),
    path("organisations/<int:pk>/verify/", views.organisation_verify, name="organisation_verify"),
    path(
        "organisations/<int:pk>/requests/<int:membership_pk>/",
        views.membership_decide,
        name="membership_decide",
    ),
]
