"""The shared store: PostgreSQL + PostGIS, with row-level security per jurisdiction.

Schema ``crs``:

- ``service_points``: the published points (the common schema, ``geom`` in EPSG:4326,
  ``row_version`` = store version of the row's last change); ``point_id`` is unique,
  checked at commit, so that two points may swap their ids in one submission;
- ``partnerships``: the partnerships between points (``core.partnerships``' fields, the same
  versioning; ``partnership_id`` unique the same way), checked out, submitted, reviewed and
  applied with the points;
- ``store_state``: the store version, bumped by every apply that writes something;
- ``contributors``: who contributes (a database role), for which jurisdiction, and the
  Ed25519 public key their packages are signed with;
- ``submissions`` / ``submission_changes``: packages as received and their staged changes
  (``table_name`` says which table a change is for; ``point_id`` holds the row's key, a
  partnership's ``partnership_id``);
- ``audit_log``: one entry per applied change (who, when, what, which table, from which
  submission, and the row as it was before: a point deleted by mistake can be restored from it).

Roles: members of ``crs_contributor`` read everything and may stage submissions
for their own jurisdiction's points only, and for the partnerships that involve one of
them (enforced by the database, not by this code); members of ``crs_maintainer``
review, apply and reject. A package that
reaches the geomapping team another way (a shared folder) is attributed by its
signature to a registered contributor, whose jurisdiction the registry gives.
Every statement is parameterised; connection details come from the caller (QGIS's
connection and auth manager, a service file, the environment), never from this module.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import psycopg2
import psycopg2.errors
import psycopg2.extras
from psycopg2 import sql

from ..errors import StoreError, SubmissionError
from ..i18n import tr
from ..partnerships import PARTNERSHIP_FIELD_NAMES, PARTNERSHIP_FIELDS, PARTNERSHIPS_TABLE
from ..schema import FIELD_NAMES, FIELDS, SCHEMA_VERSION, FieldType
from ..store import POINTS_LAYER
from ..table import PointTable
from . import signing
from .changeset import DELETE, GEOMETRY, INSERT, TABLES, UPDATE, Change
from .checkout import SharedRow
from .merge import (
    CONFLICT,
    RESTORE,
    ConflictPolicy,
    Decision,
    FieldOutcome,
    PointPlan,
    StoreView,
    plan_submission,
)
from .package import Submission, check_change_values

CONTRIBUTOR_ROLE = "crs_contributor"
MAINTAINER_ROLE = "crs_maintainer"
PENDING, APPLIED, REJECTED = "pending", "applied", "rejected"
POINT_ID_UNIQUE = "service_points_point_id_key"
PARTNERSHIP_ID_UNIQUE = "partnerships_partnership_id_key"
#: Each table's unique key constraint (checked at commit: two rows may swap their keys in one submission).
UNIQUE_KEYS = {POINTS_LAYER: POINT_ID_UNIQUE, PARTNERSHIPS_TABLE: PARTNERSHIP_ID_UNIQUE}


def _column_ddl(fields=FIELDS) -> str:
    cols = []
    for f in fields:
        kind = "date" if f.type == FieldType.DATE else "text"
        cols.append(f"{f.name} {kind}{' NOT NULL' if f.required else ''}")
    return ",\n  ".join(cols)


def _added_columns_ddl(table: str = POINTS_LAYER, fields=FIELDS) -> str:
    """Fields added to the schema since a store was installed: added (nullable) by ``install``."""
    return "\n".join(
        f"ALTER TABLE crs.{table} ADD COLUMN IF NOT EXISTS {f.name} "
        f"{'date' if f.type == FieldType.DATE else 'text'};"
        for f in fields
        if not f.required
    )


def _deferred_unique_ddl(table: str, column: str, constraint: str) -> str:
    """``column`` unique when a transaction commits, not after each statement: a swap passes through a
    duplicate."""
    return f"""DO $$ BEGIN
  IF EXISTS (SELECT FROM pg_constraint WHERE conrelid = 'crs.{table}'::regclass
             AND conname = '{constraint}' AND NOT condeferrable) THEN
    ALTER TABLE crs.{table} DROP CONSTRAINT {constraint}; END IF;
  IF NOT EXISTS (SELECT FROM pg_constraint WHERE conrelid = 'crs.{table}'::regclass
                 AND conname = '{constraint}') THEN
    ALTER TABLE crs.{table} ADD CONSTRAINT {constraint} UNIQUE ({column})
      DEFERRABLE INITIALLY IMMEDIATE; END IF;
