"""The shared store on a real PostgreSQL + PostGIS: round trip, row-level security,
conflicts, interrupted applies and hostile packages."""

from __future__ import annotations

import threading

import psycopg2
import pytest

from crs_plugin.core.errors import StoreError, SubmissionError
from crs_plugin.core.submissions.checkout import CheckoutInfo, write_checkout
from crs_plugin.core.submissions.merge import ConflictPolicy
from crs_plugin.core.submissions.package import build_package, read_package
from tests.checkout_edits import NEW_POINT, checkout_fids, edit_checkout

INJECTION = "Robert'); DROP TABLE crs.service_points; --"


def checkout(store, tmp_path, jurisdiction="NB", name="checkout.gpkg"):
    snapshot = store.checkout(jurisdiction)
    path = tmp_path / name
    write_checkout(path, snapshot.points, CheckoutInfo(jurisdiction, snapshot.version, store.describe()),
                   snapshot.partnerships)  # fmt: skip
    return path, {r.id: r for r in snapshot.points}, snapshot.version


def package(path, tmp_path, name="submission.crs.zip"):
    return build_package(path, tmp_path / name, contributor="Test Contributor")


def test_round_trip(shared, tmp_path):
    path, rows, base = checkout(shared.nb, tmp_path)
    assert len(rows) == 23 and base == 1
    fids = checkout_fids(path)
    edited = {fids[0]: {"name_en": INJECTION}, fids[1]: {"geom": (-66.61, 45.95)},
              fids[2]: {"services": "drivers_licence", "phone": "506-555-0100"}}  # fmt: skip
    new = [dict(NEW_POINT, point_id=f"snb_service_centres:new{i}", source_record_id=f"new{i}",
                geom=(-65.0 - i / 10, 46.1)) for i in range(2)]  # fmt: skip
    edit_checkout(path, edited, new, deletes=[fids[3]])

    submission = package(path, tmp_path)
    assert submission.manifest["counts"] == {"insert": 2, "update": 3, "delete": 1}
    submission_id = shared.nb.submit(read_package(tmp_path / "submission.crs.zip"))
    report = shared.maintainer.apply(submission_id)
    assert report.applied and report.written == 6 and report.version == base + 1

    after = shared.admin.points()
    before = {r.values["point_id"]: r for r in rows.values()}
    assert len(after) == 275 + 2 - 1
    assert after[rows[fids[0]].values["point_id"]].values["name_en"] == INJECTION  # stored verbatim
    moved = after[rows[fids[1]].values["point_id"]]
    assert (moved.x, moved.y) == pytest.approx((-66.61, 45.95), abs=1e-12)
    third = after[rows[fids[2]].values["point_id"]].values
    assert (third["services"], third["phone"]) == ("drivers_licence", "506-555-0100")
    assert rows[fids[3]].values["point_id"] not in after
    for point in new:
        stored = after[point["point_id"]]
        assert stored.values["name_fr"] == "Centre d'essai SNB" and (stored.x, stored.y) == point["geom"]
    # Everything else is exactly as it was.
    touched = {rows[f].values["point_id"] for f in fids[:4]} | {p["point_id"] for p in new}
    for pid, row in before.items():
        if pid not in touched:
            assert after[pid].values == row.values and (after[pid].x, after[pid].y) == (row.x, row.y)

    audit = shared.query(
        "SELECT operation, point_id, store_version, applied_by FROM crs.audit_log ORDER BY id"
    )
    assert len(audit) == 6
    assert sorted(a[0] for a in audit) == ["delete", "insert", "insert", "update", "update", "update"]
    assert {a[2] for a in audit} == {base + 1} and {a[3] for a in audit} == {"geomapping"}
    assert shared.maintainer.submission(submission_id)["status"] == "applied"

    second, rows2, version2 = checkout(shared.nb, tmp_path, name="second.gpkg")
    assert version2 == base + 1 and len(rows2) == 23 + 2 - 1
    assert {r.values["point_id"] for r in rows2.values()} >= {p["point_id"] for p in new}


