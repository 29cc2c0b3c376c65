"""Reading the report's PDFs as a reader sees them: text per page (poppler's pdftotext) and the
pixels of a page (pdftoppm)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

A4_MM = (210.0, 297.0)


def require_poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.fail("poppler-utils (pdftotext, pdftoppm) is not installed: `make deps` installs it")


def pages_text(pdf, layout: bool = True) -> list[str]:
    """The text of each page, no-break spaces as spaces: as laid out on the page (pdftotext -layout:
    a table's rows are lines), or each text block in turn (``layout=False``: a label beside a table
    is not interleaved with its rows)."""
    require_poppler()
    command = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    out = subprocess.run(command, capture_output=True, check=True).stdout
    pages = out.decode("utf-8").replace("\u00a0", " ").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_pixels(pdf, page: int, dpi: int = 50) -> np.ndarray:
    """Page ``page`` (1-based) rendered as an (h, w, 3) uint8 array."""
    require_poppler()
    out = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
                         capture_output=True, check=True).stdout  # fmt: skip
    return read_ppm(out)


def read_ppm(data: bytes) -> np.ndarray:
    """A binary PPM (P6, 8 bits) as pdftoppm writes it."""
    fields, position = [], 0
    while len(fields) < 4:  # magic, width, height, maxval; comments start with '#'
        while data[position : position + 1].isspace():
            position += 1
        if data[position : position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        end = position
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    assert fields[0] == b"P6" and fields[3] == b"255", fields
    width, height = int(fields[1]), int(fields[2])
    return np.frombuffer(data[position + 1 : position + 1 + width * height * 3], np.uint8).reshape(
        height, width, 3
    )


def region(pixels: np.ndarray, box_mm) -> np.ndarray:
    """The pixels of a page inside (x, y, width, height) in millimetres from the top-left corner."""
    height, width = pixels.shape[:2]
    x, y, w, h = box_mm
    sx, sy = width / A4_MM[0], height / A4_MM[1]
    return pixels[int(y * sy) : int((y + h) * sy), int(x * sx) : int((x + w) * sx)]


def ink(pixels: np.ndarray) -> float:
    """Share of pixels that are not white (the palest map colours count)."""
    return float((pixels.min(axis=2) < 250).mean())


def save_png(pdf, page: int, path: Path, dpi: int = 80) -> None:
    require_poppler()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf),
                    str(path.with_suffix(""))], check=True)  # fmt: skip