END $$;"""  # noqa: S608 - fixed names, no input


# Fixed names only (no input): the DDL is built once from the schema. Every statement can run
# again on an existing store (install brings it up to date).
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
{_deferred_unique_ddl("service_points", "point_id", POINT_ID_UNIQUE)}
{_added_columns_ddl()}
CREATE INDEX IF NOT EXISTS service_points_geom ON crs.service_points USING gist (geom);
CREATE INDEX IF NOT EXISTS service_points_jurisdiction ON crs.service_points (jurisdiction);
CREATE TABLE IF NOT EXISTS crs.partnerships (
  id bigserial PRIMARY KEY,
  {_column_ddl(PARTNERSHIP_FIELDS)},
  row_version bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL DEFAULT current_user);
{_deferred_unique_ddl("partnerships", "partnership_id", PARTNERSHIP_ID_UNIQUE)}
{_added_columns_ddl(PARTNERSHIPS_TABLE, PARTNERSHIP_FIELDS)}
CREATE TABLE IF NOT EXISTS crs.contributors (
  role_name name PRIMARY KEY,
  jurisdiction text NOT NULL);
ALTER TABLE crs.contributors ADD COLUMN IF NOT EXISTS public_key text;
ALTER TABLE crs.contributors ADD COLUMN IF NOT EXISTS key_id text UNIQUE;
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
-- The registered contributor the submission is attributed to, and the key that signed it (if any).
ALTER TABLE crs.submissions ADD COLUMN IF NOT EXISTS contributor_role name;
ALTER TABLE crs.submissions ADD COLUMN IF NOT EXISTS signer_key_id text;
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
ALTER TABLE crs.submission_changes ADD COLUMN IF NOT EXISTS label jsonb NOT NULL DEFAULT '{{}}';
ALTER TABLE crs.submission_changes ADD COLUMN IF NOT EXISTS table_name text NOT NULL DEFAULT 'service_points'
  CHECK (table_name IN ('service_points', 'partnerships'));
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
ALTER TABLE crs.audit_log ADD COLUMN IF NOT EXISTS before jsonb;
ALTER TABLE crs.audit_log ADD COLUMN IF NOT EXISTS table_name text NOT NULL DEFAULT 'service_points';
CREATE INDEX IF NOT EXISTS audit_log_target ON crs.audit_log (target_id);

CREATE OR REPLACE FUNCTION crs.my_jurisdiction() RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT jurisdiction FROM crs.contributors WHERE role_name = current_user $$;
-- A partnership's point ids (';'-separated, as core.partnerships.point_list reads them).
CREATE OR REPLACE FUNCTION crs.point_list(ids text) RETURNS text[] LANGUAGE sql IMMUTABLE AS
  $$ SELECT coalesce(array_agg(btrim(x)) FILTER (WHERE btrim(x) <> ''), '{{}}')
     FROM unnest(string_to_array(coalesce(ids, ''), ';')) AS x $$;
-- Whether a partnership's points include one of the current contributor's jurisdiction: a point of the
-- store, one the submission adds, or one the store deleted (its audit record) -- as plan_submission decides.
CREATE OR REPLACE FUNCTION crs.involves_my_points(ids text, submission bigint) RETURNS boolean LANGUAGE sql
  STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM crs.service_points p
                 WHERE p.point_id = ANY (crs.point_list(ids)) AND p.jurisdiction = crs.my_jurisdiction())
      OR EXISTS (SELECT 1 FROM crs.submission_changes c
                 WHERE c.submission_id = submission AND c.table_name = 'service_points' AND c.operation <> 'delete'
                   AND c.point_id = ANY (crs.point_list(ids)) AND c.jurisdiction = crs.my_jurisdiction())
      OR EXISTS (SELECT 1 FROM crs.audit_log a
                 WHERE a.table_name = 'service_points' AND a.operation = 'delete'
                   AND a.point_id = ANY (crs.point_list(ids)) AND a.before ->> 'jurisdiction' = crs.my_jurisdiction()) $$;

GRANT USAGE ON SCHEMA crs TO {CONTRIBUTOR_ROLE}, {MAINTAINER_ROLE};
GRANT SELECT ON ALL TABLES IN SCHEMA crs TO {CONTRIBUTOR_ROLE}, {MAINTAINER_ROLE};
GRANT INSERT ON crs.submissions, crs.submission_changes TO {CONTRIBUTOR_ROLE};
GRANT USAGE ON SEQUENCE crs.submissions_id_seq TO {CONTRIBUTOR_ROLE};
GRANT INSERT, UPDATE, DELETE ON crs.service_points, crs.partnerships, crs.store_state, crs.submissions,
  crs.submission_changes, crs.audit_log TO {MAINTAINER_ROLE};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA crs TO {MAINTAINER_ROLE};

ALTER TABLE crs.service_points ENABLE ROW LEVEL SECURITY;
ALTER TABLE crs.partnerships ENABLE ROW LEVEL SECURITY;
ALTER TABLE crs.submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE crs.submission_changes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON crs.service_points;
DROP POLICY IF EXISTS maintain ON crs.service_points;
DROP POLICY IF EXISTS read_all ON crs.partnerships;
DROP POLICY IF EXISTS maintain ON crs.partnerships;
DROP POLICY IF EXISTS read_all ON crs.submissions;
DROP POLICY IF EXISTS submit_own ON crs.submissions;
DROP POLICY IF EXISTS review ON crs.submissions;
DROP POLICY IF EXISTS read_all ON crs.submission_changes;
DROP POLICY IF EXISTS stage_own ON crs.submission_changes;
DROP POLICY IF EXISTS review ON crs.submission_changes;
CREATE POLICY read_all ON crs.service_points FOR SELECT USING (true);
CREATE POLICY maintain ON crs.service_points FOR ALL TO {MAINTAINER_ROLE} USING (true) WITH CHECK (true);
CREATE POLICY read_all ON crs.partnerships FOR SELECT USING (true);
CREATE POLICY maintain ON crs.partnerships FOR ALL TO {MAINTAINER_ROLE} USING (true) WITH CHECK (true);
CREATE POLICY read_all ON crs.submissions FOR SELECT USING (true);
CREATE POLICY submit_own ON crs.submissions FOR INSERT TO {CONTRIBUTOR_ROLE} WITH CHECK (
  jurisdiction = crs.my_jurisdiction() AND submitted_by = current_user AND contributor_role = current_user
  AND status = 'pending');
CREATE POLICY review ON crs.submissions FOR ALL TO {MAINTAINER_ROLE} USING (true) WITH CHECK (true);
CREATE POLICY read_all ON crs.submission_changes FOR SELECT USING (true);
-- A contributor stages changes only to their own jurisdiction's points: the target row, if the
-- store still has it, must be theirs today, and the values written must keep it theirs. A row
-- deleted since checkout is staged all the same: apply shows the maintainer the conflict.
-- Partnerships the same way: the target, if the store still has it, and the points written must
-- involve one of the contributor's points.
CREATE POLICY stage_own ON crs.submission_changes FOR INSERT TO {CONTRIBUTOR_ROLE} WITH CHECK (
  jurisdiction = crs.my_jurisdiction()
  AND (operation = 'insert') = (target_id IS NULL)
  AND CASE table_name
    WHEN 'service_points' THEN
      coalesce(new_values ->> 'jurisdiction', jurisdiction) = crs.my_jurisdiction()
      AND (target_id IS NULL OR NOT EXISTS (
            SELECT 1 FROM crs.service_points p
            WHERE p.id = target_id AND p.jurisdiction IS DISTINCT FROM crs.my_jurisdiction()))
    WHEN 'partnerships' THEN
      (CASE WHEN operation = 'insert' OR new_values ? 'point_ids'
            THEN crs.involves_my_points(new_values ->> 'point_ids', submission_id) ELSE true END)
      AND (target_id IS NULL OR NOT EXISTS (
            SELECT 1 FROM crs.partnerships t
            WHERE t.id = target_id AND NOT crs.involves_my_points(t.point_ids, submission_id)))
    ELSE false END
  AND EXISTS (
        SELECT 1 FROM crs.submissions s
        WHERE s.id = submission_id AND s.jurisdiction = crs.my_jurisdiction()
          AND s.submitted_by = current_user AND s.status = 'pending'));
CREATE POLICY review ON crs.submission_changes FOR ALL TO {MAINTAINER_ROLE} USING (true) WITH CHECK (true);
"""  # noqa: S608

