"""Partnerships between service points: the table and its checks, the form, the panel, the open data
(without contacts) and the co-location candidates that already have one."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import processing
from qgis.core import QgsFieldConstraints, QgsVectorLayer

from crs_plugin.core.opendata.hsds import make_id
from crs_plugin.core.opendata.package import PackageInfo, write_package
from crs_plugin.core.partnerships import (
    PARTNERSHIPS_TABLE,
    partnered_pairs,
    read_partnerships,
    validate_partnerships,
    write_partnerships,
)
from crs_plugin.core.store import GeoPackageStore
from tests.conftest import ROOT

FREDERICTON = ("service_canada_offices:5934", "snb_service_centres:SNB004")  # 20 m apart
BATHURST = ("service_canada_offices:5938", "snb_service_centres:SNB008")  # 13 m apart
PARTNERSHIPS = [
    {"partnership_id": "P-001", "partners": "Service Canada;Service New Brunswick", "point_ids": ";".join(FREDERICTON),
     "partnership_type": "co_location", "start_date": "2019-04-01", "status": "active",
     "contact_name": "Alex Internal", "contact_email": "alex.internal@example.gc.ca",
     "case_study_url": "https://example.gc.ca/partnerships/fredericton",
     "summary_en": "Service Canada counter inside the Service New Brunswick centre.",
     "summary_fr": "Comptoir de Service Canada dans le centre de Services Nouveau-Brunswick."},
    {"partnership_id": "P-002", "partners": "Service Canada;Service New Brunswick", "point_ids": ";".join(BATHURST),
     "partnership_type": "referral", "start_date": "2015-01-01", "status": "ended"},
]  # fmt: skip


def test_partnerships_are_checked_by_the_schema_rules():
    known = {*FREDERICTON, *BATHURST}
    assert validate_partnerships(PARTNERSHIPS, known) == []
    bad = [
        {**PARTNERSHIPS[0], "partnership_type": "merger", "case_study_url": "example.gc.ca", "start_date": "2030-01-01"},
        {**PARTNERSHIPS[1], "partnership_id": "P-001", "point_ids": "service_canada_offices:5938;nowhere:1"},
        {"partnership_id": "P-003", "partners": "A;B", "point_ids": FREDERICTON[0], "partnership_type": "referral"},
    ]  # fmt: skip
    found = [(p.row, p.field, p.code) for p in validate_partnerships(bad, known, today=date(2025, 1, 1))]
    assert found == [
        (0, "partnership_type", "not_allowed"), (0, "case_study_url", "not_allowed"),
        (0, "start_date", "future_start"), (1, "point_ids", "unknown_point"), (1, "partnership_id", "duplicate_id"),
        (2, "status", "required"), (2, "point_ids", "too_few_points"),
    ]  # fmt: skip
    french = validate_partnerships(bad[2:], known, language="fr")
    assert french[-1].message == "Un partenariat relie au moins deux points de service."


def test_the_table_in_the_store_and_the_pairs_it_links(store_copy):
    write_partnerships(store_copy, PARTNERSHIPS)
    rows = read_partnerships(store_copy)
    assert [r["partnership_id"] for r in rows] == ["P-001", "P-002"]
    assert rows[0]["start_date"] == "2019-04-01" and rows[0]["contact_email"] == "alex.internal@example.gc.ca"
    # An ended partnership no longer links its points.
    assert set(partnered_pairs(rows)) == {frozenset(FREDERICTON)}
    assert GeoPackageStore(store_copy).count() == 275  # the points are untouched


def test_colocation_candidates_mark_pairs_that_already_have_a_partnership(crs_provider, store_copy):
    write_partnerships(store_copy, PARTNERSHIPS)
    out = processing.run("crs:colocationcandidates", {"SERVICE_POINTS": f"{store_copy}|layername=service_points",
                                                      "DISTANCE": 500, "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    rows = {frozenset((f["a_point_id"], f["b_point_id"])): f for f in out.getFeatures()}
    assert len(rows) == 69  # every pair is still listed
    marked = {pair: f["partnership_id"] for pair, f in rows.items() if f["partnership_id"]}
    assert marked == {frozenset(FREDERICTON): "P-001"}
    fredericton = rows[frozenset(FREDERICTON)]
    assert (fredericton["partnership_type"], fredericton["partnership_status"]) == ("co_location", "active")
    assert not rows[frozenset(BATHURST)]["partnership_id"]  # ended


def test_the_form_of_the_partnerships_table(store_copy):
    from crs_plugin.core.partnerships import PARTNERSHIP_FIELDS
    from crs_plugin.ui.forms import configure_form

    write_partnerships(store_copy, PARTNERSHIPS)
    layer = QgsVectorLayer(f"{store_copy}|layername={PARTNERSHIPS_TABLE}", "partnerships", "ogr")
    assert layer.featureCount() == 2
    configure_form(layer, "fr", PARTNERSHIP_FIELDS)
    kind = layer.fields().indexFromName("partnership_type")
    assert layer.editorWidgetSetup(kind).type() == "ValueMap"
    assert {"Colocalisation": "co_location"} in layer.editorWidgetSetup(kind).config()["map"]
    assert layer.attributeAlias(kind) == "Type de partenariat"
    key = layer.fields().indexFromName("partnership_id")
    assert layer.fieldConstraints(key) & QgsFieldConstraints.ConstraintUnique
    assert (
        layer.fieldConstraints(layer.fields().indexFromName("partners"))
        & QgsFieldConstraints.ConstraintNotNull
    )


def test_the_panel_shows_the_partnerships_of_the_selected_point(qgis_iface, store_copy):
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication

    from crs_plugin.plugin import install_translator
    from crs_plugin.ui.dock import ServicePointsDock

    write_partnerships(store_copy, PARTNERSHIPS)
    settings = QgsSettings()
    settings.setValue("locale/userLocale", "fr_CA")
    translator = install_translator()
    dock = ServicePointsDock(qgis_iface)
    try:
        assert dock.lang == "fr"
        headers = [dock.partnership_table.horizontalHeaderItem(c).text() for c in range(4)]
        assert headers == ["Type", "Partenaires", "Statut", "Résumé"]
        layer = dock.show_points(str(store_copy))
        layer.selectByExpression(f"\"point_id\" = '{FREDERICTON[1]}'")
        table = dock.partnership_table
        assert table.rowCount() == 1
        assert [table.item(0, c).text() for c in range(4)] == [
            "Colocalisation", "Service Canada;Service New Brunswick", "Actif",
            "Comptoir de Service Canada dans le centre de Services Nouveau-Brunswick.",
        ]  # fmt: skip
        if os.environ.get("CRS_UPDATE_SCREENSHOTS"):  # the README's picture of the panel
            box = table.parentWidget()
            box.resize(520, 200)
            table.resizeColumnsToContents()
            box.grab().save(str(ROOT / "docs" / "partnerships_panel_fr.png"))
        layer.selectByExpression(f"\"point_id\" = '{BATHURST[0]}'")
        assert table.rowCount() == 1 and table.item(0, 2).text() == "Terminé"
        layer.removeSelection()
        assert table.rowCount() == 0
        editable = dock.edit_partnerships()
        assert editable.isEditable() and editable.featureCount() == 2
        assert editable.editorWidgetSetup(editable.fields().indexFromName("status")).type() == "ValueMap"
    finally:
        from qgis.core import QgsProject

        QgsProject.instance().removeAllMapLayers()
        dock.deleteLater()
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        settings.remove("locale/userLocale")


def test_partnerships_in_the_open_data_without_contacts(sample_store, tmp_path):
    folder = tmp_path / "package"
    write_package(
        folder, GeoPackageStore(sample_store).read_points(), PackageInfo(), partnerships=PARTNERSHIPS
    )
    with open(folder / "partnerships.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["partnership_id"] for r in rows] == ["P-001", "P-002"]
    assert list(rows[0]) == ["partnership_id", "partners", "partnership_type", "start_date", "status",
                             "case_study_url", "summary_en", "summary_fr"]  # fmt: skip
    with open(folder / "partnership_locations.csv", encoding="utf-8") as f:
        links = [(r["partnership_id"], r["location_id"]) for r in csv.DictReader(f)]
    assert links == [("P-001", make_id("location", FREDERICTON[0])), ("P-001", make_id("location", FREDERICTON[1])),
                     ("P-002", make_id("location", BATHURST[0])), ("P-002", make_id("location", BATHURST[1]))]  # fmt: skip
    for path in folder.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "Alex Internal" not in text and "alex.internal" not in text, path.name
    run = subprocess.run([str(Path(os.environ.get("CRS_OPENDATA_VENV", ROOT / ".venv-opendata")) / "bin" / "python"), "-m", "frictionless", "validate", "--json",
                          str(folder / "datapackage.json")], capture_output=True, text=True, timeout=600)  # fmt: skip
    report = json.loads(run.stdout)
    assert report["valid"], [t["errors"][:2] for t in report["tasks"] if not t["valid"]]
    # A link to a location that is not published breaks the foreign key: frictionless says so.
    broken = tmp_path / "broken"
    shutil.copytree(folder, broken)
    with open(broken / "partnership_locations.csv", "a", encoding="utf-8") as f:
        f.write(f"P-001,{make_id('location', 'nowhere:1')}\n")
    report = json.loads(subprocess.run([str(Path(os.environ.get("CRS_OPENDATA_VENV", ROOT / ".venv-opendata")) / "bin" / "python"), "-m", "frictionless",
                                        "validate", "--json", str(broken / "datapackage.json")],
                                       capture_output=True, text=True, timeout=600).stdout)  # fmt: skip
    assert [
        e["type"] for t in report["tasks"] if t["name"] == "partnership_locations" for e in t["errors"]
    ] == ["foreign-key"]


def test_publish_takes_the_partnerships_beside_the_points(crs_provider, store_copy, tmp_path):
    write_partnerships(store_copy, PARTNERSHIPS)
    processing.run("crs:publishopendata", {"SERVICE_POINTS": f"{store_copy}|layername=service_points",
                                           "OUTPUT": str(tmp_path / "package")})  # fmt: skip
    with open(tmp_path / "package" / "partnerships.csv", encoding="utf-8") as f:
        assert [r["partnership_type"] for r in csv.DictReader(f)] == ["co_location", "referral"]
