"""Versioned editing without surprises (issue 15), on a real PostgreSQL + PostGIS.

Scenarios modelled on the hard cases of geodiff / Mergin Maps and on how Esri's
reconcile defines conflicts: every change pattern a changeset can hold, delete
versus edit in either order, conflicts decided field by field, contributors known
by their signature and the store's registry, and reviews that write nothing.
Whenever something is refused or stopped, the store (table, version, audit log)
is exactly as it was.
"""

from __future__ import annotations

import threading
import zipfile

import pytest

from crs_plugin.core.errors import SubmissionError
from crs_plugin.core.submissions.merge import Choice, ConflictPolicy, Decision
from crs_plugin.core.submissions.package import build_package, read_package
from crs_plugin.core.submissions.signing import new_private_key
from tests.checkout_edits import NEW_POINT, checkout_fids, edit_checkout
from tests.postgis.test_shared_store import checkout


def package(shared, path, tmp_path, name="p.crs.zip", role="nb_editor", key=None):
    """A package built from a checkout, signed with ``role``'s key (or ``key``; False: unsigned)."""
    signing_key = None if key is False else key or shared.signing_keys[role]
    return build_package(path, tmp_path / name, contributor=f"{role} (test)", signing_key=signing_key)


def whole_store(shared):
    """Everything a refusal or a review must leave as it was."""
    return (
        shared.query("SELECT id, point_id, name_en, phone, row_version, ST_AsText(geom) FROM crs.service_points "
                     "ORDER BY id"),
        shared.admin.version(),
        shared.query("SELECT id, operation, target_id, point_id FROM crs.audit_log ORDER BY id"),
        shared.query("SELECT id, status FROM crs.submissions ORDER BY id"),
        shared.query("SELECT count(*) FROM crs.submission_changes"),
    )  # fmt: skip


def new_point(i, **values):
    return dict(NEW_POINT, point_id=f"snb_service_centres:new{i}", source_record_id=f"new{i}",
                geom=(-65.0 - i / 10, 46.1), **values)  # fmt: skip


def point(shared, point_id):
    return shared.admin.points().get(point_id)


# -- 1. every change pattern a changeset can hold ------------------------------------------
def test_deleting_and_adding_back_the_same_point_id_keeps_the_point(shared, tmp_path):
    path, rows, base = checkout(shared.nb, tmp_path)
    fid = checkout_fids(path)[0]
    old = rows[fid]
    pid = old.values["point_id"]
    again = {k: v for k, v in old.values.items() if v is not None}
    again.update(name_en="Rebuilt centre", geom=(old.x + 0.001, old.y))
    edit_checkout(path, deletes=[fid])  # as QGIS commits an edit session: deletes, then additions
    edit_checkout(path, inserts=[again])
    submission = package(shared, path, tmp_path)
    assert submission.manifest["counts"] == {"insert": 1, "update": 0, "delete": 1}

    submission_id = shared.nb.submit(submission)
    report = shared.maintainer.review(submission_id)
    assert not report.conflicts
    changed = sorted(o.field for o in report.outcomes if o.result == "applied")
    assert changed == ["geom", "name_en"]  # review says what apply will do: an update of the point

    report = shared.maintainer.apply(submission_id)
    assert report.applied and report.written == 1 and report.version == base + 1
    after = point(shared, pid)
    assert after is not None, "the point was lost"
    assert after.id == old.id and after.values["name_en"] == "Rebuilt centre"
    assert after.values["phone"] == old.values["phone"]
    assert shared.query("SELECT operation, point_id FROM crs.audit_log") == [("update", pid)]


def test_swapping_the_point_ids_of_two_points(shared, tmp_path):
    path, rows, _ = checkout(shared.nb, tmp_path)
    a, b = checkout_fids(path)[:2]
    pid_a, pid_b = rows[a].values["point_id"], rows[b].values["point_id"]
    # The checkout's own unique index makes the contributor go through a free id; the changeset holds the swap.
    for step in ({a: {"point_id": "tmp"}}, {b: {"point_id": pid_a}}, {a: {"point_id": pid_b}}):
        edit_checkout(path, step)
    submission_id = shared.nb.submit(package(shared, path, tmp_path))
    assert not shared.maintainer.review(submission_id).conflicts
    report = shared.maintainer.apply(submission_id)
    assert report.applied and report.written == 2
    assert point(shared, pid_a).id == rows[b].id and point(shared, pid_b).id == rows[a].id


