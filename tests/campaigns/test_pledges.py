"""Pledges: members and visitors, one per person per campaign, a honeypot and a rate limit."""

import pytest
from django.urls import reverse

from campaigns.models import Pledge
from tests.campaigns.conftest import login
from tests.campaigns.factories import running_campaign


@pytest.fixture
def campaign(world):
    return running_campaign()


def url(campaign):
    return reverse("campaigns:pledges", args=[campaign.pk])


VISITOR = {"choice": "housework", "name": "Trần Văn Bình", "email": "Binh.Tran@Example.com"}


def test_it_lets_a_member_pledge_once(client, world, campaign):
    member = world.users["member"]
    login(client, member)
    response = client.post(url(campaign), {"choice": "no_violence", "name": "Anh Thành"})

    pledge = Pledge.objects.get()
    assert response.status_code == 302
    assert (pledge.user, pledge.name, pledge.identity) == (member, "Anh Thành", member.email)
    page = client.get(url(campaign)).content.decode()
    assert "Tôi sẽ không bao giờ sử dụng bạo lực với phụ nữ và trẻ em." in page
    assert "Cam kết của bạn:" in page


def test_it_refuses_a_members_second_pledge_with_a_clear_message(client, world, campaign):
    login(client, world.users["member"])
    client.post(url(campaign), {"choice": "no_violence", "name": "Anh Thành"})
    response = client.post(url(campaign), {"choice": "speak_up", "name": "Anh Thành"})

    assert response.status_code == 200
    assert "Bạn đã cam kết cho chiến dịch này rồi" in response.content.decode()
    assert Pledge.objects.count() == 1


def test_it_lets_a_visitor_pledge_with_a_name_and_never_shows_the_email(client, world, campaign):
    response = client.post(url(campaign), {**VISITOR, "province": world.ward.province.code})

    pledge = Pledge.objects.get()
    assert response.status_code == 302
    assert (pledge.user, pledge.identity, pledge.province) == (
        None,
        "binh.tran@example.com",
        world.ward.province,
    )
    page = client.get(url(campaign)).content.decode()
    assert "Trần Văn Bình" in page and "binh.tran" not in page.lower()


def test_it_refuses_a_visitors_second_pledge_whatever_the_case_of_the_email(
    client, world, campaign
):
    client.post(url(campaign), VISITOR)
    response = client.post(
        url(campaign), {**VISITOR, "email": "  BINH.TRAN@example.COM ", "name": "Bình"}
    )

    assert "Bạn đã cam kết cho chiến dịch này rồi" in response.content.decode()
    assert Pledge.objects.count() == 1


def test_it_refuses_a_visitor_using_the_email_of_a_member_who_pledged(client, world, campaign):
    member = world.users["member"]
    login(client, member)
    client.post(url(campaign), {"choice": "housework", "name": member.full_name})
    client.logout()
    response = client.post(url(campaign), {**VISITOR, "email": member.email.upper()})

    assert "Bạn đã cam kết cho chiến dịch này rồi" in response.content.decode()
    assert Pledge.objects.count() == 1


def test_it_allows_the_same_person_in_another_campaign(client, world, campaign):
    client.post(url(campaign), VISITOR)
    other = running_campaign(title="Ngày Gia đình Việt Nam")
    client.post(url(other), VISITOR)

    assert Pledge.objects.count() == 2


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({**VISITOR, "name": "  "}, "name", "Trường này là bắt buộc"),
        ({**VISITOR, "email": ""}, "email", "Trường này là bắt buộc"),
        ({**VISITOR, "email": "khong-phai-email"}, "email", "địa chỉ email"),
        ({**VISITOR, "choice": "own_words", "text": ""}, "text", "bằng lời của bạn"),
        ({**VISITOR, "choice": "bogus"}, "choice", ""),
    ],
)
def test_it_explains_bad_pledge_input_and_saves_nothing(
    client, world, campaign, data, field, message
):
    response = client.post(url(campaign), data)

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message.lower() in errors.lower()
    assert not Pledge.objects.exists()


def test_it_keeps_own_words_only_for_an_own_words_pledge(client, world, campaign):
    client.post(
        url(campaign), {**VISITOR, "choice": "own_words", "text": "Tôi sẽ nấu cơm mỗi tối."}
    )

    assert Pledge.objects.get().words == "Tôi sẽ nấu cơm mỗi tối."


def test_it_saves_nothing_when_the_honeypot_is_filled(client, world, campaign):
    response = client.post(url(campaign), {**VISITOR, "website": "http://spam.example"})

    assert response.status_code == 302
    assert not Pledge.objects.exists()


def test_it_limits_pledges_from_one_address(client, world, campaign, monkeypatch):
    monkeypatch.setattr("campaigns.views.PLEDGES_PER_HOUR", 5)
    for n in range(5):
        client.post(url(campaign), {**VISITOR, "email": f"nguoi{n}@example.com"})
    response = client.post(url(campaign), {**VISITOR, "email": "nguoi6@example.com"})

    assert "Có quá nhiều lời cam kết" in response.content.decode()
    assert Pledge.objects.count() == 5
    other_address = client.post(
        url(campaign), {**VISITOR, "email": "nguoi7@example.com"}, REMOTE_ADDR="10.0.0.9"
    )
    assert other_address.status_code == 302


def test_it_closes_pledges_when_the_campaign_has_ended(client, world):
    response = client.post(url(world.campaign), VISITOR)

    assert "Chiến dịch đã kết thúc" in response.content.decode()
    assert not Pledge.objects.exists()


def test_it_shows_a_members_pledges_on_their_profile(client, world, campaign):
    member = world.users["member"]
    login(client, member)
    client.post(url(campaign), {"choice": "raise_equal", "name": member.full_name})

    page = client.get(reverse("members:my_profile")).content.decode()
    assert "Tôi sẽ nuôi dạy con trai và con gái bình đẳng như nhau." in page
