"""Algorithm dialogs as an analyst sees them: distances in metres, help as formatted text."""

from __future__ import annotations

import processing
import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QComboBox, QLabel, QWidget

DISTANCE_ALGORITHMS = ("crs:servicegaps", "crs:accessibility", "crs:colocationcandidates", "crs:catchmentoverlap",
                       "crs:duplicates", "crs:nearestservice", "crs:networkdistance")  # fmt: skip


@pytest.fixture
def geographic_layers(qgis_iface, sample_store, census_copy, monkeypatch):
    """The service points (EPSG:4326) and census areas reprojected to EPSG:4326, in the project:
    the dialogs pick them as their default inputs."""
    from qgis.gui import QgsBrowserGuiModel

    browser = QgsBrowserGuiModel()  # the stand-in iface has none; the dialog's file widgets ask for it
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)
    points = QgsVectorLayer(f"{sample_store}|layername=service_points", "service points", "ogr")
    areas = processing.run("native:reprojectlayer", {"INPUT": f"{census_copy}|layername=dissemination_areas",
                                                      "TARGET_CRS": "EPSG:4326", "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    assert points.crs().isGeographic() and areas.crs().isGeographic()
    QgsProject.instance().addMapLayers([points, areas])
    yield
    QgsProject.instance().removeAllMapLayers()


def visible_texts(dialog: QWidget) -> list[str]:
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog)]
    for combo in dialog.findChildren(QComboBox):
        if combo.isVisibleTo(dialog):
            texts += [combo.itemText(i) for i in range(combo.count())]
    return texts


@pytest.mark.parametrize("algorithm_id", DISTANCE_ALGORITHMS)
def test_distances_labelled_in_metres_never_show_degrees(crs_provider, geographic_layers, algorithm_id):
    dialog = processing.createAlgorithmDialog(algorithm_id, {})
    try:
        dialog.show()
        texts = visible_texts(dialog)
        assert not [t for t in texts if "degree" in t.lower()], texts
        assert any(t.lower() in ("meters", "metres") for t in texts), texts
    finally:
        dialog.close()
        dialog.deleteLater()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_help_is_formatted_text(crs_provider, language, monkeypatch):
    import crs_plugin.processing.base as base

    monkeypatch.setattr(base, "language", lambda: language)
    for algorithm in crs_provider.algorithms():
        text = algorithm.shortHelpString()
        assert "**" not in text and "`" not in text, algorithm.id()
        assert text.startswith("<p>") or text.startswith("<h"), algorithm.id()
    coverage = crs_provider.algorithm("coverage").shortHelpString()
    assert "within_&lt;d&gt;km" in coverage and "<b>" in coverage
