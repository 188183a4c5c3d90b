"""The submission overview as a workbook: 报送情况 (one row per school, a column per term, the
last packet and any sequence gap) and 报送期限 (each term's deadline and its counts)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from app.services.district.submissions import CellState, SubmissionCell, SubmissionMatrix
from app.services.district.xlsx import save_workbook, xlsx_path
from app.services.fitness_workbook_layout import INTEGER, Col, write_table

LATE_MARK = "（逾期）"
FILLS = {
    CellState.MISSING: PatternFill("solid", fgColor="F8CBAD"),
    CellState.SUBMITTED: PatternFill("solid", fgColor="FFF2CC"),
    CellState.ACKNOWLEDGED: PatternFill("solid", fgColor="C6EFCE"),
    CellState.RETURNED: PatternFill("solid", fgColor="FFD966"),
}
STATUS_ZH = {"merged": "已合并", "duplicate": "重复", "rejected": "已拒收"}


def cell_text(cell: SubmissionCell) -> str:
    """The cell as the sheet shows it: 已确认, 未报送（逾期）…"""
    return cell.state.label_zh + (LATE_MARK if cell.late else "")


def export_submission_matrix(matrix: SubmissionMatrix, path: Path | str) -> Path:
    """Write the matrix to ``path`` (.xlsx), replacing the file whole."""
    target = xlsx_path(path)
    book = Workbook()
    ws = book.active
    ws.title = "报送情况"
    cols = [Col("学校代码"), Col("学校名称"), Col("学段"), Col("已注册")]
    cols += [Col(term) for term in matrix.terms]
    cols += [Col("最后数据包序号", INTEGER), Col("最后接收日期"), Col("最后数据包状态"),
             Col("缺失序号")]  # fmt: skip
    rows = []
    for r in matrix.rows:
        last = r.last_packet
        rows.append(
            [r.school.code, r.school.name, r.school.stage_label, "是" if r.enrolled else "否",
             *(cell_text(c) for c in r.cells),
             last.sequence if last else None,
             last.received_on.isoformat() if last else "",
             STATUS_ZH.get(last.status, last.status) if last else "",
             "、".join(str(n) for n in r.missing_sequences)]
        )  # fmt: skip
    write_table(ws, cols, rows)
    for i, r in enumerate(matrix.rows, start=2):
        for j, c in enumerate(r.cells, start=5):
            ws.cell(row=i, column=j).fill = FILLS[c.state]
    terms = book.create_sheet("报送期限")
    head = [Col("学期"), Col("截止日期")]
    head += [Col(s.label_zh, INTEGER) for s in CellState] + [Col("逾期", INTEGER)]
    lines = [
        [t, matrix.deadlines[t].isoformat(), *(matrix.summary[t][s.value] for s in CellState),
         matrix.summary[t]["late"]]
        for t in matrix.terms
    ]  # fmt: skip
    write_table(terms, head, lines)
    return save_workbook(book, target)
