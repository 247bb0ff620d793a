"""Every write to news goes through one function here: permission check, one transaction,
a revision row saying who did what and when, and the public cache bumped on commit."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Campaign
from clubs.models import Club

from . import cache, images, selectors
from .models import Article, ArticleImage, Category, Revision, Status, Tag
from .text import fold, html_to_text, render_markdown, vietnamese_slug

MAX_TAGS = 10


@dataclass
class ArticleData:
    """What the article form collects (the cover photo travels separately)."""

    title: str
    lead: str
    body_markdown: str
    category: Category
    tag_names: list[str]
    byline: str = ""
    source_name: str = ""
    source_url: str = ""
    campaign: Campaign | None = None
    clubs: list[Club] = field(default_factory=list)


@dataclass
class PhotoUpload:
    checked: images.CheckedImage
    alt_text: str
    caption: str = ""


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """`vietnamese_slug(title)`, then -2, -3 … until no other article has it."""
    base = vietnamese_slug(title) or "bai-viet"
    taken = set(
        Article.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _require(user, perm: str, article=None) -> None:
    if not user.has_perm(perm, article):
        raise PermissionDenied


def _tags(names: list[str]) -> list[Tag]:
    tags = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        slug = vietnamese_slug(name, max_length=80) or "the"
        tag = Tag.objects.filter(slug=slug).first() or Tag.objects.create(name=name, slug=slug)
        tags.append(tag)
    return tags[:MAX_TAGS]


def _apply(article: Article, data: ArticleData) -> None:
    article.title = data.title
    article.lead = data.lead
    article.body_markdown = data.body_markdown
    article.body_html = render_markdown(data.body_markdown)  # sanitised before it is stored
    article.body_text = html_to_text(article.body_html)
    article.category = data.category
    article.byline = data.byline
    article.source_name = data.source_name
    article.source_url = data.source_url
    article.campaign = data.campaign
    article.search_text = fold(
        " ".join([data.title, data.lead, article.body_text, " ".join(data.tag_names)])
    )


def _check_links(by, data: ArticleData, article: Article | None = None) -> None:
    """Only clubs the person may link (their own, or any for editors) and only current or
    recent campaigns; what the article already links to may stay."""
    keep_clubs = set(article.clubs.values_list("pk", flat=True)) if article else set()
    wanted = {club.pk for club in data.clubs}
    if wanted - keep_clubs:
        allowed = set(
            selectors.linkable_clubs(by, keep_pks=keep_clubs)
            .filter(pk__in=wanted)
            .values_list("pk", flat=True)
        )
        if wanted - allowed:
            raise ValidationError(_("You may link the article only to your own clubs."))
    kept_campaign = article.campaign_id if article else None
    if (
        data.campaign is not None
        and data.campaign.pk != kept_campaign
        and not selectors.linkable_campaigns().filter(pk=data.campaign.pk).exists()
    ):
        raise ValidationError(_("Please choose a current or recent campaign."))


def _revision(article: Article, by, action: str, note: str = "") -> None:
    Revision.objects.create(
        article=article,
        action=action,
        by=by,
        note=note,
        title=article.title,
        lead=article.lead,
        body_markdown=article.body_markdown,
    )


def _store_photo(article: Article, by, photo: PhotoUpload, position: int) -> ArticleImage:
    original, renditions = images.store(photo.checked)
    try:
        return ArticleImage.objects.create(
            article=article,
            original=original,
            renditions=renditions,
            width=photo.checked.width,
            height=photo.checked.height,
            alt_text=photo.alt_text,
            caption=photo.caption,
            position=position,
            uploaded_by=by,
        )
    except Exception:
        images.delete_files(original, renditions)
        raise


def _bump_if_public(article: Article) -> None:
    if article.status == Status.PUBLISHED:
        transaction.on_commit(cache.bump)


def article_create(*, by, data: ArticleData, cover: PhotoUpload | None = None) -> Article:
    _require(by, "news.add_article")
    _check_links(by, data)
    with transaction.atomic():
        article = Article(author=by, status=Status.DRAFT, slug=unique_slug(data.title))
        _apply(article, data)
        article.save()
        article.tags.set(_tags(data.tag_names))
        article.clubs.set(data.clubs)
        if cover:
            article.cover = _store_photo(article, by, cover, position=0)
            article.save(update_fields=["cover"])
        _revision(article, by, Revision.Action.CREATED)
    return article


def article_update(
    *,
    article: Article,
    by,
    data: ArticleData,
    cover: PhotoUpload | None = None,
    cover_alt: str = "",
    cover_caption: str = "",
) -> Article:
    """Save an edit. A new cover photo replaces the old; otherwise its texts may change."""
    _require(by, "news.change_article", article)
    fields = [
        "title", "lead", "body_markdown", "body_html", "body_text", "search_text", "category",
        "byline", "source_name", "source_url", "campaign", "updated_at",
    ]  # fmt: skip
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        _check_links(by, data, article)
        _apply(article, data)
        if article.published_at is None and article.status != Status.PUBLISHED:
            # Never published: the address may still follow the title.
            article.slug = unique_slug(data.title, exclude_pk=article.pk)
            fields.append("slug")
        if cover:
            old = article.cover
            article.cover = _store_photo(article, by, cover, position=0)
            fields.append("cover")
            if old is not None:
                _drop_photo(old)
        elif article.cover_id and cover_alt:
            ArticleImage.objects.filter(pk=article.cover_id).update(
                alt_text=cover_alt, caption=cover_caption
            )
        article.save(update_fields=fields)
        article.tags.set(_tags(data.tag_names))
        article.clubs.set(data.clubs)
        _revision(article, by, Revision.Action.EDITED)
        _bump_if_public(article)
    return article


def article_submit(*, article: Article, by) -> Article:
    _require(by, "news.submit_article", article)
    with transaction.atomic():
        article.status = Status.REVIEW
        article.save(update_fields=["status", "updated_at"])
        _revision(article, by, Revision.Action.SUBMITTED)
    return article


def article_return(*, article: Article, by, note: str = "") -> Article:
    """An editor sends a story in review back to its author as a draft, with a note."""
    _require(by, "news.return_article", article)
    with transaction.atomic():
        article.status = Status.DRAFT
        article.save(update_fields=["status", "updated_at"])
        _revision(article, by, Revision.Action.RETURNED, note=note[:300])
    return article


def article_publish(*, article: Article, by, at: datetime.datetime | None = None) -> Article:
    """Publish now, or at `at` (a future time schedules it: invisible until then)."""
    _require(by, "news.publish_article", article)
    if at is not None and timezone.is_naive(at):
        raise ValidationError(_("The publication time needs a time zone."))
    now = timezone.now()
    when = at or now
    with transaction.atomic():
        article.status = Status.PUBLISHED
        article.published_at = when
        article.save(update_fields=["status", "published_at", "updated_at"])
        action = Revision.Action.SCHEDULED if when > now else Revision.Action.PUBLISHED
        _revision(article, by, action)
        transaction.on_commit(cache.bump)
    return article


def article_unpublish(*, article: Article, by) -> Article:
    """Take an article off the public site; it goes back to draft (its address is kept)."""
    _require(by, "news.unpublish_article", article)
    with transaction.atomic():
        article.status = Status.DRAFT
        article.save(update_fields=["status", "updated_at"])
        _revision(article, by, Revision.Action.UNPUBLISHED)
        transaction.on_commit(cache.bump)
    return article


def article_photo_add(*, article: Article, by, photo: PhotoUpload) -> ArticleImage:
    _require(by, "news.change_article", article)
    with transaction.atomic():
        position = article.images.count() + 1
        image = _store_photo(article, by, photo, position=position)
        _bump_if_public(article)
    return image


def article_photo_remove(*, image: ArticleImage, by) -> None:
    article = image.article
    _require(by, "news.change_article", article)
    with transaction.atomic():
        if article.cover_id == image.pk:
            article.cover = None
            article.save(update_fields=["cover", "updated_at"])
        _drop_photo(image)
        _bump_if_public(article)


def _drop_photo(image: ArticleImage) -> None:
    original, renditions = image.original, image.renditions
    image.delete()
    transaction.on_commit(lambda: images.delete_files(original, renditions))


def category_save(
    *, by, name: str, description: str = "", position: int = 0, category: Category | None = None
) -> Category:
    """Create a category (its slug from the name) or rename/describe an existing one."""
    _require(by, "news.manage_categories")
    with transaction.atomic():
        if category is None:
            base = vietnamese_slug(name) or "chuyen-muc"
            slug, n = base, 2
            while Category.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            category = Category.objects.create(
                name=name, slug=slug, description=description, position=position
            )
        else:
            category.name, category.description, category.position = name, description, position
            category.save(update_fields=["name", "description", "position"])
        transaction.on_commit(cache.bump)
    return category
