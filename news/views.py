"""Thin views: check the permission, read with a selector, write with a service."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import cache, selectors, services
from .forms import ArticleForm, CategoryForm, PhotoForm, PublishForm, ReturnForm, SearchForm
from .models import Article, ArticleImage, Category, Status


def absolute(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _page_number(request) -> int:
    """The asked page as a small number (anything odd is page 1), for pages and cache keys."""
    raw = request.GET.get("page", "")
    return int(raw) if raw.isdigit() and 0 < len(raw) <= 5 else 1


def _page(request, items):
    return Paginator(items, settings.PAGE_SIZE).get_page(_page_number(request))


def _fragments(request, template: str, context: dict, *, title: str, description: str,
               path: str, article: Article | None = None) -> dict:  # fmt: skip
    context = {**context, "request": request}
    meta = {
        "title": title,
        "description": description,
        "canonical": absolute(path),
        "article": article,
        "image": absolute(article.cover.url("hero", "jpeg")) if article and article.cover else "",
        "rss": absolute("/news/rss/"),
        "atom": absolute("/news/atom/"),
    }
    return {
        "title": title,
        "description": description,
        "head": render_to_string("news/partials/meta.html", meta, request=None),
        "main": render_to_string(template, context, request=None),
        "article_pk": article.pk if article else None,
    }


def _public(request, fragments: dict):
    edit_pk = fragments.get("article_pk")
    article = None
    if edit_pk and request.user.is_authenticated:
        article = Article(pk=edit_pk)
    return render(request, "news/public.html", {"fragments": fragments, "article": article})


# --- Public site ----------------------------------------------------------------------------
def index(request):
    def build():
        page = _page(request, selectors.public_articles())
        title = _("Activity news")
        if page.number > 1:
            title = _("Activity news – page %(n)s") % {"n": page.number}
        return _fragments(
            request,
            "news/index.html",
            {"page": page, "categories": list(selectors.categories_in_use())},
            title=title,
            description=_("Activity news of the men's network for gender equality."),
            path=request.path + (f"?page={page.number}" if page.number > 1 else ""),
        )

    return _public(request, cache.fragments(request, f"index:{_page_number(request)}", build))


def category(request, slug):
    def build():
        found = selectors.category_by_slug(slug)
        page = _page(request, selectors.public_articles().filter(category=found))
        return _fragments(
            request,
            "news/listing.html",
            {"page": page, "heading": found.name, "intro": found.description},
            title=found.name,
            description=found.description or found.name,
            path=found.get_absolute_url() + (f"?page={page.number}" if page.number > 1 else ""),
        )

    return _public(
        request, cache.fragments(request, f"category:{slug}:{_page_number(request)}", build)
    )


def tag(request, slug):
    def build():
        found = selectors.tag_by_slug(slug)
        page = _page(request, selectors.public_articles().filter(tags=found))
        heading = _("Tag: %(name)s") % {"name": found.name}
        return _fragments(
            request,
            "news/listing.html",
            {"page": page, "heading": heading},
            title=heading,
            description=heading,
            path=found.get_absolute_url() + (f"?page={page.number}" if page.number > 1 else ""),
        )

    return _public(request, cache.fragments(request, f"tag:{slug}:{_page_number(request)}", build))


def campaign(request, pk):
    """The news of one campaign (the filter behind the article page's "Campaign:" line)."""

    def build():
        found = selectors.campaign_by_pk(pk)
        page = _page(request, selectors.public_articles().filter(campaign=found))
        heading = _("News of the campaign: %(title)s") % {"title": found.title}
        return _fragments(
            request,
            "news/listing.html",
            {"page": page, "heading": heading, "campaign": found},
            title=heading,
            description=heading,
            path=reverse("news:campaign", args=[found.pk])
            + (f"?page={page.number}" if page.number > 1 else ""),
        )

    return _public(
        request, cache.fragments(request, f"campaign:{int(pk)}:{_page_number(request)}", build)
    )


def article(request, slug):
    def build():
        found = selectors.public_article(slug)
        return _fragments(
            request,
            "news/article.html",
            {"article": found, "related": selectors.related_articles(found)},
            title=found.title,
            description=found.lead,
            path=found.get_absolute_url(),
            article=found,
        )

    return _public(request, cache.fragments(request, f"article:{slug}", build))


def search(request):
    form = SearchForm(request.GET or None)

    def build():
        query = form.cleaned_data["q"] if form.is_valid() else ""
        page = _page(request, selectors.search_articles(query)) if query.strip() else None
        return _fragments(
            request,
            "news/search.html",
            {"page": page, "query": query},
            title=_("Search news"),
            description=_("Search the network's activity news."),
            path=request.path,
        )

    # Not cached: every typed query would be a new cache entry.
    return _public(request, build())


# --- Newsroom -------------------------------------------------------------------------------
def _staff_article(request, pk: int, perm: str) -> Article:
    found = selectors.article_for_staff(pk)
    if not request.user.has_perm(perm, found):
        raise PermissionDenied
    return found


@login_required
def newsroom(request):
    status = request.GET.get("status", "")
    page = _page(request, selectors.newsroom_articles(request.user, status))
    return render(
        request,
        "news/newsroom.html",
        {"page": page, "status": status, "statuses": Status.choices},
    )


@login_required
def create(request):
    if not request.user.has_perm("news.add_article"):
        raise PermissionDenied
    form = ArticleForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        # A club board member's story is most likely about their club: preselect it.
        initial={"clubs": selectors.board_club_pks(request.user)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = services.article_create(
                by=request.user, data=form.article_data(), cover=form.cover_upload()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The article is saved as a draft."))
            return _after_save(request, created)
    return render(request, "news/article_form.html", {"form": form, "article": None})


def _after_save(request, saved: Article):
    if "preview" in request.POST:
        return redirect("news:preview", pk=saved.pk)
    return redirect("news:edit", pk=saved.pk)


def _edit_form(found: Article, user, data=None, files=None) -> ArticleForm:
    initial = {
        "title": found.title,
        "lead": found.lead,
        "body_markdown": found.body_markdown,
        "category": found.category_id,
        "tags": ", ".join(t.name for t in found.tags.all()),
        "byline": found.byline,
        "source_name": found.source_name,
        "source_url": found.source_url,
        "campaign": found.campaign_id,
        "clubs": [club.pk for club in found.clubs.all()],
        "cover_alt": found.cover.alt_text if found.cover else "",
        "cover_caption": found.cover.caption if found.cover else "",
    }
    return ArticleForm(
        data,
        files,
        initial=initial,
        user=user,
        article=found,
        has_cover=found.cover_id is not None,
    )


@login_required
def edit(request, pk):
    found = _staff_article(request, pk, "news.change_article")
    form = _edit_form(found, request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.article_update(
                article=found,
                by=request.user,
                data=form.article_data(),
                cover=form.cover_upload(),
                cover_alt=form.cleaned_data["cover_alt"].strip(),
                cover_caption=form.cleaned_data["cover_caption"].strip(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return _after_save(request, found)
    return render(
        request,
        "news/article_form.html",
        {"form": form, "article": found, "photo_form": PhotoForm()},
    )


@login_required
def preview(request, pk):
    found = _staff_article(request, pk, "news.preview_article")
    return render(
        request,
        "news/preview.html",
        {
            "article": found,
            "publish_form": PublishForm(),
            "return_form": ReturnForm(),
        },
    )


@login_required
@require_POST
def submit(request, pk):
    found = _staff_article(request, pk, "news.submit_article")
    services.article_submit(article=found, by=request.user)
    messages.success(request, _("Thank you! The editors will review your story."))
    return redirect("news:preview", pk=found.pk)


@login_required
@require_POST
def return_to_author(request, pk):
    found = _staff_article(request, pk, "news.return_article")
    form = ReturnForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    services.article_return(article=found, by=request.user, note=note)
    messages.success(request, _("The story is back with its author as a draft."))
    return redirect("news:newsroom")


@login_required
def publish(request, pk):
    found = _staff_article(request, pk, "news.publish_article")
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.article_publish(article=found, by=request.user, at=form.cleaned_data["at"])
        except ValidationError as error:
            form.add_error("at", error)
        else:
            if found.is_scheduled:
                messages.success(request, _("The article is scheduled."))
            else:
                messages.success(request, _("The article is published."))
            return redirect("news:preview", pk=found.pk)
    return render(
        request,
        "news/preview.html",
        {"article": found, "publish_form": form, "return_form": ReturnForm()},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def unpublish(request, pk):
    found = _staff_article(request, pk, "news.unpublish_article")
    services.article_unpublish(article=found, by=request.user)
    messages.success(request, _("The article is no longer public. It is a draft again."))
    return redirect("news:preview", pk=found.pk)


@login_required
def history(request, pk):
    found = _staff_article(request, pk, "news.preview_article")
    return render(
        request,
        "news/history.html",
        {"article": found, "revisions": selectors.article_revisions(found)},
    )


@login_required
@require_POST
def photo_add(request, pk):
    found = _staff_article(request, pk, "news.change_article")
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        services.article_photo_add(article=found, by=request.user, photo=form.photo_upload())
        messages.success(request, _("The photo is added."))
        return redirect("news:edit", pk=found.pk)
    return render(
        request,
        "news/article_form.html",
        {"form": _edit_form(found, request.user), "article": found, "photo_form": form},
        status=400,
    )


@login_required
@require_POST
def photo_remove(request, pk, image_pk):
    found = _staff_article(request, pk, "news.change_article")
    image = get_object_or_404(ArticleImage, pk=image_pk, article=found)
    services.article_photo_remove(image=image, by=request.user)
    messages.success(request, _("The photo is removed."))
    return redirect("news:edit", pk=found.pk)


@login_required
def categories(request, pk=None):
    """Editors list, add and rename categories (site administrators can also use the admin)."""
    if not request.user.has_perm("news.manage_categories"):
        raise PermissionDenied
    category = get_object_or_404(Category, pk=pk) if pk else None
    form = CategoryForm(request.POST or None, instance=category)
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        services.category_save(
            by=request.user,
            category=category,
            name=c["name"].strip(),
            description=c["description"].strip(),
            position=c["position"],
        )
        messages.success(request, _("The category is saved."))
        return redirect("news:categories")
    return render(
        request,
        "news/categories.html",
        {"form": form, "category": category, "categories": Category.objects.all()},
    )
