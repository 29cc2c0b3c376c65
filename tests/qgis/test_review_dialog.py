"""Conflicts decided field by field, in a real (offscreen) QGIS against a real PostGIS: the review
dialog opened from the panel and from crs:applysubmission's output, its decisions applied by the
same algorithm; the contributor's signing key made in QGIS's authentication database."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProject, QgsSettings

from crs_plugin.core.submissions.merge import Choice
from crs_plugin.core.submissions.package import build_package, read_package
from tests.checkout_edits import checkout_fids, edit_checkout
from tests.postgis.test_shared_store import checkout
from tests.qgis import test_contribute_algorithms, test_dock
from tests.qgis.test_contribute_algorithms import run
from tests.qgis.test_dock import wait_for_tasks
from tests.qgis.test_partnerships import PARTNERSHIPS

PARTNERSHIPS_SUMMARY = PARTNERSHIPS[0]["summary_en"]

connections = test_contribute_algorithms.connections  # fixtures shared with those tests
dock = test_dock.dock


def conflicting_submission(shared, tmp_path) -> tuple[int, dict, list[int]]:
    """Applied: name, hours and phone of two points. Pending: other name and hours for the first,
    and the second deleted, as both were checked out: three decisions to take."""
    first, rows, _ = checkout(shared.nb, tmp_path, name="first.gpkg")
    second, _, _ = checkout(shared.nb, tmp_path, name="second.gpkg")
    a, b = checkout_fids(first)[:2]
    edit_checkout(first, {a: {"name_en": "First", "hours": "9-5"}, b: {"phone": "506-555-0101"}})
    edit_checkout(
        second, {a: {"name_en": "Second", "hours": "8-4", "url": "https://example.nb.ca/a"}}, deletes=[b]
    )
    key = shared.signing_keys["nb_editor"]
    shared.maintainer.apply(build_package(first, tmp_path / "a.crs.zip", "nb", signing_key=key))
    build_package(second, tmp_path / "b.crs.zip", "nb", signing_key=key)
    return shared.nb.submit(read_package(tmp_path / "b.crs.zip")), rows, [a, b]


def decide(dialog, a: int, b: int) -> None:
    assert not dialog.apply_button.isEnabled()  # every conflict needs a decision first
    dialog.choose(f"update:{a}:name_en", Choice.STORE)
    dialog.choose(f"update:{a}:hours", Choice.VALUE, "Mon-Fri 8:30-4:30")
    assert not dialog.apply_button.isEnabled()
    dialog.choose(f"delete:{b}:*", Choice.SUBMISSION)
    assert dialog.apply_button.isEnabled()


def check_applied(shared, rows, a: int, b: int) -> None:
    points = shared.admin.points()
    values = points[rows[a].values["point_id"]].values
    assert (values["name_en"], values["hours"], values["url"]) == (
        "First",
        "Mon-Fri 8:30-4:30",
        "https://example.nb.ca/a",
    )
    assert rows[b].values["point_id"] not in points


def test_the_panel_reviews_and_the_dialog_decides_field_by_field(dock, shared, connections, tmp_path):
    submission_id, rows, (a, b) = conflicting_submission(shared, tmp_path)
    dock.connection.setConnection(connections["geomapping"])
    dock.submission_number.setText(str(submission_id))
    dock.review_submission()
    wait_for_tasks()
    dialog = dock.review_dialog
    assert dialog is not None and dialog.isVisible()
    assert sorted(group[0]["key"] for group in dialog.groups) == sorted(
        [f"update:{a}:name_en", f"update:{a}:hours", f"delete:{b}:*"])  # fmt: skip
    rows_shown = {dialog.table.item(r, 1).text(): r for r in range(dialog.table.rowCount())}
    name_row = rows_shown["name_en"]
    assert [dialog.table.item(name_row, c).text() for c in range(5)] == [
        f"{rows[a].values['point_id']} ({rows[a].values['name_en']})", "name_en", rows[a].values["name_en"],
        "First", "Second"]  # fmt: skip
    delete_row = rows_shown["phone"]  # the whole point: decided once, no typed value
    choices = dialog.choices[delete_row]
    assert [choices.itemData(i) for i in range(choices.count())] == [None, "store", "submission"]
    assert "deletes it" in dialog.table.item(delete_row, 0).toolTip()
    version = shared.admin.version()
    assert not dock.apply_button.isEnabled() and shared.admin.version() == version  # reviewing wrote nothing

    decide(dialog, a, b)
    dialog.accept()
    wait_for_tasks()
    check_applied(shared, rows, a, b)
    assert "applied" in dock.review_status.text() and shared.admin.version() == version + 1


def test_the_dialog_opens_from_the_algorithm_s_output(
    crs_provider, qgis_iface, shared, connections, tmp_path
):
    import processing

    from crs_plugin.processing.apply_submission import REVIEW_PROPERTY
    from crs_plugin.ui.review_dialog import open_review_from_layer

    submission_id, rows, (a, b) = conflicting_submission(shared, tmp_path)
    QgsProject.instance().clear()
    results = processing.runAndLoadResults("crs:applysubmission", {
        "SHARED_STORE": connections["geomapping"], "SUBMISSION_ID": submission_id, "ACTION": 0,
        "OUTPUT": "TEMPORARY_OUTPUT"})  # fmt: skip
    assert results["CONFLICTS"] == 3  # name_en, hours, and the changed phone of the point deleted
    layer = QgsProject.instance().mapLayer(results["OUTPUT"])
    assert layer is not None and layer.customProperty(REVIEW_PROPERTY)
    bar = qgis_iface.messageBar()
    assert "3 conflicts wait for a decision" in bar.currentItem().text()

    dialog = open_review_from_layer(layer, qgis_iface)
    decide(dialog, a, b)
    dialog.accept()
    wait_for_tasks()
    check_applied(shared, rows, a, b)
    QgsProject.instance().clear()


def test_a_signing_key_made_in_qgis_signs_what_the_panel_sends_to_the_folder(
    dock, shared, connections, tmp_path
):
    from crs_plugin.core.submissions.signing import PREFIX
    from tests.conftest import store_basic_auth

    store_basic_auth("unlock", "x", "y")  # the test session's auth database, with its master password set
    dock.contributor.setText("nb_editor")
    dock.create_signing_key()
    authcfg = dock.signing_key.configId()
    public = dock.public_key.text()
    assert authcfg and public.startswith(PREFIX)
    assert QgsSettings().value("crs_service_points/signing_key") == authcfg  # the id only, never the key
    manager = QgsApplication.authManager()
    assert authcfg in manager.configIds()
    shared.admin.register_contributor("nb_editor", "NB", public)  # what the DBA does with it

    path = tmp_path / "nb.gpkg"
    run("checkout", {"SHARED_STORE": connections["nb_editor"], "JURISDICTION": "NB", "OUTPUT": str(path)})
    edit_checkout(path, {checkout_fids(path)[0]: {"phone": "506-555-0102"}})
    dock.checkout_file.setFilePath(str(path))
    dock.connection.setConnection("")
    dock.folder.setFilePath(str(tmp_path / "inbox"))
    dock.build_and_submit()
    wait_for_tasks()
    (sent,) = (tmp_path / "inbox").iterdir()
    assert "shared folder" in dock.contribute_status.text()
    submission = read_package(sent)
    assert shared.maintainer.attribute(submission).role == "nb_editor"
    assert public not in sent.read_bytes().decode("latin-1")  # the package names the key; the store has it
    QgsSettings().remove("crs_service_points/signing_key")


def test_partnership_changes_go_through_the_algorithms_and_the_review_dialog(
    dock, shared, connections, tmp_path
):
    """crs:checkout carries the partnerships with their form, crs:buildsubmission checks them by the same rules
    and counts them, crs:applysubmission's report lists them beside the points, and the panel's review dialog
    decides their conflicts."""
    from qgis.core import QgsProcessingException, QgsVectorLayer

    from tests.checkout_edits import checkout_rows
    from tests.postgis.test_partnership_submissions import MONCTON_SC, with_partnerships

    with_partnerships(shared)
    first, _, _ = checkout(shared.nb, tmp_path, name="first.gpkg")
    path = tmp_path / "nb.gpkg"
    result = run(
        "checkout", {"SHARED_STORE": connections["nb_editor"], "JURISDICTION": "NB", "OUTPUT": str(path)}
    )
    assert (result["POINTS"], result["PARTNERSHIPS"]) == (23, 2)
    layer = QgsVectorLayer(f"{path}|layername=partnerships", "partnerships", "ogr")
    kind = layer.fields().indexFromName("partnership_type")
    assert layer.editorWidgetSetup(kind).type() == "ValueMap"  # the form came with the file
    fid = next(f for f, row in checkout_rows(path).items() if row["partnership_id"] == "P-001")
    p2 = next(f for f, row in checkout_rows(path).items() if row["partnership_id"] == "P-002")

    # Someone else's change to the same partnership is applied first.
    edit_checkout(first, {fid: {"summary_en": "Changed in the store"}}, table="partnerships")
    shared.maintainer.apply(
        build_package(first, tmp_path / "a.crs.zip", "nb", signing_key=shared.signing_keys["nb_editor"])
    )
    # A partnership that links none of the checkout's points is refused by the build, like a bad point.
    edit_checkout(path, {fid: {"summary_en": "Changed in the checkout"}, p2: {"point_ids": f"{MONCTON_SC};x:1"}},
                  table="partnerships")  # fmt: skip
    build = {"CHECKOUT": str(path), "CONTRIBUTOR": "nb", "OUTPUT": str(tmp_path / "b.crs.zip")}
    with pytest.raises(
        QgsProcessingException, match=r"partnership P-002: The partnership links none of the checkout"
    ):
        run("buildsubmission", build)
    edit_checkout(path, {p2: {"status": "active", "point_ids": "snb_service_centres:SNB008;" + MONCTON_SC}},
                  table="partnerships")  # fmt: skip
    built = run("buildsubmission", build)
    assert (built["INSERTS"], built["UPDATES"], built["DELETES"]) == (0, 0, 0)
    assert (built["PARTNERSHIP_INSERTS"], built["PARTNERSHIP_UPDATES"], built["PARTNERSHIP_DELETES"]) == (
        0,
        2,
        0,
    )
    submission_id = run("submit", {"PACKAGE": build["OUTPUT"], "SHARED_STORE": connections["nb_editor"]})[
        "SUBMISSION_ID"
    ]

    review = run("applysubmission", {"SHARED_STORE": connections["geomapping"], "SUBMISSION_ID": submission_id,
                                     "ACTION": 0, "OUTPUT": "memory:"})  # fmt: skip
    assert review["CONFLICTS"] == 1
    report = review["OUTPUT"]
    if isinstance(report, str):
        from qgis.core import QgsProcessingUtils

        report = QgsProcessingUtils.mapLayerFromString(report, None)
    rows = sorted((f["table"], f["point_id"], f["field"], f["result"]) for f in report.getFeatures())
    assert rows == [("partnerships", "P-001", "summary_en", "conflict"), ("partnerships", "P-002", "point_ids", "applied"),
                    ("partnerships", "P-002", "status", "applied")]  # fmt: skip

    dock.connection.setConnection(connections["geomapping"])
    dock.submission_number.setText(str(submission_id))
    dock.review_submission()
    wait_for_tasks()
    dialog = dock.review_dialog
    assert [dialog.table.item(0, c).text() for c in range(5)] == [
        "Partnership P-001 (Service Canada;Service New Brunswick)", "summary_en", PARTNERSHIPS_SUMMARY,
        "Changed in the store", "Changed in the checkout"]  # fmt: skip
    dialog.choose(f"partnerships:update:{fid}:summary_en", Choice.VALUE, "Both centres share one counter.")
    dialog.accept()
    wait_for_tasks()
    stored = shared.admin.partnerships()
    assert stored["P-001"].values["summary_en"] == "Both centres share one counter."
    assert stored["P-002"].values["point_ids"] == "snb_service_centres:SNB008;" + MONCTON_SC
    assert shared.query("SELECT count(*) FROM crs.audit_log WHERE table_name = 'partnerships'") == [(3,)]
