"""Service regions of call centres and digital services: who they serve, by place, not distance.

A region is a list of codes (``CA`` for all of Canada, province/territory codes, 7-digit
census subdivision codes) and/or a polygon (GeoJSON, EPSG:4326). A census area is served
by a region when its province or census subdivision is listed, or its point lies in the polygon.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import shapely

from .i18n import tr
from .schema import JURISDICTIONS, LIST_SEPARATOR, PRUID, REGIONAL_CHANNELS

_PROVINCE_BY_PRUID = {v: k for k, v in PRUID.items()}
_NAMES = {c.code: c.en for c in JURISDICTIONS}
#: Boundaries are simplified for maps and the finder (degrees; about 500 m): a base map, not a survey.
BOUNDARY_TOLERANCE = 0.005


class ExtentError(ValueError):
    """A service-region polygon that cannot be read."""


def parse_extent(text: str) -> shapely.Geometry:
    """A GeoJSON Polygon or MultiPolygon (or a Feature holding one) as a valid shapely geometry."""
    try:
        doc = json.loads(text)
    except (TypeError, json.JSONDecodeError) as exc:
        raise ExtentError(tr("not JSON ({exc})").format(exc=exc)) from None
    if isinstance(doc, dict) and doc.get("type") == "Feature":
        doc = doc.get("geometry")
    if not isinstance(doc, dict) or doc.get("type") not in ("Polygon", "MultiPolygon"):
        raise ExtentError(tr("not a GeoJSON Polygon or MultiPolygon"))
    try:
        geometry = shapely.from_geojson(json.dumps(doc))
    except Exception as exc:  # noqa: BLE001 - GEOS reports bad coordinates in several ways
        raise ExtentError(tr("invalid coordinates ({exc})").format(exc=exc)) from None
    if geometry.is_empty:
        raise ExtentError(tr("empty polygon"))
    return geometry if geometry.is_valid else shapely.make_valid(geometry)


def region_codes(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").split(LIST_SEPARATOR) if c.strip()]


@dataclass(frozen=True)
class Region:
    """One point's service region; ``extent`` in the CRS the areas are measured in."""

    codes: tuple[str, ...]
    extent: shapely.Geometry | None = None


def has_region(channel, region, extent) -> bool:
    return channel in REGIONAL_CHANNELS and bool(region_codes(region) or (extent or "").strip())


def area_codes(attributes: dict[str, np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
    """(province code, census subdivision code) of each census area, from its PRUID, DAUID or
    DGUID and CSDUID fields where the layer has them (None where unknown)."""
    province = np.full(n, None, dtype=object)
    for name, cut in (("PRUID", slice(0, 2)), ("DAUID", slice(0, 2)), ("DGUID", slice(9, 11))):
        values = attributes.get(name)
        if values is None:
            continue
        for i, v in enumerate(values):
            if province[i] is None and v not in (None, ""):
                province[i] = _PROVINCE_BY_PRUID.get(str(v)[cut])
    csd = np.full(n, None, dtype=object)
    for name in ("CSDUID", "CSDUID_SDRIDU"):
        values = attributes.get(name)
        if values is not None:
            csd = np.array([None if v in (None, "") else str(v) for v in values], dtype=object)
            break
    return province, csd


#: Fields of a census layer that place its areas in provinces and census subdivisions.
AREA_CODE_FIELDS = ("PRUID", "DAUID", "DGUID", "CSDUID", "CSDUID_SDRIDU")


def served_by_regions(
    xy: np.ndarray, province: np.ndarray, csd: np.ndarray, regions: list[Region]
) -> np.ndarray:
    """Whether each area (point ``xy``, codes) lies in at least one of ``regions``."""
    n = len(xy)
    served = np.zeros(n, dtype=bool)
    located = np.isfinite(xy).all(axis=1)
    for region in regions:
        for code in region.codes:
            if code == "CA":
                served[:] = True
            elif code.isdigit():
                served |= csd == code
            else:
                served |= province == code
        if region.extent is not None and located.any():
            rows = np.flatnonzero(located & ~served)
            served[rows] |= shapely.contains_xy(region.extent, xy[rows, 0], xy[rows, 1])
    return served


def region_outlines(points, boundaries: dict | None) -> list[tuple[int, shapely.Geometry]]:
    """(row, outline in EPSG:4326) of each call centre or digital service of ``points`` (a
    PointTable): its polygon merged with the ``boundaries`` (a GeoJSON FeatureCollection whose
    features carry a ``code`` property) of its codes. Codes without a boundary are left out."""
    by_code = {}
    for feature in (boundaries or {}).get("features", []):
        code = (feature.get("properties") or {}).get("code")
        if code and feature.get("geometry"):
            by_code[code] = shapely.from_geojson(json.dumps(feature["geometry"]))
    columns = points.columns
    out = []
    for i in range(len(points)):
        channel, codes, extent = (
            columns["channel"][i],
            columns["service_region"][i],
            columns["service_region_extent"][i],
        )
        if not has_region(channel, codes, extent):
            continue
        parts = [by_code[c] for c in region_codes(codes) if c in by_code]
        if "CA" in region_codes(codes):
            parts += list(by_code.values())
        if extent:
            try:
                parts.append(parse_extent(extent))
            except ExtentError:
                pass  # validation reports it; the outline shows the rest
        if parts:
            out.append((i, shapely.union_all(parts)))
    return out


def boundary_collection(geometries, codes) -> dict:
    """One feature per code: its areas merged and simplified, with the code as the plugin
    names it (a PRUID becomes the province's code) and an English name where known."""
    geometries = np.asarray(geometries, dtype=object)
    codes = np.array(["" if c is None else str(c) for c in codes], dtype=object)
    present = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
    features = []
    for raw in sorted(set(codes[present].tolist())):
        merged = shapely.union_all(shapely.make_valid(geometries[present & (codes == raw)]))
        merged = shapely.simplify(merged, BOUNDARY_TOLERANCE, preserve_topology=True)
        code = _PROVINCE_BY_PRUID.get(raw, raw)
        features.append({
            "type": "Feature", "properties": {"code": code, "name": _NAMES.get(code, code)},
            "geometry": json.loads(shapely.to_geojson(shapely.set_precision(merged, 1e-6))),
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features}
