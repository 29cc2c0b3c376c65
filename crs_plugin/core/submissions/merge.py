"""Three-way, field-level merge of a submitted change with the shared store's current row.

For each field a contributor changed we know three values: the base (what they
checked out), the store's current value, and theirs. If the store still holds
the base, theirs is applied; if the store already holds theirs, nothing is to
do; otherwise someone else changed that field meanwhile: a conflict. Edits of
different fields of the same point therefore merge, and no edit is silently
lost. A policy decides what happens to conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..errors import SubmissionError
from ..schema import FIELD_NAMES
from .changeset import DELETE, GEOMETRY, INSERT, UPDATE, Change

#: Fields compared when a point is deleted: the point must be as the contributor last saw it.
COMPARED = (*FIELD_NAMES, GEOMETRY)


class ConflictPolicy(str, Enum):
    STOP = "stop"  # apply nothing while any conflict is undecided (the default)
    KEEP_STORE = "keep_store"  # conflicting fields keep the store's value; the rest is applied
    TAKE_SUBMISSION = "take_submission"  # conflicting fields take the submitted value


APPLIED, UNCHANGED, CONFLICT, KEPT_STORE, TOOK_SUBMISSION = (
    "applied", "unchanged", "conflict", "kept_store", "took_submission",
)  # fmt: skip


@dataclass(frozen=True)
class FieldOutcome:
    operation: str
    row_id: int
    point_id: str | None
    field: str
    base: object
    store: object
    submitted: object
    result: str


@dataclass(frozen=True)
class Action:
    """What to write for one change: ``operation`` on row ``target_id`` with ``values``."""

    operation: str | None  # insert / update / delete, or None when nothing is written
    target_id: int | None
    values: dict
    change: Change
    point_id: str | None = None


def same(a, b) -> bool:
    return _norm(a) == _norm(b)


def _norm(value):
    if value in ("", None):
        return None
    if isinstance(value, (list, tuple)):
        return tuple(round(float(v), 9) for v in value)
    return str(value)


def merge_change(
    change: Change, current: dict | None, jurisdiction: str, policy: ConflictPolicy
) -> tuple[Action, list[FieldOutcome]]:
    """Decide one change against the store's current row (``None`` when there is none)."""
    _check_jurisdiction(change, current, jurisdiction)
    pid = change.point_id or (current or {}).get("point_id")
    op, rid = change.operation, change.row_id
    if op == INSERT:
        if current is None:
            outcomes = [FieldOutcome(op, rid, pid, f, None, None, v, APPLIED) for f, v in change.new.items()]
            return Action(INSERT, None, dict(change.new), change, pid), outcomes
        # The point id exists already (inserted twice, or by someone else): compare field by field.
        return _update_fields(change, current, {f: None for f in change.new}, policy, pid)
    if current is None:
        if op == DELETE:
            return Action(None, None, {}, change, pid), [
                FieldOutcome(op, rid, pid, "*", None, None, None, UNCHANGED)
            ]
        result = CONFLICT if policy == ConflictPolicy.STOP else KEPT_STORE
        outcomes = [
            FieldOutcome(op, rid, pid, f, change.old.get(f), None, v, result) for f, v in change.new.items()
        ]
        return Action(None, None, {}, change, pid), outcomes  # the point was deleted meanwhile
    if op == UPDATE:
        return _update_fields(change, current, change.old, policy, pid)
    changed = [f for f in COMPARED if f in change.old and not same(change.old[f], current.get(f))]
    if not changed:
        outcome = FieldOutcome(op, rid, pid, "*", None, None, None, APPLIED)
        return Action(DELETE, current["id"], {}, change, pid), [outcome]
    result = {ConflictPolicy.STOP: CONFLICT, ConflictPolicy.KEEP_STORE: KEPT_STORE}.get(
        policy, TOOK_SUBMISSION
    )
    outcomes = [FieldOutcome(op, rid, pid, f, change.old[f], current.get(f), None, result) for f in changed]
    operation = DELETE if result == TOOK_SUBMISSION else None
    return Action(operation, current["id"], {}, change, pid), outcomes


def _update_fields(change: Change, current: dict, base: dict, policy: ConflictPolicy, pid: str | None):
    values, outcomes = {}, []
    for name, theirs in change.new.items():
        store = current.get(name)
        if same(store, theirs):
            result = UNCHANGED
        elif same(store, base.get(name)):
            result = APPLIED
        elif policy == ConflictPolicy.TAKE_SUBMISSION:
            result = TOOK_SUBMISSION
        else:
            result = KEPT_STORE if policy == ConflictPolicy.KEEP_STORE else CONFLICT
        if result in (APPLIED, TOOK_SUBMISSION):
            values[name] = theirs
        outcomes.append(
            FieldOutcome(change.operation, change.row_id, pid, name, base.get(name), store, theirs, result)
        )
    return Action(UPDATE if values else None, current["id"], values, change, pid), outcomes


def _check_jurisdiction(change: Change, current: dict | None, jurisdiction: str) -> None:
    """A submission only touches its own jurisdiction's points, whatever its changeset says."""
    owners = {change.new.get("jurisdiction")}
    if current is not None:
        owners.add(current.get("jurisdiction"))
    owners.discard(None)
    foreign = owners - {jurisdiction}
    if foreign:
        raise SubmissionError(
            f"Point {change.point_id or change.row_id} belongs to jurisdiction {sorted(foreign)[0]}, "
            f"but the submission comes from {jurisdiction}: the whole submission was refused."
        )
