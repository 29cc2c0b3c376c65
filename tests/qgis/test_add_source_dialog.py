"""The panel's "Add source" dialog in a real (offscreen) QGIS (issue 22): paste an address, pick a
layer, see it, describe it, map its fields with the checks live, save, and find the points in the
store; the entry it writes equals the sample catalogue's hand-written one; edit and remove reopen it;
authentication is a QGIS configuration. With CRS_UPDATE_SCREENSHOTS=1 each step is saved as
docs/add_source_<step>_<lang>.png (English and French) for the README."""

from __future__ import annotations

import base64
import json
import os
import shutil
import time

import pytest
from qgis.core import QgsApplication, QgsPointXY, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, Qt

from crs_plugin.core.store import GeoPackageStore
from crs_plugin.ui.tasks import running_tasks
from tests.conftest import ROOT, SAMPLE_DIR, store_basic_auth
from tests.qgis.test_dock import dock, wait_for_tasks  # noqa: F401 - the dock fixture
from tests.servers.arcgis import FakeArcGis
from tests.servers.static import StaticServer

DATASET = "2b44d212-5438-47a9-ad23-20eb8ada9709"
SCREENSHOTS = os.environ.get("CRS_UPDATE_SCREENSHOTS") == "1"


def settle(dialog, timeout: float = 60.0) -> None:
    """Until the dialog's background reads and checks are done."""
    deadline = time.monotonic() + timeout
    while (
        dialog.busy() or dialog._check_timer.isActive() or running_tasks()
    ) and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    QgsApplication.processEvents()
    assert not dialog.busy(), "the dialog's background work did not finish"


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def hand_written(source_id: str) -> tuple[dict, dict]:
    doc = json.loads((SAMPLE_DIR / "sources.json").read_text(encoding="utf-8"))
    entry = next(e for e in doc["sources"] if e["id"] == source_id)
    return entry, json.loads((SAMPLE_DIR / entry["mapping"]).read_text(encoding="utf-8"))


def use_catalogue(dock, path) -> None:  # noqa: F811 - the fixture's value
    QgsSettings().setValue("crs_service_points/catalogue", str(path))
    dock.settings = type(dock.settings)()
    dock.reload_catalogue()


@pytest.fixture
def own_catalogue(tmp_path):
    path = tmp_path / "catalogue" / "sources.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"catalogue_version": "1", "sources": []}), encoding="utf-8")
    yield path
    QgsSettings().remove("crs_service_points/catalogue")