def test_a_new_point_whose_point_id_another_submission_added_first(shared, tmp_path):
    first, _, _ = checkout(shared.nb, tmp_path, name="first.gpkg")
    second, _, _ = checkout(shared.nb, tmp_path, name="second.gpkg")
    edit_checkout(first, inserts=[new_point(1, name_en="Added by A", phone="506-555-0001")])
    edit_checkout(second, inserts=[new_point(1, name_en="Added by B", phone="506-555-0001")])
    a = shared.nb.submit(package(shared, first, tmp_path, "a.crs.zip"))
    b = shared.nb.submit(package(shared, second, tmp_path, "b.crs.zip"))
    before_b = shared.maintainer.review(b)
    assert not before_b.conflicts  # before A is applied, B would simply add the point
    assert shared.maintainer.apply(a).applied
    state = whole_store(shared)

    review = shared.maintainer.review(b)
    (conflict,) = review.conflicts
    assert (conflict.point_id, conflict.field, conflict.base, conflict.store, conflict.submitted) == (
        "snb_service_centres:new1", "name_en", None, "Added by A", "Added by B")  # fmt: skip
    assert "snb_service_centres:new1" in conflict.describe() and "Added by" in conflict.describe()
    report = shared.maintainer.apply(b)
    assert not report.applied and report.conflicts == review.conflicts  # review said what apply does
    assert whole_store(shared) == state
    # One point, never two: taking B's name updates the point A added.
    assert shared.maintainer.apply(b, decisions={conflict.key: Decision(Choice.SUBMISSION)}).applied
    assert shared.query("SELECT count(*), min(name_en) FROM crs.service_points WHERE point_id = %s",
                        ("snb_service_centres:new1",)) == [(1, "Added by B")]  # fmt: skip


def test_renaming_a_point_to_a_point_id_in_use_is_a_conflict_naming_both_points(shared, tmp_path):
    path, rows, _ = checkout(shared.nb, tmp_path)
    a = checkout_fids(path)[0]
    pid_a = rows[a].values["point_id"]
    bc_rows = shared.bc.checkout("BC").points
    taken = bc_rows[0].values  # a point outside the checkout (British Columbia's) holds the id
    edit_checkout(path, {a: {"point_id": taken["point_id"], "phone": "506-555-0177"}})
    submission_id = shared.nb.submit(package(shared, path, tmp_path))
    state = whole_store(shared)

    review = shared.maintainer.review(submission_id)
    (conflict,) = review.conflicts
    assert (conflict.field, conflict.kind, conflict.submitted) == (
        "point_id",
        "point_id_taken",
        taken["point_id"],
    )
    text = conflict.describe()
    assert pid_a in text and taken["point_id"] in text and taken["name_en"] in text
    for policy in (ConflictPolicy.STOP, ConflictPolicy.TAKE_SUBMISSION):  # taking it cannot break uniqueness
        report = shared.maintainer.apply(submission_id, policy)
        assert not report.applied and [c.field for c in report.conflicts] == ["point_id"]
        assert whole_store(shared) == state
    # A typed point id that is free settles it; the rest of the change applies.
    typed = {conflict.key: Decision(Choice.VALUE, "snb_service_centres:renamed")}
    assert not shared.maintainer.review(submission_id, decisions=typed).conflicts
    assert shared.maintainer.apply(submission_id, decisions=typed).applied
    renamed = point(shared, "snb_service_centres:renamed")
    assert renamed.id == rows[a].id and renamed.values["phone"] == "506-555-0177"
    assert point(shared, taken["point_id"]).id == bc_rows[0].id


