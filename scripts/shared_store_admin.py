"""Set up and feed the shared store (PostgreSQL + PostGIS), for the geomapping team's DBA.

    .venv/bin/python scripts/shared_store_admin.py --db "service=crs" install
    .venv/bin/python scripts/shared_store_admin.py --db "service=crs" publish path/to/store.gpkg
    .venv/bin/python scripts/shared_store_admin.py --db "service=crs" contributor snb_gis NB --public-key snb_gis.pub
    .venv/bin/python scripts/shared_store_admin.py --db "service=crs" maintainer geomapping

It runs in the project's venv (``make deps``), which has pygeodiff; the system Python does not.
``--db`` is a libpq connection string; passwords come from ~/.pgpass, PGPASSWORD or the
service file, never from the command line. Login roles are created by the DBA
(CREATE ROLE … LOGIN); this script only grants them their part. A contributor's
public key (``ed25519:…``, which the plugin shows in the Contribute tab when it makes
their key pair) is what packages from a shared folder are verified with; registering
a new key replaces the old one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import psycopg2
import psycopg2.errors

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crs_plugin.core.errors import CrsServicePointsError  # noqa: E402
from crs_plugin.core.partnerships import read_partnerships  # noqa: E402
from crs_plugin.core.store import GeoPackageStore  # noqa: E402
from crs_plugin.core.submissions.shared_store import SharedStore  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help='libpq connection string, e.g. "service=crs"')
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("install", help="create or update the crs schema, roles' grants and policies")
    publish = commands.add_parser(
        "publish",
        help="insert or update points (by point_id) and partnerships (by partnership_id) from a GeoPackage store",
    )
    publish.add_argument("gpkg")
    contributor = commands.add_parser("contributor", help="let a login role submit for a jurisdiction")
    contributor.add_argument("role")
    contributor.add_argument("jurisdiction")
    contributor.add_argument(
        "--public-key",
        help="the contributor's signing key: ed25519:… or a file holding it (replaces the old key)",
    )
    maintainer = commands.add_parser("maintainer", help="let a login role review and apply submissions")
    maintainer.add_argument("role")
    args = parser.parse_args(argv)
    store = SharedStore(args.db)
    try:
        if args.command == "install":
            store.install()
            print(f"Shared store ready on {store.describe()} (version {store.version()}).")
        elif args.command == "publish":
            version = store.publish(GeoPackageStore(args.gpkg).read_points())
            partnerships = read_partnerships(args.gpkg)
            if partnerships:  # and the partnerships between them, when the store has some
                version = store.publish_partnerships(partnerships)
            print(f"Published {args.gpkg} ({len(partnerships)} partnerships): store version {version}.")
        elif args.command == "contributor":
            key = args.public_key
            if key and Path(key).is_file():
                key = Path(key).read_text(encoding="utf-8").strip()
            store.register_contributor(args.role, args.jurisdiction, key)
            signed = " (packages signed with the registered key are theirs)" if key else ""
            print(f"{args.role} may now submit changes for {args.jurisdiction}{signed}.")
        else:
            store.register_maintainer(args.role)
            print(f"{args.role} may now review and apply submissions.")
    except CrsServicePointsError as exc:
        print(exc, file=sys.stderr)
        return 1
    except psycopg2.Error as exc:
        reason = exc.diag.message_primary or str(exc).strip().splitlines()[0]
        print(f"The shared store refused {args.command!r}: {reason}", file=sys.stderr)
        if isinstance(exc, psycopg2.errors.UndefinedObject) and args.command in ("contributor", "maintainer"):
            print(f"Create the login role first (CREATE ROLE {args.role} LOGIN), then run this again.",
                  file=sys.stderr)  # fmt: skip
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
