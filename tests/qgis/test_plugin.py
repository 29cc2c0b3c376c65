"""The plugin loads and unloads cleanly in a real QgsApplication."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QAction

import crs_plugin


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
    actions_before = len(main_window.findChildren(QAction))

    plugin = crs_plugin.classFactory(qgis_iface)
    plugin.initGui()
    provider = registry.providerById("crs")
    assert provider is not None and provider.name() == "CRS Service Points"
    assert "crs:nearestservice" in [a.id() for a in provider.algorithms()]
    assert len(main_window.findChildren(QAction)) == actions_before + 1

    plugin.unload()
    QgsApplication.processEvents()
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert registry.providerById("crs") is None
    assert len(main_window.findChildren(QAction)) == actions_before
    assert plugin.actions == [] and plugin.provider is None


def test_provider_lists_its_algorithms(crs_provider):
    algorithms = {a.id(): a for a in crs_provider.algorithms()}
    assert set(algorithms) >= {"crs:nearestservice"}
    for algorithm in algorithms.values():
        assert algorithm.shortHelpString().strip(), algorithm.id()
        assert algorithm.displayName()
