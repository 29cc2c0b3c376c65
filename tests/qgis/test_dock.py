"""The Service Points dock in a real (offscreen) QGIS: catalogue, background loading, filters,
analysis shortcuts, validation with zoom-to-problem, errors in the message bar."""

from __future__ import annotations

import json
import time

import pytest
from qgis.core import Qgis, QgsApplication, QgsPointXY, QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt

from crs_plugin.core.store import GeoPackageStore
from crs_plugin.ui.tasks import running_tasks
from tests.checkout_edits import checkout_fids, edit_checkout, write_sample_checkout


def wait_for_tasks(timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while running_tasks() and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    QgsApplication.processEvents()
    assert running_tasks() == 0, "a background task did not finish"


def wait_for_task(task, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while task.status() not in (task.Complete, task.Terminated):
        assert time.monotonic() < deadline
        QgsApplication.processEvents()
        time.sleep(0.01)
    QgsApplication.processEvents()


@pytest.fixture
def dock(qgis_iface, crs_provider, tmp_path):
    from crs_plugin.ui.dock import ServicePointsDock

    settings = QgsSettings()
    settings.setValue("crs_service_points/cache_folder", str(tmp_path / "cache"))
    settings.remove("crs_service_points/catalogue")
    QgsProject.instance().clear()
    qgis_iface.messageBar().clear_messages()
    widget = ServicePointsDock(qgis_iface)
    yield widget
    wait_for_tasks()
    widget.deleteLater()
    QgsProject.instance().clear()
    settings.remove("crs_service_points/cache_folder")


def check_only(dock, *source_ids):
    for item in dock.source_items():
        item.setCheckState(0, Qt.Checked if item.data(0, Qt.UserRole) in source_ids else Qt.Unchecked)


def test_lists_the_sample_catalogue_grouped(dock):
    ids = sorted(item.data(0, Qt.UserRole) for item in dock.source_items())
    assert ids == [
        "contact_centres_digital",
        "local_government_offices",
        "service_bc_offices",
        "service_canada_offices",
        "snb_service_centres",
    ]
    top = sorted(dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount()))
    assert top == ["Federal", "Municipal", "Other", "Provincial"]
    provincial = next(
        dock.tree.topLevelItem(i) for i in range(4) if dock.tree.topLevelItem(i).text(0) == "Provincial"
    )
    assert sorted(provincial.child(i).text(0) for i in range(provincial.childCount())) == [
        "British Columbia", "New Brunswick"]  # fmt: skip
    dock.search.setText("brunswick")
    visible = [i.data(0, Qt.UserRole) for i in dock.source_items() if not i.isHidden()]
    assert visible == ["snb_service_centres"]


def test_loads_in_a_task_and_filters_change_the_feature_count(dock, qgis_iface):
    check_only(dock, "service_canada_offices", "snb_service_centres")
    dock.load_checked()
    assert not dock.load_button.isEnabled()  # the UI returned at once; the task runs in the background
    wait_for_tasks()
    assert dock.load_button.isEnabled()
    group = QgsProject.instance().layerTreeRoot().findGroup("CRS Service Points")
    assert group is not None and [n.layer() for n in group.findLayers()] == [dock.points_layer]
    assert dock.points_layer.featureCount() == 79 + 23
    # A first load says what was loaded, not that every point "changed since last refresh".
    assert dock.status.text() == "102 points loaded from 2 sources."
    assert any("102 points loaded" in m for m in qgis_iface.messageBar().get_messages(Qgis.Success))
    loaded = {i.data(0, Qt.UserRole): i for i in dock.source_items()}
    assert (
        loaded["snb_service_centres"].text(4) == "23"
        and loaded["snb_service_centres"].data(1, Qt.UserRole) == "loaded"
    )
    assert loaded["service_bc_offices"].text(4) == ""

    box = dock.filter_boxes["orders"]
    box.setItemCheckState(box.findData("provincial"), Qt.Checked)
    assert dock.points_layer.featureCount() == 23
    services = dock.filter_boxes["services"]
    services.setItemCheckState(services.findData("passport"), Qt.Checked)
    box.setItemCheckState(box.findData("provincial"), Qt.Unchecked)
    expected = sum(1 for f in GeoPackageStore(dock.settings.store_path).read_points().columns["services"]
                   if f and "passport" in f.split(";"))  # fmt: skip
    assert 0 < dock.points_layer.featureCount() == expected < 102

    # A second refresh: nothing changed at the sources.
    dock.load_checked()
    wait_for_tasks()
    assert "0 changed since last refresh" in dock.status.text()


def test_an_invalid_catalogue_is_reported_not_raised(dock, qgis_iface, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"sources": [{"id": "x"}]}))
    QgsSettings().setValue("crs_service_points/catalogue", str(bad))
    try:
        dock.settings = type(dock.settings)()
        dock.reload_catalogue()
    finally:
        QgsSettings().remove("crs_service_points/catalogue")
    messages = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert any("catalogue" in m.lower() and "Settings" in m for m in messages)
    assert dock.source_items() == []