_SELECT_POINTS = sql.SQL("SELECT id, {fields}, ST_X(geom), ST_Y(geom) FROM crs.service_points").format(
    fields=sql.SQL(", ").join(sql.SQL("{}::text").format(sql.Identifier(n)) for n in FIELD_NAMES)
)
_SELECT_PARTNERSHIPS = sql.SQL("SELECT id, {fields}, NULL, NULL FROM crs.partnerships").format(
    fields=sql.SQL(", ").join(sql.SQL("{}::text").format(sql.Identifier(n)) for n in PARTNERSHIP_FIELD_NAMES)
)
#: Each table's SELECT: the row id, the table's fields as text, and x, y (NULL without a location).
_SELECT = {POINTS_LAYER: _SELECT_POINTS, PARTNERSHIPS_TABLE: _SELECT_PARTNERSHIPS}


@dataclass(frozen=True)
class StoreCheckout:
    """A jurisdiction's points, the partnerships that involve them, and the store version (one snapshot)."""

    points: list[SharedRow]
    partnerships: list[SharedRow]
    version: int


@dataclass(frozen=True)
class Contributor:
    """A contributor registered in the store: a database role, its jurisdiction, its signing key's id."""

    role: str
    jurisdiction: str
    key_id: str | None = None


@dataclass
class ApplyReport:
    #: The submission's number; None for a package file that was only reviewed (nothing is staged).
    submission_id: int | None
    applied: bool
    outcomes: list[FieldOutcome] = field(default_factory=list)
    version: int | None = None  # the store version after the apply (unchanged when nothing was written)
    written: int = 0  # changes written (one audit entry each)
    contributor: Contributor | None = None
    to_write: int = 0  # changes applying would write (what review announces)

    @property
    def conflicts(self) -> list[FieldOutcome]:
        return [o for o in self.outcomes if o.result == CONFLICT]

    def __str__(self) -> str:
        what = (
            tr("Submission {id}").format(id=self.submission_id) if self.submission_id else tr("The package")
        )
        if self.contributor:
            what += " " + tr("from {role} ({jurisdiction})").format(
                role=self.contributor.role, jurisdiction=self.contributor.jurisdiction
            )
        if self.applied:
            if not self.written:
                return tr(
                    "{what} applied: the store already held every change; store version {version}."
                ).format(what=what, version=self.version)
            return tr("{what} applied: {written} changes, store version {version}.").format(
                what=what, written=self.written, version=self.version
            )
        if self.conflicts:
            points = len({o.key for o in self.conflicts})
            return tr("{what} not applied: {points} conflict(s) need a decision (keep the store's value, "
                      "take the submission's, or type one).").format(what=what, points=points)  # fmt: skip
        return tr("{what} reviewed: applying it would write {to_write} change(s); nothing was "
                  "written.").format(what=what, to_write=self.to_write)  # fmt: skip


