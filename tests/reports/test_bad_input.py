"""Each bad input gets a clear Vietnamese message and saves nothing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clubs.reports import services
from clubs.reports.models import Attachment, QuarterlyReport, Status


@pytest.fixture
def report(world, today):
    today(dt.date(2026, 4, 5))
    return services.quarterly_report_start(
        club=world.club, year=2026, quarter=1, by=world.users["ward_official"]
    )


def form_data(report, **overrides):
    data = {
        name: getattr(report, name)
        for name in (*QuarterlyReport.FIGURE_FIELDS, *QuarterlyReport.COMMUNICATION_FIELDS)
    }
    data.update(version=report.version, results="Tốt", difficulties="", proposals="")
    data.update(document_number="", place_name="", signer_title="", signer_name="", recipients="")
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("attendance_men", "-3", "Nhập một số nguyên, từ 0 trở lên."),
        ("attendance_men", "mười", "Nhập một số nguyên, từ 0 trở lên."),
        ("leaflets", "99999999", "Số này quá lớn (tối đa 1.000.000)."),
        ("meetings_held", "9", "Số buổi đã tổ chức lớn hơn số buổi theo kế hoạch"),
        ("board_men", "5", "Số nam trong ban chủ nhiệm lớn hơn số nam"),
    ],
)
def test_it_refuses_bad_figures_with_a_message(client, world, report, field, value, message):
    client.force_login(world.users["ward_official"])
    url = reverse("reports:quarterly_edit", args=[report.pk])
    response = client.post(url, form_data(report, **{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    fresh = QuarterlyReport.objects.get(pk=report.pk)
    assert fresh.version == report.version
    assert fresh.results == ""


def test_it_refuses_a_stale_save_in_the_page_with_the_message(client, world, report):
    client.force_login(world.users["chair"])
    url = reverse("reports:quarterly_edit", args=[report.pk])
    old = form_data(report)
    assert client.post(url, form_data(report, results="Bản của chủ nhiệm")).status_code == 302
    client.force_login(world.users["ward_official"])
    response = client.post(url, {**old, "results": "Bản của cán bộ"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Người khác đã lưu báo cáo này sau khi bạn mở nó" in html
    assert "Bản của cán bộ" in html  # what they typed stays on the screen
    assert QuarterlyReport.objects.get(pk=report.pk).results == "Bản của chủ nhiệm"


def test_it_refuses_a_submit_from_a_stale_page(client, world, report):
    client.force_login(world.users["chair"])
    stale = report.version
    client.post(reverse("reports:quarterly_edit", args=[report.pk]), form_data(report))
    response = client.post(
        reverse("reports:quarterly_step", args=[report.pk, "submit"]),
        {"version": stale},
        follow=True,
    )
    assert "Người khác đã lưu báo cáo này" in response.content.decode()
    assert QuarterlyReport.objects.get(pk=report.pk).status == Status.DRAFT


def test_it_refuses_a_return_without_a_comment(client, world, report):
    services.report_submit(report=report, version=report.version, by=world.users["chair"])
    client.force_login(world.users["ward_official"])
    response = client.post(
        reverse("reports:quarterly_step", args=[report.pk, "return"]),
        {"comment": " "},
        follow=True,
    )
    assert "Hãy viết nhận xét nêu rõ cần sửa gì." in response.content.decode()
    assert QuarterlyReport.objects.get(pk=report.pk).status == Status.SUBMITTED


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ", "Không thể đính kèm loại tệp này"),
        ("big.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024 + 1), "Tệp lớn hơn 10 MB."),
    ],
)
def test_it_refuses_a_bad_attachment(
    client, world, report, name, content, message, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.users["chair"])
    response = client.post(
        reverse("reports:quarterly_step", args=[report.pk, "attach"]),
        {"title": "Biên bản", "file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert message in response.content.decode()
    assert not Attachment.objects.exists()


def test_it_attaches_a_pdf(client, world, report, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.users["chair"])
    client.post(
        reverse("reports:quarterly_step", args=[report.pk, "attach"]),
        {"title": "Biên bản sinh hoạt", "file": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4")},
    )
    assert report.attachments.get().title == "Biên bản sinh hoạt"
    assert report.events.filter(action="attached").exists()


def test_it_refuses_an_unknown_step_and_a_fifth_quarter(client, world, report):
    client.force_login(world.users["ward_official"])
    assert (
        client.post(reverse("reports:quarterly_step", args=[report.pk, "delete"])).status_code
        == 404
    )
    assert client.post(reverse("reports:start", args=[world.club.pk, 2026, 5])).status_code == 404
    assert client.post(reverse("reports:start", args=[world.club.pk, 99999, 1])).status_code == 404
    assert client.post(reverse("reports:reopen", args=[world.club.pk, 0, 1])).status_code == 404
    assert (
        client.get(reverse("reports:annual_for_ward", args=[world.ward.pk, 99999])).status_code
        == 404
    )


def test_it_tells_the_chair_a_locked_period_is_locked(client, world, today):
    today(dt.date(2026, 6, 1))
    client.force_login(world.users["chair"])
    response = client.post(reverse("reports:start", args=[world.club.pk, 2026, 1]), follow=True)
    assert "Kỳ báo cáo này đã khóa" in response.content.decode()
    assert not QuarterlyReport.objects.exists()


def test_it_ignores_a_bad_year_in_the_dashboard_filter(client, world, today):
    client.force_login(world.users["ward_official"])
    response = client.get(reverse("reports:ward", args=[world.ward.pk]) + "?year=abc&page=x")
    assert response.status_code == 200
    assert response.context["year"] == 2026


def test_it_serves_an_attachment_only_to_those_who_may_read_the_report(
    client, world, report, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    services.attachment_add(
        report=report,
        by=world.users["chair"],
        title="Biên bản",
        file=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 noi dung"),
    )
    attachment = report.attachments.get()
    url = reverse("reports:attachment", args=[attachment.pk])
    client.force_login(world.users["chair"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 noi dung"
    for key in ("member", "other_ward_official", "province_official", "editor"):
        client.force_login(world.users[key])  # the province sees it once submitted, not before
        assert client.get(url).status_code == 403
