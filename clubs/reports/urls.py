from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.home, name="home"),
    path("club/<int:pk>/", views.club_reports, name="club"),
    path("club/<int:pk>/<int:year>/q<int:quarter>/start/", views.quarterly_start, name="start"),
    path("club/<int:pk>/<int:year>/q<int:quarter>/reopen/", views.quarterly_reopen, name="reopen"),
    path("quarterly/<int:pk>/", views.quarterly_detail, name="quarterly"),
    path("quarterly/<int:pk>/edit/", views.quarterly_edit, name="quarterly_edit"),
    path("quarterly/<int:pk>/xlsx/", views.quarterly_xlsx, name="quarterly_xlsx"),
    path("quarterly/<int:pk>/print/", views.quarterly_print, name="quarterly_print"),
    path("quarterly/<int:pk>/<str:step>/", views.quarterly_step, name="quarterly_step"),
    path("files/<int:pk>/", views.attachment_download, name="attachment"),
    path("ward/<int:pk>/", views.ward_dashboard, name="ward"),
    path("ward/<int:ward_pk>/year/<int:year>/", views.annual_for_ward, name="annual_for_ward"),
    path("province/<int:pk>/", views.province_dashboard, name="province"),
    path("annual/<int:pk>/", views.annual_detail, name="annual"),
    path("annual/<int:pk>/edit/", views.annual_edit, name="annual_edit"),
    path("annual/<int:pk>/xlsx/", views.annual_xlsx, name="annual_xlsx"),
    path("annual/<int:pk>/print/", views.annual_print, name="annual_print"),
    path("annual/<int:pk>/reopen/", views.annual_reopen, name="annual_reopen"),
    path("annual/<int:pk>/<str:step>/", views.annual_step, name="annual_step"),
]
