"""French interface, settings page, and the README's dock screenshots."""

from __future__ import annotations

import subprocess
import sys

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QImage

from tests.conftest import ROOT


@pytest.fixture
def french_translation():
    qm = ROOT / "crs_plugin" / "i18n" / "crs_plugin_fr.qm"
    subprocess.run(["make", "-s", "translations"], cwd=ROOT, check=True)
    assert qm.exists()
    return qm


def test_every_interface_string_has_a_french_translation():
    sys.path.insert(0, str(ROOT / "scripts"))
    import update_translations

    assert update_translations.missing() == []


def test_french_dock_and_accents(qgis_iface, crs_provider, french_translation, tmp_path):
    from crs_plugin.plugin import install_translator
    from crs_plugin.ui.dock import ServicePointsDock

    settings = QgsSettings()
    settings.setValue("locale/userLocale", "fr_CA")
    settings.setValue("crs_service_points/cache_folder", str(tmp_path))
    translator = install_translator()
    try:
        assert translator is not None
        dock = ServicePointsDock(qgis_iface)
        assert [dock.tabs.tabText(i) for i in range(3)] == ["Sources", "Analyser", "Contribuer"]
        assert dock.windowTitle() == "Points de service CRS"
        assert dock.load_button.text() == "Charger / actualiser les sources cochées"
        titles = [dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount())]
        assert "Fédéral" in titles  # accents from the schema's labels
        provinces = [dock.jurisdiction.itemText(i) for i in range(dock.jurisdiction.count())]
        assert "PE — Île-du-Prince-Édouard" in provinces
        dock.deleteLater()
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        settings.remove("locale/userLocale")
        settings.remove("crs_service_points/cache_folder")


def test_settings_page_stores_values(qgis_app, tmp_path):
    from crs_plugin.toolbelt.settings import Settings
    from crs_plugin.ui.settings import SettingsPage

    page = SettingsPage()
    page.catalogue.setFilePath(str(tmp_path / "shared.json"))
    page.thresholds.setText("2; 7.5, 30")
    page.cache.setFilePath(str(tmp_path / "cache"))
    page.apply()
    try:
        settings = Settings()
        assert settings.catalogue == str(tmp_path / "shared.json")
        assert settings.thresholds_km == [2.0, 7.5, 30.0]
        assert settings.store_path == str(tmp_path / "cache" / "service_points.gpkg")
    finally:
        for key in ("catalogue", "thresholds_km", "cache_folder", "shared_store"):
            QgsSettings().remove(f"crs_service_points/{key}")


def test_screenshots_show_the_loaded_dock(qgis_iface, crs_provider, french_translation, tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import grab_dock

    QgsSettings().setValue("crs_service_points/cache_folder", str(tmp_path / "cache"))
    try:
        shots = grab_dock(qgis_iface, tmp_path, "fr")
    finally:
        QgsSettings().remove("crs_service_points/cache_folder")
    assert [p.name for p in shots] == ["dock_sources_fr.png", "dock_contribute_fr.png"]
    image = QImage(str(shots[0]))
    assert image.width() > 300 and image.height() > 400
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # text and icons, not a blank grab
