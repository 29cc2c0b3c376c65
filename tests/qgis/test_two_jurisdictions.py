"""Two meanings of "jurisdiction": the points operated by British Columbia (its own offices, the
'jurisdiction' field) and the points located in British Columbia (every office standing there)."""

from __future__ import annotations

import processing
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt

from crs_plugin.core.schema import JURISDICTIONS, PROVINCES
from tests.conftest import CENSUS

AREAS = f"{CENSUS}|layername=dissemination_areas"
OPERATED_BY_BC, LOCATED_IN_BC = 68, 176  # in the sample: Service BC's offices; every office in BC


def index_of(choices, code: str) -> int:
    return [c.code for c in choices].index(code)


def points_used(sample_store, **filters) -> str:
    out = processing.run("crs:nearestservice", {"INPUT": AREAS, "SERVICE_POINTS": f"{sample_store}|layername=service_points",
                                                "OUTPUT": "memory:", **filters})  # fmt: skip
    return out["SERVICE_POINTS_USED"]


def test_algorithms_filter_by_operator_or_by_place(crs_provider, sample_store):
    operated = points_used(sample_store, OPERATED_BY=[index_of(JURISDICTIONS, "BC")])
    located = points_used(sample_store, LOCATED_IN=[index_of(PROVINCES, "BC")])
    assert operated.startswith(f"{OPERATED_BY_BC} of 275 service points used: operated by: British Columbia")
    # One of the points standing in BC is the Service Canada call centre: a distance is not measured to it.
    assert located.startswith(f"{LOCATED_IN_BC - 1} of 275 service points used: located in: British Columbia")
    assert "1 call centres and online services with a position are left out" in located
    # Federal points standing in BC: both filters with the order of government.
    federal_in_bc = points_used(
        sample_store, ORDERS_OF_GOVERNMENT=[0], LOCATED_IN=[index_of(PROVINCES, "BC")]
    )
    assert 0 < int(federal_in_bc.split()[0]) < LOCATED_IN_BC


def test_the_panel_filters_by_operator_or_by_place(qgis_iface, crs_provider, sample_store, tmp_path):
    from qgis.core import QgsSettings

    from crs_plugin.ui.dock import ServicePointsDock

    QgsSettings().setValue("crs_service_points/cache_folder", str(tmp_path))
    QgsProject.instance().clear()
    dock = ServicePointsDock(qgis_iface)
    try:
        dock.show_points(str(sample_store))
        assert dock.points_layer.featureCount() == 275
        operated, located = dock.filter_boxes["jurisdictions"], dock.filter_boxes["located_in"]
        assert dock.findChild(type(operated), "filter_located_in") is located
        operated.setItemCheckState(operated.findData("BC"), Qt.Checked)
        assert dock.points_layer.featureCount() == OPERATED_BY_BC
        operated.setItemCheckState(operated.findData("BC"), Qt.Unchecked)
        located.setItemCheckState(located.findData("BC"), Qt.Checked)
        assert dock.points_layer.featureCount() == LOCATED_IN_BC
    finally:
        dock.deleteLater()
        QgsProject.instance().clear()
        QgsSettings().remove("crs_service_points/cache_folder")
