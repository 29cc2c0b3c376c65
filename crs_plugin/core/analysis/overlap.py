"""Overlap of two service networks' catchments, and the population in each part.

Two kinds of catchment:

* distance-based: everything within ``radius`` of a network's points. Areas (by
  their centroid) are served by both networks (redundancy), by one only, or by
  neither; the polygons are the buffers' intersection and differences, clipped to
  the study boundary;
* nearest-point (Voronoi): each location belongs to the catchment of its nearest
  point of each network. Each (point of A, point of B) pair whose cells intersect
  gets a polygon and the population of the areas nearest to both.

Populations always come from the areas' centroids, so they agree with
``coverage`` and ``nearest``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..errors import AnalysisError
from ..i18n import tr
from .nearest import nearest

CLASSES = ("both", "a_only", "b_only", "neither")


@dataclass(frozen=True)
class DistanceOverlap:
    served_by: np.ndarray  # per area: one of CLASSES
    distance_a: np.ndarray
    distance_b: np.ndarray
    population: dict[str, float]  # per class
    geometries: dict[str, shapely.Geometry]  # per class except "neither"


def distance_overlap(area_xy, population, a_xy, b_xy, radius: float, boundary=None, distances=None,
                     area_geometries=None) -> DistanceOverlap:  # fmt: skip
    """Who is within ``radius`` of network A, of B, of both. By road (``distances``), the zones
    are the areas served, dissolved, instead of discs around the points."""
    if radius <= 0:
        raise AnalysisError(tr("The catchment distance must be greater than 0."))
    if distances is None:
        da = nearest(area_xy, a_xy).distance[:, 0]
        db = nearest(area_xy, b_xy).distance[:, 0]
    else:
        da, db = distances.nearest(area_xy, a_xy)[1], distances.nearest(area_xy, b_xy)[1]
    with np.errstate(invalid="ignore"):
        in_a, in_b = da <= radius, db <= radius
    served = np.select([in_a & in_b, in_a, in_b], ["both", "a_only", "b_only"], "neither").astype(object)
    pop = np.nan_to_num(np.asarray(population, dtype=float), nan=0.0)
    totals = {c: float(pop[served == c].sum()) for c in CLASSES}
    if distances is not None and area_geometries is not None:
        parts = {c: shapely.union_all(area_geometries[served == c]) for c in ("both", "a_only", "b_only")}
        return DistanceOverlap(served, da, db, totals, parts)
    zone_a = _buffers(a_xy, radius)
    zone_b = _buffers(b_xy, radius)
    parts = {
        "both": shapely.intersection(zone_a, zone_b),
        "a_only": shapely.difference(zone_a, zone_b),
        "b_only": shapely.difference(zone_b, zone_a),
    }
    if boundary is not None:
        parts = {k: shapely.intersection(v, boundary) for k, v in parts.items()}
    return DistanceOverlap(served, da, db, totals, parts)


def _buffers(xy, radius):
    if len(xy) == 0:
        return shapely.GeometryCollection()
    return shapely.union_all(shapely.buffer(shapely.points(np.asarray(xy, float)), radius, quad_segs=32))


@dataclass(frozen=True)
class CellPair:
    a: int  # index into network A's points
    b: int
    geometry: shapely.Geometry
    population: float
    areas: int


def voronoi_cells(xy: np.ndarray, boundary) -> np.ndarray:
    """One cell per point (points sharing a location share a cell), clipped to ``boundary``."""
    xy = np.asarray(xy, dtype=float)
    if len(xy) == 0:
        return np.array([], dtype=object)
    if len(xy) == 1:
        return np.array([boundary], dtype=object)
    unique, inverse = np.unique(xy, axis=0, return_inverse=True)
    if len(unique) == 1:
        return np.array([boundary] * len(xy), dtype=object)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.MultiPoint(unique), extend_to=boundary))
    # voronoi_polygons does not keep input order in shapely 2.0: match cells to points.
    point_index, cell_index = shapely.STRtree(cells).query(shapely.points(unique), predicate="intersects")
    cell_of = np.full(len(unique), -1)
    cell_of[point_index] = cell_index
    clipped = shapely.intersection(cells[cell_of], boundary)
    return clipped[np.asarray(inverse).reshape(-1)]


@dataclass(frozen=True)
class VoronoiOverlap:
    pairs: list[CellPair]
    nearest_a: np.ndarray  # per area: index of its nearest point of A (-1: none)
    nearest_b: np.ndarray


def voronoi_overlap(area_xy, population, a_xy, b_xy, boundary) -> VoronoiOverlap:
    na = nearest(area_xy, a_xy).index[:, 0]
    nb = nearest(area_xy, b_xy).index[:, 0]
    if len(a_xy) == 0 or len(b_xy) == 0:
        return VoronoiOverlap([], na, nb)
    cells_a, cells_b = voronoi_cells(a_xy, boundary), voronoi_cells(b_xy, boundary)
    ia, ib = shapely.STRtree(cells_b).query(cells_a, predicate="intersects")
    pieces = shapely.intersection(cells_a[ia], cells_b[ib])
    keep = ~shapely.is_empty(pieces) & (shapely.area(pieces) > 0)
    ia, ib, pieces = ia[keep], ib[keep], pieces[keep]
    pop = np.nan_to_num(np.asarray(population, dtype=float), nan=0.0)
    # Population per (a, b) pair, matched by integer pair codes (no loop over areas).
    m = len(b_xy)
    codes = ia.astype(np.int64) * m + ib
    order = np.argsort(codes)
    located = (na >= 0) & (nb >= 0)
    area_codes = na[located].astype(np.int64) * m + nb[located]
    pos = np.minimum(np.searchsorted(codes[order], area_codes), max(len(codes) - 1, 0))
    # A centroid on a shared cell edge may pair with a cell it does not overlap: left out.
    matched = codes[order][pos] == area_codes if len(codes) else np.zeros(len(area_codes), bool)
    piece = order[pos[matched]]
    totals = np.bincount(piece, weights=pop[located][matched], minlength=len(ia))
    counts = np.bincount(piece, minlength=len(ia))
    pairs = [
        CellPair(int(a), int(b), g, float(t), int(c)) for a, b, g, t, c in zip(ia, ib, pieces, totals, counts)
    ]
    return VoronoiOverlap(pairs, na, nb)


def study_boundary(area_geometries) -> shapely.Geometry:
    """The union of the areas (polygons), or the hull around them (points), repaired if needed."""
    geoms = np.asarray(area_geometries, dtype=object)
    geoms = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)]
    if len(geoms) == 0:
        raise AnalysisError(tr("The census layer has no geometries to draw a study boundary from."))
    if (shapely.get_type_id(geoms) == 0).all():
        return shapely.buffer(shapely.convex_hull(shapely.MultiPoint(list(geoms))), 1000.0)
    geoms = shapely.make_valid(geoms)
    return shapely.union_all(geoms, grid_size=0.01)
