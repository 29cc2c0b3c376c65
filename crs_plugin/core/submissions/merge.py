"""Three-way, field-level merge of a submission with the shared store's current rows.

For each field a contributor changed we know three values: the base (what they
checked out), the store's current value, and theirs. If the store still holds
the base, theirs is applied; if the store already holds theirs, nothing is to
do; otherwise someone else changed that field meanwhile: a conflict (as Esri's
reconcile defines it, by field). Edits of different fields of the same point
therefore merge, and no edit is silently lost. ``last_verified`` is the one
field both sides may move: the later date wins (two people verifying a point on
different days agree that it is there).

A submission is planned as a whole before anything is written (:func:`plan_submission`):

- a point deleted and added back with the same ``point_id`` in one checkout is an
  update of that point (geodiff pairs rows by key; our key is ``point_id``);
- an edit of a point the store deleted since checkout, and a delete of a point
  the store changed since checkout, are conflicts about the whole point;
- a new point whose ``point_id`` the store already has (someone added it first)
  is compared field by field with that point; if that point is another
  jurisdiction's, or two points would end with one ``point_id``, it is a conflict
  naming both points. Uniqueness is checked on the state the submission would
  leave, so swapping two points' ids is fine and review says what apply will do.

Partnerships travel beside the points and are planned by the same rules (keyed by
``partnership_id``); a partnership the submission adds or changes must link points the
store will have once the submission is applied: a link to a point deleted meanwhile
is a conflict (:data:`LINKED_POINT_GONE`), decided by keeping the store's partnership
or typing its points again.

Conflicts are decided one by one (:class:`Decision`: keep the store's value,
take the submission's, or type one) or all at once by a :class:`ConflictPolicy`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from ..errors import SubmissionError
from ..i18n import tr
from ..partnerships import point_list
from ..store import POINTS_LAYER
from .changeset import DELETE, INSERT, PARTNERSHIPS, POINTS, TABLES, UPDATE, Change, Table
from .package import check_change_values

#: Fields compared when a point is deleted: the point must be as the contributor last saw it.
COMPARED = POINTS.compared
#: The field both sides may move forward: the later date is kept, never a conflict.
LAST_VERIFIED = "last_verified"
#: The ``field`` of an outcome about the whole point (it exists or not).
WHOLE_POINT = "*"
#: Written when a point the store deleted is brought back (with its row id) by a decision.
RESTORE = "restore"


class ConflictPolicy(str, Enum):
    STOP = "stop"  # apply nothing while any conflict is undecided (the default)
    KEEP_STORE = "keep_store"  # conflicting fields keep the store's value; the rest is applied
    TAKE_SUBMISSION = "take_submission"  # conflicting fields take the submitted value


APPLIED, UNCHANGED, CONFLICT, KEPT_STORE, TOOK_SUBMISSION, TYPED = (
    "applied", "unchanged", "conflict", "kept_store", "took_submission", "typed_value",
)  # fmt: skip

# Why a change met the store's state (the ``kind`` of a conflicting outcome).
BOTH_EDITED = "both_edited"  # the field changed in the store and in the submission
DELETED_IN_STORE = "deleted_in_store"  # the submission edits a point the store deleted since checkout
EDITED_IN_STORE = "edited_in_store"  # the submission deletes a point the store changed since checkout
ADDED_BY_BOTH = "added_by_both"  # the store already has a point with the new point's point_id
POINT_ID_TAKEN = (
    "point_id_taken"  # two points (partnerships) would end with the same point_id (partnership_id)
)
LINKED_POINT_GONE = "linked_point_gone"  # a partnership would link a point the store does not have
#: Conflicts decided for the whole point: keep it as the store has it, or do what the submission does.
WHOLE_POINT_KINDS = (DELETED_IN_STORE, EDITED_IN_STORE)


class Choice(str, Enum):
    STORE = "store"  # keep the store's value (or the point as the store has it)
    SUBMISSION = "submission"  # take the submitted value (or do what the submission does to the point)
    VALUE = "value"  # a value the maintainer types


@dataclass(frozen=True)
class Decision:
    choice: Choice
    value: object = None  # the typed value (Choice.VALUE); a point is [x, y]


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
    name: str | None = None  # the point's name, so that a person recognises it
    kind: str = ""  # why it conflicts (set on every outcome a conflict was decided for)
    other: str | None = (
        None  # POINT_ID_TAKEN: the row that holds the key ("id (name)"); LINKED_POINT_GONE: the points
    )
    detail: str = ""  # why a decision could not be carried out
    table: str = POINTS_LAYER  # the table of the row (the outcome's point_id is that table's key)

    @property
    def key(self) -> str:
        """Names the decision this outcome waits for: one per field, or one per row (WHOLE_POINT_KINDS)."""
        name = WHOLE_POINT if self.kind in WHOLE_POINT_KINDS else self.field
        return f"{TABLES[self.table].decision_prefix}{self.operation}:{self.row_id}:{name}"

    @property
    def point(self) -> str:
        """The row, as a person names it: its key and name."""
        pid = self.point_id or tr("row {row}").format(row=self.row_id)
        return f"{pid} ({self.name})" if self.name else pid

    def describe(self) -> str:
        """One sentence saying what conflicts, in the interface language (the dialog words it its own way)."""
        noun = tr(TABLES[self.table].noun)  # i18n: marked
        why = {
            BOTH_EDITED: tr("{field} was changed in the shared store and in the submission"),
            DELETED_IN_STORE: tr(
                "the {noun} was deleted in the shared store after checkout; the submission changes its {field}"
            ),
            EDITED_IN_STORE: tr(
                "the submission deletes the {noun}, but its {field} was changed in the shared store after checkout"
            ),
            ADDED_BY_BOTH: tr(
                "the {noun} was also added to the shared store by someone else, with another {field}"
            ),
            POINT_ID_TAKEN: tr("{field} {submitted} is already used by {noun} {other}"),
            LINKED_POINT_GONE: tr(
                "it links service point {other}, which the shared store does not have (deleted after checkout)"
            ),
        }.get(self.kind, tr("{field}: {result}"))
        why = why.format(
            field=self.field, noun=noun, submitted=repr(self.submitted), other=self.other, result=self.result
        )
        text = tr("{noun} {point}: {why}").format(noun=noun.capitalize(), point=self.point, why=why)
        if self.kind != POINT_ID_TAKEN:
            text += " " + tr("(base {base}, shared store {store}, submission {submitted})").format(
                base=repr(self.base), store=repr(self.store), submitted=repr(self.submitted)
            )
        return text + (tr("; {detail}").format(detail=self.detail) if self.detail else "") + "."


@dataclass
class PointPlan:
    """What to write for one change: ``operation`` on row ``target_id`` with ``values``."""

    operation: str | None  # insert / update / delete / restore, or None when nothing is written
    target_id: int | None
    values: dict
    change: Change
    outcomes: list[FieldOutcome]
    #: The store's row before the change (the audit keeps it; a restore starts from it).
    before: dict | None = None

    @property
    def spec(self) -> Table:
        return self.change.spec

    @property
    def point_id(self) -> str | None:
        """The row's key (a partnership's partnership_id)."""
        k = self.spec.key
        return self.values.get(k) or (self.before or {}).get(k) or self.change.key

    def final_value(self, name: str):
        """The value of ``name`` this plan leaves on its row (None when it leaves no row)."""
        if self.operation in (None, DELETE):
            return None if self.operation == DELETE or self.before is None else self.before.get(name)
        if name in self.values:
            return self.values[name]
        return (self.before or {}).get(name)

    def final_point_id(self) -> str | None:
        """The key this plan leaves on its row (None when it leaves no row)."""
        return self.final_value(self.spec.key)


class StoreView:
    """The store's rows a plan needs; the shared store reads them in its transaction (locked when applying)."""

    def rows_by_id(self, ids: Iterable[int], table: str = POINTS_LAYER) -> dict[int, dict]:
        raise NotImplementedError

    def rows_by_key(self, keys: Iterable[str], table: str = POINTS_LAYER) -> dict[str, dict]:
        """Rows by their key (a point's point_id, a partnership's partnership_id)."""
        raise NotImplementedError

    def deleted_row(self, row_id: int, table: str = POINTS_LAYER) -> dict | None:
        """The row as it was when the store deleted it (None when there is no record of it)."""
        raise NotImplementedError

    def deleted_points(self, point_ids: Iterable[str]) -> dict[str, dict]:
        """Points the store deleted, as they were, by point_id (for a partnership that links them)."""
        return {}