def test_analysis_buttons_prefill_the_loaded_layers(dock, qgis_iface, monkeypatch):
    from qgis.core import QgsVectorLayer
    from qgis.gui import QgsBrowserGuiModel

    browser = QgsBrowserGuiModel()  # the test interface has none; Processing's dialog asks for it
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)

    from tests.conftest import CENSUS

    census = QgsVectorLayer(str(CENSUS), "census", "ogr")
    QgsProject.instance().addMapLayer(census)
    dock.census.setLayer(census)
    dock.points_layer = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=point_id:string", "service points", "memory"
    )
    QgsProject.instance().addMapLayer(dock.points_layer)
    params = dock.analysis_parameters("crs:coverage")
    assert params["SERVICE_POINTS"] is dock.points_layer and census in params.values()
    dialog = dock.open_analysis("crs:coverage")
    assert dialog is not None
    values = dialog.mainWidget().createProcessingParameters()
    assert values["SERVICE_POINTS"] == dock.points_layer.id() or values["SERVICE_POINTS"] is dock.points_layer
    dialog.close()


def test_the_report_button_runs_crs_report_in_a_task(dock, qgis_iface, census_copy, tmp_path):
    """The Analyse tab's report: the loaded points (with the panel's filter) and the census layer,
    in the chosen language, in a background task; the project saved in the store."""
    from qgis.core import QgsVectorLayer

    from tests.pdf import pages_text

    dock.make_report()  # nothing loaded yet: a message, no task
    assert any("census population layer" in m for m in qgis_iface.messageBar().get_messages(Qgis.Info))
    check_only(dock, "service_canada_offices", "snb_service_centres")
    dock.load_checked()
    wait_for_tasks()
    census = QgsVectorLayer(f"{census_copy}|layername=dissemination_areas", "census", "ogr")
    QgsProject.instance().addMapLayer(census)
    dock.census.setLayer(census)
    box = dock.filter_boxes["orders"]
    box.setItemCheckState(box.findData("federal"), Qt.Checked)  # the report uses what the panel shows
    dock.report_language.setCurrentIndex(dock.report_language.findData(1))
    dock.report_file.setFilePath(str(tmp_path / "rapport"))
    dock.make_report()
    assert not dock.report_button.isEnabled()
    wait_for_tasks(timeout=300)
    assert dock.report_button.isEnabled()
    pages = pages_text(tmp_path / "rapport.pdf")
    assert len(pages) == 7 and pages[3].strip().startswith("Nouveau-Brunswick")
    assert "Points de service retenus" in pages[0] and "(79)" in pages[0]  # the 79 federal points only
    assert "7 pages" in dock.report_status.text() and "GeoPackage" in dock.report_status.text()
    assert any("7 pages" in m for m in qgis_iface.messageBar().get_messages(Qgis.Success))
    import sqlite3

    with sqlite3.connect(dock.settings.store_path) as db:
        assert ("Rapport CRS (français)",) in db.execute("SELECT name FROM qgis_projects").fetchall()


