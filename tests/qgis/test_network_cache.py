"""A road network is built once and loaded from the cache the next time, until the roads change."""

from __future__ import annotations

import processing
from qgis.core import QgsGeometry, QgsPointXY, QgsProcessingFeedback, QgsSettings

from tests.qgis.test_network_distance import X0, Y0, points, roads


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802 - QGIS API
        self.lines.append(info)
        super().pushInfo(info)


def run(road_layer):
    log = Log()
    out = processing.run("crs:networkdistance", {"INPUT": points([("A", 0, -10), ("B", 2000, 0)]),
                                                 "SERVICE_POINTS": points([("S1", 1000, 0), ("S2", 0, 2000)]),
                                                 "ROADS": road_layer, "OUTPUT": "memory:"}, feedback=log)["OUTPUT"]  # fmt: skip
    result = {f["point_id"]: (f["nearest_id"], f["network_m"]) for f in out.getFeatures()}
    built = any(line.startswith("Building the road network") for line in log.lines)
    cached = any("loaded from the cache" in line for line in log.lines)
    assert built != cached
    return result, cached


def test_the_second_run_loads_the_network_and_a_changed_layer_rebuilds_it(crs_provider, tmp_path):
    settings = QgsSettings()
    settings.setValue("crs_service_points/cache_folder", str(tmp_path))
    try:
        layer = roads()
        first, cached = run(layer)
        assert not cached and len(list((tmp_path / "road_networks").glob("*.npz"))) == 1
        second, cached = run(layer)
        assert cached and second == first
        # Bridge the river: the cached graph no longer describes the roads.
        layer.dataProvider().addFeatures([_road((0, 0), (1000, 0))])
        third, cached = run(layer)
        assert not cached and third["A"][0] == "S1" and third != first
        # A damaged cache file is built again, not trusted.
        for path in (tmp_path / "road_networks").glob("*.npz"):
            path.write_bytes(b"not a network")
        fourth, cached = run(layer)
        assert not cached and fourth == third
    finally:
        settings.remove("crs_service_points/cache_folder")


def _road(a, b):
    from qgis.core import QgsFeature

    feature = QgsFeature()
    feature.setGeometry(
        QgsGeometry.fromPolylineXY([QgsPointXY(X0 + a[0], Y0 + a[1]), QgsPointXY(X0 + b[0], Y0 + b[1])])
    )
    return feature
