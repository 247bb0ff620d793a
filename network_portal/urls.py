from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import include, path
from django.views.generic import TemplateView

from news.sitemaps import sitemaps as news_sitemaps

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("places/", include("network_portal.places.urls")),
    path("notifications/", include("network_portal.notifications.urls")),
    path("members/", include("members.urls")),
    path("clubs/", include("clubs.urls")),
    path("reports/", include("clubs.reports.urls")),
    path("campaigns/", include("campaigns.urls")),
    path("news/", include("news.urls")),
    path(
        "sitemap.xml",
        sitemap_view,
        {"sitemaps": news_sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path(
        "about/",
        TemplateView.as_view(template_name="pages/about.html"),
        name="about",
    ),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler403 = "network_portal.views.permission_denied"
handler404 = "network_portal.views.page_not_found"
handler500 = "network_portal.views.server_error"
