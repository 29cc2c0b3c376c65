"""Outputs loaded into the project after a run get the plugin's default styles."""

from __future__ import annotations

import processing
import pytest
from qgis.core import QgsProject

from tests.conftest import CENSUS

AREAS = f"{CENSUS}|layername=dissemination_areas"


@pytest.mark.parametrize(
    ("algorithm", "params", "renderers"),
    [
        ("crs:nearestservice", {"INPUT": AREAS}, {"graduatedSymbol"}),
        (
            "crs:coverage",
            {"INPUT": AREAS, "SUMMARY": "memory:"},
            {"graduatedSymbol", "nullSymbol", "singleSymbol"},
        ),
        (
            "crs:servicegaps",
            {"INPUT": AREAS, "THRESHOLD": 25000, "ZONES": "memory:"},
            {"graduatedSymbol", "singleSymbol"},
        ),
        ("crs:accessibility", {"INPUT": AREAS}, {"graduatedSymbol"}),
        ("crs:catchmentoverlap", {"INPUT": AREAS, "ZONES": "memory:"}, {"categorizedSymbol"}),
        ("crs:colocationcandidates", {}, {"singleSymbol"}),
    ],
)
def test_outputs_are_styled_when_loaded(crs_provider, sample_store, algorithm, params, renderers):
    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults(algorithm, {"SERVICE_POINTS": f"{sample_store}|layername=service_points",
                                             "OUTPUT": "memory:", **params})  # fmt: skip
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        assert added
        assert {layer.renderer().type() for layer in added if layer.isSpatial()} <= renderers
        assert any(
            layer.renderer().type() != "singleSymbol" for layer in added if layer.isSpatial()
        ) or renderers == {"singleSymbol"}
    finally:
        project.removeMapLayers([layer.id() for layer in added])
