"""End-to-end demo on the embedded sample data, headless in real QGIS.

    python scripts/demo.py [OUTPUT_DIR]      (``make demo`` runs it in the project's venv)

1. loads every source of the sample catalogue through its connector and field
   mapping into OUTPUT_DIR/crs.gpkg (layer ``service_points``);
2. copies the census population areas into the same GeoPackage;
3. runs ``crs:nearestservice`` through the Processing framework, once for federal
   and once for provincial points;
4. writes ``summary_by_jurisdiction.csv``: per province, population and the
   population-weighted mean / median / 90th-percentile distance to the nearest
   federal and provincial point;
5. renders ``service_points_map.png`` (points by order of government over
   population density) with QGIS's own layout and map renderer.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")  # QGIS's Processing framework (Debian)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from osgeo import gdal  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QFont  # noqa: E402

from crs_plugin.core.analysis.summary import distance_summary  # noqa: E402
from crs_plugin.core.catalogue import SAMPLE_CATALOGUE, load_catalogue  # noqa: E402
from crs_plugin.core.sources import load_points  # noqa: E402
from crs_plugin.core.store import GeoPackageStore  # noqa: E402

CENSUS = SAMPLE_CATALOGUE.parent / "census_population.gpkg"
PROVINCES = {"BC": "British Columbia", "NB": "New Brunswick"}


def fit(extent: QgsRectangle, width: float, height: float, margin: float = 0.04) -> QgsRectangle:
    """``extent`` grown to the frame's aspect ratio, centred (zoomToExtent is unreliable headless)."""
    w, h = extent.width() * (1 + margin), extent.height() * (1 + margin)
    if w / h < width / height:
        w = h * width / height
    else:
        h = w * height / width
    c = extent.center()
    return QgsRectangle(c.x() - w / 2, c.y() - h / 2, c.x() + w / 2, c.y() + h / 2)


def load_sources(gpkg: Path) -> None:
    catalogue = load_catalogue()
    store = GeoPackageStore(gpkg)
    for entry in catalogue.entries:
        summary = store.write_points(*load_points(catalogue.source(entry.id), entry.mapping))
        print(f"  {summary}")
    gdal.VectorTranslate(
        str(gpkg), str(CENSUS), accessMode="update", layers=["dissemination_areas"],
        layerName="census_population",
    )  # fmt: skip


def nearest(gpkg: Path, order_index: int, table: str) -> QgsVectorLayer:
    import processing

    destination = f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)"
    processing.run(
        "crs:nearestservice",
        {"INPUT": f"{gpkg}|layername=census_population", "SERVICE_POINTS": f"{gpkg}|layername=service_points",
         "ORDERS_OF_GOVERNMENT": [order_index], "OUTPUT": destination},
    )  # fmt: skip
    layer = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
    assert layer.isValid(), table
    return layer


def columns(layer: QgsVectorLayer, *names: str) -> dict:
    from crs_plugin.processing.layer_arrays import read_layer

    arrays = read_layer(layer, list(names), layer.crs(), QgsProject.instance().transformContext())
    return arrays.attributes


def write_summary(path: Path, federal: QgsVectorLayer, provincial: QgsVectorLayer) -> None:
    f = columns(federal, "PROV", "POP2021", "distance_m")
    p = columns(provincial, "PROV", "POP2021", "distance_m")
    fed = distance_summary(f["PROV"], f["POP2021"].astype(float), f["distance_m"].astype(float))
    prov = distance_summary(p["PROV"], p["POP2021"].astype(float), p["distance_m"].astype(float))
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["jurisdiction", "population",
                    "federal_mean_km", "federal_median_km", "federal_p90_km",
                    "provincial_mean_km", "provincial_median_km", "provincial_p90_km"])  # fmt: skip
        for jurisdiction in sorted(fed):
            a, b = fed[jurisdiction], prov[jurisdiction]
            w.writerow([jurisdiction, int(a["population"])]
                       + [f"{a[k]:.2f}" for k in ("mean_km", "median_km", "p90_km")]
                       + [f"{b[k]:.2f}" for k in ("mean_km", "median_km", "p90_km")])  # fmt: skip