def test_contribute_tab_validates_and_zooms_to_a_problem(dock, sample_store, tmp_path, qgis_iface):
    path = write_sample_checkout(sample_store, tmp_path / "nb.gpkg")
    fids = checkout_fids(path)
    edit_checkout(path, {fids[4]: {"geom": (-123.1, 49.28)}})  # Vancouver, in a New Brunswick checkout
    dock.open_checkout(str(path))
    dock.validate()
    wait_for_tasks()
    assert dock.problems.rowCount() == 1
    assert dock.problems.item(0, 0).text() == "Error" and "not in NB" in dock.problems.item(0, 3).text()
    assert not dock.submit_button.isEnabled()
    dock.zoom_to_problem(0)
    assert dock.checkout_layer.selectedFeatureIds() == [fids[4]]
    canvas = qgis_iface.mapCanvas()
    where = canvas.mapSettings().layerToMapCoordinates(dock.checkout_layer, QgsPointXY(-123.1, 49.28))
    assert canvas.extent().contains(where)


def test_an_unreachable_source_is_reported_and_the_others_load(dock, qgis_iface, tmp_path):
    import socket

    from crs_plugin.core.catalogue import SAMPLE_CATALOGUE

    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    doc = json.loads(SAMPLE_CATALOGUE.read_text(encoding="utf-8"))
    for entry in doc["sources"]:
        if isinstance(entry.get("mapping"), str):
            entry["mapping"] = str(SAMPLE_CATALOGUE.parent / entry["mapping"])
        if entry["connector"]["type"] == "file":
            location = entry["connector"]["location"]
            entry["connector"]["location"] = str(SAMPLE_CATALOGUE.parent / location)
    broken = next(e for e in doc["sources"] if e["id"] == "snb_service_centres")
    broken["connector"]["location"] = f"http://127.0.0.1:{port}/snb.csv"
    catalogue = tmp_path / "catalogue.json"
    catalogue.write_text(json.dumps(doc), encoding="utf-8")
    QgsSettings().setValue("crs_service_points/catalogue", str(catalogue))
    try:
        dock.settings = type(dock.settings)()
        dock.reload_catalogue()
        check_only(dock, "service_canada_offices", "snb_service_centres")
        dock.load_checked()
        wait_for_tasks()
    finally:
        QgsSettings().remove("crs_service_points/catalogue")
    assert dock.points_layer.featureCount() == 79
    assert "Failed: snb_service_centres" in dock.status.text()
    items = {i.data(0, Qt.UserRole): i for i in dock.source_items()}
    assert items["snb_service_centres"].data(1, Qt.UserRole) == "failed"
    warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert any("Failed: snb_service_centres" in m for m in warnings)


def test_cancelling_a_load_keeps_the_interface_usable(dock):
    dock.load_checked()
    dock.load_task.cancel()
    wait_for_tasks()
    assert dock.load_button.isEnabled()
    assert dock.status.text()  # says what happened (loaded what it could, or cancelled)


def test_a_refused_database_is_reported(dock, qgis_iface, tmp_path):
    from qgis.core import QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(
        metadata.createConnection("host=127.0.0.1 port=1 dbname=nowhere user=x", {}), "refusing"
    )
    dock.connection.setConnection("refusing")
    dock.checkout_file.setFilePath(str(tmp_path / "nb.gpkg"))
    dock.check_out()
    wait_for_tasks()
    messages = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert any("Cannot connect to the shared store" in m and "Data Source Manager" in m for m in messages)
    assert not (tmp_path / "nb.gpkg").exists()


def test_a_shared_catalogue_url_is_read_in_the_background(dock, qgis_iface):
    from crs_plugin.core.catalogue import SAMPLE_CATALOGUE
    from tests.servers.static import StaticServer

    doc = json.loads(SAMPLE_CATALOGUE.read_text(encoding="utf-8"))
    with StaticServer() as server:
        server.routes["/crs/sources.json"] = (200, "application/json", json.dumps(doc).encode())
        for entry in doc["sources"]:
            server.routes[f"/crs/{entry['mapping']}"] = (
                200, "application/json", (SAMPLE_CATALOGUE.parent / entry["mapping"]).read_bytes())  # fmt: skip
        QgsSettings().setValue("crs_service_points/catalogue", server.url + "/crs/sources.json")
        try:
            dock.settings = type(dock.settings)()
            dock.reload_catalogue()
            wait_for_task(dock.catalogue_task)
            assert len(dock.source_items()) == 5
            server.routes.pop("/crs/sources.json")  # the server loses the catalogue
            dock.reload_catalogue()
            wait_for_task(dock.catalogue_task)
        finally:
            QgsSettings().remove("crs_service_points/catalogue")
    assert dock.source_items() == []
    assert any("404" in m and "Settings" in m for m in qgis_iface.messageBar().get_messages(Qgis.Warning))


