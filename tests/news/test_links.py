"""Optional links from an article to a campaign and to clubs: the form, the services, the page."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from clubs.models import Club, RosterEntry
from news import services
from news.models import Article
from tests.campaigns.factories import CampaignFactory, running_campaign
from tests.clubs.factories import ClubFactory, on_roster
from tests.factories import UserFactory, editor
from tests.news.factories import CategoryFactory, article_data, make_article, published_article

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    values = {
        "title": "Câu lạc bộ sinh hoạt chuyên đề",
        "lead": "Tóm tắt",
        "body_markdown": "Nội dung",
        "category": CategoryFactory().pk,
        "tags": "",
    }
    values.update(overrides)
    return values


@pytest.fixture
def linked():
    """A running campaign, an old one, two clubs and a dissolved one."""
    return {
        "running": running_campaign(title="Tháng hành động năm nay"),
        "old": CampaignFactory(year=2019, title="Tháng hành động năm 2019"),
        "hai_chau": ClubFactory(name="CLB Hải Châu"),
        "thanh_khe": ClubFactory(name="CLB Thanh Khê"),
        "dissolved": ClubFactory(name="CLB Đã giải thể", status=Club.Status.DISSOLVED),
    }


# --- The form -------------------------------------------------------------------------------
def test_it_offers_editors_current_campaigns_and_every_club_that_is_not_dissolved(client, linked):
    client.force_login(editor())

    page = client.get(reverse("news:create")).content.decode()

    assert "Tháng hành động năm nay" in page
    assert "Tháng hành động năm 2019" not in page
    assert "CLB Hải Châu" in page
    assert "CLB Thanh Khê" in page
    assert "CLB Đã giải thể" not in page


def test_it_offers_a_member_only_their_own_clubs_with_board_clubs_preselected(client, linked):
    chair = on_roster(linked["hai_chau"], role=RosterEntry.Role.CHAIR)
    client.force_login(chair)

    response = client.get(reverse("news:create"))
    page = response.content.decode()
    field = response.context["form"]["clubs"]

    assert "CLB Hải Châu" in page
    assert "CLB Thanh Khê" not in page
    assert 'type="checkbox"' in page  # a short list: plain checkboxes, no JavaScript
    assert field.value() == [linked["hai_chau"].pk]


def test_it_does_not_preselect_a_club_where_the_member_is_not_on_the_board(client, linked):
    member = on_roster(linked["hai_chau"], role=RosterEntry.Role.MEMBER)
    client.force_login(member)

    field = client.get(reverse("news:create")).context["form"]["clubs"]

    assert field.value() == []


def test_it_leaves_out_the_clubs_field_for_a_member_of_no_club(client, linked):
    client.force_login(UserFactory())

    form = client.get(reverse("news:create")).context["form"]

    assert "clubs" not in form.fields
    assert "campaign" in form.fields


def test_it_saves_the_campaign_and_clubs_chosen_on_the_form(client, linked):
    client.force_login(editor())

    response = client.post(
        reverse("news:create"),
        form_data(
            campaign=linked["running"].pk,
            clubs=[linked["hai_chau"].pk, linked["thanh_khe"].pk],
        ),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.campaign == linked["running"]
    assert set(article.clubs.all()) == {linked["hai_chau"], linked["thanh_khe"]}


@pytest.mark.parametrize(
    ("field", "key"),
    [("clubs", "thanh_khe"), ("clubs", "dissolved"), ("campaign", "old")],
)
def test_it_refuses_a_campaign_or_club_outside_the_list_and_saves_nothing(
    client, linked, field, key
):
    chair = on_roster(linked["hai_chau"], role=RosterEntry.Role.CHAIR)
    client.force_login(chair)
    value = [linked[key].pk] if field == "clubs" else linked[key].pk

    response = client.post(reverse("news:create"), form_data(**{field: value}))

    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert Article.objects.count() == 0


def test_it_refuses_nonsense_in_the_link_fields(client, linked):
    client.force_login(editor())

    response = client.post(
        reverse("news:create"), form_data(campaign="abc", clubs=["x", "99999999"])
    )

    assert response.status_code == 200
    assert Article.objects.count() == 0


def test_it_keeps_an_old_link_when_an_article_is_edited(client, linked):
    the_editor = editor()
    article = make_article(by=the_editor)
    Article.objects.filter(pk=article.pk).update(campaign=linked["old"])
    article.clubs.add(linked["dissolved"])
    client.force_login(the_editor)
    edit = reverse("news:edit", args=[article.pk])

    form = client.get(edit).context["form"]
    assert form["campaign"].value() == linked["old"].pk
    assert form["clubs"].value() == [linked["dissolved"].pk]

    response = client.post(
        edit, form_data(campaign=linked["old"].pk, clubs=[linked["dissolved"].pk])
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.campaign == linked["old"]
    assert list(article.clubs.all()) == [linked["dissolved"]]


def test_it_removes_the_links_when_the_fields_are_emptied(client, linked):
    the_editor = editor()
    article = make_article(by=the_editor, campaign=linked["running"], clubs=[linked["hai_chau"]])
    client.force_login(the_editor)

    client.post(reverse("news:edit", args=[article.pk]), form_data())

    article.refresh_from_db()
    assert article.campaign is None
    assert article.clubs.count() == 0


# --- The services (the same rule without the form) ------------------------------------------
def test_it_lets_the_service_refuse_a_club_the_member_is_not_on(linked):
    member = on_roster(linked["hai_chau"])

    with pytest.raises(ValidationError):
        services.article_create(by=member, data=article_data(clubs=[linked["thanh_khe"]]))

    assert Article.objects.count() == 0


def test_it_lets_the_service_refuse_an_old_campaign(linked):
    with pytest.raises(ValidationError):
        services.article_create(by=editor(), data=article_data(campaign=linked["old"]))

    assert Article.objects.count() == 0


def test_it_sets_the_campaign_to_none_when_the_campaign_is_deleted(linked):
    article = make_article(campaign=linked["running"])

    linked["running"].delete()

    article.refresh_from_db()
    assert article.campaign is None


# --- The article page -----------------------------------------------------------------------
def test_it_shows_the_campaign_and_the_clubs_as_links_on_the_article_page(client, linked):
    article = published_article(
        campaign=linked["running"], clubs=[linked["hai_chau"], linked["thanh_khe"]]
    )

    page = client.get(article.get_absolute_url()).content.decode()

    assert "Chiến dịch:" in page
    assert f'href="{linked["running"].get_absolute_url()}"' in page
    assert "Tháng hành động năm nay" in page
    assert "Câu lạc bộ:" in page
    assert f'href="{linked["hai_chau"].get_absolute_url()}"' in page
    assert f'href="{linked["thanh_khe"].get_absolute_url()}"' in page


def test_it_shows_no_link_lines_for_an_article_without_links(client, linked):
    page = client.get(published_article().get_absolute_url()).content.decode()

    assert "Chiến dịch:" not in page
    assert "Câu lạc bộ:" not in page


def test_it_pins_the_queries_of_an_article_page_as_clubs_grow(
    client, linked, django_assert_num_queries
):
    article = published_article(campaign=linked["running"], clubs=[linked["hai_chau"]])
    for extra in (0, 5):
        article.clubs.add(*[ClubFactory() for _ in range(extra)])
        cache.clear()
        # next scheduled time, article (with its campaign), tags, photos, clubs, related
        with django_assert_num_queries(6):
            assert client.get(article.get_absolute_url()).status_code == 200


# --- The list of one campaign's news --------------------------------------------------------
def test_it_lists_the_public_news_of_a_campaign(client, linked):
    the_editor = editor()
    published_article(by=the_editor, title="Bài của chiến dịch", campaign=linked["running"])
    published_article(by=the_editor, title="Bài khác")
    published_article(
        by=the_editor,
        title="Bài hẹn giờ của chiến dịch",
        campaign=linked["running"],
        at=timezone.now() + datetime.timedelta(days=1),
    )

    response = client.get(reverse("news:campaign", args=[linked["running"].pk]))
    page = response.content.decode()

    assert response.status_code == 200
    assert "Bài của chiến dịch" in page
    assert "Bài khác" not in page
    assert "Bài hẹn giờ của chiến dịch" not in page
    assert client.get(reverse("news:campaign", args=[999999])).status_code == 404


def test_it_pins_the_queries_of_a_campaign_news_list(client, linked, django_assert_num_queries):
    the_editor = editor()
    url = reverse("news:campaign", args=[linked["running"].pk])
    for extra in (1, 5):
        for i in range(extra):
            published_article(by=the_editor, title=f"Bài {extra}-{i}", campaign=linked["running"])
        cache.clear()
        # next scheduled time, campaign, count, page
        with django_assert_num_queries(4):
            assert client.get(url).status_code == 200


def test_it_offers_a_long_club_list_as_a_multiple_select(client, linked):
    ClubFactory.create_batch(12)
    client.force_login(editor())

    page = client.get(reverse("news:create")).content.decode()

    assert '<select name="clubs"' in page
    assert "multiple" in page
    assert "Giữ phím Ctrl" in page