@dataclass(frozen=True)
class _Pending:
    """A submission ready to plan: staged (``submission_id``) or a package file (``package``)."""

    contributor: Contributor
    changes: list[Change]
    submission_id: int | None = None
    package: Submission | None = None


class _Rows(StoreView):
    """The store's rows, read in the caller's transaction (locked until commit when applying)."""

    def __init__(self, cur, lock: bool) -> None:
        self.cur, self.lock = cur, lock

    def _select(self, table: str, where: sql.Composable, params) -> list[dict]:
        query = _SELECT[table] + sql.SQL(" WHERE ") + where + sql.SQL(" ORDER BY id")
        if self.lock:
            query += sql.SQL(" FOR UPDATE")
        self.cur.execute(query, params)
        return [_row_values(_shared_row(r, table), table) for r in self.cur.fetchall()]

    def rows_by_id(self, ids: Iterable[int], table: str = POINTS_LAYER) -> dict[int, dict]:
        return {r["id"]: r for r in self._select(table, sql.SQL("id = ANY(%s)"), ([int(i) for i in ids],))}

    def rows_by_key(self, keys: Iterable[str], table: str = POINTS_LAYER) -> dict[str, dict]:
        key = TABLES[table].key
        wanted = [str(p) for p in keys if p]
        where = sql.SQL("{} = ANY(%s)").format(sql.Identifier(key))
        return {r[key]: r for r in self._select(table, where, (wanted,))}

    def deleted_row(self, row_id: int, table: str = POINTS_LAYER) -> dict | None:
        self.cur.execute(
            "SELECT before FROM crs.audit_log WHERE table_name = %s AND target_id = %s AND operation = %s "
            "AND before IS NOT NULL ORDER BY id DESC LIMIT 1",
            (table, int(row_id), DELETE),
        )
        found = self.cur.fetchone()
        return found[0] if found else None

    def deleted_points(self, point_ids: Iterable[str]) -> dict[str, dict]:
        self.cur.execute(
            "SELECT point_id, before FROM crs.audit_log WHERE table_name = %s AND operation = %s "
            "AND point_id = ANY(%s) AND before IS NOT NULL ORDER BY id",
            (POINTS_LAYER, DELETE, [str(p) for p in point_ids if p]),
        )
        return dict(self.cur.fetchall())


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
                tr(
                    "Cannot connect to the shared store ({store}): {exc}. Check the connection and its "
                    "credentials in QGIS (Data Source Manager › PostgreSQL)."
                ).format(store=self.describe(), exc=_first_line(exc))
            ) from None

    def describe(self) -> str:
        """host:port/dbname for messages and records; never the password."""
        params = psycopg2.extensions.parse_dsn(self.conninfo)
        if "service" in params:
            return f"service {params['service']}"
        return f"{params.get('host', 'localhost')}:{params.get('port', 5432)}/{params.get('dbname', '')}"

    @contextmanager
    def transaction(self, isolation: int | None = None, read_only: bool = False) -> Iterator:
        """One transaction; ``read_only``: the database itself refuses any write in it."""
        conn = self.connect()
        try:
            if isolation is not None or read_only:
                conn.set_session(isolation_level=isolation, readonly=read_only or None)
            with conn, conn.cursor() as cur:
                yield cur
        except psycopg2.errors.InsufficientPrivilege as exc:
            raise StoreError(
                tr("The shared store refused this as {user}: {exc}.").format(
                    user=_user(conn), exc=_first_line(exc)
                )
            ) from None
        except psycopg2.errors.UniqueViolation as exc:
            # Only reached when someone wrote the store outside the plugin meanwhile (applies take turns).
            detail = exc.diag.message_detail or _first_line(exc)
            raise SubmissionError(
                tr(
                    "Two points would have the same point_id ({detail}); nothing was written. Review the "
                    "submission again: the point ids are checked against the store as it is now."
                ).format(detail=detail)
            ) from None
        except (psycopg2.OperationalError, psycopg2.InterfaceError) as exc:
            raise StoreError(
                tr(
                    "The connection to the shared store was lost ({exc}); the database rolled the "
                    "transaction back, nothing was changed. Try again."
                ).format(exc=_first_line(exc))
            ) from None
        finally:
            conn.close()

    # -- administration ------------------------------------------------------------------
    def install(self) -> None:
        """Create (or bring up to date) the schema, roles' grants and policies; run as the owner."""
        with self.transaction() as cur:
            cur.execute(DDL)

    def register_contributor(self, role: str, jurisdiction: str, public_key: str | None = None) -> None:
        """Let ``role`` contribute for ``jurisdiction``; ``public_key`` (``ed25519:…``) verifies its packages.

        Registering again changes the jurisdiction, and the key when one is given (packages signed
        with the previous key are then refused).
        """
        key_id = None
        if public_key is not None:
            public_key = signing.normalised_public_key(public_key)
            key_id = signing.key_id(public_key)
        with self.transaction() as cur:
            cur.execute(
                "INSERT INTO crs.contributors (role_name, jurisdiction, public_key, key_id) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (role_name) DO UPDATE SET jurisdiction = EXCLUDED.jurisdiction, "
                "public_key = coalesce(EXCLUDED.public_key, crs.contributors.public_key), "
                "key_id = coalesce(EXCLUDED.key_id, crs.contributors.key_id)",
                (role, jurisdiction, public_key, key_id),
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
        cols = [points.columns[n] for n in FIELD_NAMES]
        rows = [
            (*[c[i] for c in cols], float(points.lon[i]), float(points.lat[i])) for i in range(len(points))
        ]
        with self.transaction() as cur:
            version = self._bump_version(cur)
            # Staged first, then matched by point_id (ON CONFLICT cannot use a unique check made at commit).
            cur.execute("CREATE TEMP TABLE incoming ON COMMIT DROP AS "
                        "SELECT * FROM crs.service_points WITH NO DATA")  # fmt: skip
            template = (
                "(" + ", ".join(["%s"] * len(FIELD_NAMES)) + ", ST_SetSRID(ST_MakePoint(%s, %s), 4326))"
            )
            insert = sql.SQL("INSERT INTO incoming ({names}, geom) VALUES %s").format(names=names)
            psycopg2.extras.execute_values(
                cur, insert.as_string(cur), rows, template=template, page_size=1000
            )
            sets = sql.SQL(", ").join(
                sql.SQL("{0} = i.{0}").format(sql.Identifier(n)) for n in (*FIELD_NAMES, "geom")
            )
            cur.execute(
                sql.SQL(
                    "UPDATE crs.service_points p SET {sets}, row_version = %s, updated_at = now(), "
                    "updated_by = current_user FROM incoming i WHERE p.point_id = i.point_id"
                ).format(sets=sets),
                (version,),
            )
            cur.execute(
                sql.SQL(
                    "INSERT INTO crs.service_points ({names}, geom, row_version) SELECT {names}, geom, %s "
                    "FROM incoming i WHERE NOT EXISTS (SELECT 1 FROM crs.service_points p WHERE p.point_id = i.point_id)"
                ).format(names=names),
                (version,),
            )
        return version

    def publish_partnerships(self, rows: list[dict]) -> int:
        """Insert or update partnerships (``core.partnerships`` rows, e.g. read from the GeoPackage store)
        by partnership_id (a bulk load by the geomapping team); new version."""
        names = sql.SQL(", ").join(sql.Identifier(n) for n in PARTNERSHIP_FIELD_NAMES)
        sets = sql.SQL(", ").join(
            sql.SQL("{0} = %s").format(sql.Identifier(n)) for n in PARTNERSHIP_FIELD_NAMES
        )
        with self.transaction() as cur:
            version = self._bump_version(cur)
            for row in rows:
                values = [None if row.get(n) in ("", None) else str(row[n]) for n in PARTNERSHIP_FIELD_NAMES]
                cur.execute(sql.SQL("UPDATE crs.partnerships SET {}, row_version = %s, updated_at = now(), "
                                    "updated_by = current_user WHERE partnership_id = %s").format(sets),
                            (*values, version, row["partnership_id"]))  # fmt: skip
                if cur.rowcount == 0:
                    cur.execute(sql.SQL("INSERT INTO crs.partnerships ({}, row_version) VALUES ({}, %s)").format(
                        names, sql.SQL(", ").join(sql.Placeholder() * len(values))), (*values, version))  # fmt: skip
        return version

    # -- reading -------------------------------------------------------------------------
    def version(self) -> int:
        with self.transaction() as cur:
            cur.execute("SELECT version FROM crs.store_state")
            return cur.fetchone()[0]

    def checkout(self, jurisdiction: str, organisation: str | None = None) -> StoreCheckout:
        """A jurisdiction's points, the partnerships that involve them and the store version they belong
        to (one consistent snapshot)."""
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
            cur.execute(_SELECT_PARTNERSHIPS + sql.SQL(" WHERE crs.point_list(point_ids) && %s::text[] ORDER BY id"),
                        ([r.values["point_id"] for r in rows],))  # fmt: skip
            partnerships = [_shared_row(r, PARTNERSHIPS_TABLE) for r in cur.fetchall()]
        return StoreCheckout(rows, partnerships, version)

    def points(self) -> dict[str, SharedRow]:
        """Every point by point_id (for checks and small stores)."""
        with self.transaction() as cur:
            cur.execute(_SELECT_POINTS)
            return {row.values["point_id"]: row for row in map(_shared_row, cur.fetchall())}

    def partnerships(self) -> dict[str, SharedRow]:
        """Every partnership by partnership_id."""
        with self.transaction() as cur:
            cur.execute(_SELECT_PARTNERSHIPS)
            rows = [_shared_row(r, PARTNERSHIPS_TABLE) for r in cur.fetchall()]
        return {row.values["partnership_id"]: row for row in rows}

    def submission(self, submission_id: int) -> dict:
        with self.transaction() as cur:
            cur.execute(
                "SELECT id, jurisdiction, organisation, contributor, contributor_role, signer_key_id, base_version, "
                "status, reason, submitted_by, submitted_at, reviewed_by, reviewed_at, applied_version "
                "FROM crs.submissions WHERE id = %s",
                (submission_id,),
            )
            row = cur.fetchone()
            if row is None:
                raise SubmissionError(
                    tr("There is no submission {submission_id} in the shared store.").format(
                        submission_id=submission_id
                    )
                )
            return dict(zip([d.name for d in cur.description], row))

    def attribute(self, submission: Submission) -> Contributor:
        """The registered contributor a package comes from (its signature says who); writes nothing."""
        with self.transaction(read_only=True) as cur:
            return self._attribute(cur, submission, staged_by_contributor=False)

    # -- contributing --------------------------------------------------------------------
    def submit(self, submission: Submission) -> int:
        """Stage a package. A contributor stages their own (the database checks they may touch every
        point in it); anyone else, a package signed by a registered contributor."""
        with self.transaction() as cur:
            contributor = self._attribute(cur, submission, staged_by_contributor=True)
            return self._stage(cur, submission, contributor)

    # -- reviewing -----------------------------------------------------------------------
    def review(
        self,
        source: int | Submission,
        policy: ConflictPolicy = ConflictPolicy.STOP,
        decisions: dict[str, Decision] | None = None,
    ) -> ApplyReport:
        """What applying a submission (by number) or a package would do, field by field; writes nothing."""
        with self.transaction(read_only=True) as cur:
            pending = self._pending(cur, source, lock=False)
            plans = plan_submission(pending.changes, _Rows(cur, lock=False), pending.contributor.jurisdiction,
                                    policy, decisions, pending.contributor.role)  # fmt: skip
            return _report(pending, plans, applied=False)

    def apply(
        self,
        source: int | Submission,
        policy: ConflictPolicy = ConflictPolicy.STOP,
        decisions: dict[str, Decision] | None = None,
        on_change: Callable[[int, int], None] | None = None,
    ) -> ApplyReport:
        """Apply a submission (by number) or a package in one transaction: all of it, or (on conflict or
        error) none. ``decisions`` settle conflicts one by one; ``policy`` the ones left.

        Applies take turns (the store version's row is locked first), so each one plans against
        what the previous one wrote. ``on_change(done, total)`` is called after each written change
        (progress, cancel: raise to abort).
        """
        with self.transaction() as cur:
            cur.execute(sql.SQL("SET CONSTRAINTS {} DEFERRED").format(
                sql.SQL(", ").join(sql.Identifier("crs", c) for c in UNIQUE_KEYS.values())))  # fmt: skip
            cur.execute("SELECT version FROM crs.store_state FOR UPDATE")
            version = cur.fetchone()[0]
            pending = self._pending(cur, source, lock=True)
            plans = plan_submission(pending.changes, _Rows(cur, lock=True), pending.contributor.jurisdiction,
                                    policy, decisions, pending.contributor.role)  # fmt: skip
            report = _report(pending, plans, applied=False)
            if report.conflicts:
                cur.connection.rollback()
                return report
            to_write = [p for p in plans if p.operation is not None]
            if to_write:  # an apply that changes nothing leaves the version as it is
                version = self._bump_version(cur)
            submission_id = pending.submission_id
            if submission_id is None:
                submission_id = self._stage(cur, pending.package, pending.contributor)
            for done, plan in enumerate(to_write, start=1):
                self._write(cur, plan, submission_id, version)
                if on_change is not None:
                    on_change(done, len(to_write))
            cur.execute(
                "UPDATE crs.submissions SET status = %s, reviewed_by = current_user, reviewed_at = now(), "
                "applied_version = %s WHERE id = %s",
                (APPLIED, version, submission_id),
            )
            report.submission_id, report.applied, report.written, report.version = (
                submission_id, True, len(to_write), version,
            )  # fmt: skip
        return report

    def reject(self, source: int | Submission, reason: str) -> int:
        """Close a submission (by number, or a package file, then recorded) with a reason the contributor
        sees; returns its number."""
        if not reason.strip():
            raise SubmissionError(tr("Give the contributor a reason for the rejection."))
        with self.transaction() as cur:
            if isinstance(source, Submission):
                contributor = self._attribute(cur, source, staged_by_contributor=False)
                submission_id = self._stage(cur, source, contributor)
            else:
                submission_id = int(source)
                self._lock_pending(cur, submission_id)
            cur.execute(
                "UPDATE crs.submissions SET status = %s, reason = %s, reviewed_by = current_user, "
                "reviewed_at = now() WHERE id = %s",
                (REJECTED, reason, submission_id),
            )
        return submission_id

    # -- internals -----------------------------------------------------------------------
    @staticmethod
    def _bump_version(cur) -> int:
        cur.execute("UPDATE crs.store_state SET version = version + 1 RETURNING version")
        return cur.fetchone()[0]

    @staticmethod
    def _attribute(cur, submission: Submission, staged_by_contributor: bool) -> Contributor:
        """Who a package comes from, by the store's registry; SubmissionError says why it is refused.

        A contributor staging through their own database login is known by it; a package handed over
        any other way must carry a valid signature by a registered contributor's key.
        """
        cur.execute(
            "SELECT role_name, jurisdiction, key_id FROM crs.contributors WHERE role_name = current_user"
        )
        login = cur.fetchone()
        key_id = submission.manifest.get("signer_key_id")
        if submission.signature is None or not key_id:
            if staged_by_contributor and login is not None and submission.signature is None:
                return Contributor(login[0], login[1], None)
            raise SubmissionError(
                tr(
                    "The package is not signed. A package from a shared folder must be signed by its "
                    "contributor (a signing key registered in the shared store): ask them to build it again "
                    "with their key."
                )
            )
        cur.execute(
            "SELECT role_name, jurisdiction, public_key FROM crs.contributors WHERE key_id = %s", (key_id,)
        )
        signer = cur.fetchone()
        if signer is None:
            raise SubmissionError(
                tr(
                    "The package is signed with key {key_id}, which no contributor of the shared store has "
                    "registered: ask the DBA to register the contributor's public key, or the contributor to "
                    "sign with their registered key."
                ).format(key_id=key_id)
            )
        if not signing.verify(signer[2], submission.manifest_bytes, submission.signature):
            raise SubmissionError(
                tr(
                    "The package's signature does not match (key {key_id} of {signer}): it was changed after "
                    "it was signed, or signed with another key. It was refused."
                ).format(key_id=key_id, signer=signer[0])
            )
        if staged_by_contributor and login is not None and login[0] != signer[0]:
            raise SubmissionError(
                tr(
                    "The package is signed by {signer}, but {login} is submitting it: each contributor "
                    "submits their own packages."
                ).format(signer=signer[0], login=login[0])
            )
        return Contributor(signer[0], signer[1], key_id)

    @staticmethod
    def _stage(cur, submission: Submission, contributor: Contributor) -> int:
        m = submission.manifest
        cur.execute(
            "INSERT INTO crs.submissions (jurisdiction, organisation, contributor, contributor_role, signer_key_id, "
            "base_version, manifest, package, package_sha256) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
            "RETURNING id",
            (contributor.jurisdiction, m.get("organisation"), m["contributor"], contributor.role,
             contributor.key_id, m["base_version"], json.dumps(m), psycopg2.Binary(submission.package),
             submission.sha256),
        )  # fmt: skip
        submission_id = cur.fetchone()[0]
        rows = [
            (submission_id, seq, c.table, c.operation, c.row_id, None if c.operation == INSERT else c.row_id,
             c.key, _change_jurisdiction(c, contributor.jurisdiction), json.dumps(c.old), json.dumps(c.new),
             json.dumps(c.label))
            for seq, c in enumerate(submission.changes)
        ]  # fmt: skip
        for table in TABLES:  # one statement per table, points first: the database checks a partnership
            staged = [r for r in rows if r[2] == table]  # against the points staged before it
            if staged:
                psycopg2.extras.execute_values(
                    cur,
                    "INSERT INTO crs.submission_changes (submission_id, seq, table_name, operation, row_id, "
                    "target_id, point_id, jurisdiction, old_values, new_values, label) VALUES %s",
                    staged,
                )
        return submission_id

    def _pending(self, cur, source: int | Submission, lock: bool) -> _Pending:
        if isinstance(source, Submission):
            contributor = self._attribute(cur, source, staged_by_contributor=False)
            return _Pending(contributor, list(source.changes), package=source)
        submission_id = int(source)
        jurisdiction, role = self._lock_pending(cur, submission_id, lock)
        cur.execute(
            "SELECT operation, row_id, old_values, new_values, label, table_name FROM crs.submission_changes "
            "WHERE submission_id = %s ORDER BY seq",
            (submission_id,),
        )
        changes = [
            Change(op, row_id, old, new, label or {}, table)
            for op, row_id, old, new, label, table in cur.fetchall()
        ]
        for change in changes:
            check_change_values(change)  # staged rows are re-checked: they may predate a schema fix
        return _Pending(Contributor(role, jurisdiction), changes, submission_id=submission_id)

    @staticmethod
    def _lock_pending(cur, submission_id: int, lock: bool = True) -> tuple[str, str]:
        query = "SELECT status, jurisdiction, coalesce(contributor_role, submitted_by) FROM crs.submissions WHERE id = %s"
        cur.execute(query + (" FOR UPDATE" if lock else ""), (submission_id,))
        row = cur.fetchone()
        if row is None:
            raise SubmissionError(
                tr("There is no submission {submission_id} in the shared store.").format(
                    submission_id=submission_id
                )
            )
        if row[0] != PENDING:
            raise SubmissionError(
                tr("Submission {submission_id} is already {status}.").format(
                    submission_id=submission_id,
                    status={APPLIED: tr("applied"), REJECTED: tr("rejected")}.get(row[0], row[0]),
                )
            )
        return row[1], row[2]

    @staticmethod
    def _write(cur, plan: PointPlan, submission_id: int, version: int) -> None:
        """One planned change to its table (points and partnerships alike) and its audit entry."""
        spec = plan.spec
        table = sql.Identifier("crs", spec.name)
        values = {k: v for k, v in plan.values.items() if k not in (GEOMETRY, "id")}
        has_geom = spec.has_geometry and GEOMETRY in plan.values
        geom = plan.values.get(GEOMETRY)
        geom_params = (geom[0], geom[1]) if geom else (None, None)
        geom_sql = sql.SQL("ST_SetSRID(ST_MakePoint(%s, %s), 4326)")
        if plan.operation in (INSERT, RESTORE):
            # A restored row gets its row id back: checkouts that still hold it stay valid.
            names = [sql.Identifier(n) for n in values]
            params = list(values.values())
            if plan.operation == RESTORE:
                names.insert(0, sql.Identifier("id"))
                params.insert(0, plan.target_id)
            columns, placeholders = list(names), [sql.Placeholder()] * len(names)
            if spec.has_geometry:
                columns.append(sql.Identifier(GEOMETRY))
                placeholders.append(geom_sql)
                params += geom_params
            query = sql.SQL("INSERT INTO {} ({}, row_version) VALUES ({}, %s) RETURNING id").format(
                table, sql.SQL(", ").join(columns), sql.SQL(", ").join(placeholders))  # fmt: skip
            cur.execute(query, (*params, version))
            target = cur.fetchone()[0]
        elif plan.operation == UPDATE:
            sets = [sql.SQL("{} = %s").format(sql.Identifier(n)) for n in values]
            if has_geom:
                sets.append(sql.SQL("geom = ") + geom_sql)
            query = sql.SQL(
                "UPDATE {} SET {}, row_version = %s, updated_at = now(), updated_by = current_user WHERE id = %s"
            ).format(table, sql.SQL(", ").join(sets))
            cur.execute(
                query, (*values.values(), *(geom_params if has_geom else ()), version, plan.target_id)
            )
            target = plan.target_id
        else:
            cur.execute(sql.SQL("DELETE FROM {} WHERE id = %s").format(table), (plan.target_id,))
            target = plan.target_id
        audit = {o.field: {"old": o.store if o.store is not None else o.base, "new": o.submitted, "result": o.result}
                 for o in plan.outcomes}  # fmt: skip
        cur.execute(
            "INSERT INTO crs.audit_log (submission_id, table_name, operation, target_id, point_id, changes, "
            "store_version, before) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (submission_id, spec.name, plan.operation, target, plan.point_id, json.dumps(audit), version,
             None if plan.before is None else json.dumps(plan.before)),
        )  # fmt: skip


