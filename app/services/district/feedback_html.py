"""The feedback report as HTML for QTextDocument (the UI prints it to PDF with
ui/reports/pdf_renderer.py): HTML 4 tables with border/cellpadding attributes and inline styles
only, sizes in pt, every value escaped, every label through ``tr()``, as the result cards
(app/reports/fitness_card_html.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Final, TypeVar

from app.arts.constants import AwardLevel
from app.i18n import tr
from app.labor.constants import Category
from app.services.district.feedback import ClassList, SchoolFeedback
from app.services.district.labor import LaborFigures

_GRID: Final = 'border="1" cellspacing="0" cellpadding="4" width="100%"'
_TH: Final = 'style="background-color: #e8eef6; font-weight: bold;"'
T = TypeVar("T")


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _num(value: float | int | None, places: int = 1) -> str:
    if value is None:
        return "—"
    return str(value) if isinstance(value, int) else f"{value:.{places}f}"


def _signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1f}"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    th = "".join(f"<th {_TH}>{escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f'<td align="center">{escape(c)}</td>' for c in row) + "</tr>"
        for row in rows
    )
    return f"<table {_GRID}><tr>{th}</tr>{body}</table>"


def _compare(pair: tuple[T, T], lines: Sequence[tuple[str, Callable[[T], str]]]) -> str:
    """Indicator | this school | the district."""
    mine, district = pair
    rows = [[label, show(mine), show(district)] for label, show in lines]
    return _table([tr("Indicator"), tr("This school"), tr("District")], rows)


def _h(text: str) -> str:
    return f'<h3 style="font-size: 12pt;">{escape(text)}</h3>'


def _fitness(f: SchoolFeedback) -> str:
    parts = [_h(tr("Physical fitness ({year})", year=f.school_year))]
    parts.append(
        _compare(f.fitness, [
            (tr("Students tested"), lambda g: _num(g.tested)),
            (tr("Mean total score"), lambda g: _num(g.mean_total)),
            (tr("Excellent or good (优良率)"), lambda g: _pct(g.excellent_good_rate)),
            (tr("Pass rate (及格率)"), lambda g: _pct(g.pass_rate)),
            (tr("Obese"), lambda g: _pct(g.obese_rate)),
            (tr("Overweight"), lambda g: _pct(g.overweight_rate)),
            (tr("Underweight"), lambda g: _pct(g.underweight_rate)),
        ])
    )  # fmt: skip
    rows = [
        [m.label, _pct(m.excellent_good_rate), _pct(d.excellent_good_rate if d else None),
         _pct(m.pass_rate), _pct(d.pass_rate if d else None)]
        for m, d in f.fitness_grades
    ]  # fmt: skip
    if rows:
        head = [tr("Grade"), tr("优良率 (school)"), tr("优良率 (district)"), tr("及格率 (school)"),
                tr("及格率 (district)")]  # fmt: skip
        parts += ["<p></p>", _table(head, rows)]
    va = f.value_added
    parts += [_h(tr("Value added against the previous year")), _compare(va, [
        (tr("Students compared"), lambda c: _num(c.n)),
        (tr("Mean change of the total"), lambda c: _signed(c.mean_change)),
        (tr("Share improved"), lambda c: _pct(c.improved_share)),
        (tr("Share moved up a level"), lambda c: _pct(c.moved_up_share)),
    ])]  # fmt: skip
    return "".join(parts)


def _share(category: str) -> Callable[[LaborFigures], str]:
    return lambda x: _pct(x.category_share(category))


def _labor(f: SchoolFeedback) -> str:
    lines = [
        (tr("Students"), lambda x: _num(x.students)),
        (tr("Out-of-class and home labor, minutes per week"), lambda x: _num(x.weekly_out_of_class)),
        (tr("Threshold, minutes per week (mean)"), lambda x: _num(x.mean_threshold)),
        (tr("Students meeting the threshold"), lambda x: _pct(x.meeting_share)),
    ]  # fmt: skip
    lines += [
        (tr("{category}, share of minutes", category=c.label_zh), _share(c.value)) for c in Category
    ]
    parts = [_h(tr("Labor education ({term}, {days} days)", term=f.term, days=f.labor_days))]
    parts.append(_compare(f.labor, lines))
    rows = [
        [m.label, _num(m.weekly_out_of_class), _num(d.weekly_out_of_class if d else None),
         _pct(m.meeting_share), _pct(d.meeting_share if d else None)]
        for m, d in f.labor_grades
    ]  # fmt: skip
    if rows:
        head = [tr("Grade"), tr("Minutes per week (school)"), tr("Minutes per week (district)"),
                tr("Meeting (school)"), tr("Meeting (district)")]  # fmt: skip
        parts += ["<p></p>", _table(head, rows)]
    return "".join(parts)


def _arts(f: SchoolFeedback) -> str:
    parts = [_h(tr("Arts education ({year})", year=f.school_year)), _compare(f.arts, [
        (tr("Students assessed"), lambda a: _num(a.assessed)),
        (tr("Mean assessment score"), lambda a: _num(a.mean_total)),
        (tr("Excellent"), lambda a: _pct(a.band_rate("excellent"))),
        (tr("Excellent or good"), lambda a: _pct(a.excellent_good_rate)),
        (tr("Failed"), lambda a: _pct(a.band_rate("fail"))),
        (tr("Took part in arts activities"), lambda a: _pct(a.participation_rate)),
        (tr("Students with an arts specialty"), lambda a: _pct(a.specialty_rate)),
    ])]  # fmt: skip
    school = f.arts[0]
    awards = "、".join(f"{lv.label_zh} {school.awards.get(lv.value, 0)}" for lv in AwardLevel)
    parts.append(f"<p>{escape(tr('Arts awards by level: {awards}', awards=awards))}</p>")
    return "".join(parts)


def _lists(title: str, classes: Sequence[ClassList], head: Sequence[str], labor: bool) -> str:
    parts = [_h(title)]
    if not classes:
        return parts[0] + f"<p>{escape(tr('None.'))}</p>"
    for c in classes:
        parts.append(f"<p><b>{escape(c.class_name)}</b>（{len(c.students)}）</p>")
        rows = [
            [s.student_no, s.name, _num(s.value)] + ([_num(s.threshold)] if labor else [])
            for s in c.students
        ]
        parts.append(_table(head, rows))
    return "".join(parts)


def render_school_feedback_html(feedback: SchoolFeedback) -> str:
    f = feedback
    title = tr("Feedback report of {school}", school=f.school.name)
    info = tr(
        "School code {code} · {stage} · term {term} · from {bureau}",
        code=f.school.code,
        stage=f.school.stage_label or "—",
        term=f.term,
        bureau=f.bureau_name or "—",
    )
    body = [
        f'<h2 align="center" style="font-size: 16pt;">{escape(title)}</h2>',
        f'<p align="center">{escape(info)}</p>',
        _fitness(f),
        _labor(f),
        _arts(f),
        '<p style="page-break-after: always;"></p>',
        _lists(tr("Students below the labor threshold, by class"), f.labor_below,
               [tr("Student number"), tr("Name"), tr("Minutes per week"), tr("Threshold")], True),
        _lists(tr("Students who failed the fitness test (不及格), by class"), f.fitness_failing,
               [tr("Student number"), tr("Name"), tr("Total score")], False),
    ]  # fmt: skip
    return (
        '<html><head><meta charset="utf-8"></head>'
        f'<body style="font-size: 10.5pt;">{"".join(body)}</body></html>'
    )