def test_paste_an_arcgis_service_pick_a_layer_map_fields_save_and_find_the_points(dock, qgis_iface):  # noqa: F811
    """The panel uses the shipped sample catalogue: the first source added goes to a copy of it."""
    with FakeArcGis() as server:
        server.layers = [{"id": 0, "name": "ServicePoints", "geometryType": "esriGeometryPoint"},
                         {"id": 1, "name": "Regions", "geometryType": "esriGeometryPolygon"}]  # fmt: skip
        dialog = dock.open_add_source()
        dialog.address.setFilePath(server.layer_url.rsplit("/", 1)[0])
        dialog.recognise()
        settle(dialog)
        assert dialog.detection_label.text().startswith("An ArcGIS REST service offering 2 layers")
        assert [dialog.offers.item(i).text() for i in range(2)] == [
            "ServicePoints (0) — points",
            "Regions (1) — polygons",
        ]
        assert not dialog.next_button.isEnabled()
        dialog.choose("ServicePoints")
        dialog.next()
        settle(dialog)
        # The preview: first rows, and the points where they are (New Brunswick), read in the CRS declared.
        assert dialog.table.rowCount() == 50 and dialog.read.raw.columns["SITE_NAME"][0] == "Service Centre 1"
        assert dialog.preview_label.text().startswith("2500 records; the first 50 are shown.")
        assert dialog.located == 2500 and not dialog.crs_widget.isEnabled()
        where = dialog.canvas.mapSettings().layerToMapCoordinates(
            dialog.points_layer, QgsPointXY(-66.6, 45.9)
        )
        assert dialog.canvas.extent().contains(where)
        assert not dialog.canvas.extent().contains(
            dialog.canvas.mapSettings().layerToMapCoordinates(dialog.points_layer, QgsPointXY(-123.1, 49.28)))  # fmt: skip
        dialog.next()
        assert (dialog.title_en.text(), dialog.source_id.text()) == ("ServicePoints", "service_points")
        assert not dialog.next_button.isEnabled()  # order of government and jurisdiction first
        dialog.publisher.setText("Service New Brunswick")
        choose(dialog.order, "provincial")
        choose(dialog.jurisdiction, "NB")
        choose(dialog.licence, "ogl-nb")
        choose(dialog.refresh, "monthly")
        dialog.next()
        settle(dialog)
        # Matched automatically, with the value map of GOV_LEVEL guessed.
        assert dialog.source_box("name_en").currentData() == "column:SITE_NAME"
        assert dialog.source_box("name_fr").currentData() == "column:NOM_SITE"
        assert dialog.source_box("organization").currentData() == "value"
        assert dialog.spec["fields"]["order_of_government"] == {
            "column": "GOV_LEVEL", "map": {"Federal": "federal", "Provincial": "provincial"}}  # fmt: skip
        assert dialog.issues == [] and dialog.save_button.isEnabled()
        # A value left unmapped is a problem, with its rows, and saving waits for it.
        dialog.show_values("order_of_government")
        assert [dialog.values_table.item(r, 0).text() for r in range(2)] == ["Federal", "Provincial"]
        choose(dialog.values_table.cellWidget(0, 2), "")
        settle(dialog)
        assert [(i.code, i.field, i.rows[:3], len(i.rows)) for i in dialog.issues] == [
            ("not_allowed", "order_of_government", (1, 3, 5), 1250)]  # fmt: skip
        assert dialog.issues_table.item(0, 2).text() == "1, 3, 5, 7, 9, 11, 13, 15 … (1250)"
        assert not dialog.save_button.isEnabled()
        choose(dialog.values_table.cellWidget(0, 2), "federal")
        # Fields mapped by hand: a fixed point type, and the channel left to its default.
        choose(dialog.source_box("point_type"), "value")
        choose(dialog.editor("point_type"), "service_centre")
        choose(dialog.source_box("channel"), "none")
        settle(dialog)
        assert (
            dialog.issues == []
            and dialog.fields_table.item(dialog._row_of("name_en"), 3).text() == "Service Centre 1"
        )
        dialog.save()
        wait_for_tasks()
    catalogue = dock.settings.catalogue
    assert catalogue == os.path.join(dock.settings.cache_folder, "my_sources.json")
    entry = next(
        e
        for e in json.loads(open(catalogue, encoding="utf-8").read())["sources"]
        if e["id"] == "service_points"
    )
    assert entry["connector"] == {"type": "arcgis", "url": server.layer_url}
    assert (entry["licence"], entry["refresh"]) == ("Open Government Licence – New Brunswick", "monthly")
    assert GeoPackageStore(dock.settings.store_path).count("service_points") == 2500
    assert dock.status.text() == "2500 points loaded from 1 source."
    assert sorted(i.data(0, Qt.UserRole) for i in dock.source_items()) == [
        "contact_centres_digital", "local_government_offices", "service_bc_offices", "service_canada_offices",
        "service_points", "snb_service_centres"]  # fmt: skip


def add_snb(dock, tmp_path):  # noqa: F811
    """The steps a person takes to add the SNB sample file as the catalogue's authors did by hand."""
    shutil.copy(SAMPLE_DIR / "snb_service_centres.csv", tmp_path / "catalogue" / "snb_service_centres.csv")
    dialog = dock.open_add_source()
    dialog.address.setFilePath(str(tmp_path / "catalogue" / "snb_service_centres.csv"))
    dialog.recognise()
    settle(dialog)
    dialog.next()
    settle(dialog)
    # cp1252 text separated by semicolons, X/Y columns in New Brunswick Stereographic, found from the values.
    assert "Read as cp1252 text separated by semicolons." in dialog.preview_label.text()
    assert (dialog.x_column.currentData(), dialog.y_column.currentData()) == ("X_2953", "Y_2953")
    assert (
        dialog.crs_widget.crs().authid() == "EPSG:2953"
        and dialog.crs_note.text() == "guessed from the coordinates"
    )
    assert dialog.located == 23
    dialog.next()
    dialog.source_id.setText("snb_service_centres")
    dialog.title_en.setText("Service New Brunswick centres (sample)")
    dialog.title_fr.setText("Centres de Services Nouveau-Brunswick (échantillon)")
    dialog.publisher.setText("Service New Brunswick")
    dialog.licence.setEditText("Open Government Licence - New Brunswick (synthetic sample)")
    choose(dialog.order, "provincial")
    choose(dialog.jurisdiction, "NB")
    dialog.next()
    settle(dialog)
    # What the file cannot say: who runs the centres, what they are, their languages.
    dialog.editor("organization").setText("Service New Brunswick / Services Nouveau-Brunswick")
    choose(dialog.source_box("point_type"), "value")
    choose(dialog.editor("point_type"), "service_centre")
    choose(dialog.source_box("languages"), "value")
    dialog.editor("languages").setCheckedItems(["English", "French"])
    settle(dialog)
    assert dialog.issues == []
    return dialog


