"""Coordinates transformed exactly as QGIS transforms them in the project's transform context.

QGIS records a coordinate operation in the project's transform context when an analyst
accepts its "Select Transformation" dialog, for one direction (source -> destination);
going the other way QGIS uses the inverse. Every input the algorithms read must land
where ``QgsCoordinateTransform`` with that context puts it, point by point.
"""

from __future__ import annotations

import itertools

import numpy as np
import processing
import pytest
from osgeo import gdal
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsDatumTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from crs_plugin.processing.layer_arrays import read_layer
from tests.pdf import pages_text

CRSS = ("EPSG:4326", "EPSG:4269", "EPSG:3347", "EPSG:2953", "EPSG:3005", "EPSG:3857")
# Service-point-like positions from Victoria to Fredericton and Iqaluit, lon/lat.
LONLAT = np.array([(-123.3656, 48.4284), (-123.1207, 49.2827), (-122.8490, 49.1913), (-119.4960, 49.8880),
                   (-114.0719, 51.0447), (-97.1384, 49.8951), (-79.3832, 43.6532), (-75.6972, 45.4215),
                   (-71.2080, 46.8139), (-66.6431, 45.9636), (-64.7782, 46.0878), (-68.5170, 63.7467),
                   (-135.0568, 60.7212), (-128.6, 54.5), (-60.0, 47.0)])  # fmt: skip


def qcrs(authid: str) -> QgsCoordinateReferenceSystem:
    crs = QgsCoordinateReferenceSystem(authid)
    assert crs.isValid(), authid
    return crs


def points_layer(authid: str, xy: np.ndarray) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs={authid}&field=n:integer", "p", "memory")
    features = []
    for i, (x, y) in enumerate(xy):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        f.setAttributes([i])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def positions_in(authid: str) -> np.ndarray:
    to_source = QgsCoordinateTransform(qcrs("EPSG:4326"), qcrs(authid), QgsCoordinateTransformContext())
    return np.array([(p.x(), p.y()) for p in (to_source.transform(QgsPointXY(*ll)) for ll in LONLAT)])


def qgis_point_by_point(xy, source, dest, context) -> np.ndarray:
    transform = QgsCoordinateTransform(qcrs(source), qcrs(dest), context)
    return np.array(
        [(p.x(), p.y()) for p in (transform.transform(QgsPointXY(float(x), float(y))) for x, y in xy)]
    )


def ours(xy, source, dest, context) -> np.ndarray:
    arrays = read_layer(points_layer(source, xy), ["n"], qcrs(dest), context)
    assert list(arrays.attributes["n"]) == list(range(len(xy)))
    return arrays.points()


def recorded_operation(source: str, dest: str) -> str | None:
    """The last available operation QGIS lists between two CRSs (not always its default)."""
    available = [
        op for op in QgsDatumTransform.operations(qcrs(source), qcrs(dest)) if op.isAvailable and op.proj
    ]
    return available[-1].proj if available else None


def tolerance(dest: str) -> float:
    return 1e-11 if qcrs(dest).isGeographic() else 1e-6  # 1e-6 m, in degrees about 1e-11


PAIRS = list(itertools.permutations(CRSS, 2))


