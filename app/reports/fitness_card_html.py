"""Result cards as HTML for QTextDocument: HTML 4 tables with border/cellpadding attributes and
inline styles only (no classes, floats or flexbox), sizes in pt, every value escaped, every label
through ``tr()``. Each card but the last ends with a paragraph styled ``page-break-after:
always``, so one card prints per page and no blank page follows the last.
"""

from __future__ import annotations

from html import escape
from typing import Final

from app.i18n import tr
from app.reports.fitness_card import EXEMPT, UNTESTED, CardItem, ResultCard

_GRID: Final = 'border="1" cellspacing="0" cellpadding="4" width="100%"'
_TH: Final = 'style="background-color: #e8eef6; font-weight: bold;"'


def _num(value: float | int | None) -> str:
    if value is None:
        return "—"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def _signed(value: int | None) -> str:
    return "" if value is None else f"{value:+d}"


def _identity(card: ResultCard) -> str:
    cells = [
        (tr("Name"), card.name),
        (tr("Student number"), card.student_no),
        (tr("Class"), card.class_name),
        (tr("Sex"), card.sex),
        (tr("School year"), card.school_year),
        (tr("Test date"), card.test_date + (f" ({tr('retest')})" if card.retest else "")),
    ]
    # Three label/value pairs a row: six in one row would not fit a portrait page.
    rows = []
    for i in range(0, len(cells), 3):
        rows.append(
            "<tr>"
            + "".join(
                f"<td {_TH}>{escape(label)}</td><td>{escape(value or '—')}</td>"
                for label, value in cells[i : i + 3]
            )
            + "</tr>"
        )
    return f"<table {_GRID}>{''.join(rows)}</table>"


def _item_row(item: CardItem) -> str:
    value = f"{item.value} {item.unit}".strip() if item.value else tr("not tested")
    return (
        f"<tr><td>{escape(item.label)}</td><td>{escape(value)}</td>"
        f'<td align="center">{_num(item.score)}</td><td align="center">{escape(item.level)}</td>'
        f'<td align="center">{escape(_signed(item.change))}</td></tr>'
    )


def _items(card: ResultCard) -> str:
    head = "".join(
        f"<th {_TH}>{escape(h)}</th>"
        for h in (tr("Item"), tr("Result"), tr("Score"), tr("Level"), tr("Change"))
    )
    rows = "".join(_item_row(i) for i in card.items)
    return f"<table {_GRID}><tr>{head}</tr>{rows}</table>"


def _totals(card: ResultCard) -> str:
    cells = [
        (tr("Standard score"), _num(card.standard_score)),
        (tr("Bonus"), _num(card.bonus)),
        (tr("Total score"), _num(card.total)),
        (tr("Level"), card.level or "—"),
    ]
    row = "".join(f"<td {_TH}>{escape(k)}</td><td>{escape(v)}</td>" for k, v in cells)
    return f"<table {_GRID}><tr>{row}</tr></table>"


def _body(card: ResultCard) -> str:
    parts = [_identity(card)]
    if card.status == UNTESTED:
        parts.append(f"<p>{escape(card.change_note)}</p>")
        return "".join(parts)
    if card.measurements:
        text = "　".join(f"{label}: {value}" for label, value in card.measurements)
        if card.bmi is not None:
            text += f"　BMI: {card.bmi:.1f} ({card.bmi_category})"
        parts.append(f"<p>{escape(text)}</p>")
    if card.status == EXEMPT:
        reason = tr("Exempt (免测): {reason}", reason=card.exempt_reason)
        parts.append(f"<p><b>{escape(reason)}</b></p>")
        return "".join(parts)
    parts += [_items(card), "<p></p>", _totals(card)]
    if card.missing:
        missing = tr("Still to test: {items}", items="、".join(card.missing))
        parts.append(f"<p>{escape(missing)}</p>")
    parts.append(f"<p><b>{escape(tr('Since last year'))}:</b> {escape(card.change_note)}</p>")
    if card.graduation:
        parts.append(f"<p><b>{escape(card.graduation)}</b></p>")
    if card.advice:
        items = "".join(f"<li>{escape(a)}</li>" for a in card.advice)
        parts.append(f"<p><b>{escape(tr('Advice'))}</b></p><ul>{items}</ul>")
    return "".join(parts)


def cards_html(cards: list[ResultCard]) -> str:
    title = escape(tr("Physical fitness test results"))
    pages = []
    for n, card in enumerate(cards):
        # QTextDocument applies a div's page break to the div's first block (the title), so
        # the break goes on a paragraph of its own at the end of the card.
        brk = '<p style="page-break-after: always;"></p>' if n < len(cards) - 1 else ""
        pages.append(
            f'<div><h2 align="center" style="font-size: 16pt;">{title}</h2>{_body(card)}{brk}</div>'
        )
    return (
        '<html><head><meta charset="utf-8"></head>'
        f'<body style="font-size: 10.5pt;">{"".join(pages)}</body></html>'
    )