def test_the_saved_entry_equals_the_hand_written_one_and_its_points_load(dock, own_catalogue, tmp_path):  # noqa: F811
    use_catalogue(dock, own_catalogue)
    dialog = add_snb(dock, tmp_path)
    dialog.save()
    wait_for_tasks()
    expected_entry, expected_mapping = hand_written("snb_service_centres")
    written = json.loads(own_catalogue.read_text(encoding="utf-8"))
    assert written["sources"] == [expected_entry]
    mapping = json.loads(
        (own_catalogue.parent / "mappings" / "snb_service_centres.json").read_text(encoding="utf-8")
    )
    assert mapping == expected_mapping
    assert GeoPackageStore(dock.settings.store_path).count("snb_service_centres") == 23
    assert dock.settings.catalogue == str(own_catalogue)


def test_edit_and_remove_reopen_the_dialog_on_the_saved_entry(dock, own_catalogue, tmp_path, monkeypatch):  # noqa: F811
    use_catalogue(dock, own_catalogue)
    add_snb(dock, tmp_path).save()
    wait_for_tasks()
    item = next(i for i in dock.source_items() if i.data(0, Qt.UserRole) == "snb_service_centres")
    dock.tree.setCurrentItem(item)
    assert dock.edit_source_button.isEnabled()
    dock.open_edit_source()
    dialog = dock.source_dialog
    assert dialog.windowTitle() == "Edit source" and dialog.remove_button.isVisible()
    assert (dialog.source_id.text(), dialog.source_id.isReadOnly()) == ("snb_service_centres", True)
    assert dialog.address.filePath() == str(tmp_path / "catalogue" / "snb_service_centres.csv")
    assert dialog.jurisdiction_code() == "NB" and dialog.order_code() == "provincial"
    dialog.next()
    settle(dialog)
    assert dialog.crs_note.text() == "as saved"
    dialog.next()
    dialog.title_en.setText("Service New Brunswick centres")
    choose(dialog.refresh, "weekly")
    dialog.next()
    settle(dialog)
    assert dialog.source_box("point_type").currentData() == "value" and dialog.issues == []
    dialog.save()
    wait_for_tasks()
    entry = json.loads(own_catalogue.read_text(encoding="utf-8"))["sources"][0]
    assert (entry["title_en"], entry["refresh"], entry["mapping"]) == (
        "Service New Brunswick centres", "weekly", "mappings/snb_service_centres.json")  # fmt: skip
    assert "0 changed since last refresh" in dock.status.text()

    dock.open_edit_source()
    dialog = dock.source_dialog
    questions = []
    monkeypatch.setattr(dialog, "confirm", lambda question: questions.append(question) or True)
    dialog.remove_source()
    assert questions == [
        "Remove 'Service New Brunswick centres' from the catalogue and delete its 23 points from the store?"]  # fmt: skip
    assert json.loads(own_catalogue.read_text(encoding="utf-8"))["sources"] == []
    assert not (own_catalogue.parent / "mappings" / "snb_service_centres.json").exists()
    assert GeoPackageStore(dock.settings.store_path).count("snb_service_centres") == 0
    assert dock.source_items() == [] and "23 of its points deleted" in dock.status.text()


class PrivateFiles(StaticServer):
    """Files only for a Basic user name and password."""

    def handle(self, handler, path):
        expected = "Basic " + base64.b64encode(b"reader:s3cret-pw").decode()
        if handler.headers.get("Authorization") != expected:
            return self.send(handler, 401, b"<html>401</html>", "text/html", {"WWW-Authenticate": "Basic"})
        return super().handle(handler, path)


