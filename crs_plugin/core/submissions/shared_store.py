"""The shared store: PostgreSQL + PostGIS, with row-level security per jurisdiction.

Schema ``crs``:

- ``service_points``: the published points (the common schema, ``geom`` in EPSG:4326,
  ``row_version`` = store version of the row's last change);
- ``store_state``: the store version, bumped by every applied submission;
- ``contributors``: which database role contributes for which jurisdiction;
- ``submissions`` / ``submission_changes``: packages as received and their staged changes;
- ``audit_log``: one entry per applied change (who, when, what, from which submission).

Roles: members of ``crs_contributor`` read everything and may stage submissions
for their own jurisdiction's points only (enforced by the database, not by this
code); members of ``crs_maintainer`` review, apply and reject. Every statement
is parameterised; connection details come from the caller (QGIS's connection and
auth manager, a service file, the environment), never from this module.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import psycopg2
import psycopg2.errors
import psycopg2.extras
from psycopg2 import sql

from ..errors import StoreError, SubmissionError
from ..schema import FIELD_NAMES, FIELDS, SCHEMA_VERSION, FieldType
from ..table import PointTable
from .changeset import DELETE, GEOMETRY, INSERT, UPDATE, Change
from .checkout import SharedRow
from .merge import CONFLICT, Action, ConflictPolicy, FieldOutcome, merge_change
from .package import Submission, check_change_values

CONTRIBUTOR_ROLE = "crs_contributor"
MAINTAINER_ROLE = "crs_maintainer"
PENDING, APPLIED, REJECTED = "pending", "applied", "rejected"


def _column_ddl() -> str:
    cols = []
    for f in FIELDS:
        kind = "date" if f.type == FieldType.DATE else "text"
        cols.append(
            f"{f.name} {kind}{' NOT NULL' if f.required else ''}{' UNIQUE' if f.name == 'point_id' else ''}"
        )
    return ",\n  ".join(cols)


def _added_columns_ddl() -> str:
    """Fields added to the schema since a store was installed: added (nullable) by ``install``."""
    return "\n".join(
        f"ALTER TABLE crs.service_points ADD COLUMN IF NOT EXISTS {f.name} "
        f"{'date' if f.type == FieldType.DATE else 'text'};"
        for f in FIELDS
        if not f.required
    )


# Fixed names only (no input): the DDL is built once from the schema.
DDL = f"""
CREATE EXTENSION IF NOT EXISTS postgis;
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{CONTRIBUTOR_ROLE}') THEN
    CREATE ROLE {CONTRIBUTOR_ROLE} NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{MAINTAINER_ROLE}') THEN
    CREATE ROLE {MAINTAINER_ROLE} NOLOGIN; END IF;
END $$;
CREATE SCHEMA IF NOT EXISTS crs;
CREATE TABLE IF NOT EXISTS crs.store_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL,
  schema_version text NOT NULL);
INSERT INTO crs.store_state VALUES (true, 0, '{SCHEMA_VERSION}') ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS crs.service_points (
  id bigserial PRIMARY KEY,
  {_column_ddl()},
  geom geometry(Point, 4326),
  row_version bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL DEFAULT current_user);
{_added_columns_ddl()}
CREATE INDEX IF NOT EXISTS service_points_geom ON crs.service_points USING gist (geom);
CREATE INDEX IF NOT EXISTS service_points_jurisdiction ON crs.service_points (jurisdiction);
CREATE TABLE IF NOT EXISTS crs.contributors (
  role_name name PRIMARY KEY,
  jurisdiction text NOT NULL);
CREATE TABLE IF NOT EXISTS crs.submissions (
  id bigserial PRIMARY KEY,
  jurisdiction text NOT NULL,
  organisation text,
  contributor text NOT NULL,
  base_version bigint NOT NULL,
  manifest jsonb NOT NULL,
  package bytea NOT NULL,
  package_sha256 text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'rejected')),
  reason text,
  submitted_by text NOT NULL DEFAULT current_user,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by text,
  reviewed_at timestamptz,
  applied_version bigint);
