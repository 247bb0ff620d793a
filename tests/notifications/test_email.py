"""The e-mail itself: text and HTML, the recipient's language, one-click unsubscribe."""

from django.core import mail

from network_portal.notifications.models import Preference
from network_portal.notifications.tokens import read_token
from tests.notifications.factories import at
from tests.notifications.helpers import run


def _mail_to(user):
    [message] = [m for m in mail.outbox if m.to == [user.email]]
    return message


def test_it_sends_text_and_html_in_vietnamese_by_default(world):
    run(at(2026, 12, 7, 7, 0))
    message = _mail_to(world.member)
    assert message.subject.startswith("Nhắc lịch: ")
    assert "10/12/2026 19:30" in message.subject
    assert "Chào Nguyễn Văn An" in message.body or "Chào" in message.body
    assert "CLB Hải Châu sinh hoạt lúc 10/12/2026 19:30." in message.body
    assert "https://portal.example.vn/clubs/meetings/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="vi">' in html
    assert "Ngừng nhận những thư này" in html


def test_it_writes_in_the_language_the_recipient_chose(world):
    Preference.objects.create(user=world.member, language="en")
    run(at(2026, 12, 7, 7, 0))
    message = _mail_to(world.member)
    assert message.subject.startswith("Reminder: ")
    assert "CLB Hải Châu meets on 10/12/2026 19:30." in message.body
    assert '<html lang="en">' in message.alternatives[0][0]
    assert _mail_to(world.chair).subject.startswith("Nhắc lịch: ")


def test_it_carries_one_click_unsubscribe_headers(world):
    run(at(2026, 12, 7, 7, 0))
    message = _mail_to(world.member)
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<https://portal.example.vn/notifications/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = header.strip("<>").rstrip("/").rsplit("/", 1)[1]
    assert read_token(token) == (world.member.pk, ["meetings"])
    assert header.strip("<>") in message.body


def test_it_escapes_what_people_typed_in_the_html(world):
    world.meeting.topic = None
    world.meeting.custom_topic = "<script>alert(1)</script>"
    world.meeting.save(update_fields=["topic", "custom_topic"])
    run(at(2026, 12, 7, 7, 0))
    html = _mail_to(world.member).alternatives[0][0]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
