"""A synthetic road network over the sample census areas, to try ``crs:networkdistance``.

    .venv/bin/python scripts/sample_roads.py demo_output/roads.gpkg

The sample has no roads (real ones: Statistics Canada's road network file, a provincial
road atlas). This draws one straight road between every two census areas that share a
border, from a point inside one to a point inside the other (``point_on_surface``): a
connected network in each province whose roads meet inside the areas, about 1.3 times the
straight-line distance by road on average. Deterministic (no randomness): the same sample
always gives the same file. Layer ``roads`` (EPSG:3347, LineString, ``road_id``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import shapely  # noqa: E402
from osgeo import ogr, osr  # noqa: E402

ogr.UseExceptions()  # a script of its own: no other code shares this process
CENSUS = ROOT / "crs_plugin" / "data" / "sample" / "census_population.gpkg"


def read_areas(path: Path) -> np.ndarray:
    """The census areas' polygons (EPSG:3347), in feature order."""
    ds = ogr.Open(str(path))
    return shapely.from_wkb([bytes(feature.GetGeometryRef().ExportToWkb()) for feature in ds.GetLayer(0)])


def neighbour_roads(areas: np.ndarray) -> np.ndarray:
    """One line per pair of areas sharing a border, between a point inside each."""
    centres = shapely.point_on_surface(areas)  # inside the area even when clipping made it concave
    tree = shapely.STRtree(areas)
    first, second = tree.query(areas, predicate="intersects")
    pairs = np.unique(np.sort(np.column_stack([first, second]), axis=1), axis=0)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    # Areas meeting at a corner only are not neighbours: their road would cross a third area.
    shared = shapely.intersection(areas[pairs[:, 0]], areas[pairs[:, 1]])
    pairs = pairs[shapely.length(shared) > 0]
    xy = shapely.get_coordinates(centres)
    return shapely.linestrings(np.stack([xy[pairs[:, 0]], xy[pairs[:, 1]]], axis=1))


def write_roads(path: Path, roads: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3347)
    layer = ds.CreateLayer("roads", srs, ogr.wkbLineString, options=["GEOMETRY_NAME=geom"])
    layer.CreateField(ogr.FieldDefn("road_id", ogr.OFTInteger))
    ds.StartTransaction()
    for i, wkb in enumerate(shapely.to_wkb(roads), 1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("road_id", i)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    ds.CommitTransaction()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = Path(argv[0])
    roads = neighbour_roads(read_areas(CENSUS))
    write_roads(out, roads)
    print(f"{len(roads)} synthetic roads written to {out} (layer roads)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