def test_authentication_is_a_qgis_configuration_never_a_password_in_the_catalogue(dock, own_catalogue):  # noqa: F811
    use_catalogue(dock, own_catalogue)
    authcfg = store_basic_auth("private offices", "reader", "s3cret-pw")
    with PrivateFiles() as server:
        server.routes["/offices.csv"] = (
            200,
            "text/csv",
            (SAMPLE_DIR / "service_bc_offices.csv").read_bytes(),
        )
        dialog = dock.open_add_source()
        dialog.address.setFilePath(server.url + "/offices.csv")
        dialog.recognise()
        settle(dialog)
        assert dialog.offer is None and "401" in dialog.bar.items()[0].text()
        dialog.auth.setConfigId(authcfg)
        dialog.recognise()
        settle(dialog)
        dialog.next()
        settle(dialog)
        assert len(dialog.read.raw) == 68
        dialog.next()
        choose(dialog.order, "provincial")
        choose(dialog.jurisdiction, "BC")
        dialog.publisher.setText("Service BC")
        dialog.next()
        settle(dialog)
        dialog.show_values("point_type")
        counter = next(r for r in range(dialog.values_table.rowCount())
                       if dialog.values_table.item(r, 0).text() == "Service BC Counter")  # fmt: skip
        assert [i.code for i in dialog.issues] == ["not_allowed"]
        choose(dialog.values_table.cellWidget(counter, 2), "service_centre")
        settle(dialog)
        dialog.save()
        wait_for_tasks()
    text = own_catalogue.read_text(encoding="utf-8")
    assert json.loads(text)["sources"][0]["connector"]["authcfg"] == authcfg
    assert "s3cret" not in text and "reader" not in text
    assert GeoPackageStore(dock.settings.store_path).count(json.loads(text)["sources"][0]["id"]) == 68


# -- screenshots of each step for the README (English and French) ------------------------------------


@pytest.fixture
def portal():
    """A CKAN portal publishing the Service BC sample as CSV and the municipal offices as GeoJSON."""
    with StaticServer() as server:
        server.routes["/files/service_bc_offices.csv"] = (200, "text/csv",
                                                          (SAMPLE_DIR / "service_bc_offices.csv").read_bytes())  # fmt: skip
        server.routes["/files/municipal.geojson"] = (200, "application/geo+json",
                                                     (SAMPLE_DIR / "local_government_offices.geojson").read_bytes())  # fmt: skip
        resources = [{"id": "c7cc9297", "format": "CSV", "url": f"{server.url}/files/service_bc_offices.csv",
                      "name": "Service BC locations (CSV)"},
                     {"id": "a1b2c3d4", "format": "GeoJSON", "url": f"{server.url}/files/municipal.geojson",
                      "name": "Municipal halls (GeoJSON)"}]  # fmt: skip
        package = {"success": True, "result": {"id": DATASET, "name": "service-bc-locations",
                                               "title": "Service BC locations", "organization": {"title": "Service BC"},
                                               "license_title": "Open Government Licence – British Columbia",
                                               "resources": resources}}  # fmt: skip
        server.routes["/api/3/action/package_show"] = (200, "application/json", json.dumps(package).encode())
        server.routes[f"/dataset/{DATASET}"] = (200, "text/html", b"<!doctype html><html>Service BC</html>")
        yield server


def grab(widget, name: str, lang: str) -> None:
    if SCREENSHOTS:
        widget.canvas.waitWhileRendering()
        QgsApplication.processEvents()
        widget.grab().save(str(ROOT / "docs" / f"add_source_{name}_{lang}.png"))


