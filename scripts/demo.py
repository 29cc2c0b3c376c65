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
   population density) with QGIS's own layout and map renderer;
6. runs ``crs:coverage`` (in-person federal points, 5/10/25/50 km),
   ``crs:colocationcandidates`` (different governments within 500 m) and
   ``crs:accessibility`` (2SFCA, 50 km) and writes a CSV summary and a map of each;
7. maps the other analyses for the README's gallery: nearest provincial point,
   service gaps beyond 25 km, federal/provincial catchment overlap, likely duplicates;
8. runs the census analyses: ``crs:coverage`` of people aged 65 and over (their share
   within each distance, of all people aged 65 and over) and ``crs:officiallanguagecoverage``
   (francophones outside Quebec served in French), each with a CSV and a map;
9. plans co-location: ``crs:colocationplanner`` (the partner offices that bring the most
   people within 50 km of an in-person federal point) writes the coverage curve as a CSV
   and a chart and maps the three best sites; ``crs:servicestandard`` checks the sample
   standards per province and Canada (CSV, headlines, and a map of the sites that would
   meet the stricter one).
10. writes the working group's report with ``crs:report`` in English and French
    (``report_en.pdf``, ``report_fr.pdf``: in-person points, gaps beyond 25 km), saves each as a
    QGIS project in ``crs.gpkg``, and renders a page of each as PNG (``report_page_en.png``,
    ``report_page_fr.png``, with poppler's ``pdftoppm``) for the README.
"""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")  # QGIS's Processing framework (Debian)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from osgeo import gdal  # noqa: E402
from qgis.core import (  # noqa: E402
    NULL,
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
from crs_plugin.toolbelt.styles import style_fill, style_population_density, style_service_points  # noqa: E402

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
    store = GeoPackageStore(gpkg)
    # The counters' sample and its call centres and digital services (which have no position).
    catalogue = load_catalogue()
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


def layer(gpkg: Path, table: str, title: str) -> QgsVectorLayer:
    lyr = QgsVectorLayer(f"{gpkg}|layername={table}", title, "ogr")
    if not lyr.isValid():
        raise RuntimeError(f"cannot open {table} in {gpkg} for the map")
    return lyr


def points_layer(gpkg: Path, title: str, where: str = "", size_mm: float = 2.2) -> QgsVectorLayer:
    """Service points (optionally filtered), styled by order of government. A new layer per
    map: the project deletes the layers it drops."""
    lyr = layer(gpkg, "service_points", title)
    lyr.setSubsetString(where)
    style_service_points(lyr, size_mm=size_mm)
    return lyr


def census_backdrop(gpkg: Path) -> QgsVectorLayer:
    """The census areas in one light fill, under a map's analysis layers."""
    lyr = layer(gpkg, "census_population", "Census areas")
    style_fill(lyr, "#f2efe9", opacity=1.0)
    return lyr


FEDERAL_IN_PERSON = "\"order_of_government\" = 'federal' AND \"channel\" = 'in_person'"


def render_map(png: Path, title: str, layers: list, frame_layer: QgsVectorLayer, note: str = "") -> None:
    """A two-panel layout (British Columbia, New Brunswick) with a legend, exported to PNG."""
    project = QgsProject.instance()
    project.removeAllMapLayers()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:3347"))
    project.addMapLayers(layers)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(297, 210, QgsUnitTypes.LayoutMillimeters))
    add_label(layout, title, (8, 5, 280, 10), 15, bold=True)
    frames = ((8, 18, 120, 162), (133, 18, 110, 80))
    item = None
    for (code, name), (x, y, w, h) in zip(PROVINCES.items(), frames):
        frame_layer.setSubsetString(f"\"PROV\" = '{code}'")
        extent = fit(frame_layer.extent(), w, h)
        frame_layer.setSubsetString("")
        item = QgsLayoutItemMap(layout)
        item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
        item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
        item.setCrs(QgsCoordinateReferenceSystem("EPSG:3347"))
        item.setLayers(layers)
        item.setExtent(extent)
        item.setFrameEnabled(True)
        layout.addLayoutItem(item)
        add_label(layout, name, (x + 2, y + 1, 60, 6), 10, bold=True)
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Legend")
    legend.setLinkedMap(item)
    legend.setLegendFilterByMapEnabled(True)  # only the classes the maps show
    legend.attemptMove(QgsLayoutPoint(133, 102, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(legend)
    add_label(layout, note or "Synthetic sample shaped like Statistics Canada 2021 dissemination areas. EPSG:3347. "
              "CRS Service Points.", (8, 200, 280, 6), 7)  # fmt: skip
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 110
    result = QgsLayoutExporter(layout).exportToImage(str(png), settings)
    if result != QgsLayoutExporter.Success:
        raise RuntimeError(f"map export failed ({result})")


def add_label(layout, text: str, rect, size: int, bold: bool = False) -> None:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setFont(QFont("DejaVu Sans", size, QFont.Bold if bold else QFont.Normal))
    label.attemptMove(QgsLayoutPoint(rect[0], rect[1], QgsUnitTypes.LayoutMillimeters))
    label.attemptResize(QgsLayoutSize(rect[2], rect[3], QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(label)


def run_analyses(gpkg: Path, out_dir: Path) -> list[Path]:
    """Coverage, co-location candidates and 2SFCA on the sample: a summary and a map each."""
    import processing

    from crs_plugin.toolbelt.styles import (
        ACCESS_CLASSES,
        style_classes,
        style_distance,
        style_lines,
        style_population_density,
    )

    areas, points = f"{gpkg}|layername=census_population", f"{gpkg}|layername=service_points"
    written = []

    # Coverage: people within 5, 10, 25, 50 km of an in-person federal point.
    cov = processing.run("crs:coverage", {
        "INPUT": areas, "SERVICE_POINTS": points, "ORDERS_OF_GOVERNMENT": [0], "CHANNELS": [0],
        "THRESHOLDS_KM": "5, 10, 25, 50", "OUTPUT": f"ogr:dbname='{gpkg}' table=\"coverage_federal\" (geom)",
        "SUMMARY": f"ogr:dbname='{gpkg}' table=\"coverage_summary\"",
    })  # fmt: skip
    summary = layer(gpkg, "coverage_summary", "summary")
    path = out_dir / "coverage_by_jurisdiction.csv"
    write_layer_csv(summary, path, rename={"13": "NB", "59": "BC"})
    written.append(path)
    coverage_layer = layer(gpkg, "coverage_federal", "Distance to the nearest federal point")
    style_distance(coverage_layer)

    def federal_points():
        return points_layer(gpkg, "Federal in-person points", FEDERAL_IN_PERSON)

    path = out_dir / "coverage_map.png"
    render_map(path, "Distance from each area to the nearest in-person federal point", [federal_points(), coverage_layer],
               coverage_layer)  # fmt: skip
    written.append(path)
    del cov

    # Co-location and partnership candidates: points of different governments within 500 m.
    processing.run("crs:colocationcandidates", {
        "SERVICE_POINTS": points, "DISTANCE": 500,
        "OUTPUT": f"ogr:dbname='{gpkg}' table=\"colocation_candidates\" (geom)",
    })  # fmt: skip
    pairs = layer(gpkg, "colocation_candidates", "Co-location candidates (< 500 m)")
    path = out_dir / "colocation_candidates.csv"
    write_layer_csv(pairs, path)
    written.append(path)
    style_lines(pairs, width_mm=2.5)
    all_points = points_layer(gpkg, "Service points", size_mm=1.6)
    census = layer(gpkg, "census_population", "Population density (people/km²)")
    style_population_density(census, '"POP2021" / "LANDAREA"')
    path = out_dir / "colocation_map.png"
    render_map(path, f"{pairs.featureCount()} co-location candidates: points of different governments within 500 m",
               [pairs, all_points, census], census)  # fmt: skip
    written.append(path)

    # Accessibility (2SFCA): federal in-person capacity (1 per point) per 10,000 people, 50 km catchment.
    processing.run("crs:accessibility", {
        "INPUT": areas, "SERVICE_POINTS": points, "ORDERS_OF_GOVERNMENT": [0], "CHANNELS": [0], "RADIUS": 50000,
        "METHOD": 0, "OUTPUT": f"ogr:dbname='{gpkg}' table=\"accessibility_federal\" (geom)",
    })  # fmt: skip
    access = layer(gpkg, "accessibility_federal", "Federal points per 10,000 people (2SFCA, 50 km)")
    attrs = columns(access, "PROV", "POP2021", "access_per_10000")
    path = out_dir / "accessibility_by_jurisdiction.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "jurisdiction",
                "population",
                "pop_weighted_mean_points_per_10000",
                "population_with_no_point_in_reach",
            ]
        )
        for prov in sorted(set(attrs["PROV"].tolist())):
            sel = attrs["PROV"] == prov
            pop = attrs["POP2021"][sel].astype(float)
            score = attrs["access_per_10000"][sel].astype(float)
            ok = pop == pop
            total = float(pop[ok].sum())
            w.writerow([prov, int(total), f"{(score[ok] * pop[ok]).sum() / total:.3f}",
                        int(pop[ok & (score == 0)].sum())])  # fmt: skip
    written.append(path)
    style_classes(access, '"access_per_10000"', ACCESS_CLASSES)
    path = out_dir / "accessibility_map.png"
    render_map(path, "Accessibility of federal in-person points (2SFCA, 50 km): points per 10,000 people",
               [federal_points(), access], access)  # fmt: skip
    written.append(path)
    return written


def run_gallery(gpkg: Path, out_dir: Path) -> list[Path]:
    """One map for each other analysis on the sample (the README's gallery)."""
    import processing

    from crs_plugin.toolbelt.styles import (
        SERVED_BY,
        style_categories,
        style_distance,
        style_lines,
    )

    areas, points = f"{gpkg}|layername=census_population", f"{gpkg}|layername=service_points"
    written = []

    # Nearest provincial point (the demo's crs:nearestservice run).
    nearest_layer = layer(gpkg, "nearest_provincial", "Distance to the nearest provincial point")
    style_distance(nearest_layer)
    path = out_dir / "nearest_map.png"
    render_map(path, "crs:nearestservice: distance from each area to the nearest provincial point",
               [points_layer(gpkg, "Provincial points", "\"order_of_government\" = 'provincial'"), nearest_layer],
               nearest_layer)  # fmt: skip
    written.append(path)

    # Service gaps: people beyond 25 km of an in-person federal point, and the dissolved gap zones.
    processing.run("crs:servicegaps", {
        "INPUT": areas, "SERVICE_POINTS": points, "ORDERS_OF_GOVERNMENT": [0], "CHANNELS": [0], "THRESHOLD": 25000,
        "OUTPUT": f"ogr:dbname='{gpkg}' table=\"gaps_federal\" (geom)",
        "ZONES": f"ogr:dbname='{gpkg}' table=\"gap_zones_federal\" (geom)",
    })  # fmt: skip
    zones = layer(gpkg, "gap_zones_federal", "Gap zones (beyond 25 km)")
    style_fill(zones, "#d9843b", opacity=0.35)
    gaps = layer(gpkg, "gaps_federal", "Areas beyond 25 km, by distance")
    style_distance(gaps)
    left_out = int(sum(f["population"] or 0 for f in zones.getFeatures()))
    census = census_backdrop(gpkg)
    path = out_dir / "service_gaps_map.png"
    render_map(path, f"crs:servicegaps: {left_out:,} people beyond 25 km of an in-person federal point",
               [points_layer(gpkg, "Federal in-person points", FEDERAL_IN_PERSON), zones, gaps, census],
               census)  # fmt: skip
    written.append(path)

    # Catchment overlap: federal and provincial points' 25 km catchments.
    processing.run("crs:catchmentoverlap", {
        "INPUT": areas, "SERVICE_POINTS": points, "NETWORK_A_ORDERS": [0], "NETWORK_B_ORDERS": [1], "MODE": 0,
        "DISTANCE": 25000, "OUTPUT": f"ogr:dbname='{gpkg}' table=\"overlap_federal_provincial\" (geom)",
        "ZONES": f"ogr:dbname='{gpkg}' table=\"overlap_zones\" (geom)",
    })  # fmt: skip
    served = layer(gpkg, "overlap_federal_provincial", "Within 25 km of (A federal, B provincial)")
    style_categories(served, "served_by", SERVED_BY)
    path = out_dir / "catchment_overlap_map.png"
    render_map(path, "crs:catchmentoverlap: areas within 25 km of federal (A) and provincial (B) points",
               [points_layer(gpkg, "Service points", size_mm=1.6), served], served)  # fmt: skip
    written.append(path)

    # Duplicates: the sample's sources hold no true duplicates; across governments the same
    # address and a similar name find the offices that share a building.
    processing.run("crs:duplicates", {
        "SERVICE_POINTS": points, "DISTANCE": 100, "MIN_SCORE": 0.6, "SAME_ORDER_ONLY": False,
        "OUTPUT": f"ogr:dbname='{gpkg}' table=\"duplicates_any_order\" (geom)",
    })  # fmt: skip
    pairs = layer(gpkg, "duplicates_any_order", "Likely duplicate pairs (score ≥ 0.6, ≤ 100 m)")
    style_lines(pairs, "#d7191c", 2.5)
    census = census_backdrop(gpkg)
    path = out_dir / "duplicates_map.png"
    render_map(path, f"crs:duplicates: {pairs.featureCount()} pairs within 100 m with similar names and addresses",
               [pairs, points_layer(gpkg, "Service points", size_mm=1.6), census], census,
               note="Across orders of government these are offices sharing a building; within one order they "
                    "would be the same office listed twice. Sample data, EPSG:3347.")  # fmt: skip
    written.append(path)
    return written


def run_census(gpkg: Path, out_dir: Path) -> list[Path]:
    """Any census characteristic in an analysis: people aged 65 and over, official-language minorities."""
    import processing

    from crs_plugin.toolbelt.styles import style_classes, style_minority_language

    areas, points = f"{gpkg}|layername=census_population", f"{gpkg}|layername=service_points"
    written = []

    # People aged 65 and over within 5/10/25/50 km of an in-person federal point.
    processing.run("crs:coverage", {
        "INPUT": areas, "SERVICE_POINTS": points, "ORDERS_OF_GOVERNMENT": [0], "CHANNELS": [0],
        "POPULATION_FIELD": "age_65_plus", "THRESHOLDS_KM": "5, 10, 25, 50",
        "OUTPUT": f"ogr:dbname='{gpkg}' table=\"coverage_65_plus\" (geom)",
        "SUMMARY": f"ogr:dbname='{gpkg}' table=\"coverage_65_plus_summary\"",
    })  # fmt: skip
    summary = layer(gpkg, "coverage_65_plus_summary", "summary")
    path = out_dir / "coverage_65_plus_by_jurisdiction.csv"
    write_layer_csv(summary, path, rename={"13": "NB", "59": "BC"})
    written.append(path)
    shares = {f["jurisdiction"]: f["share_within_25km"] for f in summary.getFeatures()}
    older = layer(gpkg, "coverage_65_plus", "People aged 65 and over beyond 25 km")
    style_classes(older, 'CASE WHEN "within_25km" THEN -1 ELSE "age_65_plus" END', (
        (-1.5, -0.5, "#9cc6e4", "within 25 km"), (-0.5, 25, "#f2efe9", "0 – 25 people 65+ beyond 25 km"),
        (25, 100, "#fc8d59", "25 – 100 people 65+ beyond 25 km"), (100, 1e9, "#b30000", "over 100 people 65+ beyond 25 km"),
    ))  # fmt: skip
    path = out_dir / "coverage_65_plus_map.png"
    render_map(path, "People aged 65+ within 25 km of an in-person federal point: "
               f"{100 * shares.get('59', 0):.1f} % (BC), {100 * shares.get('13', 0):.1f} % (NB)",
               [points_layer(gpkg, "Federal in-person points", FEDERAL_IN_PERSON), older], older)  # fmt: skip
    written.append(path)

    # Francophones outside Quebec within 5/25/50 km of an in-person point serving in French.
    result = processing.run("crs:officiallanguagecoverage", {
        "INPUT": areas, "SERVICE_POINTS": points, "CHANNELS": [0], "THRESHOLDS_KM": "5, 25, 50",
        "OUTPUT": f"ogr:dbname='{gpkg}' table=\"official_language_coverage\" (geom)",
        "SUMMARY": f"ogr:dbname='{gpkg}' table=\"official_language_summary\"",
        "UNSERVED": f"ogr:dbname='{gpkg}' table=\"official_language_unserved\" (geom)",
    })  # fmt: skip
    summary = layer(gpkg, "official_language_summary", "summary")
    path = out_dir / "official_language_coverage.csv"
    write_layer_csv(summary, path, rename={"13": "NB", "59": "BC"})
    written.append(path)
    print("\n".join(f"  {line}" for line in result["HEADLINES"].splitlines()))
    minority = layer(gpkg, "official_language_coverage", "Francophones and a point serving in French")
    style_minority_language(minority)
    french = points_layer(gpkg, "In-person points serving in French",
                          "\"channel\" = 'in_person' AND \"languages\" LIKE '%fr%'")  # fmt: skip
    nb = {f["jurisdiction"]: f for f in summary.getFeatures()}.get("13")
    title = "Francophone minority within 50 km of an in-person point serving in French"
    if nb is not None:
        title += f": {100 * nb['share_within_50km']:.1f} % in NB"
    path = out_dir / "official_language_map.png"
    render_map(path, title, [french, minority], minority)
    written.append(path)
    return written


def run_channels(gpkg: Path, out_dir: Path) -> list[Path]:
    """Call centres and digital services: their regions on a map, counted in coverage, published."""
    import processing
    from qgis.core import QgsCoordinateTransformContext

    from crs_plugin.core.regions import boundary_collection
    from crs_plugin.processing.layer_arrays import read_layer
    from crs_plugin.toolbelt.regions_layer import service_regions_layer

    census = layer(gpkg, "census_population", "Census areas")
    arrays = read_layer(
        census, ["PRUID"], QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateTransformContext()
    )
    boundaries = boundary_collection(arrays.geometries, arrays.attributes["PRUID"])
    regions = service_regions_layer(GeoPackageStore(gpkg).read_points(), boundaries,
                                    "Service regions of call centres and digital services")  # fmt: skip
    in_person = points_layer(gpkg, "In-person points", "\"channel\" = 'in_person'", size_mm=1.6)
    path = out_dir / "service_regions_map.png"
    render_map(path, f"Call centres and digital services by the region they serve ({regions.featureCount()}), "
               "and in-person points", [regions, in_person, census_backdrop(gpkg)], census)  # fmt: skip
    written = [path]
    result = processing.run("crs:publishopendata", {
        "SERVICE_POINTS": f"{gpkg}|layername=service_points", "BOUNDARIES": f"{gpkg}|layername=census_population",
        "OUTPUT": str(out_dir / "open_data"),
    })  # fmt: skip
    written.append(Path(result["FINDER"]))
    return written


def run_planning(gpkg: Path, out_dir: Path) -> list[Path]:
    """Which partner offices to add (coverage curve, three best sites on a map), and the service standards."""
    import processing

    from crs_plugin.toolbelt.styles import style_categories, style_fill, style_planned_sites

    areas, points = f"{gpkg}|layername=census_population", f"{gpkg}|layername=service_points"
    written = []
    chart = out_dir / "coverage_curve.png"
    plan = processing.run("crs:colocationplanner", {
        "INPUT": areas, "SERVICE_POINTS": points, "SITES": 10, "DISTANCE": 50000, "CHART": str(chart),
        "OUTPUT": f"ogr:dbname='{gpkg}' table=\"plan_sites\" (geom)",
        "CURVE": f"ogr:dbname='{gpkg}' table=\"plan_curve\"",
        "UNCOVERED": f"ogr:dbname='{gpkg}' table=\"plan_uncovered\" (geom)",
    })  # fmt: skip
    print(f"  {plan['HEADLINE']}")
    written.append(chart)
    path = out_dir / "coverage_curve.csv"
    write_layer_csv(layer(gpkg, "plan_curve", "curve"), path)
    written.append(path)
    best = layer(gpkg, "plan_sites", "The three best co-location sites (rank)")
    best.setSubsetString('"rank" <= 3')
    style_planned_sites(best, size_mm=6.0)
    names = [f["name"] for f in best.getFeatures()]
    uncovered = layer(gpkg, "plan_uncovered", "Areas beyond 50 km of an open point after 10 sites")
    style_fill(uncovered, "#d9843b", 0.75)
    census = census_backdrop(gpkg)
    path = out_dir / "colocation_plan_map.png"
    render_map(path, "crs:colocationplanner: the three best partner offices to add (50 km)", [best, points_layer(gpkg, "Federal in-person points", FEDERAL_IN_PERSON),
               uncovered, census], census,
               note=f"1. {names[0]}; 2. {names[1]}; 3. {names[2]}. Greedy maximal coverage, existing federal points "
                    "kept. Sample data, EPSG:3347.")  # fmt: skip
    written.append(path)

    standards = processing.run("crs:servicestandard", {
        "INPUT": areas, "SERVICE_POINTS": points, "OUTPUT": f"ogr:dbname='{gpkg}' table=\"service_standards\"",
        "AREAS_MAP": f"ogr:dbname='{gpkg}' table=\"service_standard_areas\" (geom)",
        "SITES": f"ogr:dbname='{gpkg}' table=\"service_standard_sites\" (geom)",
    })  # fmt: skip
    print("\n".join(f"  {line}" for line in standards["HEADLINES"].splitlines()))
    path = out_dir / "service_standards.csv"
    write_layer_csv(layer(gpkg, "service_standards", "standards"), path, rename={"13": "NB", "59": "BC"})
    written.append(path)
    within = layer(gpkg, "service_standard_areas", "Areas by the stricter example standard (25 km)")
    style_categories(within, "within_example_92_percent_25km", ((True, "#9cc6e4", "within 25 km"),
                                                                (False, "#d9843b", "beyond 25 km")))  # fmt: skip
    sites = layer(gpkg, "service_standard_sites", "Sites that would meet it")
    sites.setSubsetString("\"standard\" = 'example_92_percent_25km' AND \"jurisdiction\" <> 'CA'")
    style_planned_sites(sites)
    path = out_dir / "service_standard_map.png"
    render_map(path, "crs:servicestandard: the fewest sites for 92 % within 25 km (illustrative)", [sites, points_layer(gpkg, "Federal in-person points",
               FEDERAL_IN_PERSON), within], within)  # fmt: skip
    written.append(path)
    return written


def run_report(gpkg: Path, out_dir: Path) -> list[Path]:
    """The working group's report on the sample, in both languages, each saved as a project in the store."""
    import processing

    written = []
    # The README shows New Brunswick's section: its map page in English, its tables in French.
    for index, (language, page) in enumerate((("en", 4), ("fr", 5))):
        pdf = out_dir / f"report_{language}.pdf"
        result = processing.run("crs:report", {
            "INPUT": f"{gpkg}|layername=census_population", "SERVICE_POINTS": f"{gpkg}|layername=service_points",
            "CHANNELS": [0], "GAP_DISTANCE": 25000, "LANGUAGE": index, "OUTPUT": str(pdf),
            "PROJECT_GEOPACKAGE": str(gpkg),
        })  # fmt: skip
        print(f"  {language}: {int(result['PAGES'])} pages; project {result['PROJECT']}")
        written.append(pdf)
        if shutil.which("pdftoppm"):
            png = out_dir / f"report_page_{language}.png"
            subprocess.run(["pdftoppm", "-r", "80", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf),
                            str(png.with_suffix(""))], check=True)  # fmt: skip
            written.append(png)
    return written


def write_layer_csv(lyr: QgsVectorLayer, path: Path, rename: dict | None = None) -> None:
    names = [f.name() for f in lyr.fields() if f.name() != "fid"]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(names)
        for feature in lyr.getFeatures():
            row = [feature[n] for n in names]
            row = [(rename or {}).get(v, v) if isinstance(v, str) else v for v in row]
            w.writerow(
                ["" if v is None or v == NULL else (f"{v:.4f}" if isinstance(v, float) else v) for v in row]
            )


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
    census = layer(gpkg, "census_population", "Population density (people/km²)")
    points = layer(gpkg, "service_points", "Service points")
    style_population_density(census, '"POP2021" / "LANDAREA"')
    style_service_points(points)
    render_map(png, "Service points by order of government, over population density (sample data)",
               [points, census], census)  # fmt: skip
    print("Running crs:coverage, crs:colocationcandidates, crs:accessibility…")
    analyses = run_analyses(gpkg, out_dir)
    print("Running crs:servicegaps, crs:catchmentoverlap, crs:duplicates for the gallery…")
    analyses += run_gallery(gpkg, out_dir)
    print("Running the census analyses: people aged 65 and over, official-language minorities…")
    analyses += run_census(gpkg, out_dir)
    print("Call centres and digital services by region; the open data package and its finder…")
    analyses += run_channels(gpkg, out_dir)

    print(
        "Planning co-location (crs:colocationplanner) and checking the service standards (crs:servicestandard)…"
    )
    analyses += run_planning(gpkg, out_dir)

    print("Writing the working group's report (crs:report), in English and French…")
    analyses += run_report(gpkg, out_dir)

    print(f"\nDone in {time.perf_counter() - started:.1f} s. Outputs:")
    print(f"  GeoPackage store : {gpkg.resolve()}")
    print(f"  Summary CSV      : {summary.resolve()}")
    print(f"  Map              : {png.resolve()}")
    for path in analyses:
        print(f"  {path.stem.replace('_', ' ').capitalize():<17}: {path.resolve()}")
    print("\n" + summary.read_text(encoding="utf-8"))
    QgsProject.instance().removeAllMapLayers()
    plugin.unload()
    # QGIS keeps pooled connections to the GeoPackage in WAL mode: fold the WAL into the
    # file so that crs.gpkg is complete on its own.
    with sqlite3.connect(gpkg) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    del app  # kept alive until here on purpose

    # QGIS 3.22 with Processing initialised from Python double-frees objects during
    # interpreter shutdown (exitQgis or not; the test suite skips it for the same
    # reason). Every output is written and closed by now: end without that teardown.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "demo_output")
