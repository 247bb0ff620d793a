"""Factories for news: categories, and articles made through the services (as the app does)."""

from __future__ import annotations

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from news import services
from news.images import check_upload
from news.models import Category
from tests.factories import editor as make_editor


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")


def jpeg_bytes(width=800, height=450, color=(120, 60, 160), exif=None) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (width, height), color)
    image.save(buffer, "JPEG", **({"exif": exif} if exif is not None else {}))
    return buffer.getvalue()


def jpeg_upload(name="anh.jpg", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


def photo(alt="Các thành viên câu lạc bộ", caption="") -> services.PhotoUpload:
    return services.PhotoUpload(check_upload(jpeg_upload()), alt, caption)


def article_data(**overrides) -> services.ArticleData:
    values = {
        "title": "Sinh hoạt câu lạc bộ tháng 11",
        "lead": "Các thành viên thảo luận về bình đẳng giới.",
        "body_markdown": "Nội dung **bài viết**.",
        "category": overrides.pop("category", None) or CategoryFactory(),
        "tag_names": ["bình đẳng giới"],
    }
    values.update(overrides)
    return services.ArticleData(**values)


def make_article(*, by=None, cover=False, **overrides):
    """A draft, written by `by` (an editor if not given)."""
    by = by or make_editor()
    return services.article_create(
        by=by, data=article_data(**overrides), cover=photo() if cover else None
    )


def published_article(*, by=None, at=None, cover=False, **overrides):
    """Published at `at` (default: an hour ago) by an editor."""
    editor = by or make_editor()
    article = make_article(by=editor, cover=cover, **overrides)
    return services.article_publish(
        article=article,
        by=editor,
        at=at or timezone.now() - datetime.timedelta(hours=1),
    )