def test_contributor_cannot_stage_or_apply_other_jurisdictions_rows(shared, tmp_path):
    # BC's role tries to submit a package made from New Brunswick's checkout.
    path, rows, _ = checkout(shared.admin, tmp_path)
    fid = checkout_fids(path)[0]
    edit_checkout(path, {fid: {"name_en": "Changed by BC"}})
    submission = package(path, tmp_path)
    with pytest.raises(StoreError, match="row-level security"):
        shared.bc.submit(submission)
    assert shared.query("SELECT count(*) FROM crs.submissions") == [(0,)]  # nothing half-staged

    # Staging directly, bypassing the plugin, is refused by the database too.
    with pytest.raises(StoreError, match="row-level security"), shared.bc.transaction() as cur:
        cur.execute("INSERT INTO crs.submissions (jurisdiction, contributor, base_version, manifest, package, "
                    "package_sha256) VALUES ('BC', 'x', 1, '{}', '', '') RETURNING id")  # fmt: skip
        own = cur.fetchone()[0]
        cur.execute("INSERT INTO crs.submission_changes (submission_id, seq, operation, row_id, target_id, "
                    "jurisdiction, new_values) VALUES (%s, 0, 'update', %s, %s, 'BC', '{}')", (own, fid, fid))  # fmt: skip
    # BC can neither edit the shared table nor apply a submission.
    with pytest.raises(StoreError, match="permission denied"), shared.bc.transaction() as cur:
        cur.execute("UPDATE crs.service_points SET name_en = 'x' WHERE jurisdiction = 'NB'")
    nb_id = shared.nb.submit(submission)
    with pytest.raises(StoreError, match="permission denied"):
        shared.bc.apply(nb_id)
    # ... but reads everything, as the working group agreed.
    assert len(shared.bc.points()) == 275
    assert shared.maintainer.submission(nb_id)["status"] == "pending"


def test_contributor_cannot_move_a_point_to_another_jurisdiction(shared, tmp_path):
    path, _, _ = checkout(shared.nb, tmp_path)
    edit_checkout(path, {checkout_fids(path)[0]: {"jurisdiction": "BC"}})
    with pytest.raises(StoreError, match="row-level security"):
        shared.nb.submit(package(path, tmp_path))


def test_concurrent_submissions_conflict_instead_of_losing_an_update(shared, tmp_path):
    first, rows, _ = checkout(shared.nb, tmp_path, name="first.gpkg")
    second, _, _ = checkout(shared.nb, tmp_path, name="second.gpkg")
    fid = checkout_fids(first)[0]
    edit_checkout(first, {fid: {"name_en": "First", "phone": "506-555-0101"}})
    edit_checkout(second, {fid: {"name_en": "Second", "hours": "Mon-Fri 9-5"}})
    a = shared.nb.submit(package(first, tmp_path, "a.crs.zip"))
    b = shared.nb.submit(package(second, tmp_path, "b.crs.zip"))
    assert shared.maintainer.apply(a).applied
    version = shared.admin.version()

    report = shared.maintainer.apply(b)
    assert not report.applied
    assert [(c.field, c.base, c.store, c.submitted) for c in report.conflicts] == [
        ("name_en", rows[fid].values["name_en"], "First", "Second")
    ]
    point = shared.admin.points()[rows[fid].values["point_id"]].values
    assert (point["name_en"], point["phone"], point["hours"]) == (
        "First",
        "506-555-0101",
        rows[fid].values["hours"],
    )
    assert shared.admin.version() == version  # nothing written

    # The geomapping team decides: keep the store's name, merge the other field.
    report = shared.maintainer.apply(b, ConflictPolicy.KEEP_STORE)
    assert report.applied
    point = shared.admin.points()[rows[fid].values["point_id"]].values
    assert (point["name_en"], point["phone"], point["hours"]) == ("First", "506-555-0101", "Mon-Fri 9-5")


def test_simultaneous_applies_serialise_on_the_row(shared, tmp_path):
    paths = [checkout(shared.nb, tmp_path, name=f"c{i}.gpkg")[0] for i in range(2)]
    fid = checkout_fids(paths[0])[0]
    ids = []
    for i, path in enumerate(paths):
        edit_checkout(path, {fid: {"name_en": f"Editor {i}"}})
        ids.append(shared.nb.submit(package(path, tmp_path, f"{i}.crs.zip")))
    reports = [None, None]

    def run(i):
        reports[i] = shared.maintainer.apply(ids[i])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.applied for r in reports) == [False, True]
    loser = next(r for r in reports if not r.applied)
    assert len(loser.conflicts) == 1 and loser.conflicts[0].field == "name_en"


def test_non_overlapping_edits_of_the_same_point_merge(shared, tmp_path):
    first, rows, _ = checkout(shared.nb, tmp_path, name="first.gpkg")
    second, _, _ = checkout(shared.nb, tmp_path, name="second.gpkg")
    fid = checkout_fids(first)[0]
    edit_checkout(first, {fid: {"phone": "506-555-0199"}})
    edit_checkout(second, {fid: {"url": "https://example.nb.ca/centre"}})
    for path, name in ((first, "a.crs.zip"), (second, "b.crs.zip")):
        assert shared.maintainer.apply(shared.nb.submit(package(path, tmp_path, name))).applied
    point = shared.admin.points()[rows[fid].values["point_id"]].values
    assert (point["phone"], point["url"]) == ("506-555-0199", "https://example.nb.ca/centre")


