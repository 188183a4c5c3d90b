"""Just enough PDF reading to check what Qt wrote: pages in order, their text, the fonts.

Qt's PDF engine writes text in Type 0 (CID) fonts with Identity-H encoding: a content stream
shows glyph ids as hex strings (``<0007> Tj``) and each font carries a ToUnicode CMap mapping
those ids back to Unicode. Reading the page text therefore takes: the objects (streams inflated
when Flate-compressed), the page tree, each page's fonts and their CMaps, and the text operators.
Synthetic bold is drawn twice, the copy wrapped in ``/Span << /ActualText <> >> BDC … EMC``;
ActualText replaces the text it wraps, as the PDF spec says. poppler's ``pdftotext`` would do all
this, but it is not part of the set-up, and this is small.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_REF = re.compile(rb"(\d+)\s+0\s+R")
_TOKEN = re.compile(
    rb"<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>{}%]+|\((?:\\.|[^\\)])*\)|[^\s/\[\]()<>{}%]+"
)


@dataclass
class PdfObject:
    head: bytes  # the dictionary (or the whole body of an object without a stream)
    stream: bytes | None  # inflated


class Pdf:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.objects: dict[int, PdfObject] = {}
        self._read_objects()

    # -- objects ------------------------------------------------------------------------------

    def _read_objects(self) -> None:
        data = self.data
        starts = [(int(m.group(1)), m.end()) for m in _OBJECT.finditer(data)]
        # Stream lengths may be indirect ("/Length 13 0 R" → "13 0 obj 467 endobj").
        integers = {
            int(m.group(1)): int(m.group(2))
            for m in re.finditer(rb"(\d+)\s+0\s+obj\s*(\d+)\s*endobj", data)
        }
        for number, start in starts:
            stream_at = data.find(b"stream", start)
            end_at = data.find(b"endobj", start)
            if stream_at == -1 or end_at < stream_at:
                self.objects[number] = PdfObject(data[start:end_at], None)
                continue
            head = data[start:stream_at]
            length = self._length(head, integers)
            body = stream_at + len(b"stream")
            body += 2 if data[body : body + 2] == b"\r\n" else 1
            raw = data[body : body + length]
            if b"/FlateDecode" in head:
                raw = zlib.decompress(raw)
            self.objects[number] = PdfObject(head, raw)

    @staticmethod
    def _length(head: bytes, integers: dict[int, int]) -> int:
        m = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", head)
        assert m, head
        return integers[int(m.group(1))] if m.group(2) else int(m.group(1))

    def ref(self, head: bytes, key: bytes) -> PdfObject | None:
        m = re.search(rb"/" + key + rb"\s+(\d+)\s+0\s+R", head)
        return self.objects.get(int(m.group(1))) if m else None

    # -- pages, fonts, text ---------------------------------------------------------------------

    def pages(self) -> list[PdfObject]:
        """The pages in document order (a page tree of /Pages nodes and /Page leaves)."""
        catalog = next(o for o in self.objects.values() if re.search(rb"/Type\s*/Catalog", o.head))
        root = self.ref(catalog.head, b"Pages")
        assert root is not None
        return list(self._leaves(root))

    def _leaves(self, node: PdfObject) -> Iterator[PdfObject]:
        if not re.search(rb"/Type\s*/Pages\b", node.head):
            yield node
            return
        kids = re.search(rb"/Kids\s*\[(.*?)\]", node.head, re.S)
        assert kids
        for m in _REF.finditer(kids.group(1)):
            yield from self._leaves(self.objects[int(m.group(1))])

    def font_names(self) -> set[str]:
        """Every /BaseFont and /FontName in the file (subset prefixes as written)."""
        names = set()
        for o in self.objects.values():
            for m in re.finditer(rb"/(?:BaseFont|FontName)\s*/([^\s/\[\]<>]+)", o.head):
                names.add(m.group(1).decode("latin-1"))
        return names

    def embedded_font_files(self) -> int:
        return sum(1 for o in self.objects.values() if re.search(rb"/FontFile[23]?\s+\d+", o.head))

    def page_text(self, page: PdfObject) -> str:
        resources = self.ref(page.head, b"Resources")
        fonts_head = resources.head if resources is not None else page.head
        fonts = self._fonts(fonts_head)
        contents = re.search(rb"/Contents\s*(\[.*?\]|\d+\s+0\s+R)", page.head, re.S)
        assert contents
        streams = [
            self.objects[int(m.group(1))].stream or b"" for m in _REF.finditer(contents.group(1))
        ]
        return _show_text(b"\n".join(streams), fonts)

    def _fonts(self, resources: bytes) -> dict[str, dict[int, str]]:
        """Font resource name → its ToUnicode map (glyph id → text)."""
        block = re.search(rb"/Font\s*<<(.*?)>>", resources, re.S)
        found: dict[str, dict[int, str]] = {}
        if not block:
            return found
        for m in re.finditer(rb"/([^\s/]+)\s+(\d+)\s+0\s+R", block.group(1)):
            font = self.objects[int(m.group(2))]
            cmap = self.ref(font.head, b"ToUnicode")
            found[m.group(1).decode()] = _cmap(cmap.stream or b"") if cmap else {}
        return found


def _utf16(hexdigits: bytes) -> str:
    return bytes.fromhex(hexdigits.decode()).decode("utf-16-be")


def _cmap(data: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[int(src, 16)] = _utf16(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        pattern = rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)"
        for lo, hi, dst in re.findall(pattern, block):
            first, last = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                targets = re.findall(rb"<([0-9A-Fa-f]*)>", dst)
                for i, target in enumerate(targets[: last - first + 1]):
                    mapping[first + i] = _utf16(target)
            else:
                start = int(dst[1:-1], 16)
                for i in range(last - first + 1):
                    mapping[first + i] = chr(start + i)
    return mapping


def _glyphs(hexstring: bytes) -> list[int]:
    digits = re.sub(rb"\s", b"", hexstring[1:-1])
    return [int(digits[i : i + 4], 16) for i in range(0, len(digits), 4)]


def _show_text(content: bytes, fonts: dict[str, dict[int, str]]) -> str:
    """The text a content stream shows: glyphs of Tj/TJ through the current font's CMap,
    ActualText spans replacing what they wrap; a newline after each text object (ET)."""
    out: list[str] = []
    operands: list[bytes] = []
    cmap: dict[int, str] = {}
    spans: list[str | None] = []  # per open marked-content sequence: its ActualText, if any
    for token in _TOKEN.findall(content):
        if token in (b"Tj", b"TJ", b"'", b'"'):
            if not any(s is not None for s in spans):
                for operand in operands:
                    if operand.startswith(b"<") and not operand.startswith(b"<<"):
                        out.append("".join(cmap.get(g, "\ufffd") for g in _glyphs(operand)))
            operands = []
        elif token == b"Tf":
            name = next((o[1:].decode() for o in operands if o.startswith(b"/")), "")
            cmap = fonts.get(name, {})
            operands = []
        elif token in (b"BDC", b"BMC"):
            actual = None
            if b"/ActualText" in b" ".join(operands):
                i = operands.index(b"/ActualText")
                value = operands[i + 1]
                actual = _utf16(value[1:-1]) if value.startswith(b"<") else value[1:-1].decode()
            spans.append(actual)
            operands = []
        elif token == b"EMC":
            actual = spans.pop() if spans else None
            if actual and not any(s is not None for s in spans):
                out.append(actual)
            operands = []
        elif token == b"ET":
            out.append("\n")
            operands = []
        elif re.fullmatch(rb"[A-Za-z*]+", token) and token not in (b"true", b"false", b"null"):
            operands = []  # any other operator ends its operands
        else:
            operands.append(token)
    return "".join(out)


def glyph_ids_shown(content: bytes) -> list[int]:
    """Every glyph id a content stream shows (to look for .notdef, glyph 0: a missing glyph)."""
    return [
        g
        for h in re.findall(rb"<([0-9A-Fa-f\s]+)>\s*Tj", content)
        for g in _glyphs(b"<" + h + b">")
    ]
