"""The 综合素质档案 as print-friendly HTML: the HTML 4 subset Qt's QTextDocument renders (tables
with border/cellpadding attributes, inline styles, no CSS classes, no floats), one student per
page (``page-break-after: always`` between students), sized in pt so it prints the same at any
resolution. Every piece of data is escaped; every label comes through ``tr()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from app.arts.config import SUB_SCORES
from app.i18n import tr
from app.labor.constants import Dimension, EvaluationStatus
from app.reports import record_labels as lb
from app.reports.record_models import ComprehensiveRecord, LaborSummary, SportsSummary
from app.scoring.bmi_category import bmi_category_label

# A table grid: a thin border and a little padding, full width.
_GRID = (
    '<table width="100%" border="1" cellspacing="0" cellpadding="3" '
    'style="border-collapse: collapse; border-color: #555555; margin-bottom: 4px">'
)
_HEAD = ' style="background-color: #eeeeee; font-weight: bold"'
_SECTION = '<p style="font-size: 10.5pt; font-weight: bold; margin-top: 6px; margin-bottom: 2px">'
_P = '<p style="margin-top: 2px; margin-bottom: 2px">'
_NOTE = '<p style="font-size: 8.5pt; color: #444444; margin-top: 2px; margin-bottom: 2px">'
_WARN = '<p style="color: #b71c1c; font-weight: bold; margin-top: 2px; margin-bottom: 2px">'
_BLANK = "—"


def render_records_html(
    records: Sequence[ComprehensiveRecord], *, today: dt.date | None = None
) -> str:
    """One HTML document for a class: a page per student, in the order given."""
    today = today or dt.date.today()
    title = tr("Comprehensive quality record")
    if records:
        first = records[0]
        scope = f"{first.school_name} {first.student.class_name} {lb.term_title(first.term)}"
        title = f"{scope} {title}"
    pages = [_page(r, today, last=(i == len(records) - 1)) for i, r in enumerate(records)] or [
        f"<p>{escape(tr('The class has no students on the roll.'))}</p>"
    ]
    return (
        '<html><head><meta charset="utf-8"><title>'
        + escape(title)
        + '</title></head><body style="font-size: 9pt">'
        + "".join(pages)
        + "</body></html>"
    )


def _e(value: object) -> str:
    return escape(str(value))


def _h(minutes: int) -> str:
    return tr("{hours} h", hours=lb.hours(minutes))


def _row(cells: Iterable[object], *, head: bool = False) -> str:
    tag = "th" if head else "td"
    style = _HEAD if head else ""
    return "<tr>" + "".join(f"<{tag}{style}>{_e(c)}</{tag}>" for c in cells) + "</tr>"


def _table(head: Sequence[object], *rows: Sequence[object]) -> str:
    return _GRID + _row(head, head=True) + "".join(_row(r) for r in rows) + "</table>"


def _page(r: ComprehensiveRecord, today: dt.date, *, last: bool) -> str:
    parts = [
        _header(r),
        _section(tr("1. Comprehensive quality evaluation: main records")),
        _dimensions(r),
        _section(tr("2. Labor education")),
        _labor(r.labor),
        _section(tr("3. Physical health")),
        _sports(r.sports),
        _section(tr("4. Arts education")),
        _arts(r),
        _section(tr("5. Awards")),
        _awards(r),
        _signatures(today, last=last),
    ]
    return "".join(parts)


def _section(title: str) -> str:
    return f"{_SECTION}{_e(title)}</p>"


def _header(r: ComprehensiveRecord) -> str:
    s = r.student
    title = tr("{school} student comprehensive quality record", school=r.school_name)
    notice = tr(
        "Public notice: this record is shown in class before it is filed. Raise any "
        "objection with the class teacher during the notice period."
    )
    pairs = (
        (tr("Name"), s.name),
        (tr("Sex"), lb.sex_label(s.sex)),
        (tr("Student number"), s.student_no),
        (tr("Class"), s.class_name),
    )
    identity = "".join(f"<th{_HEAD}>{_e(label)}</th><td>{_e(value)}</td>" for label, value in pairs)
    return (
        '<p align="center" style="font-size: 14pt; font-weight: bold; margin-bottom: 2px">'
        f"{_e(title)}</p>"
        '<p align="center" style="font-size: 10.5pt; margin-top: 0px">'
        f"{_e(lb.term_title(r.term))}</p>"
        f"{_NOTE}{_e(notice)}</p>{_GRID}<tr>{identity}</tr></table>"
    )


def _dimensions(r: ComprehensiveRecord) -> str:
    rows = [
        (lb.dimension_label(d.dimension), "；".join(d.facts) if d.facts else tr("Nothing recorded"))
        for d in r.dimensions
    ]
    body = "".join(
        f'<tr><th{_HEAD} width="22%">{_e(name)}</th><td>{_e(facts)}</td></tr>'
        for name, facts in rows
    )
    return _GRID + _row([tr("Dimension"), tr("Records")], head=True) + body + "</table>"


def _labor(labor: LaborSummary) -> str:
    period = tr(
        "Period: {start} to {end}", start=labor.date_from.isoformat(), end=labor.date_to.isoformat()
    )
    categories = _table(
        [*(lb.category_label(c) for c, _ in labor.by_category), tr("Total hours")],
        [
            *(_h(m) for _, m in labor.by_category),
            _h(labor.total_minutes),
        ],
    )
    groups = "；".join(f"{lb.task_group_label(g)} {_h(m)}" for g, m in labor.by_task_group)
    weekly = tr(
        "Out-of-class and home labor: {weekly} hours a week on average (required: {required}) — {mark}",
        weekly=lb.hours(labor.weekly_out_of_class),
        required=lb.round_hours(labor.threshold),
        mark=tr("met") if labor.meets_threshold else tr("not met"),
    )
    return (
        _NOTE
        + _e(period)
        + "</p>"
        + categories
        + f"{_P}{_e(tr('By task group: {groups}', groups=groups or _BLANK))}</p>"
        + f"{_P}{_e(weekly)}</p>"
        + _evaluation(labor)
    )


def _evaluation(labor: LaborSummary) -> str:
    e = labor.evaluation
    title = f"{_P}<b>{_e(tr('Labor literacy evaluation'))}</b></p>"
    if e is None:
        return title + f"{_P}{_e(tr('Not evaluated yet'))}</p>"
    f = e.fields
    head = [*(lb.literacy_dimension_label(d) for d in Dimension), tr("Overall"), tr("State")]
    values = [f.concept, f.ability, f.habits, f.spirit, f.overall]
    state = lb.evaluation_status_label(e.status)
    if e.status is EvaluationStatus.PUBLICIZED and e.publicity_from and e.publicity_to:
        state += f" {e.publicity_from.isoformat()}–{e.publicity_to.isoformat()}"
    if e.status is EvaluationStatus.CONFIRMED and e.reviewer:
        state += " " + tr("reviewed by {name}", name=e.reviewer)
    html = title + _table(head, [*(v or _BLANK for v in values), state])
    notes = [tr("Comment: {text}", text=f.comment)] if f.comment else []
    if f.life_skills:
        notes.append(tr("Life skills learned: {skills}", skills="、".join(f.life_skills)))
    if notes:
        html += _P + _e("；".join(notes)) + "</p>"
    if not labor.evaluation_final:
        html += _WARN + _e(tr("Draft: not yet under public notice, not a final result.")) + "</p>"
    return html


def _sports(sports: SportsSummary) -> str:
    result = sports.result
    head = [
        tr("School year"),
        tr("Total points"),
        tr("Fitness level"),
        tr("BMI"),
        tr("BMI category"),
    ]
    if result is None:
        row = [sports.school_year, tr("Not tested yet"), _BLANK, _BLANK, _BLANK]
    elif result.exempt:
        reason = tr("Exempt ({reason})", reason=result.exempt_reason or "")
        row = [sports.school_year, reason, _BLANK, _BLANK, _BLANK]
    else:
        total = _BLANK if result.total_score is None else f"{result.total_score:.1f}"
        level = result.level or tr("Not complete")
        bmi = _BLANK if result.bmi is None else f"{result.bmi:.1f}"
        category = bmi_category_label(sports.bmi_category) if sports.bmi_category else _BLANK
        row = [sports.school_year, total, level, bmi, category]
    html = _table(head, row)
    if sports.pe_process:
        html += _P + _e(tr("PE process evaluation")) + "</p>"
        html += _table([label for label, _ in sports.pe_process], [v for _, v in sports.pe_process])
    return html


def _arts(r: ComprehensiveRecord) -> str:
    a = r.arts.assessment
    head = [*(lb.sub_score_label(k) for k in SUB_SCORES), tr("Total points"), tr("Band")]
    if a is None:
        html = (
            _NOTE + _e(tr("No arts assessment for {year} yet.", year=r.arts.school_year)) + "</p>"
        )
    else:
        scores = [_BLANK if a.scores.get(k) is None else a.scores[k] for k in SUB_SCORES]
        total = _BLANK if a.total is None else a.total
        caption = tr("Arts assessment, school year {year}", year=r.arts.school_year)
        html = _NOTE + _e(caption) + "</p>"
        html += _table(head, [*scores, total, lb.arts_band_label(a.band)])
    names = "；".join(
        f"{s.category}{(' ' + s.sub_type) if s.sub_type else ''}（{lb.route_label(s.route)}）"
        for s in r.arts.specialties
    )
    return html + f"{_P}{_e(tr('Specialties: {names}', names=names or _BLANK))}</p>"


def _awards(r: ComprehensiveRecord) -> str:
    if not r.awards:
        none = tr("No awards recorded in school year {year}.", year=r.arts.school_year)
        return f"{_P}{_e(none)}</p>"
    head = [
        tr("Event"),
        tr("Field"),
        tr("Award level"),
        tr("Rank"),
        tr("Award date"),
        tr("Counts toward the arts specialty"),
    ]
    rows = [
        [
            a.award.event,
            lb.domain_label(a.award.domain),
            lb.level_label(a.award.level),
            lb.rank_label(a.award.rank, a.award.rank_text),
            a.award.date.isoformat(),
            tr("yes") if a.counts_toward_arts_specialty else tr("no"),
        ]
        for a in r.awards
    ]
    return _table(head, *rows)


def _signatures(today: dt.date, *, last: bool) -> str:
    # The break goes after every student but the last, so the PDF has no empty last page.
    brk = "" if last else "; page-break-after: always"
    line = "＿＿＿＿＿＿＿＿"
    text = "　　".join(
        (
            tr("Class teacher: {line}", line=line),
            tr("Parent: {line}", line=line),
            tr("Date: {line}", line=line),
        )
    )
    return (
        _NOTE + _e(tr("Printed on {date}", date=today.isoformat())) + "</p>"
        f'<p style="margin-top: 14px{brk}">{_e(text)}</p>'
    )
