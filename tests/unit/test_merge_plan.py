"""How a submission is planned against the store's rows (no database: the store is a dict here)."""

from __future__ import annotations

import pytest

from crs_plugin.core.errors import SubmissionError
from crs_plugin.core.submissions.changeset import DELETE, INSERT, UPDATE, Change
from crs_plugin.core.submissions.merge import (
    CONFLICT,
    KEPT_STORE,
    POINT_ID_TAKEN,
    RESTORE,
    Choice,
    ConflictPolicy,
    Decision,
    StoreView,
    conflicts,
    decisions_from_json,
    decisions_to_json,
    plan_submission,
)

BASE = {"point_id": "s:1", "name_en": "One", "jurisdiction": "NB", "phone": "506-555-0001", "geom": [-66.0, 46.0],
        "last_verified": "2025-01-01"}  # fmt: skip


class DictStore(StoreView):
    def __init__(self, rows: list[dict], deleted: dict | None = None) -> None:
        self.rows, self.deleted = {r["id"]: r for r in rows}, deleted or {}

    def rows_by_id(self, ids, table="service_points"):
        return {i: self.rows[i] for i in ids if i in self.rows}

    def rows_by_key(self, point_ids, table="service_points"):
        wanted = set(point_ids)
        return {r["point_id"]: r for r in self.rows.values() if r["point_id"] in wanted}

    def deleted_row(self, row_id, table="service_points"):
        return self.deleted.get(row_id)


def row(i: int, **values) -> dict:
    return {**BASE, "point_id": f"s:{i}", "name_en": f"Point {i}", "id": i, **values}


def plan(changes, store, **kwargs):
    return plan_submission(changes, store, "NB", **kwargs)


def test_a_point_added_back_unchanged_writes_nothing():
    store = DictStore([row(1)])
    old = {k: v for k, v in row(1).items() if k != "id"}
    (p,) = plan([Change(DELETE, 1, old, {}), Change(INSERT, 900, {}, dict(old))], store)
    assert p.operation is None and not conflicts([p])


def test_two_new_points_with_one_point_id_conflict_on_the_second():
    store = DictStore([row(1)])
    new = {k: v for k, v in row(5).items() if k != "id"}
    plans = plan(
        [Change(INSERT, 900, {}, dict(new)), Change(INSERT, 901, {}, dict(new, name_en="Twin"))], store
    )
    assert plans[0].operation == INSERT and plans[1].operation is None
    (conflict,) = conflicts(plans)
    assert (conflict.row_id, conflict.kind, conflict.other) == (901, POINT_ID_TAKEN, "s:5 (Point 5)")


def test_a_typed_point_id_that_is_taken_too_stays_a_conflict():
    store = DictStore([row(1), row(2), row(3)])
    change = Change(UPDATE, 1, {"point_id": "s:1"}, {"point_id": "s:2"}, {"point_id": "s:1"})
    key = "update:1:point_id"
    plans = plan([change], store, decisions={key: Decision(Choice.VALUE, "s:3")})
    (conflict,) = conflicts(plans)
    assert conflict.submitted == "s:3" and conflict.other == "s:3 (Point 3)"
    plans = plan([change], store, decisions={key: Decision(Choice.STORE)})
    assert plans[0].operation is None and plans[0].outcomes[-1].result == KEPT_STORE


def test_a_three_way_rotation_of_point_ids_is_fine():
    store = DictStore([row(1), row(2), row(3)])
    changes = [Change(UPDATE, i, {"point_id": f"s:{i}"}, {"point_id": f"s:{i % 3 + 1}"}) for i in (1, 2, 3)]
    plans = plan(changes, store)
    assert not conflicts(plans) and [p.values["point_id"] for p in plans] == ["s:2", "s:3", "s:1"]


def test_restoring_a_point_the_store_has_no_record_of_stays_a_conflict():
    store = DictStore([])
    change = Change(
        UPDATE, 7, {"phone": "1"}, {"phone": "506-555-0107"}, {"point_id": "s:7", "name_en": "Seven"}
    )
    (p,) = plan([change], store, policy=ConflictPolicy.TAKE_SUBMISSION)
    (conflict,) = conflicts([p])
    assert conflict.point == "s:7 (Seven)" and "cannot be restored" in conflict.describe()
    store = DictStore([], deleted={7: row(7)})
    (p,) = plan([change], store, policy=ConflictPolicy.TAKE_SUBMISSION)
    assert p.operation == RESTORE and p.target_id == 7 and p.values["phone"] == "506-555-0107"


def test_a_restored_point_of_another_jurisdiction_is_refused():
    store = DictStore([], deleted={7: row(7, jurisdiction="BC")})
    change = Change(UPDATE, 7, {"phone": "1"}, {"phone": "506-555-0107"}, {"point_id": "s:7"})
    with pytest.raises(SubmissionError, match="belongs to jurisdiction BC"):
        plan([change], store)


@pytest.mark.parametrize(("store_date", "theirs", "written"), [
    ("2025-03-01", "2025-02-01", None), ("2025-02-01", "2025-03-01", "2025-03-01"), (None, "2025-03-01", "2025-03-01"),
    ("2025-03-01", None, None),
])  # fmt: skip
def test_last_verified_moves_forward_only(store_date, theirs, written):
    store = DictStore([row(1, last_verified=store_date)])
    (p,) = plan([Change(UPDATE, 1, {"last_verified": "2025-01-01"}, {"last_verified": theirs})], store)
    assert not conflicts([p]) and p.values.get("last_verified") == written


def test_decisions_round_trip_as_json():
    decisions = {"update:1:name_en": Decision(Choice.VALUE, "Édifice"), "delete:2:*": Decision(Choice.STORE)}
    assert decisions_from_json(decisions_to_json(decisions)) == decisions
    with pytest.raises(SubmissionError, match="choose 'store', 'submission' or 'value'"):
        decisions_from_json('{"update:1:x": {"choice": "maybe"}}')
    assert (
        plan([Change(UPDATE, 1, {"name_en": "Point 1"}, {"name_en": "A"})], DictStore([row(1, name_en="B")]))[
            0
        ]
        .outcomes[0]
        .result
        == CONFLICT
    )
