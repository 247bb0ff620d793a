"""XLSX files of reports and dashboards (openpyxl). The numbers are the ones the pages show:
both read the same report row or the same selector rows."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .figures import cases_rows
from .models import QuarterlyReport

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)


def _finish(wb: Workbook) -> bytes:
    for ws in wb.worksheets:
        for index, column in enumerate(ws.columns, start=1):
            width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            ws.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 10), 70)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _title(ws, *lines: str) -> None:
    for line in lines:
        ws.append([line])
        ws.cell(row=ws.max_row, column=1).font = BOLD
    ws.append([])


def _field_label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


def quarterly_report_xlsx(report: QuarterlyReport) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Report")
    _title(
        ws,
        str(report.club),
        f"{report.club.ward.name}, {report.club.ward.province.name}",
        _("Report on %(period)s") % {"period": report.period},
        f"{_('Status')}: {report.get_status_display()}",
    )
    ws.append([_("Figure"), _("Number")])
    for cell in ws[ws.max_row]:
        cell.font = BOLD
    for name in (*QuarterlyReport.FIGURE_FIELDS, *QuarterlyReport.COMMUNICATION_FIELDS):
        ws.append([_field_label(QuarterlyReport, name), getattr(report, name)])
    ws.append([])
    kinds, statuses = cases_rows(report.cases_summary)
    ws.append([_("Cases opened in the quarter (fewer than 5 shown as <5)")])
    ws.cell(row=ws.max_row, column=1).font = BOLD
    ws.append([_("All cases"), report.cases_summary.get("total", "0")])
    for label, shown in kinds + statuses:
        ws.append([label, shown])
    ws.append([])
    for name in ("results", "difficulties", "proposals"):
        ws.append([_field_label(QuarterlyReport, name), getattr(report, name)])
        ws.cell(row=ws.max_row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    return _finish(wb)


def annual_report_xlsx(report, totals: dict, cases: dict) -> bytes:
    from .selectors import SUMMED_FIELDS

    wb = Workbook()
    ws = wb.active
    ws.title = _("Yearly report")
    _title(
        ws,
        f"{report.ward.name}, {report.ward.province.name}",
        _("Yearly report %(year)d") % {"year": report.year},
        f"{_('Status')}: {report.get_status_display()}",
    )
    ws.append([_("Clubs expected to report"), totals["clubs"]])
    ws.append([_("Quarterly reports counted"), totals["reports"]])
    for name in SUMMED_FIELDS:
        ws.append([_field_label(QuarterlyReport, name), totals[name]])
    ws.append([])
    ws.append(
        [_("Quarter"), _("Reports"), _("Meetings held"), _("Meetings planned"), _("Attendance")]
    )
    for row in totals["quarters"]:
        ws.append(
            [
                row["quarter"],
                row["reports"],
                row["meetings_held"] or 0,
                row["meetings_planned"] or 0,
                row["attendance"] or 0,
            ]
        )
    ws.append([])
    kinds, statuses = cases_rows(cases)
    ws.append([_("All cases"), cases.get("total", "0")])
    for label, shown in kinds + statuses:
        ws.append([label, shown])
    ws.append([])
    for name in (
        "results",
        "difficulties",
        "proposals",
        "lessons",
        "replication_plan",
        "blocks_planned",
    ):
        ws.append([_field_label(type(report), name), getattr(report, name)])
    return _finish(wb)


def ward_dashboard_xlsx(ward, year: int, rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Clubs")
    _title(ws, _("Club reports of %(ward)s, %(year)d") % {"ward": ward.name, "year": year})
    ws.append(
        [
            _("Club"),
            "Q1",
            "Q2",
            "Q3",
            "Q4",
            _("Men"),
            _("Women"),
            _("Board men"),
            _("Meets the composition rule"),
            _("Meetings held"),
            _("Meetings planned"),
        ]
    )
    for cell in ws[ws.max_row]:
        cell.font = BOLD
    from .periods import Timeliness

    for row in rows:
        club = row.club
        ws.append(
            [
                club.name,
                *[str(Timeliness.LABELS[cell["timeliness"]]) for cell in row.cells],
                club.men_count,
                club.women_count,
                club.board_men_count,
                _("Yes") if club.composition.meets_rule else _("No"),
                club.meetings_held_year,
                club.meetings_planned_year,
            ]
        )
    return _finish(wb)


def province_dashboard_xlsx(province, year: int, rows, trend) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Wards")
    _title(
        ws,
        _("Reporting completeness of %(province)s, %(year)d")
        % {"province": province.name, "year": year},
    )
    header = [_("Ward"), _("Clubs expected")]
    for quarter in (1, 2, 3, 4):
        header += [
            _("Q%(q)d submitted") % {"q": quarter},
            _("Q%(q)d on time") % {"q": quarter},
            _("Q%(q)d reporting rate (%%)") % {"q": quarter},
            _("Q%(q)d on-time rate (%%)") % {"q": quarter},
        ]
    ws.append(header)
    for cell in ws[ws.max_row]:
        cell.font = BOLD
    for row in rows:
        values = [row["name"], row["expected"]]
        for cell in row["cells"]:
            values += [
                cell["submitted"],
                cell["on_time"],
                cell["reporting_rate"],
                cell["on_time_rate"],
            ]
        ws.append(values)
    trend_ws = wb.create_sheet(_("Trend"))
    trend_ws.append(
        [
            _("Quarter"),
            _("Clubs expected"),
            _("Submitted"),
            _("On time"),
            _("Reporting rate (%)"),
            _("On-time rate (%)"),
            _("Meetings held"),
            _("Meetings planned"),
            _("Attendance: men"),
            _("Attendance: women"),
            _("Communication work"),
        ]
    )
    for point in trend:
        trend_ws.append(
            [
                point["label"],
                point["expected"],
                point["submitted"],
                point["on_time"],
                point["reporting_rate"],
                point["on_time_rate"],
                point["meetings_held"],
                point["meetings_planned"],
                point["attendance_men"],
                point["attendance_women"],
                point["communication"],
            ]
        )
    return _finish(wb)