def test_plan_runs_the_planner_in_a_task_and_shows_the_curve(dock, qgis_iface, store_copy, census_copy):
    from qgis.core import QgsVectorLayer

    census = QgsVectorLayer(str(census_copy), "census", "ogr")
    QgsProject.instance().addMapLayer(census)
    dock.census.setLayer(census)
    dock.run_plan()  # no points loaded yet: says what to do
    assert any("Load service points" in m for m in qgis_iface.messageBar().get_messages(Qgis.Info))
    dock.show_points(str(store_copy))
    box = dock.filter_boxes["orders"]
    box.setItemCheckState(box.findData("municipal"), Qt.Checked)  # the view filter does not limit the plan
    dock.plan_sites.setValue(3)
    dock.run_plan()
    assert not dock.plan_button.isEnabled()
    wait_for_tasks()
    assert dock.plan_button.isEnabled()
    assert dock.plan_status.text().startswith("Adding 3 sites brings")
    assert dock.plan_chart.pixmap() is not None and not dock.plan_chart.pixmap().isNull()
    assert dock.plan_curve.rowCount() == 4 and dock.plan_curve.item(0, 0).text() == "0"
    shares = [float(dock.plan_curve.item(r, 2).text().rstrip(" %")) for r in range(4)]
    assert shares == sorted(shares) and shares[0] == pytest.approx(95.7, abs=0.05)
    sites = QgsProject.instance().mapLayersByName("Sites to add")
    assert len(sites) == 1 and sites[0].featureCount() == 3
    assert [f["name"] for f in sites[0].getFeatures()] == [
        dock.plan_curve.item(r, 1).text() for r in (1, 2, 3)
    ]


def test_validate_checks_the_edit_buffer_and_saves_nothing(dock, sample_store, tmp_path):
    path = write_sample_checkout(sample_store, tmp_path / "nb.gpkg")
    layer = dock.open_checkout(str(path))
    first = next(layer.getFeatures())
    layer.startEditing()
    layer.changeAttributeValue(
        first.id(), layer.fields().indexFromName("postal_code"), "V6B 1A1"
    )  # a BC code
    dock.validate()
    wait_for_tasks()
    assert layer.isEditable() and layer.isModified()  # nothing committed behind the user's back
    assert checkout_postal_code(path, first.id()) == first["postal_code"]
    rows = [(dock.problems.item(r, 2).text(), dock.problems.item(r, 0).data(Qt.UserRole))
            for r in range(dock.problems.rowCount())]  # fmt: skip
    assert ("Postal code", first.id()) in rows  # the edit, found on its feature
    dock.zoom_to_problem([r for r, (field, _) in enumerate(rows) if field == "Postal code"][0])
    assert layer.selectedFeatureIds() == [first.id()]
    layer.rollBack()


def checkout_postal_code(path, fid):
    from osgeo import ogr

    ds = ogr.Open(str(path))
    return ds.GetLayerByName("service_points").GetFeature(fid).GetField("postal_code")


