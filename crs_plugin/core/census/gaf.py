"""The Geographic Attribute File (92-151-X): one row per dissemination block, Latin-1,
bilingual column names (``DBPOP2021_IDPOP2021``, ``DARPLAMX_ADLAMX`` …).

It gives each block's population and each dissemination area's representative point
(Statistics Canada Lambert, EPSG:3347). Census areas are placed where their people live:
a dissemination area at the population-weighted mean of its blocks' centroids when the
block polygons are given, else at its published representative point.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import CensusError
from ..i18n import tr
from .profile import ENCODING

COLUMNS = {
    "pruid": "PRUID_PRIDU",
    "dauid": "DAUID_ADIDU",
    "dadguid": "DADGUID_ADIDUGD",
    "da_x": "DARPLAMX_ADLAMX",
    "da_y": "DARPLAMY_ADLAMY",
    "dbuid": "DBUID_IDIDU",
    "dbdguid": "DBDGUID_IDIDUGD",
    "db_pop": "DBPOP2021_IDPOP2021",
}


@dataclass
class GeographicAttributes:
    pruid: np.ndarray  # object
    dauid: np.ndarray
    dadguid: np.ndarray
    da_xy: np.ndarray  # (n, 2) float, the DA's representative point on every one of its blocks
    dbuid: np.ndarray
    db_pop: np.ndarray  # float, NaN where empty

    def __len__(self) -> int:
        return len(self.dbuid)


def _number(text: str) -> float:
    text = text.strip().replace(",", "")
    try:
        return float(text) if text else np.nan
    except ValueError:
        return np.nan


def read_gaf(path: str | Path, provinces: tuple[str, ...] = ()) -> GeographicAttributes:
    path = Path(path)
    with open(path, encoding=ENCODING, newline="") as fh:
        reader = csv.reader(fh)
        header = [h.strip().lstrip("\ufeff") for h in next(reader, [])]
        missing = [c for c in COLUMNS.values() if c not in header]
        if missing:
            raise CensusError(
                tr("{name} is not a Geographic Attribute File (92-151-X): no {missing}.").format(
                    name=path.name, missing=", ".join(missing)
                )
            )
        at = {k: header.index(c) for k, c in COLUMNS.items()}
        width = max(at.values())
        rows = [
            r for r in reader if len(r) > width and (not provinces or r[at["pruid"]].strip() in provinces)
        ]

    def text(key):
        return np.array([r[at[key]].strip() for r in rows], dtype=object)

    xy = np.array([[_number(r[at["da_x"]]), _number(r[at["da_y"]])] for r in rows], dtype=float).reshape(
        -1, 2
    )
    pop = np.array([_number(r[at["db_pop"]]) for r in rows], dtype=float)
    return GeographicAttributes(text("pruid"), text("dauid"), text("dadguid"), xy, text("dbuid"), pop)


def published_points(gaf: GeographicAttributes, da_dguids: np.ndarray) -> np.ndarray:
    """Each DA's representative point (DARPLAMX/DARPLAMY), NaN for a DA the file lacks."""
    out = np.full((len(da_dguids), 2), np.nan)
    if len(gaf) == 0:
        return out
    keys, first = np.unique(gaf.dadguid.astype(str), return_index=True)
    pos = np.searchsorted(keys, np.asarray(da_dguids, dtype=str))
    pos = np.minimum(pos, len(keys) - 1)
    found = keys[pos] == np.asarray(da_dguids, dtype=str)
    out[found] = gaf.da_xy[first[pos[found]]]
    return out


def weighted_points(gaf: GeographicAttributes, da_dguids, block_ids, block_xy) -> np.ndarray:
    """Each DA at the mean of its blocks' points weighted by their 2021 population (NaN for a DA
    whose blocks have no people or are not in ``block_ids``)."""
    da_dguids = np.asarray(da_dguids, dtype=str)
    out = np.full((len(da_dguids), 2), np.nan)
    block_ids = np.asarray(block_ids, dtype=str)
    if len(gaf) == 0 or len(block_ids) == 0:
        return out
    order = np.argsort(block_ids)
    pos = np.minimum(np.searchsorted(block_ids[order], gaf.dbuid.astype(str)), len(block_ids) - 1)
    found = block_ids[order][pos] == gaf.dbuid.astype(str)
    xy = np.full((len(gaf), 2), np.nan)
    xy[found] = np.asarray(block_xy, float)[order[pos[found]]]
    weight = np.where(np.isfinite(gaf.db_pop) & found & np.isfinite(xy).all(axis=1), gaf.db_pop, 0.0)
    keys, inverse = np.unique(gaf.dadguid.astype(str), return_inverse=True)
    total = np.bincount(inverse, weights=weight, minlength=len(keys))
    sx = np.bincount(inverse, weights=weight * np.nan_to_num(xy[:, 0]), minlength=len(keys))
    sy = np.bincount(inverse, weights=weight * np.nan_to_num(xy[:, 1]), minlength=len(keys))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.column_stack([sx / total, sy / total])
    mean[total <= 0] = np.nan
    pos = np.minimum(np.searchsorted(keys, da_dguids), len(keys) - 1)
    hit = keys[pos] == da_dguids
    out[hit] = mean[pos[hit]]
    return out


def block_population(gaf: GeographicAttributes, dbuids) -> np.ndarray:
    """DBPOP2021 of each block (NaN where the file lacks it)."""
    dbuids = np.asarray(dbuids, dtype=str)
    out = np.full(len(dbuids), np.nan)
    if len(gaf) == 0:
        return out
    keys, first = np.unique(gaf.dbuid.astype(str), return_index=True)
    pos = np.minimum(np.searchsorted(keys, dbuids), len(keys) - 1)
    hit = keys[pos] == dbuids
    out[hit] = gaf.db_pop[first[pos[hit]]]
    return out
