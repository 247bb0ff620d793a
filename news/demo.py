"""This app's part of `seed_demo`: categories and Vietnamese activity news with photos.

Photos are drawn with Pillow (no download). One article is scheduled three days ahead, one
is a club chair's story waiting for review, one is the editor's draft. Running twice changes
nothing: an article whose title exists is left alone.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone
from PIL import Image, ImageDraw

from . import services
from .images import CheckedImage
from .models import Article, Category, Status

CATEGORIES = [
    (
        "hoat-dong",
        "Tin hoạt động",
        "Hoạt động của mạng lưới, các câu lạc bộ và tổ chức thành viên.",
    ),
    (
        "thang-hanh-dong",
        "Tháng hành động",
        "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới "
        "(15/11 – 15/12).",
    ),
    ("cau-lac-bo", "Câu lạc bộ", "Sinh hoạt của các câu lạc bộ “Nam giới tiên phong”."),
    ("guong-dien-hinh", "Gương điển hình", "Những nam giới làm gương trong gia đình và cộng đồng."),
    ("suc-khoe", "Sức khỏe nam giới", "Sức khỏe thể chất và tinh thần của nam giới."),
]

# (category slug, title, lead, body, tags, days ago (negative: scheduled), author key, status)
ARTICLES = [
    (
        "thang-hanh-dong",
        "Đà Nẵng phát động Tháng hành động vì bình đẳng giới năm 2026",
        "Sáng 15/11, UBND thành phố Đà Nẵng tổ chức lễ phát động Tháng hành động vì bình đẳng "
        "giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới.",
        "Chủ đề năm nay là **“Bình đẳng giới và an toàn cho phụ nữ, trẻ em gái trong kỷ nguyên "
        "số”**.\n\nTại buổi lễ, đại diện các câu lạc bộ *Nam giới tiên phong* cam kết:\n\n"
        "- tổ chức sinh hoạt chuyên đề hàng tháng;\n- chia sẻ việc nhà, chăm sóc con cái;\n"
        "- lên tiếng khi chứng kiến bạo lực.\n\n## Các hoạt động chính\n\nTừ 15/11 đến 15/12, "
        "các phường, xã tổ chức tọa đàm, thi nấu ăn của nam giới, tiểu phẩm tuyên truyền và "
        "treo băng rôn, khẩu hiệu.",
        ["bình đẳng giới", "tháng hành động", "Đà Nẵng"],
        2,
        "editor",
        Status.PUBLISHED,
    ),
    (
        "cau-lac-bo",
        "CLB Nam giới tiên phong phường Hải Châu sinh hoạt chuyên đề tháng 11",
        "Hơn 40 thành viên câu lạc bộ cùng thảo luận về định kiến giới và vai trò của nam "
        "giới trong gia đình.",
        "Buổi sinh hoạt do chủ nhiệm câu lạc bộ, ông Hoàng Văn Dũng, chủ trì.\n\n"
        "> “Chia sẻ việc nhà không làm mất đi vai trò người đàn ông”, một thành viên nói.\n\n"
        "Tổ tư vấn của câu lạc bộ giới thiệu cách tiếp nhận và kết nối các vụ việc liên quan "
        "đến bất bình đẳng giới tại cộng đồng.",
        ["câu lạc bộ", "định kiến giới", "Hải Châu"],
        5,
        "chair",
        Status.PUBLISHED,
    ),
    (
        "guong-dien-hinh",
        "Người cha ở tổ dân phố số 3 và bữa cơm chung mỗi tối",
        "Anh Võ Đức Thắng, tổ trưởng tổ dân phố, kể chuyện cả nhà cùng nấu bữa tối.",
        "Mười năm nay, bữa tối ở nhà anh Thắng do cả nhà cùng nấu. Anh đi chợ, vợ anh nêm "
        "nếm, hai con dọn bàn.\n\nAnh nói việc nhà là việc chung của mọi người trong gia đình.",
        ["gương điển hình", "chia sẻ việc nhà", "gia đình"],
        9,
        "editor",
        Status.PUBLISHED,
    ),
    (
        "suc-khoe",
        "Nam giới và sức khỏe tinh thần: đừng ngại tìm sự giúp đỡ",
        "Nhiều nam giới ngại nói về căng thẳng, lo âu. Chuyên gia khuyên nên chia sẻ sớm.",
        "Theo các chuyên gia, định kiến “đàn ông không được yếu đuối” khiến nhiều người giấu "
        "căng thẳng.\n\n## Dấu hiệu cần lưu ý\n\n1. Mất ngủ kéo dài;\n2. Dễ cáu giận;\n"
        "3. Thu mình, ít nói chuyện.\n\nHãy nói chuyện với người thân hoặc tổ tư vấn của câu "
        "lạc bộ.",
        ["sức khỏe tinh thần", "định kiến giới"],
        14,
        "editor",
        Status.PUBLISHED,
    ),
    (
        "hoat-dong",
        "Hội thi nấu ăn “Bếp ấm ba miền” dành cho nam giới",
        "Ngày Gia đình Việt Nam 28/6, 12 đội nam giới trổ tài nấu ăn tại nhà văn hóa phường.",
        "Các đội đến từ 9 khối phố đã mang đến những món ăn quê hương.\n\nBan tổ chức trao "
        "giấy khen cho 3 đội xuất sắc.",
        ["gia đình", "chia sẻ việc nhà", "bình đẳng giới"],
        30,
        "editor",
        Status.PUBLISHED,
    ),
    (
        "thang-hanh-dong",
        "Tổng kết Tháng hành động: 9/9 khối phố có câu lạc bộ",
        "Phường Hải Châu tổng kết Tháng hành động và nhân rộng mô hình câu lạc bộ ra toàn "
        "bộ các khối phố.",
        "Bài viết sẽ được đăng sau lễ tổng kết.\n\nPhường đã nhân rộng mô hình ra **9/9 khối**.",
        ["tháng hành động", "câu lạc bộ", "Hải Châu"],
        -3,
        "editor",
        Status.PUBLISHED,
    ),
    (
        "cau-lac-bo",
        "Câu lạc bộ ra mắt tổ tư vấn mới",
        "Tổ tư vấn gồm 5 thành viên có uy tín, sống và làm việc tại địa phương.",
        "Danh sách tổ tư vấn sẽ được thông báo trên đài phát thanh phường.",
        ["câu lạc bộ", "tổ tư vấn"],
        0,
        "chair",
        Status.REVIEW,
    ),
]

# Links to the campaigns and clubs of the earlier seeders (`ctx.extra`): title → (campaign key
# in ctx.extra["campaigns"] or None, club keys in ctx.extra["clubs"]).
LINKS = {
    "Đà Nẵng phát động Tháng hành động vì bình đẳng giới năm 2026": (
        "2026",
        ["hai_chau", "thanh_khe"],
    ),
    "CLB Nam giới tiên phong phường Hải Châu sinh hoạt chuyên đề tháng 11": ("2026", ["hai_chau"]),
    "Hội thi nấu ăn “Bếp ấm ba miền” dành cho nam giới": (None, ["thanh_khe"]),
    "Tổng kết Tháng hành động: 9/9 khối phố có câu lạc bộ": ("2026", ["hai_chau"]),
    "Câu lạc bộ ra mắt tổ tư vấn mới": (None, ["hai_chau"]),
}

PALETTES = [
    ((74, 37, 116), (179, 71, 0)),
    ((30, 107, 52), (255, 191, 71)),
    ((52, 26, 82), (217, 210, 227)),
    ((164, 22, 26), (246, 243, 250)),
]


def _photo(seed: int) -> CheckedImage:
    """A simple drawn picture (gradient, sun, people-like shapes): no file to download."""
    rng = random.Random(seed)
    top, bottom = PALETTES[seed % len(PALETTES)]
    width, height = 1280, 720
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    draw.ellipse((width - 300, 60, width - 120, 240), fill=(255, 214, 102))
    for i in range(6):
        x = 120 + i * 180 + rng.randint(-30, 30)
        h = rng.randint(220, 320)
        draw.ellipse((x - 35, height - h - 80, x + 35, height - h - 10), fill=(40, 30, 50))
        draw.rounded_rectangle((x - 55, height - h, x + 55, height), radius=40, fill=(40, 30, 50))
    return CheckedImage(image=image, format="JPEG")


def seed(ctx) -> None:
    categories = {}
    for position, (slug, name, description) in enumerate(CATEGORIES):
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "position": position},
        )
    editor = ctx.users["editor"]
    now = timezone.now().replace(second=0, microsecond=0)
    made = 0
    for n, (cat, title, lead, body, tags, days_ago, author_key, status) in enumerate(ARTICLES):
        if Article.objects.filter(title=title).exists():
            continue
        author = ctx.users[author_key]
        article = services.article_create(
            by=author,
            data=services.ArticleData(
                title=title,
                lead=lead,
                body_markdown=body,
                category=categories[cat],
                tag_names=tags,
                source_name="Mạng lưới nam giới vì bình đẳng giới",
            ),
            cover=services.PhotoUpload(
                _photo(n),
                alt_text=f"Hình minh họa: {title}",
                caption="Ảnh minh họa của ban biên tập.",
            ),
        )
        if status in (Status.REVIEW, Status.PUBLISHED) and author != editor:
            services.article_submit(article=article, by=author)
        if status == Status.PUBLISHED:
            at = now - datetime.timedelta(days=days_ago, hours=n)
            services.article_publish(article=article, by=editor, at=at)
        made += 1
    _link(ctx)
    ctx.extra["news_categories"] = categories
    if made:
        ctx.stdout.write(f"Tin tức: {made} bài viết mẫu (1 bài hẹn giờ đăng, 1 bài chờ duyệt).")


def _link(ctx) -> None:
    """Link the demo articles to the demo campaign and clubs, when those seeders ran.

    Written directly (like other seeders' back-dated history) and idempotent: a campaign is set
    only where none is, and adding a club that is already linked changes nothing."""
    campaigns = ctx.extra.get("campaigns", {})
    clubs = ctx.extra.get("clubs", {})
    for title, (campaign_key, club_keys) in LINKS.items():
        article = Article.objects.filter(title=title).first()
        if article is None:
            continue
        campaign = campaigns.get(campaign_key) if campaign_key else None
        if campaign is not None and article.campaign_id is None:
            article.campaign = campaign
            article.save(update_fields=["campaign"])
        linked = [clubs[key] for key in club_keys if key in clubs]
        if linked:
            article.clubs.add(*linked)