def test_keeping_the_store_s_point_id_applies_the_rest(shared, tmp_path):
    first, rows, _ = checkout(shared.nb, tmp_path, name="first.gpkg")
    second, _, _ = checkout(shared.nb, tmp_path, name="second.gpkg")
    a, b = checkout_fids(first)[:2]
    edit_checkout(first, {b: {"point_id": "snb_service_centres:claimed"}})  # someone claims the id first
    edit_checkout(second, {a: {"point_id": "snb_service_centres:claimed", "hours": "24/7"}})
    assert shared.maintainer.apply(shared.nb.submit(package(shared, first, tmp_path, "a.crs.zip"))).applied
    report = shared.maintainer.apply(shared.nb.submit(package(shared, second, tmp_path, "b.crs.zip")),
                                     ConflictPolicy.KEEP_STORE)  # fmt: skip
    assert report.applied and report.written == 1
    kept = shared.admin.points()[rows[a].values["point_id"]]
    assert kept.id == a and kept.values["hours"] == "24/7"
    assert point(shared, "snb_service_centres:claimed").id == b


def test_two_maintainers_apply_at_the_same_moment(shared, tmp_path):
    """Two submissions add the same point (and one swaps two ids): the applies take turns,
    the second one sees the first one's point and reports a conflict instead of a database error."""
    paths = [checkout(shared.nb, tmp_path, name=f"c{i}.gpkg")[0] for i in range(2)]
    fids = checkout_fids(paths[0])
    rows = {r.id: r for r in shared.nb.checkout("NB").points}
    pid_0, pid_1 = rows[fids[0]].values["point_id"], rows[fids[1]].values["point_id"]
    for step in (
        {fids[0]: {"point_id": "tmp"}},
        {fids[1]: {"point_id": pid_0}},
        {fids[0]: {"point_id": pid_1}},
    ):
        edit_checkout(paths[0], step)
    edit_checkout(paths[0], inserts=[new_point(7, name_en="From the first")])
    edit_checkout(paths[1], inserts=[new_point(7, name_en="From the second")])
    ids = [shared.nb.submit(package(shared, p, tmp_path, f"{i}.crs.zip")) for i, p in enumerate(paths)]
    reports, errors = [None, None], []
    start = threading.Barrier(2)

    def run(i):
        start.wait()
        try:
            reports[i] = shared.maintainer.apply(ids[i])
        except Exception as exc:  # noqa: BLE001 - the test reports whatever escapes
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(r.applied for r in reports) == [False, True]
    loser = next(r for r in reports if not r.applied)
    assert {(c.point_id, c.field) for c in loser.conflicts} == {("snb_service_centres:new7", "name_en")}
    assert shared.query(
        "SELECT count(*) FROM crs.service_points WHERE point_id = 'snb_service_centres:new7'"
    ) == [(1,)]
    assert shared.admin.version() == 2  # one apply wrote, the other wrote nothing


# -- 2. delete versus edit, in either order --------------------------------------------------
def test_an_edit_of_a_point_deleted_in_the_store_is_staged_and_named(shared, tmp_path):
    deleting, rows, _ = checkout(shared.nb, tmp_path, name="deleting.gpkg")
    editing, _, _ = checkout(shared.nb, tmp_path, name="editing.gpkg")
    fid = checkout_fids(deleting)[2]
    gone = rows[fid].values
    edit_checkout(deleting, deletes=[fid])
    edit_checkout(editing, {fid: {"phone": "506-555-0142"}})
    assert shared.maintainer.apply(shared.nb.submit(package(shared, deleting, tmp_path, "d.crs.zip"))).applied

    submission_id = shared.nb.submit(package(shared, editing, tmp_path, "e.crs.zip"))  # accepted for review
    state = whole_store(shared)
    report = shared.maintainer.review(submission_id)
    (conflict,) = report.conflicts
    assert (conflict.point_id, conflict.name, conflict.field, conflict.kind) == (
        gone["point_id"], gone["name_en"], "phone", "deleted_in_store")  # fmt: skip
    assert conflict.describe().startswith(
        f"Point {gone['point_id']} ({gone['name_en']}): the point was deleted"
    )
    assert not shared.maintainer.apply(submission_id).applied
    assert whole_store(shared) == state

    # Keeping the store's (deleted) point: applied, and nothing written, so the version stays.
    kept = shared.maintainer.review(submission_id, decisions={conflict.key: Decision(Choice.STORE)})
    assert not kept.conflicts and kept.outcomes[0].result == "kept_store"
    # Taking the submission's: the point comes back, with its row id and the edit.
    report = shared.maintainer.apply(submission_id, decisions={conflict.key: Decision(Choice.SUBMISSION)})
    assert report.applied and report.written == 1
    restored = point(shared, gone["point_id"])
    assert restored.id == fid and restored.values["phone"] == "506-555-0142"
    assert restored.values["name_en"] == gone["name_en"] and (restored.x, restored.y) == (
        rows[fid].x,
        rows[fid].y,
    )