def _report(pending: _Pending, plans: list[PointPlan], applied: bool) -> ApplyReport:
    outcomes = [o for p in plans for o in p.outcomes]
    to_write = sum(1 for p in plans if p.operation is not None)
    return ApplyReport(
        pending.submission_id, applied, outcomes, contributor=pending.contributor, to_write=to_write
    )


def _row_values(row: SharedRow, table: str = POINTS_LAYER) -> dict:
    if not TABLES[table].has_geometry:
        return {**row.values, "id": row.id}
    return {**row.values, "id": row.id, GEOMETRY: None if row.x is None else [row.x, row.y]}


def _shared_row(record, table: str = POINTS_LAYER) -> SharedRow:
    names = TABLES[table].field_names
    n = len(names)
    return SharedRow(record[0], dict(zip(names, record[1 : n + 1])), record[n + 1], record[n + 2])


def _change_jurisdiction(change: Change, jurisdiction: str) -> str:
    if change.table != POINTS_LAYER:  # a partnership is staged by its contributor's jurisdiction
        return jurisdiction
    if change.operation == DELETE:
        return change.old.get("jurisdiction") or jurisdiction
    return change.new.get("jurisdiction") or jurisdiction


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0].rstrip(".")


def _user(conn) -> str:
    try:
        user = psycopg2.extensions.parse_dsn(conn.dsn).get("user", "?")
    except Exception:  # noqa: BLE001 - only for a message
        return tr("this database role")
    return tr("database role {user}").format(user=user)