def same(a, b) -> bool:
    return _norm(a) == _norm(b)


def _norm(value):
    if value in ("", None):
        return None
    if isinstance(value, (list, tuple)):
        return tuple(round(float(v), 9) for v in value)
    return str(value)


def decisions_from_json(text: str | None) -> dict[str, Decision]:
    """``{"update:12:name_en": {"choice": "value", "value": "…"}, …}`` (what the review dialog writes)."""
    if not text or not text.strip():
        return {}
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SubmissionError(tr("The decisions are not valid JSON ({exc}).").format(exc=exc)) from None
    if not isinstance(raw, dict):
        raise SubmissionError(tr("The decisions are a JSON object: conflict key → {choice, value}."))
    decisions = {}
    for key, item in raw.items():
        if not isinstance(item, dict) or item.get("choice") not in {c.value for c in Choice}:
            raise SubmissionError(
                tr("Decision {key}: choose 'store', 'submission' or 'value'.").format(key=key)
            )
        decisions[str(key)] = Decision(Choice(item["choice"]), item.get("value"))
    return decisions


def decisions_to_json(decisions: dict[str, Decision]) -> str:
    return json.dumps(
        {key: {"choice": d.choice.value, "value": d.value} for key, d in sorted(decisions.items())},
        ensure_ascii=False,
    )