def render_map(gpkg: Path, png: Path) -> None:
    from crs_plugin.toolbelt.styles import style_population_density, style_service_points

    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3347"))
    census = QgsVectorLayer(f"{gpkg}|layername=census_population", "Population density (people/km²)", "ogr")
    points = QgsVectorLayer(f"{gpkg}|layername=service_points", "Service points", "ogr")
    style_population_density(census, '"POP2021" / "LANDAREA"')
    style_service_points(points)
    if not (census.isValid() and points.isValid()):
        raise RuntimeError(f"cannot open the layers of {gpkg} for the map")
    project.addMapLayers([census, points])

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(297, 210, QgsUnitTypes.LayoutMillimeters))
    title = QgsLayoutItemLabel(layout)
    title.setText("Service points by order of government, over population density (sample data)")
    title.setFont(QFont("DejaVu Sans", 15, QFont.Bold))
    title.attemptMove(QgsLayoutPoint(8, 5, QgsUnitTypes.LayoutMillimeters))
    title.attemptResize(QgsLayoutSize(280, 10, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(title)
    frames = ((8, 18, 120, 162), (133, 18, 110, 80))
    for (code, name), (x, y, w, h) in zip(PROVINCES.items(), frames):
        census.setSubsetString(f"\"PROV\" = '{code}'")
        extent = fit(census.extent(), w, h)
        census.setSubsetString("")
        item = QgsLayoutItemMap(layout)
        item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
        item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
        item.setCrs(QgsCoordinateReferenceSystem("EPSG:3347"))
        item.setLayers([points, census])
        item.setExtent(extent)
        item.setFrameEnabled(True)
        layout.addLayoutItem(item)
        label = QgsLayoutItemLabel(layout)
        label.setText(name)
        label.setFont(QFont("DejaVu Sans", 10, QFont.Bold))
        label.attemptMove(QgsLayoutPoint(x + 2, y + 1, QgsUnitTypes.LayoutMillimeters))
        label.attemptResize(QgsLayoutSize(60, 6, QgsUnitTypes.LayoutMillimeters))
        layout.addLayoutItem(label)
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Legend")
    legend.setLinkedMap(item)
    legend.attemptMove(QgsLayoutPoint(133, 102, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(legend)
    note = QgsLayoutItemLabel(layout)
    note.setText("Synthetic sample shaped like Statistics Canada 2021 dissemination areas. "
                 "EPSG:3347. CRS Service Points.")  # fmt: skip
    note.setFont(QFont("DejaVu Sans", 7))
    note.attemptMove(QgsLayoutPoint(8, 200, QgsUnitTypes.LayoutMillimeters))
    note.attemptResize(QgsLayoutSize(280, 6, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(note)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 110
    result = QgsLayoutExporter(layout).exportToImage(str(png), settings)
    if result != QgsLayoutExporter.Success:
        raise RuntimeError(f"map export failed ({result})")


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    gpkg = out_dir / "crs.gpkg"
    if gpkg.exists():
        gpkg.unlink()
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from crs_plugin.plugin import CrsServicePointsPlugin

    plugin = CrsServicePointsPlugin(iface=None)
    plugin.initProcessing()
    started = time.perf_counter()

    print("Loading sample sources into the GeoPackage store:")
    load_sources(gpkg)
    print("Running crs:nearestservice (federal, provincial)…")
    federal = nearest(gpkg, 0, "nearest_federal")
    provincial = nearest(gpkg, 1, "nearest_provincial")
    summary = out_dir / "summary_by_jurisdiction.csv"
    write_summary(summary, federal, provincial)
    png = out_dir / "service_points_map.png"
    render_map(gpkg, png)

    print(f"\nDone in {time.perf_counter() - started:.1f} s. Outputs:")
    print(f"  GeoPackage store : {gpkg.resolve()}")
    print(f"  Summary CSV      : {summary.resolve()}")
    print(f"  Map              : {png.resolve()}")
    print("\n" + summary.read_text(encoding="utf-8"))
    plugin.unload()
    app.exitQgis()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "demo_output")
