"""Photo uploads: limits with clear Vietnamese messages, metadata stripped, renditions made."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from news.models import Article, ArticleImage
from tests.factories import editor
from tests.news.factories import CategoryFactory, jpeg_bytes, jpeg_upload, make_article

pytestmark = pytest.mark.django_db


def png_upload(width, height, name="lon.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (16.0, 4.0, 12.0)
    gps[3], gps[4] = "E", (108.0, 13.0, 5.0)
    return exif.tobytes()


def post_article(client, cover, alt="Ảnh các thành viên"):
    return client.post(
        reverse("news:create"),
        {
            "title": "Bài có ảnh",
            "lead": "Tóm tắt",
            "body_markdown": "Nội dung",
            "category": CategoryFactory().pk,
            "cover": cover,
            "cover_alt": alt,
        },
    )


@pytest.fixture
def writer(client):
    user = editor()
    client.force_login(user)
    return user


def assert_refused(response, message):
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Article.objects.count() == 0
    assert ArticleImage.objects.count() == 0


def test_it_strips_the_gps_position_and_makes_webp_and_jpeg_renditions(client, writer):
    upload = SimpleUploadedFile("gps.jpg", jpeg_bytes(1600, 900, exif=gps_exif()))
    assert Image.open(io.BytesIO(jpeg_bytes(exif=gps_exif()))).getexif().get_ifd(0x8825)

    response = post_article(client, upload)

    assert response.status_code == 302
    image = Article.objects.get().cover
    names = [image.original] + [
        r[fmt] for r in image.renditions.values() for fmt in ("webp", "jpeg")
    ]
    assert len(names) == 7
    for name in names:
        with default_storage.open(name) as stored:
            opened = Image.open(stored)
            assert not opened.getexif().get_ifd(0x8825), name
            assert 0x010F not in opened.getexif(), name
    assert image.renditions["thumb"]["width"] == 320
    assert image.renditions["card"]["height"] == 360
    assert image.renditions["hero"]["width"] == 1280
    assert image.url("card", "webp").endswith("card.webp")
    assert (image.width, image.height) == (1600, 900)


def test_it_refuses_a_photo_over_5_mb(client, writer):
    big = SimpleUploadedFile("to.jpg", jpeg_bytes() + b"\0" * (5 * 1024 * 1024))

    assert_refused(post_article(client, big), "Ảnh quá lớn")


def test_it_refuses_a_file_that_is_not_a_photo(client, writer):
    fake = SimpleUploadedFile("virus.jpg", b"MZ\x90\x00 not a picture", content_type="image/jpeg")

    assert_refused(post_article(client, fake), "Tệp này không phải là ảnh")


def test_it_refuses_a_gif(client, writer):
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300)).save(buffer, "GIF")

    response = post_article(client, SimpleUploadedFile("a.gif", buffer.getvalue()))

    assert_refused(response, "JPEG, PNG hoặc WebP")


def test_it_refuses_a_photo_with_too_many_pixels(client, writer):
    assert_refused(post_article(client, png_upload(8000, 6000)), "Ảnh có quá nhiều điểm ảnh")


def test_it_catches_a_decompression_bomb_with_a_clear_message(client, writer):
    # 400 megapixels in a few kilobytes: Pillow refuses to open it; the person gets a message.
    bomb = png_upload(20000, 20000, name="bom.png")
    assert bomb.size < 200_000

    assert_refused(post_article(client, bomb), "Ảnh có quá nhiều điểm ảnh")


def test_it_refuses_a_tiny_photo(client, writer):
    assert_refused(post_article(client, jpeg_upload(width=100, height=80)), "Ảnh quá nhỏ")


def test_it_requires_alt_text_with_a_cover(client, writer):
    assert_refused(post_article(client, jpeg_upload(), alt=""), "Hãy mô tả ảnh bìa")


def test_it_adds_more_photos_with_alt_text_and_removes_them(client, writer):
    article = make_article(by=writer)
    url = reverse("news:photo_add", args=[article.pk])

    refused = client.post(url, {"photo": jpeg_upload(), "alt_text": ""})
    assert refused.status_code == 400
    assert ArticleImage.objects.count() == 0

    added = client.post(url, {"photo": jpeg_upload(), "alt_text": "Hội thi nấu ăn"})
    assert added.status_code == 302
    image = article.images.get()

    client.post(reverse("news:photo_remove", args=[article.pk, image.pk]))
    assert not article.images.exists()