CREATE TABLE IF NOT EXISTS crs.submission_changes (
  submission_id bigint NOT NULL REFERENCES crs.submissions (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  operation text NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),
  row_id bigint NOT NULL,
  target_id bigint,
  point_id text,
  jurisdiction text NOT NULL,
  old_values jsonb NOT NULL DEFAULT '{{}}',
  new_values jsonb NOT NULL DEFAULT '{{}}',
  PRIMARY KEY (submission_id, seq));
CREATE TABLE IF NOT EXISTS crs.audit_log (
  id bigserial PRIMARY KEY,
  submission_id bigint REFERENCES crs.submissions (id),
  operation text NOT NULL,
  target_id bigint,
  point_id text,
  changes jsonb NOT NULL,
  store_version bigint NOT NULL,
  applied_by text NOT NULL DEFAULT current_user,
  applied_at timestamptz NOT NULL DEFAULT now());

CREATE OR REPLACE FUNCTION crs.my_jurisdiction() RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT jurisdiction FROM crs.contributors WHERE role_name = current_user $$;

GRANT USAGE ON SCHEMA crs TO {CONTRIBUTOR_ROLE}, {MAINTAINER_ROLE};
GRANT SELECT ON ALL TABLES IN SCHEMA crs TO {CONTRIBUTOR_ROLE}, {MAINTAINER_ROLE};
GRANT INSERT ON crs.submissions, crs.submission_changes TO {CONTRIBUTOR_ROLE};
GRANT USAGE ON SEQUENCE crs.submissions_id_seq TO {CONTRIBUTOR_ROLE};
GRANT INSERT, UPDATE, DELETE ON crs.service_points, crs.store_state, crs.submissions,
  crs.submission_changes, crs.audit_log TO {MAINTAINER_ROLE};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA crs TO {MAINTAINER_ROLE};

ALTER TABLE crs.service_points ENABLE ROW LEVEL SECURITY;
ALTER TABLE crs.submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE crs.submission_changes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON crs.service_points;
DROP POLICY IF EXISTS maintain ON crs.service_points;
DROP POLICY IF EXISTS read_all ON crs.submissions;
DROP POLICY IF EXISTS submit_own ON crs.submissions;
DROP POLICY IF EXISTS review ON crs.submissions;
DROP POLICY IF EXISTS read_all ON crs.submission_changes;
DROP POLICY IF EXISTS stage_own ON crs.submission_changes;
DROP POLICY IF EXISTS review ON crs.submission_changes;
CREATE POLICY read_all ON crs.service_points FOR SELECT USING (true);
CREATE POLICY maintain ON crs.service_points FOR ALL TO {MAINTAINER_ROLE} USING (true) WITH CHECK (true);
CREATE POLICY read_all ON crs.submissions FOR SELECT USING (true);
CREATE POLICY submit_own ON crs.submissions FOR INSERT TO {CONTRIBUTOR_ROLE} WITH CHECK (
  jurisdiction = crs.my_jurisdiction() AND submitted_by = current_user AND status = 'pending');
CREATE POLICY review ON crs.submissions FOR ALL TO {MAINTAINER_ROLE} USING (true) WITH CHECK (true);
CREATE POLICY read_all ON crs.submission_changes FOR SELECT USING (true);
-- A contributor stages changes only to their own jurisdiction's points: the target row
-- must be theirs today, and the values written must keep it theirs.
CREATE POLICY stage_own ON crs.submission_changes FOR INSERT TO {CONTRIBUTOR_ROLE} WITH CHECK (
  jurisdiction = crs.my_jurisdiction()
  AND coalesce(new_values ->> 'jurisdiction', jurisdiction) = crs.my_jurisdiction()
  AND (operation = 'insert') = (target_id IS NULL)
  AND (target_id IS NULL OR EXISTS (
        SELECT 1 FROM crs.service_points p
        WHERE p.id = target_id AND p.jurisdiction = crs.my_jurisdiction()))
  AND EXISTS (
        SELECT 1 FROM crs.submissions s
        WHERE s.id = submission_id AND s.jurisdiction = crs.my_jurisdiction()
          AND s.submitted_by = current_user AND s.status = 'pending'));