@pytest.mark.parametrize("lang", ["en", "fr"] if SCREENSHOTS else ["en"])
def test_a_ckan_dataset_step_by_step(dock, own_catalogue, portal, lang, qgis_iface):  # noqa: F811
    """A CKAN dataset page: its resources listed and its description read from the portal; the value
    the mapping cannot guess shown with its rows until it is mapped."""
    translator = None
    if lang == "fr":
        import subprocess

        from crs_plugin.plugin import install_translator
        from crs_plugin.ui.dock import ServicePointsDock

        subprocess.run(["make", "-s", "translations"], cwd=ROOT, check=True)
        QgsSettings().setValue("locale/userLocale", "fr_CA")
        translator = install_translator()
        dock = ServicePointsDock(qgis_iface)  # its words in French  # noqa: F811
    try:
        use_catalogue(dock, own_catalogue)
        dialog = dock.open_add_source()
        dialog.resize(960, 820)
        dialog.show()
        dialog.address.setFilePath(f"{portal.url}/dataset/{DATASET}")
        dialog.recognise()
        settle(dialog)
        assert dialog.detection.kind == "ckan" and dialog.offers.count() == 2
        dialog.choose("c7cc9297")
        grab(dialog, "1_address", lang)
        dialog.next()
        settle(dialog)
        assert dialog.located == 68
        grab(dialog, "2_preview", lang)
        dialog.next()
        assert (dialog.title_en.text(), dialog.publisher.text(), dialog.licence_text()) == (
            "Service BC locations", "Service BC", "Open Government Licence – British Columbia")  # fmt: skip
        choose(dialog.order, "provincial")
        choose(dialog.jurisdiction, "BC")
        choose(dialog.refresh, "monthly")
        grab(dialog, "3_description", lang)
        dialog.next()
        settle(dialog)
        assert [(i.code, i.field, i.values) for i in dialog.issues] == [
            ("not_allowed", "point_type", ("Service BC Counter",))]  # fmt: skip
        dialog.show_values("point_type")
        dialog.fields_table.selectRow(dialog._row_of("point_type"))
        grab(dialog, "4_fields", lang)
        counter = next(r for r in range(dialog.values_table.rowCount())
                       if dialog.values_table.item(r, 0).text() == "Service BC Counter")  # fmt: skip
        choose(dialog.values_table.cellWidget(counter, 2), "service_centre")
        settle(dialog)
        assert dialog.issues == []
        dialog.save()
        wait_for_tasks()
        entry = json.loads(own_catalogue.read_text(encoding="utf-8"))["sources"][0]
        assert entry["connector"] == {
            "type": "ckan",
            "url": portal.url,
            "dataset": DATASET,
            "resource": "c7cc9297",
        }
        assert GeoPackageStore(dock.settings.store_path).count(entry["id"]) == 68
        if SCREENSHOTS:
            dock.resize(460, 720)
            dock.show()
            dock.tabs.setCurrentIndex(0)
            QgsApplication.processEvents()
            dock.grab().save(str(ROOT / "docs" / f"add_source_5_loaded_{lang}.png"))
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
            wait_for_tasks()
            dock.deleteLater()
        QgsSettings().remove("locale/userLocale")
        QgsProject.instance().clear()


def test_the_crs_encoding_and_delimiter_can_be_changed(dock, own_catalogue, tmp_path):  # noqa: F811
    use_catalogue(dock, own_catalogue)
    shutil.copy(SAMPLE_DIR / "snb_service_centres.csv", tmp_path / "catalogue" / "snb.csv")
    dialog = dock.open_add_source()
    dialog.address.setFilePath(str(tmp_path / "catalogue" / "snb.csv"))
    dialog.recognise()
    settle(dialog)
    dialog.next()
    settle(dialog)
    # An encoding the bytes are not: said, and the preview stays as it was.
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
    dialog.read_offer()
    settle(dialog)
    assert "is not valid utf-8" in dialog.bar.items()[0].text() and dialog.read.encoding == "cp1252"
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("latin-1"))
    choose(dialog.delimiter, ";")
    dialog.read_offer()
    settle(dialog)
    assert (dialog.read.encoding, dialog.read.delimiter) == ("latin-1", ";")
    assert "Read as latin-1 text separated by semicolons." in dialog.preview_label.text()
    # Another CRS for the coordinate columns moves the points: out of Canada, and the checks say so.
    dialog.next()
    dialog.source_id.setText("snb")
    dialog.publisher.setText("Service New Brunswick")
    choose(dialog.order, "provincial")
    choose(dialog.jurisdiction, "NB")
    dialog.next()
    settle(dialog)
    assert dialog.issues == []
    dialog.back()
    dialog.back()
    from qgis.core import QgsCoordinateReferenceSystem

    dialog.crs_widget.setCrs(QgsCoordinateReferenceSystem("EPSG:3347"))
    assert dialog.spec["geometry"] == {"x": "X_2953", "y": "Y_2953", "crs": "EPSG:3347"}
    settle(dialog)
    assert [(i.code, len(i.rows), i.values) for i in dialog.issues] == [
        ("outside_canada", 23, ("EPSG:3347",))
    ]
    assert dialog.located == 23 and not dialog.canvas.extent().contains(
        dialog.canvas.mapSettings().layerToMapCoordinates(dialog.points_layer, QgsPointXY(-66.6, 45.9)))  # fmt: skip
    dialog.crs_widget.setCrs(QgsCoordinateReferenceSystem("EPSG:2953"))
    settle(dialog)
    assert dialog.issues == []
    dialog.next()
    dialog.next()
    settle(dialog)
    dialog.save()
    wait_for_tasks()
    entry = json.loads(own_catalogue.read_text(encoding="utf-8"))["sources"][0]
    assert entry["connector"] == {"type": "file", "location": "snb.csv", "format": "csv", "encoding": "latin-1",
                                  "delimiter": ";"}  # fmt: skip
    assert GeoPackageStore(dock.settings.store_path).count("snb") == 23