def test_a_delete_of_a_point_edited_in_the_store_is_named_and_decided_for_the_point(shared, tmp_path):
    editing, rows, _ = checkout(shared.nb, tmp_path, name="editing.gpkg")
    deleting, _, _ = checkout(shared.nb, tmp_path, name="deleting.gpkg")
    fid = checkout_fids(editing)[3]
    edit_checkout(editing, {fid: {"hours": "Closed Mondays", "phone": "506-555-0143"}})
    edit_checkout(deleting, deletes=[fid])
    assert shared.maintainer.apply(shared.nb.submit(package(shared, editing, tmp_path, "e.crs.zip"))).applied
    submission_id = shared.nb.submit(package(shared, deleting, tmp_path, "d.crs.zip"))
    state = whole_store(shared)

    report = shared.maintainer.review(submission_id)
    assert sorted(c.field for c in report.conflicts) == ["hours", "phone"]
    assert {c.key for c in report.conflicts} == {f"delete:{fid}:*"}  # one decision: the point's
    assert all(c.point_id == rows[fid].values["point_id"] and c.name == rows[fid].values["name_en"]
               for c in report.conflicts)  # fmt: skip
    assert not shared.maintainer.apply(submission_id).applied and whole_store(shared) == state
    with pytest.raises(SubmissionError, match="cannot be typed for a whole point"):
        shared.maintainer.review(submission_id, decisions={f"delete:{fid}:*": Decision(Choice.VALUE, "x")})
    report = shared.maintainer.apply(
        submission_id, decisions={f"delete:{fid}:*": Decision(Choice.SUBMISSION)}
    )
    assert report.applied and point(shared, rows[fid].values["point_id"]) is None
    (before,) = shared.query("SELECT before FROM crs.audit_log WHERE operation = 'delete'")
    assert before[0]["hours"] == "Closed Mondays"  # the audit keeps the deleted row


