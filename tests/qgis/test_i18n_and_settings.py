"""French interface, settings page, and the README's dock screenshots."""

from __future__ import annotations

import sys

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QImage

from tests.conftest import ROOT


def test_every_interface_string_has_a_french_translation():
    sys.path.insert(0, str(ROOT / "scripts"))
    import update_translations

    assert update_translations.missing() == []
    # Every translation call gives the collector a literal string (or says its variable holds marked ones).
    assert update_translations.unreadable_calls() == []
    ts = (ROOT / "crs_plugin" / "i18n" / "crs_plugin_fr.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    # A template's fields are the ones .format() fills, and each translation keeps them.
    assert update_translations.mismatched_formats() == []
    assert update_translations.translations_with_other_fields() == []
    # Processing's strings are collected too: the toolbox and every dialog are French.
    shared = update_translations.collect()["CrsServicePoints"]
    assert {"Proximity and overlap", "Nearest service point", "Only these orders of government"} <= set(
        shared
    )
    # and core's messages: the errors of sources, mappings and catalogues.
    assert {"Catalogue not found: {location}", "File not found: {location}", "rows {rows}"} <= set(shared)


def test_core_messages_follow_the_interface_language(french):
    from crs_plugin.core import i18n
    from crs_plugin.core.catalogue import load_catalogue
    from crs_plugin.core.errors import SourceError, describe_rows
    from crs_plugin.toolbelt.translation import language

    hooks = (i18n._translate, i18n._language)  # as the provider left them
    i18n.install(QCoreApplication.translate, language)
    try:
        with pytest.raises(SourceError) as raised:
            load_catalogue("/nowhere/catalogue.json")
        assert str(raised.value) == "Catalogue introuvable : /nowhere/catalogue.json"
        assert describe_rows([3, 8, 12, 14, 15, 20, 21, 30]) == "lignes 3, 8, 12, 14, 15 et 3 autres"
        i18n.install(None)
        assert describe_rows([3]) == "row 3"  # English outside QGIS
    finally:
        i18n.install(*hooks)


def test_add_source_and_submission_errors_in_french(french, tmp_path):
    """The Add source wizard's refusals and a submission's are French too (they were plain f-strings)."""
    from crs_plugin.core import i18n
    from crs_plugin.core import source_wizard as wizard
    from crs_plugin.core.errors import MappingError, SourceError, SubmissionError
    from crs_plugin.core.submissions.changeset import INSERT, UPDATE, Change
    from crs_plugin.core.submissions.package import check_change_values
    from crs_plugin.toolbelt.translation import language

    hooks = (i18n._translate, i18n._language)
    i18n.install(QCoreApplication.translate, language)
    try:
        with pytest.raises(SourceError) as raised:
            wizard.detect("  ")
        assert str(raised.value) == "Indiquez une adresse (une URL) ou un fichier à ajouter."
        catalogue = tmp_path / "catalogue.json"
        catalogue.write_text('{"catalogue_version": "1"}', encoding="utf-8")
        with pytest.raises(MappingError) as raised:
            wizard.save_entry(catalogue, {"id": "s", "connector": {"type": "file", "location": "a.csv"}}, {})
        assert str(raised.value) == "Le catalogue catalogue.json n'a pas de liste 'sources'."

        with pytest.raises(SubmissionError) as raised:
            check_change_values(Change(UPDATE, 3, {}, {"point_ids": "bc:1"}, table="partnerships"))
        assert str(raised.value) == (
            "partenariat 3, champ point_ids : un partenariat relie au moins deux points de service."
        )
        with pytest.raises(SubmissionError) as raised:
            check_change_values(Change(INSERT, 7, {}, {"name_en": "Office"}))
        assert str(raised.value).startswith("Nouveau point de service 7 : champ(s) obligatoire(s) ")
    finally:
        i18n.install(*hooks)


def algorithm_texts(algorithm_id: str) -> list[str]:
    """Everything a person reads of an algorithm: name, group, parameters, options, outputs."""
    from qgis.core import QgsApplication, QgsProcessingParameterEnum

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    texts = [algorithm.displayName(), algorithm.group()]
    for definition in algorithm.parameterDefinitions():
        texts += [definition.description(), definition.help()]
        if isinstance(definition, QgsProcessingParameterEnum):
            texts += definition.options()
    texts += [output.description() for output in algorithm.outputDefinitions()]
    return texts


#: Texts spelled the same in English and French (words, names, codes).
SAME_IN_FRENCH = {
    "",
    "Sources",
    "Action",
    "Licence",
    "Objective",
    "Distance (km)",
    "Sites",
    "Service",
    "Services",
    "Provincial",
    "Territorial",
    "Municipal",
    "2SFCA",
    "Ontario",
    "Manitoba",
    "Saskatchewan",
    "Alberta",
    "Yukon",
    "Nunavut",
    "Population, 2021",
    "Immigrants",
    "Non-immigrants",
    "Creative Commons Attribution 4.0",
    "Open Data Commons Open Database License 1.0",
    "English",
    "Français",
    "GeoPackage (*.gpkg)",
    "Pages",
}


def test_every_algorithm_reads_in_french(crs_provider, french):
    """Each algorithm's name, group, parameter labels and help, options and outputs are French:
    each differs from its English but for words French spells the same."""
    ids = [a.id() for a in crs_provider.algorithms()]
    in_french = {i: algorithm_texts(i) for i in ids}
    QCoreApplication.removeTranslator(french)
    QgsSettings().setValue("locale/userLocale", "en_CA")
    try:
        in_english = {i: algorithm_texts(i) for i in ids}
    finally:
        QCoreApplication.installTranslator(french)
        QgsSettings().setValue("locale/userLocale", "fr_CA")
    untranslated = [
        (i, en)
        for i in ids
        for en, fr in zip(in_english[i], in_french[i])
        if en == fr and en not in SAME_IN_FRENCH
    ]
    assert untranslated == []


def test_french_toolbox_groups_and_a_dialog(crs_provider, french):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    assert crs_provider.name() == "Points de service CRS"
    groups = {a.group() for a in crs_provider.algorithms()}
    assert groups == {"Proximité et chevauchement", "Sources", "Contribution et révision"}
    nearest = registry.createAlgorithmById("crs:nearestservice")
    assert nearest.displayName() == "Point de service le plus proche"
    labels = {d.name(): d.description() for d in nearest.parameterDefinitions()}
    assert labels["SERVICE_POINTS"] == "Points de service"
    assert labels["ORDERS_OF_GOVERNMENT"] == "Seulement ces ordres de gouvernement"
    assert labels["CHANNELS"] == "Seulement ces modes de prestation"
    assert labels["K"] == "Nombre de points les plus proches (k)"
    assert nearest.parameterDefinition("ORDERS_OF_GOVERNMENT").options()[:2] == ["Fédéral", "Provincial"]
    coverage = registry.createAlgorithmById("crs:coverage")
    assert coverage.displayName() == "Couverture de la population selon la distance"
    assert coverage.parameterDefinition("DISTANCE_METHOD").options() == [
        "Ligne droite", "Distance par la route", "Temps de déplacement"]  # fmt: skip
    tags = coverage.tags()
    assert "service points" in tags and "points de service" in tags  # found in either language


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
