"""Read the Census Profile comprehensive CSV (98-401-X2021006 style) without loading it.

The regional files are about 2 GB each, Latin-1, one row per geography x characteristic,
every geography listing the same characteristics in the same order, geographies of every
level in one file. Only the rows of the wanted geographies and characteristics are parsed:

* the ``Geo_starting_row`` file beside the profile gives each geography's first line; a
  binary search on byte offsets (reading one line at each probe) finds where a block of
  wanted geographies starts, so the reader seeks there instead of scanning from the top;
* from there the file is read in blocks of a few megabytes; numpy finds the line ends, and
  each line's geography and characteristic follow from its line number (the geography's
  first line and the characteristics' order, learnt from the first geography), so only the
  wanted lines are decoded and split as CSV;
* every parsed line is checked (its DGUID and characteristic id must be the expected ones):
  a file that does not follow the layout is read again row by row, slowly but right.

Without the index file the whole file is scanned the same way, the geographies' first rows
giving their DGUID and level. Memory stays at a few blocks plus the values kept.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import CensusError
from ..i18n import tr

ENCODING = "latin-1"
BLOCK_BYTES = 8 << 20
#: Blocks of wanted geographies closer than this many lines are read as one (seeking costs more).
MERGE_GAP_LINES = 100_000
#: What the files put in place of a number (see the product's meta file). '' = a value is there.
SYMBOLS = ("", "x", "..", "...", "F", "E", "r", "other")
SYMBOL_MEANINGS = {
    "x": "suppressed",
    "..": "not available",
    "...": "not applicable",
    "F": "too unreliable to be published",
    "other": "not a number",
}
#: DGUID schema codes (characters 5-9 of a DGUID) of the geographic levels.
LEVEL_SCHEMAS = {
    "DA": "S0512",
    "DB": "S0513",
    "ADA": "S0516",
    "CT": "S0507",
    "CSD": "A0005",
    "CD": "A0003",
    "PR": "A0002",
    "CANADA": "A0000",
}


def dguid_level(dguids: np.ndarray) -> np.ndarray:
    """The schema code of each DGUID ('S0512' for a dissemination area)."""
    return np.array([d[4:9] for d in dguids], dtype=object)


def dguid_province(dguids: np.ndarray) -> np.ndarray:
    """PRUID of each DGUID of a level whose unique id starts with it (DA, DB, CSD, CD, PR)."""
    return np.array([d[9:11] for d in dguids], dtype=object)


@dataclass(frozen=True)
class GeographySelection:
    """Which geographies to keep: a level (DGUID schema) and optionally provinces (PRUID)."""

    schema: str = LEVEL_SCHEMAS["DA"]
    provinces: tuple[str, ...] = ()

    def mask(self, dguids) -> np.ndarray:
        dguids = np.asarray(dguids, dtype=object)
        keep = dguid_level(dguids) == self.schema if len(dguids) else np.zeros(0, bool)
        if self.provinces and len(dguids):
            keep &= np.isin(dguid_province(dguids), list(self.provinces))
        return keep


@dataclass
class ProfileTable:
    """Characteristics of the geographies read: one row per geography, one column per id."""

    dguids: np.ndarray  # object array of DGUID strings
    names: np.ndarray  # GEO_NAME
    ids: tuple[int, ...]
    values: np.ndarray  # (geographies, ids) float, NaN where the file has no number
    symbols: np.ndarray  # (geographies, ids) int8 index into SYMBOLS; -1 where there is no row

    def __len__(self) -> int:
        return len(self.dguids)

    def column(self, characteristic_id: int) -> tuple[np.ndarray, np.ndarray]:
        j = self.ids.index(characteristic_id)
        return self.values[:, j], self.symbols[:, j]


def concat_tables(tables: list[ProfileTable], ids: tuple[int, ...]) -> ProfileTable:
    """Several files' tables as one (a geography found twice keeps its first file's values)."""
    if not tables:
        return ProfileTable(np.array([], object), np.array([], object), ids, np.zeros((0, len(ids))),
                            np.zeros((0, len(ids)), np.int8))  # fmt: skip
    dguids = np.concatenate([t.dguids for t in tables])
    _, first = np.unique(dguids, return_index=True)
    first = np.sort(first)
    return ProfileTable(
        dguids[first],
        np.concatenate([t.names for t in tables])[first],
        ids,
        np.concatenate([t.values for t in tables])[first],
        np.concatenate([t.symbols for t in tables])[first],
    )


# -- the Geo_starting_row index ---------------------------------------------------------


@dataclass(frozen=True)
class GeoIndex:
    dguids: np.ndarray  # object, in file order
    names: np.ndarray
    lines: np.ndarray  # int64: physical line number (1 = the header) of each geography's first row


def read_geo_index(path: str | Path) -> GeoIndex:
    """``Geo Code``, ``Geo Name``, ``Line Number`` rows (Latin-1) as file-ordered arrays.

    Line numbers are taken relative to the first geography, which starts right after
    the header, whichever way the file counts (with or without the header, from 0 or 1).
    """
    with open(path, encoding=ENCODING, newline="") as fh:
        reader = csv.reader(fh)
        header = [h.strip().lstrip("\ufeff") for h in next(reader, [])]
        try:
            code, name, line = (header.index(c) for c in ("Geo Code", "Geo Name", "Line Number"))
        except ValueError:
            raise CensusError(
                tr(
                    "{name} is not a Geo_starting_row file: its columns are {header} (expected Geo Code, Geo "
                    "Name, Line Number)."
                ).format(name=Path(path).name, header=", ".join(header))
            ) from None
        rows = [r for r in reader if len(r) > line and r[line].strip()]
    try:
        numbers = np.array([int(r[line].replace(",", "")) for r in rows], dtype=np.int64)
    except ValueError:
        raise CensusError(
            tr("{name}: a Line Number is not a whole number.").format(name=Path(path).name)
        ) from None
    order = np.argsort(numbers, kind="stable")
    numbers = numbers[order]
    if len(numbers) and len(np.unique(numbers)) != len(numbers):
        raise CensusError(tr("{name}: two geographies start on the same line.").format(name=Path(path).name))
    return GeoIndex(
        np.array([rows[i][code].strip() for i in order], dtype=object),
        np.array([rows[i][name].strip() for i in order], dtype=object),
        numbers - (numbers[0] if len(numbers) else 0) + 2,
    )


def find_geo_index(profile: str | Path) -> Path | None:
    """The Geo_starting_row file beside a profile file, as Statistics Canada names them
    (``98-401-X2021006_English_CSV_data_Atlantic.csv`` ->
    ``98-401-X2021006_Geo_starting_row_Atlantic.CSV``), or None."""
    profile = Path(profile)
    candidates = [
        p for p in profile.parent.iterdir() if "geo_starting_row" in p.name.lower() and p != profile
    ]
    if not candidates:
        return None
    region = re.search(r"_csv_data(_[^.]+)?\.csv$", profile.name, re.IGNORECASE)
    suffix = (region.group(1) or "").lower() if region else ""
    same = [p for p in candidates if p.stem.lower().endswith(suffix)] if suffix else candidates
    if len(same) == 1:
        return same[0]
    plain = [p for p in same if re.search(r"geo_starting_row$", p.stem, re.IGNORECASE)]
    return plain[0] if len(plain) == 1 else None


# -- the profile file -----------------------------------------------------------------------


class _LayoutMismatchError(Exception):
    """A parsed row is not the geography or characteristic its line number says."""


@dataclass(frozen=True)
class _Columns:
    dguid: int
    level: int
    name: int
    characteristic: int
    count: int  # C1_COUNT_TOTAL; its SYMBOL follows it

    @classmethod
    def of(cls, header: list[str], path) -> _Columns:
        header = [h.strip().lstrip("\ufeff") for h in header]
        try:
            return cls(*(header.index(c) for c in ("DGUID", "GEO_LEVEL", "GEO_NAME", "CHARACTERISTIC_ID",
                                                    "C1_COUNT_TOTAL")))  # fmt: skip
        except ValueError:
            raise CensusError(
                tr(
                    "{name} is not a Census Profile CSV file: it has no DGUID / GEO_LEVEL / GEO_NAME / "
                    "CHARACTERISTIC_ID / C1_COUNT_TOTAL columns."
                ).format(name=Path(path).name)
            ) from None


def _parse_lines(lines: list[str]) -> list[list[str]]:
    return list(csv.reader(lines))


def _value(row: list[str], count: int) -> tuple[float, int]:
    text = row[count].strip() if len(row) > count else ""
    symbol = row[count + 1].strip() if len(row) > count + 1 else ""
    if text in SYMBOLS[1:]:
        symbol, text = text, ""
    if text:
        try:
            return float(text.replace(",", "")), 0
        except ValueError:
            return np.nan, SYMBOLS.index("other")
    if symbol in SYMBOLS[1:]:
        return np.nan, SYMBOLS.index(symbol)
    return np.nan, SYMBOLS.index("other")


class _Collector:
    """Values gathered block by block as compact arrays (geography number, column, value, symbol)."""

    def __init__(self, n_ids: int) -> None:
        self.n_ids = n_ids
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        self.names: dict[int, str] = {}

    def add(self, geo: list[int], column: list[int], value: list[float], symbol: list[int]) -> None:
        if geo:
            self.parts.append((np.asarray(geo, np.int64), np.asarray(column, np.int64),
                               np.asarray(value, float), np.asarray(symbol, np.int8)))  # fmt: skip

    def table(self, dguid_of, ids) -> ProfileTable:
        if not self.parts:
            return concat_tables([], ids)
        geo, column, value, symbol = (np.concatenate(p) for p in zip(*self.parts))
        order, inverse = np.unique(geo, return_inverse=True)
        values = np.full((len(order), self.n_ids), np.nan)
        symbols = np.full((len(order), self.n_ids), -1, np.int8)
        values[inverse, column] = value
        symbols[inverse, column] = symbol
        dguids = np.array([dguid_of(g) for g in order], dtype=object)
        names = np.array([self.names.get(int(g), "") for g in order], dtype=object)
        return ProfileTable(dguids, names, tuple(ids), values, symbols)


class ProfileReader:
    """One Census Profile CSV file (optionally with its Geo_starting_row index)."""

    def __init__(self, path: str | Path, index: GeoIndex | str | Path | None = None) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise CensusError(tr("The Census Profile file {path} does not exist.").format(path=self.path))
        self.index = read_geo_index(index) if isinstance(index, (str, Path)) else index
        self.size = self.path.stat().st_size
        with open(self.path, "rb") as fh:
            head = fh.readline()
            self.header_bytes = len(head)
            self.columns = _Columns.of(next(csv.reader([head.decode(ENCODING)])), self.path)
            self.sequence, self.first_rows = self._first_geography(fh)
        self.position = {cid: k for k, cid in enumerate(self.sequence)}

    def _first_geography(self, fh) -> tuple[list[int], int]:
        """The characteristic ids of the first geography, in file order: every geography
        lists them in this order."""
        limit = None
        if self.index is not None and len(self.index.lines) > 1:
            limit = int(self.index.lines[1] - self.index.lines[0])
        ids, first = [], None
        for raw in fh:
            row = next(csv.reader([raw.decode(ENCODING)]))
            if len(row) <= self.columns.count:
                continue
            if first is None:
                first = row[self.columns.dguid]
            if row[self.columns.dguid] != first or (limit is not None and len(ids) == limit):
                break
            ids.append(int(row[self.columns.characteristic]))
        if not ids:
            raise CensusError(tr("{name} has no rows.").format(name=self.path.name))
        return ids, len(ids)

    # -- reading --------------------------------------------------------------------------

    def read(self, characteristic_ids, selection: GeographySelection, feedback=None) -> ProfileTable:
        """The wanted characteristics of the selected geographies, as a table."""
        ids = tuple(int(i) for i in characteristic_ids)
        missing = [i for i in ids if i not in self.position]
        if missing:
            raise CensusError(
                tr(
                    "{name} has no characteristic {missing}: is it a Census Profile file of the catalogue's "
                    "product and year?"
                ).format(name=self.path.name, missing=", ".join(str(m) for m in missing))
            )
        wanted = np.zeros(len(self.sequence), bool)
        column_of = np.full(len(self.sequence), -1, np.int64)
        for j, cid in enumerate(ids):
            wanted[self.position[cid]] = True
            column_of[self.position[cid]] = j
        try:
            if self.index is not None:
                return self._read_indexed(ids, wanted, column_of, selection, feedback)
            return self._read_scanning(ids, wanted, column_of, selection, feedback)
        except _LayoutMismatchError as exc:
            if feedback is not None:
                feedback.pushInfo(
                    tr("{name}: {reason}; reading every row instead (slower).").format(
                        name=self.path.name, reason=exc
                    )
                )
            return self._read_every_row(ids, selection, feedback)

    def _blocks(self, fh, start: int, first_line: int, feedback, progress):
        """(line numbers, line start offsets, line end offsets, block bytes) from ``start``,
        a line start whose line number is ``first_line``."""
        fh.seek(start)
        line, rest, done = first_line, b"", start
        while True:
            if feedback is not None and feedback.isCanceled():
                raise CensusError(tr("Census import cancelled."))
            data = fh.read(BLOCK_BYTES)
            if not data:
                if rest:  # a last line without a line end
                    rest += b"\n"
                    data, rest = rest, b""
                else:
                    return
            else:
                data = rest + data
                cut = data.rfind(b"\n") + 1
                data, rest = data[:cut], data[cut:]
                if not data:
                    continue
            ends = np.flatnonzero(np.frombuffer(data, np.uint8) == 10)
            starts = np.concatenate(([0], ends[:-1] + 1))
            numbers = line + np.arange(len(ends), dtype=np.int64)
            yield numbers, starts, ends, data
            line += len(ends)
            done += len(data)
            if progress is not None:
                progress(done, int(numbers[-1]) if len(numbers) else line)

    def _parse_selected(self, data, starts, ends, sel) -> list[list[str]]:
        lines = [data[s:e].decode(ENCODING).rstrip("\r") for s, e in zip(starts[sel], ends[sel])]
        return _parse_lines(lines)

    def _collect(self, rows, geos, offsets, dguid_of, column_of, collector) -> None:
        c = self.columns
        geo_out, col_out, val_out, sym_out = [], [], [], []
        for row, g, k in zip(rows, geos.tolist(), offsets.tolist()):
            if (
                len(row) <= c.count
                or row[c.dguid] != dguid_of(g)
                or int(row[c.characteristic]) != self.sequence[k]
            ):
                got = row[c.dguid] if len(row) > c.dguid else "?"
                raise _LayoutMismatchError(
                    tr("a row of {geography} is not where the file's layout puts it").format(geography=got)
                )
            value, symbol = _value(row, c.count)
            geo_out.append(g)
            col_out.append(int(column_of[k]))
            val_out.append(value)
            sym_out.append(symbol)
            if g not in collector.names:
                collector.names[g] = row[c.name]
        collector.add(geo_out, col_out, val_out, sym_out)

    def _read_indexed(self, ids, wanted, column_of, selection, feedback) -> ProfileTable:
        index = self.index
        geo_lines = index.lines
        wanted_geo = selection.mask(index.dguids)
        collector = _Collector(len(ids))
        positions = np.flatnonzero(wanted_geo)
        if len(positions) == 0:
            return collector.table(lambda g: index.dguids[g], ids)
        n = len(self.sequence)
        end_lines = np.append(geo_lines[1:], geo_lines[-1] + n)
        # Runs of wanted geographies, merged when the lines between them are few.
        runs, run_start, previous = [], positions[0], positions[0]
        for p in positions[1:]:
            if geo_lines[p] - end_lines[previous] > MERGE_GAP_LINES:
                runs.append((run_start, previous))
                run_start = p
            previous = p
        runs.append((run_start, previous))
        total = float(sum(end_lines[b] - geo_lines[a] for a, b in runs)) or 1.0
        read_before = 0.0
        dguid_of = index.dguids.__getitem__
        with open(self.path, "rb") as fh:
            for first, last in runs:
                start_line, end_line = int(geo_lines[first]), int(end_lines[last])
                offset, line = self._seek_line(fh, start_line)

                def progress(_done, at_line, base=read_before, start=start_line):
                    if feedback is not None:
                        feedback.setProgress(100.0 * min(1.0, (base + at_line - start) / total))

                for numbers, starts, ends, data in self._blocks(fh, offset, line, feedback, progress):
                    geos = np.searchsorted(geo_lines, numbers, side="right") - 1
                    offsets = numbers - geo_lines[np.maximum(geos, 0)]
                    inside = (numbers >= start_line) & (numbers < end_line) & (geos >= 0) & (offsets < n)
                    sel = inside & wanted_geo[np.maximum(geos, 0)] & wanted[np.minimum(offsets, n - 1)]
                    if sel.any():
                        rows = self._parse_selected(data, starts, ends, sel)
                        self._collect(rows, geos[sel], offsets[sel], dguid_of, column_of, collector)
                    if numbers[-1] >= end_line - 1:
                        break
                read_before += end_line - start_line
        return collector.table(dguid_of, ids)

    def _line_number_at(self, fh, offset: int) -> tuple[int, int] | None:
        """(start offset, line number) of the first whole line at or after ``offset``."""
        for size in (1 << 12, 1 << 16, 1 << 20):  # a probe needs one line: read little
            fh.seek(offset)
            chunk = fh.read(size)
            if offset <= self.header_bytes:
                skip = self.header_bytes - offset
            else:
                skip = chunk.find(b"\n") + 1
            end = chunk.find(b"\n", skip) if skip > 0 or offset <= self.header_bytes else -1
            if end >= 0:
                break
        else:
            return None
        row = next(csv.reader([chunk[skip:end].decode(ENCODING).rstrip("\r")]))
        g = self._index_position.get(row[self.columns.dguid]) if len(row) > self.columns.count else None
        k = self.position.get(int(row[self.columns.characteristic])) if g is not None else None
        if g is None or k is None:
            raise _LayoutMismatchError(
                tr("row {geography} is not in the Geo_starting_row file").format(
                    geography=row[self.columns.dguid] if row else "?"
                )
            )
        return offset + skip, int(self.index.lines[g]) + k

    @property
    def _index_position(self) -> dict:
        cached = getattr(self, "_positions", None)
        if cached is None:
            cached = {d: i for i, d in enumerate(self.index.dguids.tolist())}
            self._positions = cached
        return cached

    def _seek_line(self, fh, target: int) -> tuple[int, int]:
        """A line start at or before line ``target`` (close to it) and its line number:
        a binary search on byte offsets, one line read per probe."""
        lo, lo_line = self.header_bytes, 2
        hi = self.size
        while hi - lo > BLOCK_BYTES // 4:
            mid = (lo + hi) // 2
            found = self._line_number_at(fh, mid)
            if found is None or found[1] > target:
                hi = mid
            else:
                lo, lo_line = found
        return lo, lo_line

    def _read_scanning(self, ids, wanted, column_of, selection, feedback) -> ProfileTable:
        """No index: every line is counted; the first row of each geography names it."""
        n = len(self.sequence)
        dguids: list[str] = []
        keep: list[bool] = []
        collector = _Collector(len(ids))

        def progress(done, _line):
            if feedback is not None:
                feedback.setProgress(100.0 * done / max(self.size, 1))

        with open(self.path, "rb") as fh:
            for numbers, starts, ends, data in self._blocks(fh, self.header_bytes, 2, feedback, progress):
                geos, offsets = np.divmod(numbers - 2, n)
                heads = offsets == 0
                if heads.any():
                    for row, g in zip(self._parse_selected(data, starts, ends, heads), geos[heads].tolist()):
                        if g != len(dguids) or len(row) <= self.columns.count:
                            raise _LayoutMismatchError(
                                tr("the geographies do not all list the same characteristics")
                            )
                        dguids.append(row[self.columns.dguid])
                        keep.append(bool(selection.mask([row[self.columns.dguid]])[0]))
                if geos[-1] >= len(keep):
                    raise _LayoutMismatchError(tr("a geography's first row is missing"))
                sel = np.asarray(keep, bool)[geos] & wanted[offsets]
                if sel.any():
                    rows = self._parse_selected(data, starts, ends, sel)
                    self._collect(rows, geos[sel], offsets[sel], dguids.__getitem__, column_of, collector)
        return collector.table(dguids.__getitem__, ids)

    def _read_every_row(self, ids, selection, feedback) -> ProfileTable:
        """The slow, layout-free path: every row parsed (kept for files that break the layout)."""
        c = self.columns
        column = {cid: j for j, cid in enumerate(ids)}
        number: dict[str, int] = {}
        collector = _Collector(len(ids))
        with open(self.path, encoding=ENCODING, newline="") as fh:
            reader = csv.reader(fh)
            next(reader, None)
            geo, col, val, sym = [], [], [], []
            for count, row in enumerate(reader):
                if len(row) <= c.count:
                    continue
                try:
                    j = column.get(int(row[c.characteristic]))
                except ValueError:
                    continue
                if j is None or not selection.mask([row[c.dguid]])[0]:
                    continue
                g = number.setdefault(row[c.dguid], len(number))
                collector.names.setdefault(g, row[c.name])
                value, symbol = _value(row, c.count)
                geo.append(g)
                col.append(j)
                val.append(value)
                sym.append(symbol)
                if count % 200_000 == 0 and feedback is not None:
                    if feedback.isCanceled():
                        raise CensusError(tr("Census import cancelled."))
                    feedback.setProgress(100.0 * fh.tell() / max(self.size, 1))
            collector.add(geo, col, val, sym)
        dguids = list(number)
        return collector.table(dguids.__getitem__, ids)