def plan_submission(
    changes: list[Change],
    store: StoreView,
    jurisdiction: str,
    policy: ConflictPolicy = ConflictPolicy.STOP,
    decisions: dict[str, Decision] | None = None,
    contributor: str | None = None,
) -> list[PointPlan]:
    """Plan every change of a submission (points, then partnerships) against the store; nothing is
    written here.

    Raises SubmissionError when the submission touches another jurisdiction's points, or a partnership
    that involves none of them.
    """
    resolver = _Resolver(ConflictPolicy(policy), decisions or {})
    who = f"{jurisdiction}" + (
        " " + tr("(contributor {contributor})").format(contributor=contributor) if contributor else ""
    )
    plans: list[PointPlan] = []
    for spec in TABLES.values():
        rows = [c for c in changes if c.table == spec.name]
        if not rows:
            continue
        if spec is POINTS:
            owner = _PointOwner(jurisdiction, who)
        else:
            owner = _PartnershipOwner(jurisdiction, who, store, plans)
        plans += _plan_table(spec, rows, store, owner, resolver)
    _check_linked_points(plans, store, resolver)
    return plans


def _plan_table(
    spec: Table, changes: list[Change], store: StoreView, owner, resolver: _Resolver
) -> list[PointPlan]:
    """The plans of one table's changes (the same rules for every table)."""
    changes = pair_deletes_with_inserts(changes)
    targets = store.rows_by_id((c.row_id for c in changes if c.operation != INSERT), spec.name)
    plans = []
    for change in changes:
        if change.operation == INSERT:
            continue
        current = targets.get(change.row_id)
        if current is None and change.operation == UPDATE:
            deleted = store.deleted_row(change.row_id, spec.name)
            owner.check(change, deleted)
            plans.append(_update_of_deleted_point(change, deleted, resolver))
            continue
        owner.check(change, current)
        if change.operation == UPDATE:
            plans.append(_update(change, current, change.old, resolver, BOTH_EDITED))
        else:
            plans.append(_delete(change, current, resolver))
    inserts = [c for c in changes if c.operation == INSERT]
    holders = store.rows_by_key((c.new.get(spec.key) for c in inserts if c.new.get(spec.key)), spec.name)
    touched = {p.target_id for p in plans if p.target_id is not None}
    for change in inserts:
        owner.check(change, None)
        holder = holders.get(change.new.get(spec.key))
        if holder is not None and holder["id"] not in touched and owner.owns(holder):
            # Someone added this row first: the two versions are compared field by field.
            plan = _update(change, holder, {}, resolver, ADDED_BY_BOTH)
            touched.add(holder["id"])
        else:
            plan = PointPlan(INSERT, None, dict(change.new), change, _applied(change, change.new))
        plans.append(plan)
    _check_unique_point_ids(plans, store, resolver)
    return plans


