"""What bytes are, told from the bytes themselves: never from a name, a label or a Content-Type."""

from __future__ import annotations

from .i18n import translatable

#: Content kinds as a person calls them, for messages.
#: What each kind is called in a sentence (translated with core.i18n.tr where it is shown).
KIND_NAMES = {"json": "JSON", "csv": translatable("CSV text"), "html": translatable("a web page (HTML)"), "xml": "XML",
              "zip": translatable("a ZIP archive"), "gpkg": translatable("a GeoPackage"),
              "xlsx": translatable("an Excel workbook"), "pdf": translatable("a PDF document"),
              "binary": translatable("binary data")}  # fmt: skip


def sniff(data: bytes) -> str:
    """What the bytes are: 'zip', 'xlsx', 'gpkg', 'pdf', 'json', 'html', 'xml', 'csv' or 'binary'."""
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "xlsx" if b"[Content_Types].xml" in data[:4096] and b"xl/" in data[:65536] else "zip"
    if data.startswith(b"SQLite format 3\x00"):
        return "gpkg"
    if data.startswith(b"%PDF"):
        return "pdf"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = data[2:4098].decode("utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be", errors="ignore")
    elif b"\x00" in data[:4096]:
        head = data[:4096]
        # Text in UTF-16 without its byte-order mark has a NUL in every other byte: the decoder
        # then says which 'encoding' to give. Anything else with NULs is not text.
        if max(head[0::2].count(0), head[1::2].count(0)) < len(head) // 3:
            return "binary"
        return "csv"
    else:
        head = data[:4096].removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    start = head.lstrip()
    if start[:1] in ("{", "["):
        return "json"
    lower = start[:2048].lower()
    if lower.startswith("<!doctype html") or "<html" in lower:
        return "html"
    if start[:1] == "<":
        return "xml"
    return "csv"
