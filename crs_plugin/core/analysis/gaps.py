"""Dissolve the areas of a service gap into contiguous zones with their population."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..errors import AnalysisError
from ..i18n import tr


@dataclass(frozen=True)
class GapZone:
    geometry: shapely.Geometry
    areas: int
    population: float
    area_km2: float


def gap_zones(geometries: np.ndarray, population: np.ndarray) -> list[GapZone]:
    """Touching gap areas merged into zones, largest population first (metric CRS)."""
    geometries = np.asarray(geometries, dtype=object)
    keep = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
    geometries, population = geometries[keep], np.asarray(population, dtype=float)[keep]
    if len(geometries) == 0:
        return []
    if shapely.get_type_id(geometries[0]) not in (3, 6):  # polygons only: points have no zone
        return []
    invalid = ~shapely.is_valid(geometries)
    if invalid.any():
        geometries = geometries.copy()
        geometries[invalid] = shapely.make_valid(geometries[invalid])
        if not shapely.is_valid(geometries).all():
            raise AnalysisError(
                tr("{count} area polygons are invalid and could not be repaired.").format(
                    count=int(invalid.sum())
                )
            )
    merged = shapely.get_parts(shapely.union_all(geometries))
    merged = merged[shapely.get_type_id(merged) == 3]
    tree = shapely.STRtree(merged)
    # Each area belongs to the zone that contains a point inside it.
    area_index, zone_index = tree.query(shapely.point_on_surface(geometries), predicate="within")
    zone_population = np.bincount(zone_index, weights=population[area_index], minlength=len(merged))
    zone_areas = np.bincount(zone_index, minlength=len(merged))
    order = np.argsort(-zone_population, kind="stable")
    return [
        GapZone(
            shapely.MultiPolygon([merged[z]]),
            int(zone_areas[z]),
            float(zone_population[z]),
            float(shapely.area(merged[z]) / 1e6),
        )  # fmt: skip
        for z in order
    ]
