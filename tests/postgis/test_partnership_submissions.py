"""Partnerships through checkouts and submissions like points, on a real PostgreSQL + PostGIS: checked
out with the jurisdiction's points, edited, packaged and signed with them, reviewed by the same rules
(values, conflicts, who may touch what), applied in the same transaction and audited the same way."""

from __future__ import annotations

import pytest

from crs_plugin.core.errors import StoreError, SubmissionError
from crs_plugin.core.submissions.merge import LINKED_POINT_GONE, Choice, Decision
from crs_plugin.core.submissions.package import build_package, read_package
from tests.checkout_edits import checkout_fids, checkout_rows, edit_checkout
from tests.postgis.test_shared_store import checkout
from tests.qgis.test_partnerships import FREDERICTON, PARTNERSHIPS

MONCTON_SC = "service_canada_offices:5933"  # a federal point (jurisdiction CA) a new partnership links


def with_partnerships(shared) -> dict:
    """The sample's two New Brunswick partnerships and one between two British Columbia points, published
    by the geomapping team; returns the BC one."""
    bc = [r.values["point_id"] for r in shared.admin.checkout("BC").points[:2]]
    bc_row = {"partnership_id": "P-BC", "partners": "Service BC;City", "point_ids": ";".join(bc),
              "partnership_type": "referral", "status": "active"}  # fmt: skip
    shared.admin.publish_partnerships([*PARTNERSHIPS, bc_row])
    return bc_row


def package(shared, path, tmp_path, name="p.crs.zip", role="nb_editor"):
    return build_package(path, tmp_path / name, f"{role} (test)", signing_key=shared.signing_keys[role])


def by_id(path) -> dict[str, tuple[int, dict]]:
    return {row["partnership_id"]: (fid, row) for fid, row in checkout_rows(path).items()}


def whole_store(shared):
    return (
        shared.query("SELECT id, point_id, name_en, row_version FROM crs.service_points ORDER BY id"),
        shared.query("SELECT id, partnership_id, point_ids, status, summary_en, row_version FROM crs.partnerships "
                     "ORDER BY id"),
        shared.admin.version(),
        shared.query("SELECT id, table_name, operation, target_id FROM crs.audit_log ORDER BY id"),
        shared.query("SELECT id, status FROM crs.submissions ORDER BY id"),
    )  # fmt: skip


def test_round_trip_of_partnerships_with_points(shared, tmp_path):
    with_partnerships(shared)
    path, rows, base = checkout(shared.nb, tmp_path)
    assert base == 2
    # The checkout holds the partnerships that involve NB points (both link a federal point too), not BC's.
    partnerships = by_id(path)
    assert sorted(partnerships) == ["P-001", "P-002"]
    fid_1, p1 = partnerships["P-001"]
    assert p1["point_ids"] == ";".join(FREDERICTON) and p1["contact_email"] == "alex.internal@example.gc.ca"
    fid_2, _ = partnerships["P-002"]

    moncton = next(fid for fid, r in rows.items() if r.values["point_id"] == "snb_service_centres:SNB001")
    edit_checkout(path, {moncton: {"phone": "506-555-0142"}})
    edit_checkout(path, {fid_1: {"summary_en": "Shared counter, open on Saturdays.", "status": "active"}},
                  inserts=[{"partnership_id": "P-003", "partners": "Service Canada;Service New Brunswick",
                            "point_ids": f"{MONCTON_SC};snb_service_centres:SNB001", "partnership_type": "joint_outreach",
                            "start_date": "2024-09-01", "status": "proposed", "summary_fr": "Tournées conjointes."}],
                  deletes=[fid_2], table="partnerships")  # fmt: skip

    submission = package(shared, path, tmp_path)
    assert submission.manifest["counts"] == {"insert": 0, "update": 1, "delete": 0}
    assert submission.manifest["tables"]["partnerships"]["counts"] == {"insert": 1, "update": 1, "delete": 1}
    assert submission.manifest["tables"]["partnerships"]["base_rows"][str(fid_1)]["partnership_id"] == "P-001"
    submission_id = shared.nb.submit(read_package(tmp_path / "p.crs.zip"))
    review = shared.maintainer.review(submission_id)
    assert not review.conflicts and review.to_write == 4
    assert {(o.table, o.point_id, o.field) for o in review.outcomes if o.result == "applied"} == {
        ("service_points", "snb_service_centres:SNB001", "phone"), ("partnerships", "P-001", "summary_en"),
        ("partnerships", "P-002", "*"), *(("partnerships", "P-003", f) for f in (
            "partnership_id", "partners", "point_ids", "partnership_type", "start_date", "status", "contact_name",
            "contact_email", "case_study_url", "summary_en", "summary_fr"))}  # fmt: skip

    report = shared.maintainer.apply(submission_id)
    assert report.applied and report.written == 4 and report.version == base + 1
    stored = {pid: row.values for pid, row in shared.admin.partnerships().items()}
    assert sorted(stored) == ["P-001", "P-003", "P-BC"]
    assert stored["P-001"]["summary_en"] == "Shared counter, open on Saturdays."
    assert stored["P-001"]["summary_fr"] == PARTNERSHIPS[0]["summary_fr"]  # the rest as it was
    assert (stored["P-003"]["point_ids"], stored["P-003"]["start_date"], stored["P-003"]["status"]) == (
        f"{MONCTON_SC};snb_service_centres:SNB001", "2024-09-01", "proposed")  # fmt: skip
    assert shared.admin.points()["snb_service_centres:SNB001"].values["phone"] == "506-555-0142"
    audit = shared.query("SELECT table_name, operation, point_id, store_version, applied_by, before ->> 'status' "
                         "FROM crs.audit_log ORDER BY table_name, point_id")  # fmt: skip
    assert audit == [
        ("partnerships", "update", "P-001", base + 1, "geomapping", "active"),
        ("partnerships", "delete", "P-002", base + 1, "geomapping", "ended"),  # restorable from its record
        ("partnerships", "insert", "P-003", base + 1, "geomapping", None),
        ("service_points", "update", "snb_service_centres:SNB001", base + 1, "geomapping", None),
    ]
    # The next checkout has them as applied.
    second, _, version = checkout(shared.nb, tmp_path, name="second.gpkg")
    assert version == base + 1 and sorted(by_id(second)) == ["P-001", "P-003"]