def pair_deletes_with_inserts(changes: list[Change]) -> list[Change]:
    """A row deleted and added back with the same key (point_id, partnership_id) is an update of that row."""
    if not changes:
        return changes
    spec = changes[0].spec
    k = spec.key
    deletes = {c.old.get(k): c for c in changes if c.operation == DELETE and c.old.get(k)}
    paired, out = {}, []
    for change in changes:
        pid = change.new.get(k) if change.operation == INSERT else None
        if pid in deletes and pid not in paired:
            gone = deletes[pid]
            fields = [
                f for f in spec.compared if f in change.new and not same(gone.old.get(f), change.new.get(f))
            ]
            paired[pid] = Change(UPDATE, gone.row_id, {f: gone.old.get(f) for f in fields},
                                 {f: change.new.get(f) for f in fields}, gone.label, change.table)  # fmt: skip
    for change in changes:
        if change.operation == DELETE and change.old.get(k) in paired:
            out.append(paired[change.old[k]])
        elif not (change.operation == INSERT and change.new.get(k) in paired):
            out.append(change)
    return out


class _PointOwner:
    """A submission only touches its contributor's jurisdiction's points, whatever its changeset says."""

    def __init__(self, jurisdiction: str, who: str) -> None:
        self.jurisdiction, self.who = jurisdiction, who

    def owns(self, row: dict) -> bool:
        return row.get("jurisdiction") == self.jurisdiction

    def check(self, change: Change, current: dict | None) -> None:
        _check_jurisdiction(change, current, self.jurisdiction, self.who)


class _PartnershipOwner:
    """A submission only touches partnerships that involve one of its jurisdiction's points, before and
    after the change: points of the store, added by the submission, or deleted (the store's record)."""

    def __init__(self, jurisdiction: str, who: str, store: StoreView, point_plans: list[PointPlan]) -> None:
        self.jurisdiction, self.who, self.store = jurisdiction, who, store
        self.planned = {}
        for plan in point_plans:
            if plan.operation is not None and plan.final_point_id():
                self.planned[plan.final_point_id()] = plan.final_value("jurisdiction")

    def involves(self, point_ids: str | None) -> bool:
        ids = set(point_list(point_ids))
        if any(self.planned.get(pid) == self.jurisdiction for pid in ids):
            return True
        rows = {**self.store.deleted_points(ids), **self.store.rows_by_key(ids, POINTS_LAYER)}
        return any(row.get("jurisdiction") == self.jurisdiction for row in rows.values())

    def owns(self, row: dict) -> bool:
        return self.involves(row.get("point_ids"))

    def check(self, change: Change, current: dict | None) -> None:
        before = current if current is not None else (change.old or change.label or None)
        after = change.new.get("point_ids") if "point_ids" in change.new else None
        foreign = [ids for ids in ((before or {}).get("point_ids"), after) if ids and not self.involves(ids)]
        if change.operation == INSERT and not after:
            foreign.append("")
        if foreign:
            name = change.name or (current or {}).get("partners")
            raise SubmissionError(
                tr(
                    "Partnership {partnership}{name} involves none of jurisdiction {jurisdiction}'s service points "
                    "({points}), but the submission comes from {who}: the whole submission was refused."
                ).format(
                    partnership=change.key or change.row_id,
                    name=f" ({name})" if name else "",
                    jurisdiction=self.jurisdiction,
                    points=foreign[0] or tr("none listed"),
                    who=self.who,
                )
            )