# -- 3. conflicts decided field by field ------------------------------------------------------
def test_conflicts_decided_field_by_field(shared, tmp_path):
    first, rows, _ = checkout(shared.nb, tmp_path, name="first.gpkg")
    second, _, _ = checkout(shared.nb, tmp_path, name="second.gpkg")
    fid = checkout_fids(first)[0]
    edit_checkout(first, {fid: {"name_en": "First", "name_fr": "Premier", "hours": "9-5"}})
    edit_checkout(
        second, {fid: {"name_en": "Second", "name_fr": "Deuxième", "hours": "8-4", "phone": "506-555-0199"}}
    )
    assert shared.maintainer.apply(shared.nb.submit(package(shared, first, tmp_path, "a.crs.zip"))).applied
    submission_id = shared.nb.submit(package(shared, second, tmp_path, "b.crs.zip"))
    state = whole_store(shared)
    conflicts = {c.field: c for c in shared.maintainer.review(submission_id).conflicts}
    assert sorted(conflicts) == ["hours", "name_en", "name_fr"]
    assert (conflicts["hours"].base, conflicts["hours"].store, conflicts["hours"].submitted) == (
        rows[fid].values["hours"], "9-5", "8-4")  # fmt: skip

    decisions = {conflicts["name_en"].key: Decision(Choice.STORE),
                 conflicts["name_fr"].key: Decision(Choice.SUBMISSION)}  # fmt: skip
    partial = shared.maintainer.apply(submission_id, decisions=decisions)
    assert not partial.applied and [c.field for c in partial.conflicts] == ["hours"]  # one left: stop
    assert whole_store(shared) == state
    with pytest.raises(SubmissionError, match="not an allowed value|longer than"):
        shared.maintainer.review(submission_id, decisions={**decisions, conflicts["hours"].key: Decision(
            Choice.VALUE, "x" * 600)})  # a typed value is checked like a submitted one  # fmt: skip
    decisions[conflicts["hours"].key] = Decision(Choice.VALUE, "Mon-Fri 8:30-4:30")
    report = shared.maintainer.apply(submission_id, decisions=decisions)
    assert report.applied
    values = point(shared, rows[fid].values["point_id"]).values
    assert (values["name_en"], values["name_fr"], values["hours"], values["phone"]) == (
        "First", "Deuxième", "Mon-Fri 8:30-4:30", "506-555-0199")  # fmt: skip
    (changes,) = shared.query("SELECT changes FROM crs.audit_log WHERE submission_id = %s", (submission_id,))[
        0
    ]
    assert {f: c["result"] for f, c in changes.items()} == {
        "name_en": "kept_store", "name_fr": "took_submission", "hours": "typed_value", "phone": "applied"}  # fmt: skip


@pytest.mark.parametrize("later_first", [True, False])
def test_last_verified_takes_the_later_date(shared, tmp_path, later_first):
    first, rows, _ = checkout(shared.nb, tmp_path, name="first.gpkg")
    second, _, _ = checkout(shared.nb, tmp_path, name="second.gpkg")
    fid = checkout_fids(first)[0]
    edit_checkout(first, {fid: {"last_verified": "2025-03-14", "phone": "506-555-0110"}})
    edit_checkout(second, {fid: {"last_verified": "2025-02-01", "url": "https://example.nb.ca/c"}})
    order = [(first, "a.crs.zip"), (second, "b.crs.zip")]
    for path, name in order if later_first else order[::-1]:
        report = shared.maintainer.apply(shared.nb.submit(package(shared, path, tmp_path, name)))
        assert report.applied and not report.conflicts
    values = point(shared, rows[fid].values["point_id"]).values
    assert (values["last_verified"], values["phone"], values["url"]) == (
        "2025-03-14", "506-555-0110", "https://example.nb.ca/c")  # fmt: skip


# -- 4. contributors are known, not self-declared ---------------------------------------------
def test_a_folder_package_is_attributed_to_its_registered_signer(shared, tmp_path):
    path, _, _ = checkout(shared.nb, tmp_path)
    edit_checkout(path, {checkout_fids(path)[0]: {"phone": "506-555-0150"}})
    submission = package(shared, path, tmp_path)
    assert read_package(tmp_path / "p.crs.zip").signature == submission.signature is not None
    assert shared.maintainer.attribute(submission).role == "nb_editor"
    report = shared.maintainer.apply(read_package(tmp_path / "p.crs.zip"))
    assert report.applied and (report.contributor.role, report.contributor.jurisdiction) == (
        "nb_editor",
        "NB",
    )
    assert shared.query(
        "SELECT contributor_role, jurisdiction, signer_key_id IS NOT NULL FROM crs.submissions"
    ) == [("nb_editor", "NB", True)]


def test_a_bc_contributor_cannot_change_nb_points_through_the_shared_folder(shared, tmp_path):
    """BC's role can read (and so check out) NB; its package claims NB in the manifest, but the
    registry says bc_editor contributes for BC: refused at review, with the reason."""
    path, _, _ = checkout(shared.bc, tmp_path, jurisdiction="NB")
    edit_checkout(path, {checkout_fids(path)[0]: {"name_en": "Changed by BC"}})
    submission = package(shared, path, tmp_path, role="bc_editor")
    assert submission.manifest["jurisdiction"] == "NB"
    state = whole_store(shared)
    refused = r"belongs to jurisdiction NB, but the submission comes from BC \(contributor bc_editor\)"
    staged = shared.maintainer.submit(submission)  # staging records who sent it ...
    with pytest.raises(SubmissionError, match=refused):
        shared.maintainer.apply(staged)  # ... and apply refuses
    for attempt in (shared.maintainer.review, shared.maintainer.apply):  # the package file itself
        with pytest.raises(SubmissionError, match=refused):
            attempt(submission)
    assert whole_store(shared)[:3] == state[:3]


