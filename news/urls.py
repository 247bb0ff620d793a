from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.index, name="index"),
    path("tim-kiem/", views.search, name="search"),
    path("rss/", feeds.LatestArticlesFeed(), name="rss"),
    path("atom/", feeds.LatestArticlesAtomFeed(), name="atom"),
    path("chuyen-muc/<slug:slug>/", views.category, name="category"),
    path("the/<slug:slug>/", views.tag, name="tag"),
    path("chien-dich/<int:pk>/", views.campaign, name="campaign"),
    path("bai-viet/<slug:slug>/", views.article, name="article"),
    path("toa-soan/", views.newsroom, name="newsroom"),
    path("toa-soan/viet-bai/", views.create, name="create"),
    path("toa-soan/chuyen-muc/", views.categories, name="categories"),
    path("toa-soan/chuyen-muc/<int:pk>/", views.categories, name="category_edit"),
    path("toa-soan/<int:pk>/sua/", views.edit, name="edit"),
    path("toa-soan/<int:pk>/xem-truoc/", views.preview, name="preview"),
    path("toa-soan/<int:pk>/gui-duyet/", views.submit, name="submit"),
    path("toa-soan/<int:pk>/tra-lai/", views.return_to_author, name="return"),
    path("toa-soan/<int:pk>/xuat-ban/", views.publish, name="publish"),
    path("toa-soan/<int:pk>/go-bai/", views.unpublish, name="unpublish"),
    path("toa-soan/<int:pk>/lich-su/", views.history, name="history"),
    path("toa-soan/<int:pk>/anh/", views.photo_add, name="photo_add"),
    path("toa-soan/<int:pk>/anh/<int:image_pk>/xoa/", views.photo_remove, name="photo_remove"),
]