def test_the_same_partnership_changed_in_the_store_since_checkout_is_a_conflict(shared, tmp_path):
    with_partnerships(shared)
    first, _, _ = checkout(shared.nb, tmp_path, name="first.gpkg")
    second, _, _ = checkout(shared.nb, tmp_path, name="second.gpkg")
    fid, _ = by_id(first)["P-001"]
    edit_checkout(
        first,
        {fid: {"summary_en": "First", "case_study_url": "https://example.gc.ca/a"}},
        table="partnerships",
    )
    edit_checkout(second, {fid: {"summary_en": "Second", "status": "ended"}}, table="partnerships")
    assert shared.maintainer.apply(package(shared, first, tmp_path, "a.crs.zip")).applied
    b = shared.nb.submit(package(shared, second, tmp_path, "b.crs.zip"))
    state = whole_store(shared)

    review = shared.maintainer.review(b)
    (conflict,) = review.conflicts
    assert (conflict.table, conflict.point_id, conflict.field, conflict.base, conflict.store, conflict.submitted) == (
        "partnerships", "P-001", "summary_en", PARTNERSHIPS[0]["summary_en"], "First", "Second")  # fmt: skip
    assert conflict.key == f"partnerships:update:{fid}:summary_en"  # never mistaken for point row {fid}
    assert conflict.describe().startswith(
        "Partnership P-001 (Service Canada;Service New Brunswick): summary_en was"
    )
    report = shared.maintainer.apply(b)
    assert not report.applied and report.conflicts == review.conflicts
    assert whole_store(shared) == state  # nothing written, not even the status that merges

    assert shared.maintainer.apply(b, decisions={conflict.key: Decision(Choice.SUBMISSION)}).applied
    row = shared.admin.partnerships()["P-001"].values
    assert (row["summary_en"], row["status"], row["case_study_url"]) == (
        "Second",
        "ended",
        "https://example.gc.ca/a",
    )


def test_a_partnership_linking_a_point_deleted_since_checkout_is_a_conflict(shared, tmp_path):
    with_partnerships(shared)
    first, rows, _ = checkout(shared.nb, tmp_path, name="first.gpkg")
    second, _, _ = checkout(shared.nb, tmp_path, name="second.gpkg")
    gone = next(fid for fid, r in rows.items() if r.values["point_id"] == "snb_service_centres:SNB001")
    edit_checkout(first, deletes=[gone])
    assert shared.maintainer.apply(package(shared, first, tmp_path, "a.crs.zip")).applied
    # Meanwhile the second checkout links that point (it still has it) with a federal one.
    new = {"partnership_id": "P-004", "partners": "Service Canada;Service New Brunswick", "point_ids":
           f"{MONCTON_SC};snb_service_centres:SNB001", "partnership_type": "referral", "status": "active"}  # fmt: skip
    edit_checkout(second, inserts=[new], table="partnerships")
    b = shared.nb.submit(package(shared, second, tmp_path, "b.crs.zip"))  # the database accepts it for review
    state = whole_store(shared)

    (conflict,) = shared.maintainer.review(b).conflicts
    assert (conflict.table, conflict.point_id, conflict.field, conflict.kind, conflict.other) == (
        "partnerships", "P-004", "point_ids", LINKED_POINT_GONE, "snb_service_centres:SNB001")  # fmt: skip
    assert (
        "links service point snb_service_centres:SNB001, which the shared store does not have"
        in conflict.describe()
    )
    with pytest.raises(SubmissionError, match="at least two service points"):  # a typed value is checked too
        shared.maintainer.apply(b, decisions={conflict.key: Decision(Choice.VALUE, MONCTON_SC)})
    report = shared.maintainer.apply(b, decisions={conflict.key: Decision(Choice.SUBMISSION)})
    assert not report.applied and whole_store(shared) == state  # the submission's points cannot be taken

    typed = f"{MONCTON_SC};snb_service_centres:SNB002"
    report = shared.maintainer.apply(b, decisions={conflict.key: Decision(Choice.VALUE, typed)})
    assert report.applied and shared.admin.partnerships()["P-004"].values["point_ids"] == typed