class _Resolver:
    def __init__(self, policy: ConflictPolicy, decisions: dict[str, Decision]) -> None:
        self.policy, self.decisions = policy, decisions

    def resolve(self, outcome: FieldOutcome) -> tuple[str, object]:
        """A conflicting outcome's result and the value to write (the store's for KEPT_STORE)."""
        decision = self.decisions.get(outcome.key)
        if decision is None:
            return {
                ConflictPolicy.STOP: (CONFLICT, None),
                ConflictPolicy.KEEP_STORE: (KEPT_STORE, outcome.store),
                ConflictPolicy.TAKE_SUBMISSION: (TOOK_SUBMISSION, outcome.submitted),
            }[self.policy]
        if decision.choice == Choice.STORE:
            return KEPT_STORE, outcome.store
        if decision.choice == Choice.SUBMISSION:
            return TOOK_SUBMISSION, outcome.submitted
        if outcome.kind in WHOLE_POINT_KINDS:
            raise SubmissionError(
                tr(
                    "Point {point}: keep the store's point or take the submission's; a value cannot be typed "
                    "for a whole point."
                ).format(point=outcome.point)
            )
        value = decision.value if decision.value not in ("",) else None
        check_change_values(Change(UPDATE, outcome.row_id, {}, {outcome.field: value}, table=outcome.table))
        return TYPED, value


def _outcome(change: Change, current: dict | None, name: str, base, store, submitted, result, kind=""):
    spec = change.spec
    pid = change.base_key or change.key or (current or {}).get(spec.key)
    label = change.name or next((current[n] for n in spec.name_fields if (current or {}).get(n)), None)
    return FieldOutcome(
        change.operation,
        change.row_id,
        pid,
        name,
        base,
        store,
        submitted,
        result,
        label,
        kind,
        table=change.table,
    )


def _applied(change: Change, values: dict) -> list[FieldOutcome]:
    return [_outcome(change, None, f, None, None, v, APPLIED) for f, v in values.items()]


def _update(change: Change, current: dict, base: dict, resolver: _Resolver, kind: str) -> PointPlan:
    values, outcomes = {}, []
    for name, theirs in change.new.items():
        store = current.get(name)
        if same(store, theirs):
            result, value = UNCHANGED, None
        elif same(store, base.get(name)):
            result, value = APPLIED, theirs
        elif name == LAST_VERIFIED:
            result, value = (APPLIED, theirs) if _day(theirs) > _day(store) else (UNCHANGED, None)
        else:
            result, value = resolver.resolve(
                _outcome(change, current, name, base.get(name), store, theirs, CONFLICT, kind)
            )
        if result in (APPLIED, TOOK_SUBMISSION, TYPED) and not same(value, store):
            values[name] = value
        outcome_kind = kind if result in (CONFLICT, KEPT_STORE, TOOK_SUBMISSION, TYPED) else ""
        outcomes.append(_outcome(change, current, name, base.get(name), store,
                                 value if result == TYPED else theirs, result, outcome_kind))  # fmt: skip
    return PointPlan(UPDATE if values else None, current["id"], values, change, outcomes, before=current)


def _update_of_deleted_point(change: Change, deleted: dict | None, resolver: _Resolver) -> PointPlan:
    """The submission edits a point the store no longer has: keep it deleted, or restore it with the edits."""
    probe = _outcome(change, deleted, next(iter(change.new), WHOLE_POINT), None, None, None, CONFLICT,
                     DELETED_IN_STORE)  # fmt: skip
    result, _ = resolver.resolve(probe)
    detail = ""
    if result == TOOK_SUBMISSION and deleted is None:
        result, detail = (
            CONFLICT,
            tr("the shared store has no record of the deleted point, so it cannot be restored"),
        )
    outcomes = [replace(_outcome(change, deleted, f, change.old.get(f), None, v, result, DELETED_IN_STORE),
                        detail=detail) for f, v in change.new.items()]  # fmt: skip
    if result != TOOK_SUBMISSION:
        return PointPlan(None, None, {}, change, outcomes)
    values = {k: v for k, v in deleted.items() if k != "id"}
    values.update(change.new)
    return PointPlan(RESTORE, change.row_id, values, change, outcomes, before=None)


