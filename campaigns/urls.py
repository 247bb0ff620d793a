from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("new/", views.campaign_create, name="create"),
    path("<int:pk>/", views.campaign_detail, name="detail"),
    path("<int:pk>/edit/", views.campaign_edit, name="edit"),
    path("<int:pk>/copy/", views.campaign_copy, name="copy"),
    path("<int:pk>/progress/", views.campaign_progress, name="progress"),
    path("<int:pk>/ranking/<str:what>/", views.campaign_ranking, name="ranking"),
    path("<int:pk>/activities/", views.activity_list, name="activities"),
    path("<int:pk>/activities/new/", views.activity_create, name="activity_create"),
    path("<int:pk>/pledges/", views.pledge_wall, name="pledges"),
    path("activities/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("honours/", views.honour_roll, name="honour_roll"),
    path("honours/<int:year>/", views.honour_roll, name="honour_roll_year"),
    path("honours/new/", views.commendation_create, name="commendation_create"),
    path("certificates/<str:code>/", views.certificate_verify, name="verify"),
    path("certificates/<str:code>/print/", views.certificate_print, name="certificate_print"),
]
