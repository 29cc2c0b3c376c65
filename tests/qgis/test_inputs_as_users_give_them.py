"""Every input a QGIS user can give, for every algorithm, against the plain-file result.

The toolbox passes "selected features only", layers keep the panel's subset filter,
analysts join census tables and add virtual fields, and layers come from memory,
Shapefiles, GeoPackages and PostGIS, in any CRS. Each of these must give exactly what the
same features give from a plain GeoPackage.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import processing
import pytest
from osgeo import gdal
from qgis.core import (
    NULL,
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsField,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerJoinInfo,
)
from qgis.PyQt.QtCore import QVariant

from tests.qgis.test_transform_context import road_grid

NB = "\"PRUID\" = '13'"
FEDERAL_OR_PROVINCIAL = "\"order_of_government\" IN ('federal', 'provincial')"


def value(v):
    if v is None or v == NULL:
        return None
    return round(v, 6) if isinstance(v, float) else v


# What each algorithm is compared on: per-area columns keyed by DAUID, or rows of a pair/problem table.
PER_AREA = {
    "crs:nearestservice": ("nearest_id", "nearest_name", "distance_m", "nearest_federal_m"),
    "crs:coverage": ("distance_m", "within_5km", "within_25km"),
    "crs:servicegaps": ("gap_rank", "distance_m", "population_left_out"),
    "crs:accessibility": ("access_score", "points_in_reach"),
    "crs:catchmentoverlap": ("served_by", "distance_a_m", "distance_b_m"),
    "crs:networkdistance": ("nearest_id", "total_m"),
}
TABLES = {
    "crs:coverage": ("SUMMARY",),
    "crs:servicegaps": ("ZONES",),
    "crs:catchmentoverlap": ("ZONES",),
}
PAIRS = {
    "crs:colocationcandidates": ("a_point_id", "b_point_id", "distance_m"),
    "crs:duplicates": ("a_point_id", "b_point_id", "distance_m"),
    "crs:validate": ("point_id", "field", "code"),
}
ALGORITHMS = sorted({*PER_AREA, *PAIRS})


def parameters(algorithm_id: str, areas, points, population: str = "POP2021") -> dict:
    common = {"SERVICE_POINTS": points, "ORDERS_OF_GOVERNMENT": [0, 1], "OUTPUT": "memory:"}
    return {
        "crs:nearestservice": dict(common, INPUT=areas, PER_ORDER_OF_GOVERNMENT=True),
        "crs:coverage": dict(
            common, INPUT=areas, POPULATION_FIELD=population, THRESHOLDS_KM="5, 25", SUMMARY="memory:"
        ),  # fmt: skip
        "crs:servicegaps": dict(
            common, INPUT=areas, POPULATION_FIELD=population, THRESHOLD=20000, ZONES="memory:"
        ),  # fmt: skip
        "crs:accessibility": dict(common, INPUT=areas, POPULATION_FIELD=population, RADIUS=40000),
        "crs:catchmentoverlap": dict(
            common,
            INPUT=areas,
            POPULATION_FIELD=population,
            DISTANCE=20000,
            ZONES="memory:",
        ),  # fmt: skip
        "crs:networkdistance": dict(common, INPUT=areas, ROADS=road_grid(), TOLERANCE=1),
        "crs:colocationcandidates": dict(common, DISTANCE=2000),
        "crs:duplicates": dict(
            common, DISTANCE=3000, MIN_SCORE=0.1, ACROSS_SOURCES_ONLY=False, SAME_ORDER_ONLY=False
        ),  # fmt: skip
        # New Brunswick's areas as the boundary: the points placed there are checked against it.
        "crs:validate": {"INPUT": points, "BOUNDARIES": areas, "OUTPUT": "memory:"},
    }[algorithm_id]


def run(algorithm_id: str, params: dict) -> dict:
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    outputs = processing.run(algorithm_id, params, context=context, feedback=feedback)
    result = {}
    layers = {k: context.getMapLayer(v) if isinstance(v, str) else v for k, v in outputs.items()}
    out = layers["OUTPUT"]
    if algorithm_id in PER_AREA:
        result["OUTPUT"] = {
            f["DAUID"]: tuple(value(f[c]) for c in PER_AREA[algorithm_id]) for f in out.getFeatures()
        }
        assert len(result["OUTPUT"]) == out.featureCount()
    else:
        result["OUTPUT"] = sorted(tuple(value(f[c]) for c in PAIRS[algorithm_id]) for f in out.getFeatures())
    for key in TABLES.get(algorithm_id, ()):
        table = layers[key]
        names = [n for n in table.fields().names() if n not in ("fid", "zone")]
        result[key] = sorted(tuple(value(f[n]) for n in names) for f in table.getFeatures())
    result["used"] = outputs.get("SERVICE_POINTS_USED")
    return result


# -- the same features, as users give them ------------------------------------------------------


def translate(source, target, **options) -> str:
    gdal.VectorTranslate(str(target), str(source), **options)
    return str(target)


@pytest.fixture(scope="module")
def files(census_copy, sample_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    # Copies of this module's own: layers other tests left open on the shared files stay out of it.
    census_copy = Path(shutil.copy(census_copy, folder / "census.gpkg"))
    sample_store = Path(shutil.copy(sample_store, folder / "store.gpkg"))
    census = f"{census_copy}|layername=dissemination_areas"
    points = f"{sample_store}|layername=service_points"
    return {
        "census": census_copy,
        "store": sample_store,
        "census_layer": census,
        "points_layer": points,
        "areas": translate(
            census_copy, folder / "nb.gpkg", layers=["dissemination_areas"], where=NB, layerName="areas"
        ),  # fmt: skip
        "points": translate(
            sample_store,
            folder / "points.gpkg",
            layers=["service_points"],
            where=FEDERAL_OR_PROVINCIAL,
            layerName="points",
        ),  # fmt: skip
        "folder": folder,
    }


def project_layer(uri: str, name: str, provider: str = "ogr") -> QgsVectorLayer:
    layer = QgsVectorLayer(uri, name, provider)
    assert layer.isValid(), uri
    QgsProject.instance().addMapLayer(layer)
    return layer


def selected(uri: str, expression: str) -> QgsProcessingFeatureSourceDefinition:
    layer = project_layer(uri, "selection")
    layer.selectByExpression(expression)
    assert 0 < layer.selectedFeatureCount() < layer.featureCount()
    return QgsProcessingFeatureSourceDefinition(layer.id(), True)


def subset(uri: str, expression: str) -> QgsVectorLayer:
    layer = project_layer(uri, "subset")
    assert layer.setSubsetString(expression)
    return layer


def joined(uri_without: str, table_uri: str, key: str, prefix: str) -> QgsVectorLayer:
    layer = project_layer(uri_without, "joined")
    table = project_layer(table_uri, "table")
    join = QgsVectorLayerJoinInfo()
    join.setJoinLayer(table)
    join.setJoinFieldName(key)
    join.setTargetFieldName(key)
    join.setPrefix(prefix)
    join.setUsingMemoryCache(False)
    assert layer.addJoin(join)
    return layer


def virtual(uri: str, expression: str, name: str, kind) -> QgsVectorLayer:
    layer = project_layer(uri, "virtual")
    layer.addExpressionField(expression, QgsField(name, kind))
    return layer


def written_once(target, source, **options) -> str:
    """A variant's file, written the first time only: rewriting a file that earlier tests' layers
    still hold open would test that race, not the input."""
    return str(target) if target.exists() else translate(source, target, **options)


def area_variants(files, postgis) -> dict:
    f, folder = files, files["folder"]
    no_population = written_once(folder / "no_pop.gpkg", f["areas"], layerName="areas",
                                 SQLStatement="SELECT DAUID, PRUID, geom FROM areas")  # fmt: skip
    populations = written_once(
        folder / "pop.csv", f["areas"], format="CSV", SQLStatement="SELECT DAUID, POP2021 FROM areas"
    )
    return {
        "selection": (selected(f["census_layer"], NB), "POP2021"),
        "subset": (subset(f["census_layer"], NB), "POP2021"),
        "memory": (project_layer(f["areas"], "a").materialize(_all()), "POP2021"),
        "shapefile": (written_once(folder / "areas.shp", f["areas"]), "POP2021"),
        "geographic": (written_once(folder / "areas_4326.gpkg", f["areas"], dstSRS="EPSG:4326"), "POP2021"),
        "joined": (
            joined(no_population, populations + "|layername=pop", "DAUID", "census_"),
            "census_POP2021",
        ),
        "virtual": (virtual(f["areas"], '"POP2021"', "population", QVariant.Int), "population"),
        "postgis": (postgis("areas"), "POP2021"),
    }


def point_variants(files, postgis) -> dict:
    f, folder = files, files["folder"]
    # The store's points with order_of_government renamed: the filter field must come from a join or an expression.
    without = folder / "no_order.gpkg"
    if not without.exists():
        translate(f["store"], without, layers=["service_points"], layerName="points")
        renamed = QgsVectorLayer(str(without), "w", "ogr")
        assert renamed.dataProvider().renameAttributes(
            {renamed.fields().indexOf("order_of_government"): "gov"}
        )
        del renamed
    without = str(without)
    orders = written_once(folder / "orders.csv", f["store"], format="CSV",
                          SQLStatement="SELECT point_id, order_of_government FROM service_points")  # fmt: skip
    return {
        "selection": selected(f["points_layer"], FEDERAL_OR_PROVINCIAL),
        "subset": subset(f["points_layer"], FEDERAL_OR_PROVINCIAL),
        "memory": project_layer(f["points"], "p").materialize(_all()),
        "projected": written_once(folder / "points_3005.gpkg", f["points"], dstSRS="EPSG:3005"),
        "joined": joined(without, orders + "|layername=orders", "point_id", ""),
        "virtual": virtual(without, '"gov"', "order_of_government", QVariant.String),
        "postgis": postgis("points"),
    }


def _all() -> QgsFeatureRequest:
    return QgsFeatureRequest()


@pytest.fixture(scope="module")
def postgis(postgres_cluster, files):
    """The reference areas and points in a PostGIS database, as QGIS layers."""
    import psycopg2

    conn = psycopg2.connect(postgres_cluster.conninfo())
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("DROP DATABASE IF EXISTS inputs")
        cur.execute("CREATE DATABASE inputs")
    conn.close()
    conninfo = postgres_cluster.conninfo(dbname="inputs")
    with psycopg2.connect(conninfo) as conn, conn.cursor() as cur:
        cur.execute("CREATE EXTENSION postgis")
    for name in ("areas", "points"):
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{conninfo}", files[name], "-nln", name,
                        "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-lco", "LAUNDER=NO"], check=True)  # fmt: skip

    def layer(name: str) -> QgsVectorLayer:
        uri = QgsDataSourceUri()
        cluster = postgres_cluster
        uri.setConnection("127.0.0.1", str(cluster.port), "inputs", cluster.superuser, cluster.password)
        uri.setDataSource("public", name, "geom", "", "fid")
        return project_layer(uri.uri(False), name, "postgres")

    return layer


_REFERENCES: dict[str, dict] = {}


@pytest.fixture
def references(crs_provider, files):
    """Each algorithm's result on the plain GeoPackages (computed once per session)."""
    for a in ALGORITHMS:
        if a not in _REFERENCES:
            _REFERENCES[a] = run(a, parameters(a, files["areas"], files["points"]))
    return _REFERENCES