def _delete(change: Change, current: dict | None, resolver: _Resolver) -> PointPlan:
    if current is None:  # deleted already, by someone else: nothing to do
        return PointPlan(
            None, None, {}, change, [_outcome(change, None, WHOLE_POINT, None, None, None, UNCHANGED)]
        )
    changed = [f for f in change.spec.compared if f in change.old and not same(change.old[f], current.get(f))]
    if not changed:
        outcome = _outcome(change, current, WHOLE_POINT, None, None, None, APPLIED)
        return PointPlan(DELETE, current["id"], {}, change, [outcome], before=current)
    probe = _outcome(change, current, changed[0], None, None, None, CONFLICT, EDITED_IN_STORE)
    result, _ = resolver.resolve(probe)
    outcomes = [_outcome(change, current, f, change.old[f], current.get(f), None, result, EDITED_IN_STORE)
                for f in changed]  # fmt: skip
    operation = DELETE if result == TOOK_SUBMISSION else None
    return PointPlan(operation, current["id"], {}, change, outcomes, before=current)


def _check_unique_point_ids(plans: list[PointPlan], store: StoreView, resolver: _Resolver) -> None:
    """No two points may end with one point_id: a plan that would take a point_id another point keeps
    (in the store, or earlier in this submission) gets a POINT_ID_TAKEN conflict, decided like any other.
    One clash is settled at a time, on the state the previous decisions leave."""
    for _ in range(2 * len(plans) + 1):
        clash = _first_clash(plans, store)
        if clash is None:
            return
        _settle_point_id(*clash, resolver)
    raise SubmissionError(tr("The point ids of this submission could not be checked; nothing was written."))


def _first_clash(plans: list[PointPlan], store: StoreView) -> tuple[PointPlan, str] | None:
    if not plans:
        return None
    spec = plans[0].spec
    written = [p for p in plans if p.operation in (INSERT, UPDATE, RESTORE) and p.final_point_id()]
    holders = store.rows_by_key({p.final_point_id() for p in written}, spec.name)
    final_of_row = {p.target_id: p.final_point_id() for p in plans if p.target_id is not None and p.operation}
    claimed: dict[str, PointPlan] = {}
    for plan in plans:  # rows the submission leaves as they are keep their key
        if plan.operation is None and plan.before is not None:
            claimed.setdefault(plan.before.get(spec.key), plan)
    for plan in written:
        pid = plan.final_point_id()
        holder = holders.get(pid)
        if (
            holder is not None
            and holder["id"] != plan.target_id
            and final_of_row.get(holder["id"], pid) == pid
        ):
            return plan, _point_name(holder, spec=spec)
        earlier = claimed.get(pid)
        if earlier is not None and earlier is not plan:
            return plan, _point_name(earlier.before or earlier.values, pid, spec)
        claimed[pid] = plan
    return None


def _point_name(row: dict, pid: str | None = None, spec: Table = POINTS) -> str:
    pid = row.get(spec.key) or pid
    name = next((row[n] for n in spec.name_fields if row.get(n)), None)
    return f"{pid} ({name})" if name else str(pid)


def _decide(probe, wanted, resolver: _Resolver) -> tuple[str, object]:
    """(result, typed value) of a conflict whose submitted value cannot be taken as it is (a point_id
    another point holds, points that are gone): the maintainer's decision, else the policy's."""
    decision = resolver.decisions.get(probe.key)
    if decision is None:
        return (KEPT_STORE if resolver.policy == ConflictPolicy.KEEP_STORE else CONFLICT), None
    if decision.choice == Choice.STORE:
        return KEPT_STORE, None
    if decision.choice == Choice.VALUE and not same(decision.value, wanted):
        return resolver.resolve(probe)
    return CONFLICT, None  # taking the submission's value would break what the conflict is about


