"""docs/packet-format.md's appendix lists exactly the tables and columns the reader enforces."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _doc_tool() -> object:
    spec = importlib.util.spec_from_file_location(
        "packet_tables_doc", ROOT / "scripts" / "packet_tables_doc.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_specification_appendix_matches_the_registry() -> None:
    tool = _doc_tool()
    doc = (ROOT / "docs" / "packet-format.md").read_text(encoding="utf-8")
    assert tool.with_appendix(doc) == doc, (  # type: ignore[attr-defined]
        "docs/packet-format.md is out of date: run scripts/packet_tables_doc.py --write"
    )


def test_every_table_and_column_is_named_in_the_appendix() -> None:
    from app.packets.sync_tables import TABLES

    appendix = _doc_tool().render()  # type: ignore[attr-defined]
    for table in TABLES:
        assert f"#### `{table.name}`" in appendix
        for column in table.columns:
            assert f"| `{column.name}` |" in appendix