@pytest.mark.parametrize("algorithm_id", sorted(PER_AREA))
def test_areas_as_users_give_them(crs_provider, files, postgis, references, algorithm_id):
    reference = references[algorithm_id]
    assert reference["OUTPUT"], "the reference must have rows to compare"
    for variant, (areas, population) in area_variants(files, postgis).items():
        result = run(algorithm_id, parameters(algorithm_id, areas, files["points"], population))
        assert result.keys() == reference.keys(), variant
        for key in reference:
            if key != "used":
                assert _same(result[key], reference[key]), (
                    variant,
                    key,
                    _first_difference(result[key], reference[key]),
                )


def _first_difference(a, b):
    if isinstance(a, dict):
        return next(
            ((k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if not _same(a.get(k), b.get(k))), None
        )
    return next(((x, y) for x, y in zip(a, b) if not _same(x, y)), (len(a), len(b)))


def _same(a, b) -> bool:
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-6 * max(1.0, abs(b))
    return a == b


DISTANCES_TO_COUNTERS = {"crs:nearestservice", "crs:coverage", "crs:servicegaps", "crs:accessibility",
                         "crs:catchmentoverlap", "crs:networkdistance", "crs:serviceareas",
                         "crs:officiallanguagecoverage"}  # fmt: skip


@pytest.mark.parametrize("algorithm_id", ALGORITHMS)
def test_service_points_as_users_give_them(crs_provider, files, postgis, references, algorithm_id):
    reference = references[algorithm_id]
    assert reference["OUTPUT"], "the reference must have rows to compare"
    for variant, points in point_variants(files, postgis).items():
        if algorithm_id == "crs:validate" and variant in ("joined", "virtual"):
            continue  # these carry the filter field by a join or an expression; validate has no filter
        result = run(algorithm_id, parameters(algorithm_id, files["areas"], points))
        for key in reference:
            if key != "used":
                assert _same(result[key], reference[key]), (
                    variant,
                    key,
                    _first_difference(result[key], reference[key]),
                )
        if algorithm_id != "crs:validate":
            every = list(QgsVectorLayer(files["points"], "p", "ogr").getFeatures())
            # Distance analyses leave out the call centres' and online services' addresses.
            remote = algorithm_id in DISTANCES_TO_COUNTERS
            n = sum(1 for f in every if not (remote and f["channel"] in ("call_centre", "digital")))
            assert result["used"].startswith(f"{n} of "), (variant, result["used"])


@pytest.mark.parametrize("algorithm_id", ALGORITHMS)
@pytest.mark.parametrize("empty", ["areas", "points"])
def test_layers_with_no_features(crs_provider, files, algorithm_id, empty):
    """An empty layer (a filter that matches nothing, a new layer) gives empty or unmatched
    results, never an error or a partial write."""
    if empty == "areas" and algorithm_id not in PER_AREA:
        pytest.skip("no areas input")
    areas = subset(files["areas"], "1 = 0") if empty == "areas" else files["areas"]
    points = subset(files["points"], "1 = 0") if empty == "points" else files["points"]
    result = run(algorithm_id, parameters(algorithm_id, areas, points))
    if empty == "areas" or algorithm_id in PAIRS:
        assert not result["OUTPUT"]
    else:  # every area is written, with nothing found for it (and every area is a gap)
        assert len(result["OUTPUT"]) == QgsVectorLayer(files["areas"], "a", "ogr").featureCount()
    if empty == "points" and algorithm_id != "crs:validate":
        assert result["used"].startswith("0 of 0 "), result["used"]


def test_a_source_that_stops_answering_is_refused_not_read_as_empty(crs_provider, files, postgres_cluster):
    """A selection whose database goes away between the selection and the run (a restart, a
    dropped connection, a GeoPackage another connection is checkpointing) must stop the
    analysis with the reason, not give every area 'nothing in reach'."""
    import psycopg2

    admin = psycopg2.connect(postgres_cluster.conninfo())
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("DROP DATABASE IF EXISTS going_away")
        cur.execute("CREATE DATABASE going_away")
    conninfo = postgres_cluster.conninfo(dbname="going_away")
    with psycopg2.connect(conninfo) as conn, conn.cursor() as cur:
        cur.execute("CREATE EXTENSION postgis")
    subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{conninfo}", files["areas"], "-nln", "areas",
                    "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-lco", "LAUNDER=NO"], check=True)  # fmt: skip
    uri = QgsDataSourceUri()
    uri.setConnection("127.0.0.1", str(postgres_cluster.port), "going_away", postgres_cluster.superuser,
                      postgres_cluster.password)  # fmt: skip
    uri.setDataSource("public", "areas", "geom", "", "fid")
    layer = project_layer(uri.uri(False), "going away", "postgres")
    layer.selectByExpression("\"DAUID\" LIKE '1301%'")
    assert layer.selectedFeatureCount() > 0
    try:
        with admin.cursor() as cur:
            cur.execute("ALTER DATABASE going_away ALLOW_CONNECTIONS false")
            cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'going_away'")
        params = parameters("crs:accessibility", QgsProcessingFeatureSourceDefinition(layer.id(), True),
                            files["points"])  # fmt: skip
        with pytest.raises(Exception, match="could not be read|could be read"):
            run("crs:accessibility", params)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
        with admin.cursor() as cur:
            cur.execute("ALTER DATABASE going_away ALLOW_CONNECTIONS true")
        admin.close()