def test_default_thresholds_reach_the_dialogs_and_options_refresh_the_panel(
    dock, qgis_iface, monkeypatch, tmp_path
):
    from qgis.gui import QgsBrowserGuiModel

    from crs_plugin.core.catalogue import SAMPLE_CATALOGUE
    from crs_plugin.ui.settings import SettingsPage

    browser = QgsBrowserGuiModel()  # the test interface has none; Processing's dialog asks for it
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)
    # A catalogue of one source, chosen in Settings › Options.
    doc = json.loads(SAMPLE_CATALOGUE.read_text(encoding="utf-8"))
    doc["sources"] = [e for e in doc["sources"] if e["id"] == "snb_service_centres"]
    for entry in doc["sources"]:
        entry["mapping"] = str(SAMPLE_CATALOGUE.parent / entry["mapping"])
        entry["connector"]["location"] = str(SAMPLE_CATALOGUE.parent / entry["connector"]["location"])
    catalogue = tmp_path / "one.json"
    catalogue.write_text(json.dumps(doc), encoding="utf-8")
    page = SettingsPage()
    page.catalogue.setFilePath(str(catalogue))
    page.thresholds.setText("2, 7.5, 30")
    page.cache.setFilePath(str(tmp_path / "cache"))
    try:
        page.apply()
        assert [i.data(0, Qt.UserRole) for i in dock.source_items()] == ["snb_service_centres"]  # at once
        assert dock.analysis_parameters("crs:coverage")["THRESHOLDS_KM"] == "2, 7.5, 30"
        assert dock.analysis_parameters("crs:servicegaps")["THRESHOLD"] == 30_000
        assert dock.analysis_parameters("crs:accessibility")["RADIUS"] == 30_000
        assert "DISTANCE" not in dock.analysis_parameters(
            "crs:colocationcandidates"
        )  # 500 m pairs, not a reach
        assert dock.plan_distance.value() == 30
        from qgis.core import QgsVectorLayer

        from tests.conftest import CENSUS

        census = QgsVectorLayer(str(CENSUS), "census", "ogr")
        QgsProject.instance().addMapLayer(census)
        dock.census.setLayer(census)
        dock.points_layer = QgsVectorLayer("Point?crs=EPSG:4326&field=point_id:string", "points", "memory")
        QgsProject.instance().addMapLayer(dock.points_layer)
        dialog = dock.open_analysis("crs:coverage")
        assert dialog.mainWidget().createProcessingParameters()["THRESHOLDS_KM"] == "2, 7.5, 30"
        dialog.close()
    finally:
        for key in ("catalogue", "thresholds_km", "shared_store"):
            QgsSettings().remove(f"crs_service_points/{key}")


def test_the_panel_fits_a_400_pixel_dock(dock, sample_store, tmp_path):
    dock.resize(400, 900)
    dock.show()
    dock.show_points(str(sample_store))
    QgsApplication.processEvents()
    for view in (dock.tree, dock.problems, dock.partnership_table):
        assert view.horizontalScrollBar().maximum() == 0, view.objectName() or type(view).__name__
    # The columns a narrow dock leaves out are in the details of the selected source.
    item = next(i for i in dock.source_items() if i.data(0, Qt.UserRole) == "snb_service_centres")
    dock.tree.setCurrentItem(item)
    assert "Service New Brunswick" in dock.source_details.text() and "licence" in dock.source_details.text()
    dock.hide()


def test_contribute_without_a_database_through_the_shared_folder(dock, sample_store, tmp_path):
    """No PostgreSQL connection: the checkout the geomapping team sent is opened by choosing it, edited,
    validated, and submitted signed to the shared folder."""
    from crs_plugin.core.submissions.package import read_package

    assert dock.connection.currentConnection() in ("", None)
    assert not dock.checkout_button.isEnabled()  # nothing to check out from
    path = write_sample_checkout(sample_store, tmp_path / "nb.gpkg")
    dock.checkout_file.setFilePath(str(path))  # chosen by hand: opened for editing
    layer = dock.checkout_layer
    assert layer is not None and QgsProject.instance().mapLayer(layer.id()) is layer
    first = next(layer.getFeatures())
    layer.startEditing()
    layer.changeAttributeValue(first.id(), layer.fields().indexFromName("hours"), "Mon-Fri 8:30-16:30")
    assert layer.commitChanges()
    dock.contributor.setText("Jo Analyst <jo@example.gc.ca>")
    dock.folder.setFilePath(str(tmp_path / "inbox"))
    (tmp_path / "inbox").mkdir()
    dock.build_and_submit()  # no signing key yet: said, nothing sent
    assert not list((tmp_path / "inbox").iterdir())
    from tests.conftest import store_basic_auth

    store_basic_auth("unlock", "x", "y")  # the test session's auth database, its master password set
    dock.create_signing_key()
    assert dock.signing_key.configId()
    dock.validate()
    wait_for_tasks()
    dock.build_and_submit()
    wait_for_tasks()
    sent = list((tmp_path / "inbox").glob("*.crs.zip"))
    assert len(sent) == 1, dock.contribute_status.text()
    assert dock.contribute_status.text().startswith("Package placed in the shared folder:")
    package = read_package(sent[0])
    assert package.manifest["contributor"] == "Jo Analyst <jo@example.gc.ca>"
    assert QgsSettings().value("crs_service_points/shared_folder") == str(tmp_path / "inbox")  # remembered
    QgsSettings().remove("crs_service_points/shared_folder")
    QgsSettings().remove("crs_service_points/signing_key")


