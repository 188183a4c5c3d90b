"""Render every synchronised table's columns as the appendix of docs/packet-format.md.

    .venv/bin/python scripts/packet_tables_doc.py            # print the appendix
    .venv/bin/python scripts/packet_tables_doc.py --write    # replace it in the document

The registry (app/packets/sync_tables*.py) is what the reader enforces; generating the appendix
from it means the specification cannot drift from the code (tests/app/packets/
test_format_doc_tables.py fails when it does).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.packets.sync_tables import TABLES  # noqa: E402
from app.packets.sync_tables_core import Column  # noqa: E402

DOC = ROOT / "docs" / "packet-format.md"
BEGIN = "<!-- BEGIN GENERATED TABLES: scripts/packet_tables_doc.py -->"
END = "<!-- END GENERATED TABLES -->"


_UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def _is_uuid(c: Column) -> bool:
    return c.pattern is not None and c.pattern.pattern == _UUID


def _type(c: Column) -> str:
    text = f"decimal({c.decimals})" if c.kind == "decimal" else c.kind
    if _is_uuid(c):
        text = "uuid"
    if c.kind == "text" and c.required:
        text += "⁺"
    return text + ("?" if c.nullable else "")


def _rule(c: Column) -> str:
    parts = []
    if c.choices is not None:
        parts.append("one of " + ", ".join(f"`{v}`" for v in sorted(c.choices, key=str)))
    # A decimal's text form is defined once in §6.4; a uuid is its own type.
    if c.pattern is not None and c.kind != "decimal" and not _is_uuid(c):
        parts.append(f"matches `{c.pattern.pattern}`")
    if c.min_value is not None or c.max_value is not None:
        low = "" if c.min_value is None else str(c.min_value)
        high = "" if c.max_value is None else str(c.max_value)
        parts.append(f"{low}…{high}")
    return "; ".join(parts).replace("|", "\\|")


def render() -> str:
    lines = [
        BEGIN,
        "",
        "Every table in writer order, with each content column's type (as in §6.4: `⁺` not "
        "empty, `?` may be null) and constraint. Every record also carries `uuid`, `revision`, "
        "`updated_at`, `updated_by` and `deleted` (§6.3).",
    ]
    for table in TABLES:
        lines += ["", f"#### `{table.name}`", ""]
        extra = []
        if table.owner_column:
            extra.append(f"owner column `{table.owner_column}`")
        if table.natural_key:
            extra.append("natural key (" + ", ".join(f"`{k}`" for k in table.natural_key) + ")")
        if extra:
            lines += ["; ".join(extra).capitalize() + ".", ""]
        lines += ["| column | type | constraint |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {_type(c)} | {_rule(c)} |" for c in table.columns]
    lines += ["", END]
    return "\n".join(lines) + "\n"


def with_appendix(doc: str) -> str:
    generated = render()
    if BEGIN in doc:
        head, rest = doc.split(BEGIN, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        return head + generated + ("\n" + tail if tail else "")
    return doc.rstrip("\n") + "\n\n## Appendix A. Every table's columns\n\n" + generated


def main() -> int:
    if "--write" in sys.argv:
        DOC.write_text(with_appendix(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        sys.stdout.write(render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