def test_an_invalid_partnership_is_refused_before_anything_is_sent(shared, tmp_path):
    with_partnerships(shared)
    path, _, _ = checkout(shared.nb, tmp_path)
    fid, _ = by_id(path)["P-001"]
    state = whole_store(shared)
    edit_checkout(path, {fid: {"partnership_type": "merger"}}, table="partnerships")
    with pytest.raises(
        SubmissionError, match=r"partnership P-001, field partnership_type: 'merger' is not an allowed"
    ):
        package(shared, path, tmp_path)
    edit_checkout(
        path, {fid: {"partnership_type": "co_location", "point_ids": FREDERICTON[1]}}, table="partnerships"
    )
    with pytest.raises(SubmissionError, match="a partnership links at least two service points"):
        package(shared, path, tmp_path)
    assert not (tmp_path / "p.crs.zip").exists() and whole_store(shared) == state


def test_a_contributor_touches_only_partnerships_that_involve_their_points(shared, tmp_path):
    bc_row = with_partnerships(shared)
    # BC's editor takes an NB checkout (made by the admin) and edits the Fredericton partnership.
    path, _, _ = checkout(shared.admin, tmp_path)
    fid, _ = by_id(path)["P-001"]
    edit_checkout(path, {fid: {"summary_en": "Changed by BC"}}, table="partnerships")
    state = whole_store(shared)
    with pytest.raises(StoreError, match="row-level security"):
        shared.bc.submit(package(shared, path, tmp_path, role="bc_editor"))
    signed = package(shared, path, tmp_path, "bc.crs.zip", role="bc_editor")  # from a shared folder
    with pytest.raises(
        SubmissionError, match="Partnership P-001 .* involves none of jurisdiction BC's service points"
    ):
        shared.maintainer.apply(signed)
    # NB may not move a partnership onto BC's points only, nor add one between BC points.
    nb, _, _ = checkout(shared.nb, tmp_path, name="nb.gpkg")
    fid, _ = by_id(nb)["P-001"]
    edit_checkout(nb, {fid: {"point_ids": bc_row["point_ids"]}}, table="partnerships")
    with pytest.raises(StoreError, match="row-level security"):
        shared.nb.submit(package(shared, nb, tmp_path, "nb.crs.zip"))
    with pytest.raises(SubmissionError, match="involves none of jurisdiction NB's"):
        shared.maintainer.apply(package(shared, nb, tmp_path, "nb.crs.zip"))
    assert whole_store(shared) == state


def test_a_failure_mid_apply_leaves_neither_points_nor_partnerships_partly_applied(shared, tmp_path):
    with_partnerships(shared)
    path, rows, _ = checkout(shared.nb, tmp_path)
    fids = checkout_fids(path)
    edit_checkout(path, {f: {"name_en": f"Edited {f}"} for f in fids[:2]}, deletes=[fids[5]])
    p1, _ = by_id(path)["P-001"]
    p2, _ = by_id(path)["P-002"]
    edit_checkout(path, {p1: {"status": "ended"}}, deletes=[p2], table="partnerships")
    submission_id = shared.nb.submit(package(shared, path, tmp_path))
    state = whole_store(shared)
    seen = []

    def fail_in_the_partnerships(done, total):
        seen.append(done)
        if done == total - 1:  # the points and one partnership written
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        shared.maintainer.apply(submission_id, on_change=fail_in_the_partnerships)
    assert seen == [1, 2, 3, 4]
    assert whole_store(shared) == state
    assert shared.maintainer.submission(submission_id)["status"] == "pending"
    report = shared.maintainer.apply(submission_id)  # and it applies afterwards, all of it
    assert report.applied and report.written == 5
    assert sorted(shared.admin.partnerships()) == ["P-001", "P-BC"]
    assert shared.admin.partnerships()["P-001"].values["status"] == "ended"
    assert shared.query("SELECT table_name, count(*) FROM crs.audit_log GROUP BY table_name ORDER BY 1") == [
        ("partnerships", 2), ("service_points", 3)]  # fmt: skip


def test_the_dba_publishes_a_store_s_partnerships_with_its_points(shared, store_copy, capsys):
    from crs_plugin.core.partnerships import write_partnerships
    from scripts.shared_store_admin import main

    write_partnerships(store_copy, PARTNERSHIPS)
    assert main(["--db", shared.admin.conninfo, "publish", str(store_copy)]) == 0
    assert "(2 partnerships): store version 3." in capsys.readouterr().out  # points, then partnerships
    stored = shared.admin.partnerships()
    assert sorted(stored) == ["P-001", "P-002"]
    assert (
        stored["P-001"].values["start_date"] == "2019-04-01" and stored["P-002"].values["status"] == "ended"
    )
    assert (
        main(["--db", shared.admin.conninfo, "publish", str(store_copy)]) == 0
    )  # again: updated, not doubled
    assert sorted(shared.admin.partnerships()) == ["P-001", "P-002"]