def test_call_centres_and_online_services_show_their_regions_as_outlines(dock, census_copy):
    """The default sample's call centres and digital services have no pin: the panel draws their service
    regions as outlines in its group, from the census layer's boundaries, and redraws them on reload."""
    from qgis.core import QgsFillSymbol, QgsRectangle, QgsVectorLayer
    from qgis.PyQt.QtCore import Qt as QtCore

    group = QgsProject.instance().layerTreeRoot()
    check_only(dock, "snb_service_centres")
    dock.load_checked()
    wait_for_tasks()
    assert dock.regions_layer is None  # counters only: nothing to outline
    assert [n.layer() for n in group.findGroup("CRS Service Points").findLayers()] == [dock.points_layer]

    check_only(dock, "contact_centres_digital")  # refreshed: the second load brings the call centres
    dock.load_checked()
    wait_for_tasks()
    layers = [n.layer() for n in group.findGroup("CRS Service Points").findLayers()]
    assert layers == [dock.points_layer, dock.regions_layer]  # outlines under the pins
    # No census layer chosen: only the regions drawn as polygons (the Moncton and Vancouver 311 lines).
    assert sorted(f["point_id"] for f in dock.regions_layer.getFeatures()) == [
        "contact_centres_digital:MONCTON-311", "contact_centres_digital:VANCOUVER-311"]  # fmt: skip

    census = QgsVectorLayer(f"{census_copy}|layername=dissemination_areas", "census", "ogr")
    QgsProject.instance().addMapLayer(census)
    dock.census.setLayer(census)  # province boundaries from its PRUID
    regions = {f["point_id"].split(":")[1]: f for f in dock.regions_layer.getFeatures()}
    assert sorted(regions) == ["MONCTON-311", "SBC-CC", "SBC-ONLINE", "SC-EI-CC", "SC-PEN-CC", "SNB-ONLINE",
                               "SNB-TEL", "VANCOUVER-311"]  # fmt: skip
    assert (regions["SNB-TEL"]["channel"], regions["SNB-ONLINE"]["channel"]) == ("call_centre", "digital")
    nb = regions["SNB-TEL"].geometry().boundingBox()  # New Brunswick, in longitude/latitude
    assert QgsRectangle(-69.1, 44.5, -63.7, 48.1).contains(nb) and nb.width() > 3 and nb.height() > 2
    canada = regions["SC-EI-CC"].geometry().boundingBox()  # CA: every boundary (here BC and NB)
    assert canada.xMinimum() < -130 and canada.xMaximum() > -65
    assert regions["SC-EI-CC"].geometry().area() == pytest.approx(
        regions["SBC-CC"].geometry().area() + regions["SNB-TEL"].geometry().area(), rel=1e-6)  # fmt: skip
    # Outlines, not pins: dashed strokes without fill, one category per channel.
    renderer = dock.regions_layer.renderer()
    assert sorted(c.value() for c in renderer.categories()) == ["call_centre", "digital"]
    for category in renderer.categories():
        symbol = category.symbol()
        assert isinstance(symbol, QgsFillSymbol)
        assert symbol.symbolLayer(0).brushStyle() == QtCore.NoBrush
        assert symbol.symbolLayer(0).strokeStyle() == QtCore.DashLine

    box = dock.filter_boxes["orders"]  # the panel's filters apply to the outlines as to the pins
    box.setItemCheckState(box.findData("provincial"), Qt.Checked)
    assert sorted(f["point_id"].split(":")[1] for f in dock.regions_layer.getFeatures()) == [
        "SBC-CC", "SBC-ONLINE", "SNB-ONLINE", "SNB-TEL"]  # fmt: skip
    channels = dock.filter_boxes["channels"]
    channels.setItemCheckState(channels.findData("in_person"), Qt.Checked)
    assert dock.regions_layer is None and len(group.findGroup("CRS Service Points").findLayers()) == 1