def _settle_point_id(plan: PointPlan, other: str, resolver: _Resolver) -> None:
    """Decide a point_id clash: keep the store's (the point keeps its id, or a new point is not added),
    or a typed point_id; taking the submission's would break uniqueness, so it stays a conflict."""
    change, before = plan.change, plan.before or {}
    k = plan.spec.key
    base = change.old.get(k) if change.operation != INSERT else None
    store = before.get(k) if plan.operation == UPDATE else None
    wanted = plan.final_point_id()
    probe = replace(_outcome(change, plan.before, k, base, store, wanted, CONFLICT, POINT_ID_TAKEN),
                    other=other)  # fmt: skip
    result, value = _decide(probe, wanted, resolver)
    if result == KEPT_STORE and plan.operation == UPDATE:
        plan.values.pop(k, None)
        plan.operation = UPDATE if plan.values else None
    elif result == KEPT_STORE:  # a new or restored row whose key is taken is not added
        plan.operation, plan.values = None, {}
    elif result == TYPED:
        plan.values[k] = value
    else:
        plan.operation = None  # with a conflict left, nothing is written anyway
    settled = replace(probe, result=result, submitted=value if result == TYPED else wanted)
    plan.outcomes = [*(o for o in plan.outcomes if o.field != k), settled]


def _check_linked_points(plans: list[PointPlan], store: StoreView, resolver: _Resolver) -> None:
    """Every partnership the submission adds or changes links points the store will have once it is
    applied; a link to a point deleted meanwhile (or by this submission) is a LINKED_POINT_GONE conflict
    on its point_ids: keep the store's partnership, or type its points again (checked the same way)."""
    point_plans = [p for p in plans if p.spec is POINTS]
    removed = {p.target_id for p in point_plans if p.operation == DELETE}
    added = set()
    for plan in point_plans:
        if plan.operation in (INSERT, UPDATE, RESTORE):
            added.add(plan.final_point_id())
            if plan.before is not None and plan.final_point_id() != plan.before.get("point_id"):
                removed.add(plan.target_id)  # its former point_id is gone
    for plan in (p for p in plans if p.spec is PARTNERSHIPS and p.operation in (INSERT, UPDATE, RESTORE)):
        for _ in range(3):  # the submission's points, then a typed value
            ids = point_list(plan.final_value("point_ids"))
            present = store.rows_by_key(ids, POINTS_LAYER)
            gone = [
                pid
                for pid in ids
                if pid not in added and (pid not in present or present[pid]["id"] in removed)
            ]
            if not gone or plan.operation is None:
                break
            _settle_linked_points(plan, gone, resolver)


def _settle_linked_points(plan: PointPlan, gone: list[str], resolver: _Resolver) -> None:
    change, before = plan.change, plan.before or {}
    wanted = plan.final_value("point_ids")
    base = change.old.get("point_ids", change.label.get("point_ids")) if change.operation != INSERT else None
    probe = replace(_outcome(change, plan.before, "point_ids", base, before.get("point_ids"), wanted, CONFLICT,
                             LINKED_POINT_GONE), other=", ".join(gone))  # fmt: skip
    result, value = _decide(probe, wanted, resolver)
    if result == KEPT_STORE:  # the partnership stays as the store has it (a new one is not added)
        plan.operation, plan.values = None, {}
    elif result == TYPED:
        plan.values["point_ids"] = value
    else:
        plan.operation = None
    settled = replace(probe, result=result, submitted=value if result == TYPED else wanted)
    plan.outcomes = [*(o for o in plan.outcomes if o.field != "point_ids"), settled]


def _check_jurisdiction(change: Change, current: dict | None, jurisdiction: str, who: str) -> None:
    """A submission only touches its contributor's jurisdiction's points, whatever its changeset says."""
    owners = {change.new.get("jurisdiction")}
    if change.operation == DELETE:
        owners.add(change.old.get("jurisdiction"))
    if current is not None:
        owners.add(current.get("jurisdiction"))
    owners.discard(None)
    foreign = owners - {jurisdiction}
    if foreign:
        point = change.point_id or (current or {}).get("point_id") or change.row_id
        name = change.name or (current or {}).get("name_en")
        raise SubmissionError(
            tr(
                "Point {point}{name} belongs to jurisdiction {owner}, but the submission comes from "
                "{who}: the whole submission was refused."
            ).format(point=point, name=f" ({name})" if name else "", owner=sorted(foreign)[0], who=who)
        )


def _day(value) -> date:
    """A date value (text or date) for comparing; empty is earliest."""
    if value in (None, ""):
        return date.min
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return date.min


def conflicts(plans: list[PointPlan]) -> list[FieldOutcome]:
    return [o for p in plans for o in p.outcomes if o.result == CONFLICT]
