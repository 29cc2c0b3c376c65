"""The plugin loads and unloads cleanly in a real QgsApplication."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtWidgets import QAction

import crs_plugin
from tests.conftest import N_AREAS
from tests.qgis_process import qgis_process


def test_metadata_is_complete():
    text = (Path(crs_plugin.__file__).parent / "metadata.txt").read_text(encoding="utf-8")
    entries = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                "repository", "tracker", "tags", "category", "experimental", "hasProcessingProvider"):  # fmt: skip
        assert entries.get(key, "").strip(), key
    assert entries["qgisMinimumVersion"] == "3.22" and entries["qgisMaximumVersion"] == "3.99"
    assert "3.22 LTR" in entries["about"] and "3.40 LTR" in entries["about"]  # the releases the suite runs on
    assert entries["hasProcessingProvider"] == "yes"


def test_load_and_unload(qgis_iface, qgis_processing, monkeypatch):
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("crs")
    if existing is not None:  # registered by another test's fixture
        registry.removeProvider(existing)
    main_window = qgis_iface.mainWindow()
    from qgis.gui import QgsDockWidget
    from qgis.PyQt.QtCore import Qt

    def our_actions():
        return main_window.findChildren(QAction, options=Qt.FindDirectChildrenOnly)

    actions_before = len(our_actions())

    def add_dock_as_qgis_does(area, dock):
        main_window.addDockWidget(area, dock)
        dock.show()

    monkeypatch.setattr(qgis_iface, "addDockWidget", add_dock_as_qgis_does)
    plugin = crs_plugin.classFactory(qgis_iface)
    plugin.initGui()
    provider = registry.providerById("crs")
    assert provider is not None and provider.name() == "CRS Service Points"
    assert "crs:nearestservice" in [a.id() for a in provider.algorithms()]
    assert len(our_actions()) == actions_before + 2  # panel toggle, nearest-service dialog
    assert len(main_window.findChildren(QgsDockWidget, "CrsServicePointsDock")) == 1

    # QGIS shows each dock it adds: the panel still starts closed, and the button's first click opens it.
    dock = plugin.dock
    toggle = main_window.findChild(QAction, "crsServicePointsDockAction")
    assert dock.isHidden() and not toggle.isChecked()
    toggle.trigger()
    assert not dock.isHidden()

    plugin.unload()
    QgsApplication.processEvents()
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert registry.providerById("crs") is None
    assert len(our_actions()) == actions_before
    assert main_window.findChildren(QgsDockWidget, "CrsServicePointsDock") == []
    assert plugin.dock is None and plugin.options_factory is None
    assert plugin.actions == [] and plugin.provider is None


def test_provider_lists_its_algorithms(crs_provider):
    algorithms = {a.id(): a for a in crs_provider.algorithms()}
    assert set(algorithms) >= {"crs:nearestservice"}
    for algorithm in algorithms.values():
        assert algorithm.shortHelpString().strip(), algorithm.id()
        assert algorithm.displayName()


def test_missing_requirements_give_a_clear_message_and_add_nothing(qgis_iface, monkeypatch):
    monkeypatch.setattr(crs_plugin, "REQUIREMENTS", (("shapely", "99.0"), ("no_such_package_xyz", "1.0")))
    plugin = crs_plugin.classFactory(qgis_iface)
    assert "shapely >= 99.0 (found 2." in plugin.message
    assert "no_such_package_xyz >= 1.0" in plugin.message
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    plugin.initGui()
    item = bar.currentItem()  # the whole list in the message, with the ways out beside it
    assert (
        item is not None and "shapely >= 99.0" in item.text() and "no_such_package_xyz >= 1.0" in item.text()
    )
    from qgis.PyQt.QtWidgets import QPushButton

    assert {b.text() for b in item.findChildren(QPushButton)} >= {"Details…", "Install them for the plugin"}
    assert not hasattr(plugin, "provider")  # the stand-in registers nothing
    plugin.unload()


def test_a_shapely_on_a_newer_geos_than_qgis_is_refused(qgis_iface, monkeypatch):
    """qgis_process and QGIS link GEOS into the process: a newer GEOS in shapely's wheel
    would have its calls answered by QGIS's older one (to_wkb failed with shapely 2.2)."""
    import shapely

    monkeypatch.setattr(shapely, "geos_version", (Qgis.geosVersionMajor(), Qgis.geosVersionMinor() + 1, 0))
    plugin = crs_plugin.classFactory(qgis_iface)
    assert (
        f"shapely built on GEOS {Qgis.geosVersionMajor()}.{Qgis.geosVersionMinor()} or older"
        in plugin.message
    )
    monkeypatch.setattr(shapely, "geos_version", (Qgis.geosVersionMajor(), Qgis.geosVersionMinor(), 0))
    assert crs_plugin.missing_requirements() == []


CENSUS = "crs_plugin/data/sample/census_population.gpkg"


def test_nearestservice_runs_from_qgis_process(sample_store, tmp_path):
    """The command-line route the README documents: qgis_process with the plugin enabled."""
    out = tmp_path / "nearest.gpkg"
    qgis_process("run", "crs:nearestservice", "--", f"INPUT={CENSUS}", f"SERVICE_POINTS={sample_store}|layername=service_points",
                 "ORDERS_OF_GOVERNMENT=1", f"OUTPUT={out}")  # fmt: skip
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(out), "nearest", "ogr")
    assert layer.featureCount() == N_AREAS
    assert {f["nearest_order"] for f in layer.getFeatures() if f["nearest_order"]} == {"provincial"}


def test_coverage_runs_from_qgis_process(sample_store, tmp_path):
    summary = tmp_path / "summary.csv"
    qgis_process("run", "crs:coverage", "--", f"INPUT={CENSUS}", f"SERVICE_POINTS={sample_store}|layername=service_points",
                 "ORDERS_OF_GOVERNMENT=0", "THRESHOLDS_KM=5, 50", f"OUTPUT={tmp_path / 'coverage.gpkg'}",
                 f"SUMMARY={summary}")  # fmt: skip
    import csv

    rows = {r["jurisdiction"]: r for r in csv.DictReader(summary.open(encoding="utf-8"))}
    assert set(rows) == {"13", "59", "all"}  # the provinces and all areas together
    assert 0.9 < float(rows["13"]["share_within_50km"]) <= 1.0


def test_service_gaps_zones_from_qgis_process(sample_store, tmp_path):
    """Dissolved zones are written through shapely's WKB inside qgis_process, where QGIS's
    own GEOS answers shapely's calls (this failed with a shapely wheel on a newer GEOS)."""
    from qgis.core import QgsVectorLayer

    gaps, zones = tmp_path / "gaps.gpkg", tmp_path / "zones.gpkg"
    qgis_process("run", "crs:servicegaps", "--", f"INPUT={CENSUS}", f"SERVICE_POINTS={sample_store}|layername=service_points",
                 "ORDERS_OF_GOVERNMENT=0", "CHANNELS=0", "THRESHOLD=25000", f"OUTPUT={gaps}", f"ZONES={zones}")  # fmt: skip
    areas, zone_layer = QgsVectorLayer(str(gaps), "gaps", "ogr"), QgsVectorLayer(str(zones), "zones", "ogr")
    left_out = sum(f["POP2021"] or 0 for f in areas.getFeatures())
    assert left_out > 0
    assert sum(f["population"] for f in zone_layer.getFeatures()) == left_out
    assert sum(f["areas"] for f in zone_layer.getFeatures()) == areas.featureCount()
    assert all(f.geometry().isGeosValid() and f.geometry().area() > 0 for f in zone_layer.getFeatures())