@pytest.mark.parametrize("source,dest", PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
@pytest.mark.parametrize("recorded", ["none", "forward", "reverse"])
def test_layer_coordinates_equal_qgis_transform_point_by_point(qgis_app, source, dest, recorded):
    context = QgsCoordinateTransformContext()
    if recorded != "none":
        a, b = (source, dest) if recorded == "forward" else (dest, source)
        operation = recorded_operation(a, b)
        if operation is None:
            pytest.skip(f"QGIS lists no operation from {a} to {b}")
        assert context.addCoordinateOperation(qcrs(a), qcrs(b), operation)
    xy = positions_in(source)
    expected = qgis_point_by_point(xy, source, dest, context)
    assert np.isfinite(expected).all()
    np.testing.assert_allclose(ours(xy, source, dest, context), expected, rtol=0, atol=tolerance(dest))


def test_an_operation_recorded_the_other_way_is_inverted(qgis_app):
    """The reported case: the census layer (EPSG:3347) added to a project of service points
    (EPSG:4326) records 3347 -> 4326; points going 4326 -> 3347 must not go through it forwards
    (Vancouver landed at (-142.4, 16.3) and every area was 'beyond 50 km')."""
    plain = QgsCoordinateTransformContext()
    recorded = QgsCoordinateTransformContext()
    assert recorded.addCoordinateOperation(
        qcrs("EPSG:3347"), qcrs("EPSG:4326"), recorded_operation("EPSG:3347", "EPSG:4326")
    )
    xy = LONLAT
    with_operation = ours(xy, "EPSG:4326", "EPSG:3347", recorded)
    np.testing.assert_allclose(with_operation, ours(xy, "EPSG:4326", "EPSG:3347", plain), rtol=0, atol=1e-6)
    vancouver = with_operation[1]
    assert 3.9e6 < vancouver[0] < 4.1e6 and 1.9e6 < vancouver[1] < 2.1e6, vancouver


def ntv2_grid(path) -> str:
    """A small NTv2 grid over southern BC shifting positions by (0.5", -0.3") to (1.5", 0.9")."""
    driver = gdal.GetDriverByName("NTv2")
    rows, cols = 21, 41
    ds = driver.Create(str(path), cols, rows, 4, gdal.GDT_Float32)
    ds.SetGeoTransform((-130.0, 0.25, 0, 55.0, 0, -0.25))  # lon/lat degrees, cell centres
    lat_shift = np.linspace(-0.3, 0.9, rows * cols, dtype=np.float32).reshape(rows, cols)
    lon_shift = np.linspace(0.5, 1.5, rows * cols, dtype=np.float32).reshape(rows, cols)
    for band, values in zip((1, 2), (lat_shift, lon_shift)):
        ds.GetRasterBand(band).WriteArray(values)
    for band in (3, 4):
        ds.GetRasterBand(band).Fill(0.01)
    ds = None
    return str(path)


@pytest.mark.parametrize("direction", ["forward", "reverse"])
def test_a_recorded_grid_based_operation_is_applied_as_qgis_applies_it(qgis_app, tmp_path, direction):
    grid = ntv2_grid(tmp_path / "shift.gsb")
    pipeline = ("+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
                f"+step +proj=hgridshift +grids={grid} +step +proj=unitconvert +xy_in=rad +xy_out=deg")  # fmt: skip
    context = QgsCoordinateTransformContext()
    a, b = ("EPSG:4269", "EPSG:4326") if direction == "forward" else ("EPSG:4326", "EPSG:4269")
    assert context.addCoordinateOperation(qcrs(a), qcrs(b), pipeline)
    xy = LONLAT[[0, 1, 2, 3, 13]]  # inside the grid
    for source, dest in (("EPSG:4269", "EPSG:4326"), ("EPSG:4326", "EPSG:4269"), ("EPSG:4269", "EPSG:3347")):
        expected = qgis_point_by_point(xy, source, dest, context)
        np.testing.assert_allclose(ours(xy, source, dest, context), expected, rtol=0, atol=tolerance(dest))
    shifted = qgis_point_by_point(xy, "EPSG:4269", "EPSG:4326", context)
    assert np.abs(shifted - xy).max() > 1e-5  # the grid really moved the points


# -- every algorithm through a project that holds a recorded operation ---------------------


def value(v):
    return None if v is None or v == NULL else v


def rows(layer) -> list[tuple]:
    out = []
    for f in layer.getFeatures():
        geometry = f.geometry()
        out.append(
            (tuple(value(a) for a in f.attributes()), None if geometry.isNull() else geometry.asWkt(3))
        )
    return sorted(out, key=repr)


def assert_same_rows(a, b) -> None:
    assert len(a) == len(b)
    for (attrs_a, geom_a), (attrs_b, geom_b) in zip(a, b):
        for x, y in zip(attrs_a, attrs_b):
            if isinstance(x, float) and isinstance(y, float):
                assert x == pytest.approx(y, abs=1e-6)
            else:
                assert x == y
        assert geom_a == geom_b


def census(path):
    return QgsVectorLayer(f"{path}|layername=dissemination_areas", "census", "ogr")


def road_grid() -> QgsVectorLayer:
    """Roads around Fredericton, in EPSG:4326, so they too are transformed."""
    layer = QgsVectorLayer("LineString?crs=EPSG:4326", "roads", "memory")
    features = []
    for i in range(6):
        for horizontal in (True, False):
            f = QgsFeature()
            c = -66.75 + 0.05 * i if not horizontal else 45.85 + 0.05 * i
            line = ([QgsPointXY(-66.8, c), QgsPointXY(-66.5, c)] if horizontal
                    else [QgsPointXY(c, 45.8), QgsPointXY(c, 46.1)])  # fmt: skip
            f.setGeometry(QgsGeometry.fromPolylineXY(line))
            features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def contributed_points() -> QgsVectorLayer:
    """Fredericton and Moncton in EPSG:3347, one of them claimed for British Columbia."""
    layer = QgsVectorLayer("Point?crs=EPSG:3347&field=point_id:string&field=name_en:string&field=jurisdiction:string",
                           "contributed", "memory")  # fmt: skip
    features = []
    for (x, y), attributes in zip(positions_in("EPSG:3347")[[9, 10]], (["nb:1", "Fredericton", "NB"],
                                                                        ["nb:2", "Moncton", "BC"])):  # fmt: skip
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes(attributes)
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def algorithm_runs(store, census_path, out_dir=None):
    points = f"{store}|layername=service_points"
    nb = census(census_path)
    nb.setSubsetString("\"PRUID\" = '13'")
    return {
        "crs:nearestservice": dict(
            INPUT=census(census_path), SERVICE_POINTS=points, PER_ORDER_OF_GOVERNMENT=True
        ),
        "crs:coverage": dict(
            INPUT=census(census_path), SERVICE_POINTS=points, ORDERS_OF_GOVERNMENT=[0], SUMMARY="memory:"
        ),
        "crs:servicegaps": dict(
            INPUT=census(census_path), SERVICE_POINTS=points, THRESHOLD=25000, ZONES="memory:"
        ),
        "crs:colocationcandidates": dict(SERVICE_POINTS=points, DISTANCE=500),
        "crs:duplicates": dict(
            SERVICE_POINTS=points,
            DISTANCE=2000,
            MIN_SCORE=0.1,
            ACROSS_SOURCES_ONLY=False,
            SAME_ORDER_ONLY=False,
        ),
        "crs:accessibility": dict(INPUT=census(census_path), SERVICE_POINTS=points, RADIUS=50000),
        "crs:catchmentoverlap": dict(
            INPUT=census(census_path), SERVICE_POINTS=points, DISTANCE=25000, ZONES="memory:"
        ),
        "crs:networkdistance": dict(INPUT=nb, SERVICE_POINTS=points, ROADS=road_grid(), TOLERANCE=1),
        "crs:serviceareas": dict(SERVICE_POINTS=points, ROADS=road_grid(), LIMITS="2, 5"),
        "crs:officiallanguagecoverage": dict(
            INPUT=census(census_path), SERVICE_POINTS=points, SUMMARY="memory:", UNSERVED="memory:"
        ),
        "crs:colocationplanner": dict(INPUT=census(census_path), SERVICE_POINTS=points, SITES=3),
        "crs:servicestandard": dict(INPUT=census(census_path), SERVICE_POINTS=points),
        "crs:validate": dict(
            INPUT=contributed_points(), BOUNDARIES=census(census_path), SHARED_POINTS=points
        ),
        # The boundaries (EPSG:3347) drawn under the finder's map, published in EPSG:4326.
        "crs:publishopendata": dict(SERVICE_POINTS=points, BOUNDARIES=census(census_path), OUTPUT=FOLDER),
        # A PDF: compared by its text, where every table's figures are.
        "crs:report": dict(
            INPUT=census(census_path),
            SERVICE_POINTS=points,
            OUTPUT=str(out_dir / "report.pdf") if out_dir else "",
        ),
    }


#: Folder outputs are compared by the layer they hold (crs:publishopendata: the published boundaries).
FOLDER = "folder"
FOLDER_LAYERS = {"crs:publishopendata": "boundaries.geojson"}


def test_every_algorithm_gives_the_same_results_with_a_recorded_operation(
    crs_provider, sample_store, census_copy, tmp_path
):
    project = QgsProject()
    project_context = project.transformContext()
    assert project_context.addCoordinateOperation(
        qcrs("EPSG:3347"), qcrs("EPSG:4326"), recorded_operation("EPSG:3347", "EPSG:4326")
    )
    project.setTransformContext(project_context)
    runs = algorithm_runs(sample_store, census_copy, tmp_path)
    covered = {a.id() for a in crs_provider.algorithms() if any(
        d.type() == "source" for d in a.parameterDefinitions())}  # fmt: skip
    assert covered <= set(runs), "every algorithm that reads layers is checked here"
    for algorithm_id, params in runs.items():
        results = []
        for with_project in (False, True):
            context = QgsProcessingContext()
            if with_project:
                context.setProject(project)
                assert context.transformContext().hasTransform(qcrs("EPSG:4326"), qcrs("EPSG:3347"))
            if params.get("OUTPUT") == FOLDER:
                output = str(tmp_path / f"{algorithm_id[4:]}_{with_project}")
            elif str(params.get("OUTPUT", "")).endswith(".pdf"):
                output = params["OUTPUT"]
            else:
                output = "memory:"
            outputs = processing.run(algorithm_id, {**params, "OUTPUT": output}, context=context,
                                     feedback=QgsProcessingFeedback())  # fmt: skip
            if str(outputs["OUTPUT"]).endswith(".pdf"):
                results.append(
                    {"OUTPUT": [(tuple(page.split()), None) for page in pages_text(outputs["OUTPUT"])]}
                )
                continue
            if algorithm_id in FOLDER_LAYERS:
                outputs = {
                    "OUTPUT": QgsVectorLayer(f"{output}/{FOLDER_LAYERS[algorithm_id]}", "folder", "ogr")
                }
            layers = {k: context.getMapLayer(v) if isinstance(v, str) else v for k, v in outputs.items()
                      if k in ("OUTPUT", "SUMMARY", "ZONES")}  # fmt: skip
            results.append({k: rows(layer) for k, layer in layers.items()})
        plain, recorded = results
        assert plain.keys() == recorded.keys()
        for key in plain:
            assert plain[key], (algorithm_id, key, "no rows: the comparison would prove nothing")
            assert_same_rows(plain[key], recorded[key])