CREATE POLICY review ON crs.submission_changes FOR ALL TO {MAINTAINER_ROLE} USING (true) WITH CHECK (true);
"""  # noqa: S608

_SELECT_POINTS = sql.SQL("SELECT id, {fields}, ST_X(geom), ST_Y(geom) FROM crs.service_points").format(
    fields=sql.SQL(", ").join(sql.SQL("{}::text").format(sql.Identifier(n)) for n in FIELD_NAMES)
)


@dataclass
class ApplyReport:
    submission_id: int
    applied: bool
    outcomes: list[FieldOutcome] = field(default_factory=list)
    version: int | None = None
    written: int = 0  # changes written (one audit entry each)

    @property
    def conflicts(self) -> list[FieldOutcome]:
        return [o for o in self.outcomes if o.result == CONFLICT]

    def __str__(self) -> str:
        if self.applied:
            return f"Submission {self.submission_id} applied: {self.written} changes, store version {self.version}."
        if self.conflicts:
            return (f"Submission {self.submission_id} not applied: {len(self.conflicts)} conflicting field(s) "
                    "need a decision (keep the store's values or take the submission's).")  # fmt: skip
        return f"Submission {self.submission_id} reviewed: nothing was written."


class SharedStore:
    """One shared store, reached with a libpq connection string."""

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo

    # -- connections ---------------------------------------------------------------------
    def connect(self):
        try:
            return psycopg2.connect(self.conninfo, connect_timeout=10, application_name="CRS Service Points")
        except psycopg2.OperationalError as exc:
            raise StoreError(
                f"Cannot connect to the shared store ({self.describe()}): {_first_line(exc)}. "
                "Check the connection and its credentials in QGIS (Data Source Manager › PostgreSQL)."
            ) from None

    def describe(self) -> str:
        """host:port/dbname for messages and records; never the password."""
        params = psycopg2.extensions.parse_dsn(self.conninfo)
        if "service" in params:
            return f"service {params['service']}"
        return f"{params.get('host', 'localhost')}:{params.get('port', 5432)}/{params.get('dbname', '')}"

    @contextmanager
    def transaction(self, isolation: int | None = None) -> Iterator:
        conn = self.connect()
        try:
            if isolation is not None:
                conn.set_session(isolation_level=isolation)
            with conn, conn.cursor() as cur:
                yield cur
        except psycopg2.errors.InsufficientPrivilege as exc:
            raise StoreError(f"The shared store refused this as {_user(conn)}: {_first_line(exc)}.") from None
        except (psycopg2.OperationalError, psycopg2.InterfaceError) as exc:
            raise StoreError(
                f"The connection to the shared store was lost ({_first_line(exc)}); the database rolled the "
                "transaction back, nothing was changed. Try again."
            ) from None
        finally:
            conn.close()

    # -- administration ------------------------------------------------------------------
    def install(self) -> None:
        """Create (or bring up to date) the schema, roles' grants and policies; run as the owner."""
        with self.transaction() as cur:
            cur.execute(DDL)

    def register_contributor(self, role: str, jurisdiction: str) -> None:
        with self.transaction() as cur:
            cur.execute(
                "INSERT INTO crs.contributors (role_name, jurisdiction) VALUES (%s, %s) "
                "ON CONFLICT (role_name) DO UPDATE SET jurisdiction = EXCLUDED.jurisdiction",
                (role, jurisdiction),
            )
            cur.execute(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(CONTRIBUTOR_ROLE), sql.Identifier(role))
            )

    def register_maintainer(self, role: str) -> None:
        with self.transaction() as cur:
            cur.execute(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(MAINTAINER_ROLE), sql.Identifier(role))
            )

    def publish(self, points: PointTable) -> int:
        """Insert or update ``points`` by point_id (a bulk load by the geomapping team); new version."""
        names = sql.SQL(", ").join(sql.Identifier(n) for n in FIELD_NAMES)
        updates = sql.SQL(", ").join(
            sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(n))
            for n in (*FIELD_NAMES, "geom", "row_version")
        )
        cols = [points.columns[n] for n in FIELD_NAMES]
        rows = [
            (*[c[i] for c in cols], float(points.lon[i]), float(points.lat[i])) for i in range(len(points))
        ]
        with self.transaction() as cur:
            version = self._bump_version(cur)
            query = sql.SQL(
                "INSERT INTO crs.service_points ({names}, geom, row_version) VALUES %s "
                "ON CONFLICT (point_id) DO UPDATE SET {updates}, updated_at = now(), updated_by = current_user"
            ).format(names=names, updates=updates)
            template = (
                "("
                + ", ".join(["%s"] * len(FIELD_NAMES))
                + f", ST_SetSRID(ST_MakePoint(%s, %s), 4326), {version})"
            )
            psycopg2.extras.execute_values(cur, query.as_string(cur), rows, template=template, page_size=1000)
        return version

    # -- reading -------------------------------------------------------------------------
    def version(self) -> int:
        with self.transaction() as cur:
            cur.execute("SELECT version FROM crs.store_state")
            return cur.fetchone()[0]

    def checkout(self, jurisdiction: str, organisation: str | None = None) -> tuple[list[SharedRow], int]:
        """A jurisdiction's points and the store version they belong to (one consistent snapshot)."""
        query = _SELECT_POINTS + sql.SQL(" WHERE jurisdiction = %s")
        params = [jurisdiction]
        if organisation:
            query += sql.SQL(" AND organization = %s")
            params.append(organisation)
        with self.transaction(isolation=psycopg2.extensions.ISOLATION_LEVEL_REPEATABLE_READ) as cur:
            cur.execute("SELECT version FROM crs.store_state")
            version = cur.fetchone()[0]
            cur.execute(query + sql.SQL(" ORDER BY id"), params)
            rows = [_shared_row(r) for r in cur.fetchall()]
        return rows, version

    def points(self) -> dict[str, SharedRow]:
        """Every point by point_id (for checks and small stores)."""
        with self.transaction() as cur:
            cur.execute(_SELECT_POINTS)
            return {row.values["point_id"]: row for row in map(_shared_row, cur.fetchall())}

    def submission(self, submission_id: int) -> dict:
        with self.transaction() as cur:
            cur.execute(
                "SELECT id, jurisdiction, organisation, contributor, base_version, status, reason, submitted_by, "
                "submitted_at, reviewed_by, reviewed_at, applied_version FROM crs.submissions WHERE id = %s",
                (submission_id,),
            )
            row = cur.fetchone()
            if row is None:
                raise SubmissionError(f"There is no submission {submission_id} in the shared store.")
            return dict(zip([d.name for d in cur.description], row))

    # -- contributing --------------------------------------------------------------------
    def submit(self, submission: Submission) -> int:
        """Stage a package; the database checks the contributor may touch every point in it."""
        m = submission.manifest
        with self.transaction() as cur:
            cur.execute(
                "INSERT INTO crs.submissions (jurisdiction, organisation, contributor, base_version, manifest, "
                "package, package_sha256) VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
                (m["jurisdiction"], m.get("organisation"), m["contributor"], m["base_version"],
                 json.dumps(m), psycopg2.Binary(submission.package), submission.sha256),
            )  # fmt: skip
            submission_id = cur.fetchone()[0]
            rows = [
                (submission_id, seq, c.operation, c.row_id, None if c.operation == INSERT else c.row_id, c.point_id,
                 _change_jurisdiction(c, m["jurisdiction"]), json.dumps(c.old), json.dumps(c.new))
                for seq, c in enumerate(submission.changes)
            ]  # fmt: skip
            psycopg2.extras.execute_values(
                cur,
                "INSERT INTO crs.submission_changes (submission_id, seq, operation, row_id, target_id, point_id, "
                "jurisdiction, old_values, new_values) VALUES %s",
                rows,
            )
        return submission_id

    # -- reviewing -----------------------------------------------------------------------
    def review(self, submission_id: int, policy: ConflictPolicy = ConflictPolicy.STOP) -> ApplyReport:
        """What applying would do, field by field; writes nothing."""
        return self.apply(submission_id, policy, dry_run=True)

    def apply(
        self,
        submission_id: int,
        policy: ConflictPolicy = ConflictPolicy.STOP,
        dry_run: bool = False,
        on_change: Callable[[int, int], None] | None = None,
    ) -> ApplyReport:
        """Apply a pending submission in one transaction: all of it, or (on conflict or error) none.

        ``on_change(done, total)`` is called after each written change (progress, cancel: raise to abort).
        """
        policy = ConflictPolicy(policy)
        with self.transaction() as cur:
            jurisdiction = self._lock_pending(cur, submission_id)
            changes = self._staged(cur, submission_id)
            current = self._lock_rows(cur, changes)
            actions, report = [], ApplyReport(submission_id, applied=False)
            for change in changes:
                check_change_values(change)  # staged rows are re-checked: they may predate a schema fix
                # An insert meets an existing row by point id; updates and deletes by row id.
                key = ("point_id", change.point_id) if change.operation == INSERT else ("id", change.row_id)
                row = current.get(key)
                action, outcomes = merge_change(change, row, jurisdiction, policy)
                actions.append(action)
                report.outcomes.extend(outcomes)
            if dry_run or report.conflicts:
                cur.connection.rollback()
                return report
            report.version = self._bump_version(cur)
            to_write = [a for a in actions if a.operation is not None]
            for done, action in enumerate(to_write, start=1):
                self._write(cur, action, submission_id, report.version, report.outcomes)
                if on_change is not None:
                    on_change(done, len(to_write))
            cur.execute(
                "UPDATE crs.submissions SET status = %s, reviewed_by = current_user, reviewed_at = now(), "
                "applied_version = %s WHERE id = %s",
                (APPLIED, report.version, submission_id),
            )
            report.applied, report.written = True, len(to_write)
        return report

    def reject(self, submission_id: int, reason: str) -> None:
        """Close a pending submission with a reason the contributor sees."""
        if not reason.strip():
            raise SubmissionError("Give the contributor a reason for the rejection.")
        with self.transaction() as cur:
            self._lock_pending(cur, submission_id)
            cur.execute(
                "UPDATE crs.submissions SET status = %s, reason = %s, reviewed_by = current_user, "
                "reviewed_at = now() WHERE id = %s",
                (REJECTED, reason, submission_id),
            )

    # -- internals -----------------------------------------------------------------------
    @staticmethod
    def _bump_version(cur) -> int:
        cur.execute("UPDATE crs.store_state SET version = version + 1 RETURNING version")
        return cur.fetchone()[0]

    @staticmethod
    def _lock_pending(cur, submission_id: int) -> str:
        cur.execute(
            "SELECT status, jurisdiction FROM crs.submissions WHERE id = %s FOR UPDATE", (submission_id,)
        )
        row = cur.fetchone()
        if row is None:
            raise SubmissionError(f"There is no submission {submission_id} in the shared store.")
        if row[0] != PENDING:
            raise SubmissionError(f"Submission {submission_id} is already {row[0]}.")
        return row[1]

    @staticmethod
    def _staged(cur, submission_id: int) -> list[Change]:
        cur.execute(
            "SELECT operation, row_id, old_values, new_values FROM crs.submission_changes "
            "WHERE submission_id = %s ORDER BY seq",
            (submission_id,),
        )
        return [Change(op, row_id, old, new) for op, row_id, old, new in cur.fetchall()]

    @staticmethod
    def _lock_rows(cur, changes: list[Change]) -> dict:
        """Current rows the changes touch, locked until commit (a concurrent apply waits, then sees ours)."""
        ids = [c.row_id for c in changes if c.operation != INSERT]
        point_ids = [c.point_id for c in changes if c.operation == INSERT]
        cur.execute(_SELECT_POINTS + sql.SQL(" WHERE id = ANY(%s) OR point_id = ANY(%s) ORDER BY id FOR UPDATE"),
                    (ids, point_ids))  # fmt: skip
        current = {}
        for r in cur.fetchall():
            row = _shared_row(r)
            values = {**row.values, "id": row.id, GEOMETRY: None if row.x is None else [row.x, row.y]}
            current[("id", row.id)] = current[("point_id", row.values["point_id"])] = values
        return current

    @staticmethod
    def _write(cur, action: Action, submission_id: int, version: int, outcomes: list[FieldOutcome]) -> None:
        change = action.change
        values = {k: v for k, v in action.values.items() if k != GEOMETRY}
        has_geom = GEOMETRY in action.values
        geom = action.values.get(GEOMETRY)
        geom_params = (geom[0], geom[1]) if geom else (None, None)
        geom_sql = sql.SQL("ST_SetSRID(ST_MakePoint(%s, %s), 4326)")
        if action.operation == INSERT:
            names = [sql.Identifier(n) for n in values]
            query = sql.SQL(
                "INSERT INTO crs.service_points ({}, geom, row_version) VALUES ({}, {}, %s) RETURNING id"
            )
            cur.execute(
                query.format(
                    sql.SQL(", ").join(names), sql.SQL(", ").join(sql.Placeholder() * len(values)), geom_sql
                ),
                (*values.values(), *geom_params, version),
            )
            target = cur.fetchone()[0]
        elif action.operation == UPDATE:
            sets = [sql.SQL("{} = %s").format(sql.Identifier(n)) for n in values]
            if has_geom:
                sets.append(sql.SQL("geom = ") + geom_sql)
            query = sql.SQL(
                "UPDATE crs.service_points SET {}, row_version = %s, updated_at = now(), updated_by = current_user "
                "WHERE id = %s"
            ).format(sql.SQL(", ").join(sets))
            cur.execute(
                query, (*values.values(), *(geom_params if has_geom else ()), version, action.target_id)
            )
            target = action.target_id
        else:
            cur.execute("DELETE FROM crs.service_points WHERE id = %s", (action.target_id,))
            target = action.target_id
        audit = {o.field: {"old": o.store if o.store is not None else o.base, "new": o.submitted, "result": o.result}
                 for o in outcomes if o.row_id == change.row_id and o.operation == change.operation}  # fmt: skip
        cur.execute(
            "INSERT INTO crs.audit_log (submission_id, operation, target_id, point_id, changes, store_version) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            (submission_id, action.operation, target, action.point_id, json.dumps(audit), version),
        )


def _shared_row(record) -> SharedRow:
    n = len(FIELD_NAMES)
    return SharedRow(record[0], dict(zip(FIELD_NAMES, record[1 : n + 1])), record[n + 1], record[n + 2])


def _change_jurisdiction(change: Change, jurisdiction: str) -> str:
    if change.operation == DELETE:
        return change.old.get("jurisdiction") or jurisdiction
    return change.new.get("jurisdiction") or jurisdiction


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0].rstrip(".")


def _user(conn) -> str:
    try:
        return f"database role {psycopg2.extensions.parse_dsn(conn.dsn).get('user', '?')}"
    except Exception:  # noqa: BLE001 - only for a message
        return "this database role"
