"""Copy the reference data the program needs from ../shared/reference into resources/.

Run after the reference changes:  .venv/bin/python scripts/extract_reference.py
tests/app/test_reference_copies.py fails while resources/ and the reference disagree.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"


def ethnicities(domain_rules: str) -> dict[str, str]:
    """The GB 3304 code block of domain_rules §5.5 plus 97/98 from the upload template §4."""
    section = domain_rules.split("### 5.5", 1)[1].split("### 5.6", 1)[0]
    block = section.split("```", 2)[1]
    table = {code: name for code, name in re.findall(r"(\d{2})(\S+?族)", block)}
    table["97"] = "其他"
    table["98"] = "外国血统中国籍人士"
    return table


ETHNICITY_ALIASES = {  # domain_rules §5.5: old names still in circulation
    "崩龙族": "46",
    "毛难族": "36",
    "僳僳族": "20",
}


def build(reference: Path = REFERENCE) -> dict[str, bytes]:
    rules = (reference / "domain_rules.md").read_text(encoding="utf-8")
    codes = {"ethnicities": ethnicities(rules), "ethnicity_aliases": ETHNICITY_ALIASES}
    return {
        "codes/ethnicities.json": (
            json.dumps(codes, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        ).encode("utf-8"),
        "standards/fitness_standard_2014.json": (
            reference / "fitness_standard_2014.json"
        ).read_bytes(),
    }


def main() -> int:
    for rel, data in build().items():
        target = ROOT / "resources" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print("wrote", target.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
