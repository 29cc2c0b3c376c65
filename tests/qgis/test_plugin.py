"""The plugin loads and unloads cleanly in a real QgsApplication."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtWidgets import QAction

import crs_plugin
from tests.conftest import N_AREAS


def test_metadata_is_complete():
    text = (Path(crs_plugin.__file__).parent / "metadata.txt").read_text(encoding="utf-8")
    entries = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                "repository", "tracker", "tags", "category", "experimental", "hasProcessingProvider"):  # fmt: skip
        assert entries.get(key, "").strip(), key
    assert entries["qgisMinimumVersion"] == "3.22"
    assert entries["hasProcessingProvider"] == "yes"


def test_load_and_unload(qgis_iface, qgis_processing):
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

    plugin = crs_plugin.classFactory(qgis_iface)
    plugin.initGui()
    provider = registry.providerById("crs")
    assert provider is not None and provider.name() == "CRS Service Points"
    assert "crs:nearestservice" in [a.id() for a in provider.algorithms()]
    assert len(our_actions()) == actions_before + 2  # panel toggle, nearest-service dialog
    assert len(main_window.findChildren(QgsDockWidget, "CrsServicePointsDock")) == 1

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
    qgis_iface.messageBar().clear_messages()
    plugin.initGui()
    shown = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert any("needs these Python packages" in m for m in shown), shown
    assert not hasattr(plugin, "provider")  # the stand-in registers nothing
    plugin.unload()


def test_nearestservice_runs_from_qgis_process(sample_store, tmp_path):
    """The command-line route the README documents: qgis_process with the plugin enabled."""
    import os
    import shutil
    import site
    import subprocess
    import sys

    exe = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    assert exe, "qgis_process is part of the qgis package"
    root = Path(crs_plugin.__file__).resolve().parent.parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(root),
               PYTHONPATH=os.pathsep.join(site.getsitepackages() + [p for p in sys.path if "site-packages" in p]))  # fmt: skip
    # Exits 1 when the plugin is already enabled in this profile: the run below is what counts.
    subprocess.run([exe, "plugins", "enable", "crs_plugin"], env=env, capture_output=True, timeout=120)
    out = tmp_path / "nearest.gpkg"
    census = root / "crs_plugin" / "data" / "sample" / "census_population.gpkg"
    run = subprocess.run(
        [exe, "run", "crs:nearestservice", "--", f"INPUT={census}",
         f"SERVICE_POINTS={sample_store}|layername=service_points", "ORDERS_OF_GOVERNMENT=1", f"OUTPUT={out}"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(out), "nearest", "ogr")
    assert layer.featureCount() == N_AREAS
    assert {f["nearest_order"] for f in layer.getFeatures() if f["nearest_order"]} == {"provincial"}


def test_coverage_runs_from_qgis_process(sample_store, tmp_path):
    import os
    import shutil
    import site
    import subprocess
    import sys

    exe = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    root = Path(crs_plugin.__file__).resolve().parent.parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(root),
               PYTHONPATH=os.pathsep.join(site.getsitepackages() + [p for p in sys.path if "site-packages" in p]))  # fmt: skip
    subprocess.run([exe, "plugins", "enable", "crs_plugin"], env=env, capture_output=True, timeout=120)
    census = root / "crs_plugin" / "data" / "sample" / "census_population.gpkg"
    summary = tmp_path / "summary.csv"
    run = subprocess.run(
        [exe, "run", "crs:coverage", "--", f"INPUT={census}", f"SERVICE_POINTS={sample_store}|layername=service_points",
         "ORDERS_OF_GOVERNMENT=0", "THRESHOLDS_KM=5, 50", f"OUTPUT={tmp_path / 'coverage.gpkg'}", f"SUMMARY={summary}"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    import csv

    rows = {r["jurisdiction"]: r for r in csv.DictReader(summary.open(encoding="utf-8"))}
    assert set(rows) == {"13", "59"}
    assert 0.9 < float(rows["13"]["share_within_50km"]) <= 1.0