def test_unsigned_and_wrongly_signed_packages_are_refused_with_the_reason(shared, tmp_path):
    path, _, _ = checkout(shared.nb, tmp_path)
    edit_checkout(path, {checkout_fids(path)[0]: {"phone": "506-555-0160"}})
    state = whole_store(shared)
    unsigned = package(shared, path, tmp_path, "unsigned.crs.zip", key=False)
    stranger = package(shared, path, tmp_path, "stranger.crs.zip", key=new_private_key())
    signed = package(shared, path, tmp_path, "signed.crs.zip")
    # The manifest changed after signing (the note), the checksum still right: the signature no longer matches.
    with zipfile.ZipFile(tmp_path / "signed.crs.zip") as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    files["manifest.json"] = files["manifest.json"].replace(b'"note": ""', b'"note": "approved by the DBA"')
    with zipfile.ZipFile(tmp_path / "altered.crs.zip", "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    altered = read_package(tmp_path / "altered.crs.zip")
    for submission, reason in ((unsigned, "not signed"), (stranger, "which no contributor of the shared store has"),
                               (altered, "signature does not match")):  # fmt: skip
        for attempt in (shared.maintainer.review, shared.maintainer.apply, shared.maintainer.submit):
            with pytest.raises(SubmissionError, match=reason):
                attempt(submission)
        assert whole_store(shared) == state
    # A contributor may still submit an unsigned package through their own database login...
    assert shared.nb.submit(unsigned)
    # ... but not one signed by someone else.
    with pytest.raises(SubmissionError, match="signed by nb_editor, but bc_editor is submitting it"):
        shared.bc.submit(signed)


def test_a_new_key_replaces_the_old_one(shared, tmp_path):
    from crs_plugin.core.submissions.signing import public_key_of

    path, _, _ = checkout(shared.nb, tmp_path)
    edit_checkout(path, {checkout_fids(path)[0]: {"phone": "506-555-0170"}})
    old = package(shared, path, tmp_path, "old.crs.zip")
    new_key = new_private_key()
    shared.admin.register_contributor("nb_editor", "NB", public_key_of(new_key))
    with pytest.raises(SubmissionError, match="which no contributor of the shared store has"):
        shared.maintainer.review(old)
    assert shared.maintainer.review(
        package(shared, path, tmp_path, "new.crs.zip", key=new_key)
    ).contributor.role == ("nb_editor")


# -- 5. looking writes nothing ------------------------------------------------------------------
def test_reviewing_writes_nothing(shared, tmp_path):
    path, _, _ = checkout(shared.nb, tmp_path)
    fids = checkout_fids(path)
    edit_checkout(path, {fids[0]: {"phone": "506-555-0180"}}, [new_point(3)], deletes=[fids[1]])
    submission = package(shared, path, tmp_path)
    staged = shared.nb.submit(submission)
    state = whole_store(shared)
    for _ in range(3):
        for source in (staged, submission, read_package(tmp_path / "p.crs.zip")):
            for policy in ConflictPolicy:
                assert shared.maintainer.review(source, policy).outcomes
    assert whole_store(shared) == state
    assert shared.maintainer.submission(staged)["status"] == "pending"


def test_an_apply_that_changes_nothing_keeps_the_store_version(shared, tmp_path):
    first, rows, base = checkout(shared.nb, tmp_path, name="first.gpkg")
    second, _, _ = checkout(shared.nb, tmp_path, name="second.gpkg")
    fid = checkout_fids(first)[0]
    for path in (first, second):  # the same edit, made twice
        edit_checkout(path, {fid: {"phone": "506-555-0190"}})
    assert (
        shared.maintainer.apply(shared.nb.submit(package(shared, first, tmp_path, "a.crs.zip"))).version
        == base + 1
    )
    audit = shared.query("SELECT count(*) FROM crs.audit_log")
    report = shared.maintainer.apply(shared.nb.submit(package(shared, second, tmp_path, "b.crs.zip")))
    assert report.applied and report.written == 0 and report.version == base + 1
    assert shared.admin.version() == base + 1 and shared.query("SELECT count(*) FROM crs.audit_log") == audit
    assert shared.query("SELECT status, applied_version FROM crs.submissions ORDER BY id") == [
        ("applied", base + 1), ("applied", base + 1)]  # fmt: skip


def test_the_dba_registers_a_contributor_s_public_key(shared, tmp_path, capsys):
    from crs_plugin.core.submissions.signing import public_key_of
    from scripts.shared_store_admin import main

    key = new_private_key()
    (tmp_path / "nb_editor.pub").write_text(public_key_of(key) + "\n", encoding="utf-8")
    db = shared.admin.conninfo
    assert (
        main(["--db", db, "contributor", "nb_editor", "NB", "--public-key", str(tmp_path / "nb_editor.pub")])
        == 0
    )
    assert main(["--db", db, "contributor", "bc_editor", "BC", "--public-key", "ed25519:bm90IGEga2V5"]) == 1
    assert "32 bytes" in capsys.readouterr().err
    path, _, _ = checkout(shared.nb, tmp_path)
    edit_checkout(path, {checkout_fids(path)[0]: {"phone": "506-555-0111"}})
    assert shared.maintainer.attribute(package(shared, path, tmp_path, key=key)).role == "nb_editor"


def test_install_brings_a_store_made_by_the_previous_version_up_to_date(shared, tmp_path):
    """The previous schema: point_id unique after each statement, no keys, no attribution, no 'before' rows."""
    with shared.admin.transaction() as cur:
        cur.execute(
            "ALTER TABLE crs.service_points DROP CONSTRAINT service_points_point_id_key;"
            "ALTER TABLE crs.service_points ADD CONSTRAINT service_points_point_id_key UNIQUE (point_id);"
            "ALTER TABLE crs.contributors DROP COLUMN public_key, DROP COLUMN key_id;"
            "DROP POLICY submit_own ON crs.submissions;"
            "ALTER TABLE crs.submissions DROP COLUMN contributor_role, DROP COLUMN signer_key_id;"
            "ALTER TABLE crs.submission_changes DROP COLUMN label;"
            "ALTER TABLE crs.audit_log DROP COLUMN before;"
            # Nor partnerships beside the points.
            "DROP POLICY stage_own ON crs.submission_changes;"
            "ALTER TABLE crs.submission_changes DROP COLUMN table_name;"
            "ALTER TABLE crs.audit_log DROP COLUMN table_name;"
            "DROP TABLE crs.partnerships;"
        )
    points = shared.admin.points()
    shared.admin.install()
    shared.admin.install()  # and again: nothing changes
    assert shared.admin.partnerships() == {}
    assert shared.query("SELECT count(*) FROM pg_policies WHERE tablename = 'partnerships'") == [(2,)]
    assert shared.query(
        "SELECT condeferrable FROM pg_constraint WHERE conname = 'service_points_point_id_key'"
    ) == [(True,)]
    assert shared.admin.points() == points
    from crs_plugin.core.submissions.signing import public_key_of

    shared.admin.register_contributor("nb_editor", "NB", public_key_of(shared.signing_keys["nb_editor"]))
    path, rows, _ = checkout(shared.nb, tmp_path)
    a, b = checkout_fids(path)[:2]
    pid_a, pid_b = rows[a].values["point_id"], rows[b].values["point_id"]
    for step in ({a: {"point_id": "tmp"}}, {b: {"point_id": pid_a}}, {a: {"point_id": pid_b}}):
        edit_checkout(path, step)
    assert shared.maintainer.apply(package(shared, path, tmp_path)).applied  # a swap, signed, from a file
