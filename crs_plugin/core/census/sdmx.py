"""Read the CSV answer of the Census Profile SDMX web data service.

``…/data/STC_CP,DF_DA/A5.<DGUID>+<DGUID>.1.<CHAR>+<CHAR>.1?format=csv`` answers one row per
geography x gender x characteristic x statistic with the columns ``DATAFLOW, FREQ,
TIME_PERIOD, REF_AREA, GENDER, CHARACTERISTIC, STATISTIC, OBS_VALUE, DECIMALS, FLAG, …,
GEO_LEVEL, ALT_GEO_CODE, GEO_DESC, PROV_TERR, …``. Totals (GENDER 1) of counts
(STATISTIC 1) are kept; a suppressed cell has an empty ``OBS_VALUE`` and a ``FLAG``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from ..errors import CensusError
from ..i18n import tr
from .profile import SYMBOLS, GeographySelection, ProfileTable, _Collector

#: CL_FLAG codes of the service, and the symbols the CSV files print for them.
FLAGS = {"1": "..", "2": "...", "3": "E", "4": "F", "5": "r", "6": "x", "7": "E"}
REQUIRED = ("REF_AREA", "GENDER", "CHARACTERISTIC", "STATISTIC", "OBS_VALUE")


def _text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def read_sdmx(path: str | Path, characteristic_ids, selection: GeographySelection) -> ProfileTable:
    path = Path(path)
    ids = tuple(int(i) for i in characteristic_ids)
    rows = csv.reader(_text(path).splitlines())
    header = [h.strip() for h in next(rows, [])]
    if not all(c in header for c in REQUIRED):
        raise CensusError(
            tr("{name} is not a Census Profile SDMX answer in CSV: it has no {required} column.").format(
                name=path.name, required=", ".join(c for c in REQUIRED if c not in header)
            )
        )
    col = {c: header.index(c) for c in header}
    flag, name = col.get("FLAG"), col.get("GEO_DESC")
    column = {cid: j for j, cid in enumerate(ids)}
    number: dict[str, int] = {}
    collector = _Collector(len(ids))
    geo, cols, vals, syms = [], [], [], []
    for row in rows:
        if (
            len(row) < len(REQUIRED)
            or row[col["GENDER"]].strip() != "1"
            or row[col["STATISTIC"]].strip() != "1"
        ):
            continue
        try:
            j = column.get(int(row[col["CHARACTERISTIC"]]))
        except ValueError:
            continue
        dguid = row[col["REF_AREA"]].strip()
        if j is None or not selection.mask([dguid])[0]:
            continue
        g = number.setdefault(dguid, len(number))
        if name is not None:
            collector.names.setdefault(g, row[name])
        text = row[col["OBS_VALUE"]].strip()
        if text:
            try:
                value, symbol = float(text.replace(",", "")), 0
            except ValueError:
                value, symbol = np.nan, SYMBOLS.index("other")
        else:
            code = row[flag].strip() if flag is not None else ""
            symbol_text = FLAGS.get(code, code)
            value, symbol = np.nan, SYMBOLS.index(symbol_text if symbol_text in SYMBOLS[1:] else "other")
        geo.append(g)
        cols.append(j)
        vals.append(value)
        syms.append(symbol)
    collector.add(geo, cols, vals, syms)
    dguids = list(number)
    return collector.table(dguids.__getitem__, ids)
