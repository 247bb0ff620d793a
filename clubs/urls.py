from django.urls import path

from . import views

app_name = "clubs"

urlpatterns = [
    path("", views.club_list, name="list"),
    path("mine/", views.my_clubs, name="mine"),
    path("calendar/<str:token>.ics", views.member_ics, name="member_ics"),
    path("<int:pk>/", views.club_detail, name="detail"),
    path("<int:pk>/edit/", views.club_edit, name="edit"),
    path("<int:pk>/join/", views.club_join, name="join"),
    path("<int:pk>/requests/", views.club_requests, name="requests"),
    path("<int:pk>/roster/", views.roster, name="roster"),
    path("<int:pk>/roster/<int:entry_pk>/edit/", views.roster_entry_edit, name="roster_edit"),
    path("<int:pk>/roster/<int:entry_pk>/leave/", views.roster_leave, name="roster_leave"),
    path("wards/<int:ward_code>/add/", views.club_add, name="add"),
    path("wards/<int:ward_code>/steering-group/", views.steering_group, name="steering_group"),
    path(
        "wards/<int:ward_code>/steering-group/<int:person_pk>/edit/",
        views.steering_member_edit,
        name="steering_member_edit",
    ),
    path(
        "wards/<int:ward_code>/steering-group/<int:person_pk>/remove/",
        views.steering_member_remove,
        name="steering_member_remove",
    ),
    path("<int:pk>/meetings/", views.meetings_year, name="meetings"),
    path("<int:pk>/meetings/print/", views.meetings_year_print, name="meetings_print"),
    path("<int:pk>/meetings/plan/", views.meetings_plan, name="meetings_plan"),
    path("<int:pk>/meetings/add/", views.meeting_edit, name="meeting_add"),
    path("<int:pk>/meetings/<int:meeting_pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/calendar.ics", views.club_ics, name="club_ics"),
    path("<int:pk>/cases/", views.case_list, name="cases"),
    path("<int:pk>/cases/add/", views.case_add, name="case_add"),
    path("<int:pk>/cases/export.csv", views.case_export, name="cases_export"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/record/", views.meeting_record, name="meeting_record"),
    path("meetings/<int:pk>/sign-in-sheet/", views.meeting_sheet, name="meeting_sheet"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
    path("cases/<int:pk>/edit/", views.case_edit, name="case_edit"),
    path("cases/<int:pk>/referrals/", views.referral_add, name="referral_add"),
    path("referrals/<int:pk>/status/", views.referral_status, name="referral_status"),
]
