"""The words of each message, rendered from a delivery's `params` in the active language.

Everything a message needs is stored in `params` when the delivery is created, so showing a
list of notifications or sending a batch of e-mails never reads another table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Message:
    title: str
    lines: list[str] = field(default_factory=list)
    url: str = ""

    @property
    def absolute_url(self) -> str:
        return f"{settings.SITE_URL}{self.url}" if self.url.startswith("/") else self.url


def _when(value: str) -> str:
    return date_format(timezone.localtime(dt.datetime.fromisoformat(value)), "d/m/Y H:i")


def _day(value: str) -> str:
    return date_format(dt.date.fromisoformat(value), "d/m/Y")


def _meeting_ahead(p: dict) -> Message:
    return Message(
        _("Reminder: %(title)s on %(when)s") % {"title": p["title"], "when": _when(p["starts_at"])},
        [
            _("%(club)s meets on %(when)s.") % {"club": p["club"], "when": _when(p["starts_at"])},
            _("Place: %(place)s") % {"place": p["place"]} if p.get("place") else "",
        ],
        p["url"],
    )


def _meeting_day(p: dict) -> Message:
    return Message(
        _("Today: %(title)s at %(when)s") % {"title": p["title"], "when": _when(p["starts_at"])},
        [
            _("%(club)s meets today, %(when)s.")
            % {"club": p["club"], "when": _when(p["starts_at"])},
            _("Place: %(place)s") % {"place": p["place"]} if p.get("place") else "",
        ],
        p["url"],
    )


def _meeting_cancelled(p: dict) -> Message:
    if p.get("status") == "postponed":
        title = _("Postponed: %(title)s of %(when)s")
        line = _("The meeting of %(club)s planned for %(when)s is postponed. A new date follows.")
    else:
        title = _("Cancelled: %(title)s of %(when)s")
        line = _("The meeting of %(club)s planned for %(when)s is cancelled.")
    values = {"title": p["title"], "when": _when(p["starts_at"]), "club": p["club"]}
    return Message(title % values, [line % values], p["url"])


def _meeting_minutes(p: dict) -> Message:
    values = {"title": p["title"], "when": _when(p["starts_at"]), "club": p["club"]}
    return Message(
        _("Minutes missing: %(title)s of %(when)s") % values,
        [
            _("The meeting of %(club)s on %(when)s has no minutes yet.") % values,
            _("Please record what happened and who attended."),
        ],
        p["url"],
    )


def _report_name(p: dict) -> str:
    if p.get("report_type") == "annual":
        return _("yearly report %(year)d") % {"year": p["year"]}
    return _("report for quarter %(quarter)d/%(year)d") % {
        "quarter": p["quarter"],
        "year": p["year"],
    }


def _report_due(p: dict) -> Message:
    values = {"report": _report_name(p), "club": p.get("club", ""), "due": _day(p["due"])}
    if p.get("overdue"):
        title = _("Overdue: %(report)s of %(club)s (due %(due)s)") % values
        line = _("The %(report)s of %(club)s was due on %(due)s and is not submitted yet.")
    else:
        title = _("Due %(due)s: %(report)s of %(club)s") % values
        line = _("The %(report)s of %(club)s is due on %(due)s.")
    return Message(title, [line % values], p.get("url", ""))


def _campaign(p: dict) -> Message:
    values = {"campaign": p["campaign"], "day": _day(p["day"]), "club": p.get("club", "")}
    if p.get("closing"):
        title = _("%(campaign)s closes on %(day)s") % values
        line = _("Register the activities of %(club)s before %(day)s.") % values
    else:
        title = _("%(campaign)s opens today") % values
        line = _("Register the activities of %(club)s for %(campaign)s.") % values
    return Message(title, [line], p.get("url", ""))


RENDERERS = {
    "meeting_ahead": _meeting_ahead,
    "meeting_day": _meeting_day,
    "meeting_cancelled": _meeting_cancelled,
    "meeting_minutes": _meeting_minutes,
    "report_due": _report_due,
    "campaign": _campaign,
}


def render(delivery) -> Message:
    renderer = RENDERERS.get(delivery.template)
    if renderer is None:
        return Message(_("Notification"))
    message = renderer(delivery.params)
    return Message(message.title, [line for line in message.lines if line], message.url)