def test_delete_of_a_point_changed_since_checkout_is_a_conflict(shared, tmp_path):
    first, rows, _ = checkout(shared.nb, tmp_path, name="first.gpkg")
    second, _, _ = checkout(shared.nb, tmp_path, name="second.gpkg")
    fid = checkout_fids(first)[0]
    edit_checkout(first, {fid: {"hours": "Closed Mondays"}})
    edit_checkout(second, deletes=[fid])
    assert shared.maintainer.apply(shared.nb.submit(package(first, tmp_path, "a.crs.zip"))).applied
    report = shared.maintainer.apply(shared.nb.submit(package(second, tmp_path, "b.crs.zip")))
    assert not report.applied and [c.field for c in report.conflicts] == ["hours"]
    assert rows[fid].values["point_id"] in shared.admin.points()


def snapshot(shared):
    return shared.query(
        "SELECT id, point_id, name_en, row_version, ST_AsText(geom) FROM crs.service_points ORDER BY id"
    )


def six_changes(shared, tmp_path):
    path, _, _ = checkout(shared.nb, tmp_path)
    fids = checkout_fids(path)
    edit_checkout(path, {f: {"name_en": f"Edited {f}"} for f in fids[:3]},
                  [dict(NEW_POINT, point_id=f"snb_service_centres:n{i}", source_record_id=f"n{i}", geom=(-65, 46))
                   for i in range(2)], deletes=[fids[4]])  # fmt: skip
    return shared.nb.submit(package(path, tmp_path))


def test_exception_mid_apply_leaves_the_store_exactly_as_before(shared, tmp_path):
    submission_id = six_changes(shared, tmp_path)
    before, version = snapshot(shared), shared.admin.version()

    def fail_after_three(done, total):
        if done == 3:
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        shared.maintainer.apply(submission_id, on_change=fail_after_three)
    assert snapshot(shared) == before and shared.admin.version() == version
    assert shared.query("SELECT count(*) FROM crs.audit_log") == [(0,)]
    assert shared.maintainer.submission(submission_id)["status"] == "pending"
    assert shared.maintainer.apply(submission_id).applied  # and it can be applied afterwards


def test_killed_connection_mid_apply_leaves_the_store_exactly_as_before(shared, tmp_path):
    submission_id = six_changes(shared, tmp_path)
    before = snapshot(shared)

    def kill_own_backend(done, total):
        if done == 2:
            shared.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE usename = 'geomapping' AND pid <> pg_backend_pid()")  # fmt: skip

    with pytest.raises(StoreError, match="connection .* was lost"):
        shared.maintainer.apply(submission_id, on_change=kill_own_backend)
    assert snapshot(shared) == before
    assert shared.query("SELECT count(*) FROM crs.audit_log") == [(0,)]


def test_reject_with_a_reason_the_contributor_sees(shared, tmp_path):
    submission_id = six_changes(shared, tmp_path)
    with pytest.raises(SubmissionError, match="reason"):
        shared.maintainer.reject(submission_id, "  ")
    shared.maintainer.reject(submission_id, "Two new points duplicate existing ones; please merge them.")
    seen = shared.nb.submission(submission_id)
    assert (seen["status"], seen["reason"], seen["reviewed_by"]) == (
        "rejected",
        "Two new points duplicate existing ones; please merge them.",
        "geomapping",
    )
    with pytest.raises(SubmissionError, match="already rejected"):
        shared.maintainer.apply(submission_id)


def test_wrong_password_is_a_clear_error(shared):
    from crs_plugin.core.submissions.shared_store import SharedStore

    store = SharedStore(shared.cluster.conninfo("nb_editor", "s3cr3t-guess", shared.dbname))
    with pytest.raises(
        StoreError, match="Cannot connect to the shared store .*password authentication failed"
    ) as err:
        store.checkout("NB")
    assert "s3cr3t-guess" not in str(err.value)


def test_maintainer_refuses_a_folder_package_touching_another_jurisdiction(shared, tmp_path):
    """Packages from a shared folder are staged by the maintainer (no RLS): the signer's registered
    jurisdiction, not the manifest, says which points the package may touch."""
    path, _, _ = checkout(shared.admin, tmp_path, jurisdiction="BC")
    edit_checkout(path, {checkout_fids(path)[0]: {"name_en": "x"}})
    submission = build_package(
        path, tmp_path / "p.crs.zip", "NB editor", signing_key=shared.signing_keys["nb_editor"]
    )
    with pytest.raises(SubmissionError, match="belongs to jurisdiction BC, but the submission comes from NB"):
        shared.maintainer.apply(submission)
    staged = shared.maintainer.submit(submission)  # staging only records who sent it ...
    with pytest.raises(SubmissionError, match="belongs to jurisdiction BC, but the submission comes from NB"):
        shared.maintainer.apply(staged)  # ... apply checks ownership itself
    assert shared.maintainer.submission(staged)["status"] == "pending"


def test_unknown_submission(shared):
    with pytest.raises(SubmissionError, match="no submission 999"):
        shared.maintainer.apply(999)
    assert psycopg2  # the driver the store uses
