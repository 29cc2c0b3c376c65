"""Submission packages: one zip file a contributor hands to the geomapping team.

A package holds ``manifest.json`` (who, which jurisdiction, base version,
counts, creation time, schema version, the changeset's SHA-256 and size, the
signing key's id, and the id and name of each updated point as checked out; the
same for the partnerships under ``tables``),
``changeset.geodiff`` and, when signed, ``signature.ed25519`` (the contributor's
Ed25519 signature of the manifest, see :mod:`.signing`). Packages arrive from
outside, so reading one trusts nothing: member names are fixed (no paths, no
traversal), sizes are bounded before anything is decompressed, the manifest is
checked against its JSON Schema, the checksum must match, and every value is
checked against the service-point schema before anything reaches a store. Who
signed it, and so which jurisdiction it may change, only the shared store says
(:meth:`.shared_store.SharedStore.attribute`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import SubmissionError
from ..i18n import tr
from ..partnerships import point_list
from ..schema import CANADA_BBOX, LIST_SEPARATOR, SCHEMA_VERSION, FieldType, utc_now
from ..store import POINTS_LAYER
from . import signing
from .changeset import (
    DELETE,
    GEOMETRY,
    INSERT,
    PARTNERSHIPS,
    TABLES,
    UPDATE,
    Change,
    create_changeset,
    read_changeset,
)
from .checkout import base_values, read_checkout_info

PACKAGE_FORMAT = "crs-submission"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHANGESET = "changeset.geodiff"
SIGNATURE = "signature.ed25519"
MEMBERS = (MANIFEST, CHANGESET)  # always there
OPTIONAL_MEMBERS = (SIGNATURE,)  # an unsigned package is read, and refused by the store's review
SUFFIX = ".crs.zip"
MAX_MANIFEST_BYTES = 16 << 20  # the manifest names each updated point
MAX_SIGNATURE_BYTES = 64
MAX_CHANGESET_BYTES = 256 << 20
MANIFEST_SCHEMA = Path(__file__).resolve().parents[2] / "resources" / "schemas" / "submission.schema.json"
SUPPORTED_SCHEMA_VERSIONS = (SCHEMA_VERSION,)


@dataclass(frozen=True)
class Submission:
    manifest: dict
    changes: list[Change]
    #: The package file's own bytes and SHA-256, kept by the shared store as received.
    package: bytes
    sha256: str
    #: The manifest exactly as signed, and the signature (None: the package is unsigned).
    manifest_bytes: bytes = b""
    signature: bytes | None = None

    @property
    def jurisdiction(self) -> str:
        return self.manifest["jurisdiction"]

    @property
    def base_version(self) -> int:
        return self.manifest["base_version"]


def count_changes(changes: list[Change], table: str = POINTS_LAYER) -> dict[str, int]:
    """Inserts, updates and deletes of ``table``'s rows."""
    return {
        op: sum(1 for c in changes if c.operation == op and c.table == table)
        for op in (INSERT, UPDATE, DELETE)
    }


def manifest_tables(manifest: dict) -> dict[str, dict]:
    """Each table's entries in a manifest: ``columns``, ``counts`` and ``base_rows`` (the labels of the
    rows it updates). The service points' are at the top level, as format 1 always had them; the other
    tables' under ``tables``."""
    tables = {POINTS_LAYER: {"columns": manifest["columns"], "counts": manifest["counts"],
                             "base_rows": manifest.get("base_points") or {}}}  # fmt: skip
    for name, entry in (manifest.get("tables") or {}).items():
        tables[name] = {
            "columns": entry["columns"],
            "counts": entry["counts"],
            "base_rows": entry.get("base_rows") or {},
        }
    return tables


def build_package(
    checkout: str | Path, target: str | Path, contributor: str, note: str = "", signing_key: str | None = None
) -> Submission:
    """Package the checkout's changes since its base, signed with ``signing_key`` (the private key's
    text) when given; refuses an empty submission."""
    info = read_checkout_info(checkout)
    target = Path(target)
    with tempfile.TemporaryDirectory() as tmp:
        changeset = Path(tmp) / CHANGESET
        columns = create_changeset(checkout, changeset)
        changes = read_changeset(changeset, columns)
        if not changes:
            raise SubmissionError(
                tr("{name} has no changes since it was checked out.").format(name=Path(checkout).name)
            )
        data = changeset.read_bytes()
    labels = {}
    for name in columns:
        updated = [c.row_id for c in changes if c.operation == UPDATE and c.table == name]
        found = base_values(checkout, updated, TABLES[name].label_fields, name)
        labels[name] = {str(fid): label for fid, label in found.items()}
    for change in _with_labels(changes, labels):
        check_change_values(change)  # before anything is written: no package with bad values
    manifest = {
        "format": PACKAGE_FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": info.schema_version,
        "jurisdiction": info.jurisdiction,
        "organisation": info.organisation,
        "contributor": contributor,
        "note": note,
        "base_version": info.base_version,
        "checked_out_at": info.checked_out_at,
        "created_at": utc_now(),
        "columns": columns[POINTS_LAYER],
        "counts": count_changes(changes),
        "files": {CHANGESET: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}},
        "base_points": labels[POINTS_LAYER],
    }
    others = {name: {"columns": cols, "counts": count_changes(changes, name), "base_rows": labels[name]}
              for name, cols in columns.items() if name != POINTS_LAYER}  # fmt: skip
    if others:
        manifest["tables"] = others
    signature = None
    if signing_key:
        manifest["signer_key_id"] = signing.key_id(signing.public_key_of(signing_key))
    manifest_bytes = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8")
    if signing_key:
        signature = signing.sign(signing_key, manifest_bytes)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, manifest_bytes)
        zf.writestr(CHANGESET, data)
        if signature is not None:
            zf.writestr(SIGNATURE, signature)
    os.replace(partial, target)
    package = target.read_bytes()
    changes = _with_labels(changes, labels)
    return Submission(
        manifest, changes, package, hashlib.sha256(package).hexdigest(), manifest_bytes, signature
    )


def _with_labels(changes: list[Change], base_rows: dict[str, dict]) -> list[Change]:
    """Each change with the row as checked out (a delete carries it already; an update's is in
    ``base_rows``: table -> fid -> label, as the manifest records them)."""
    labelled = []
    for change in changes:
        if change.operation == DELETE:
            label = {f: change.old.get(f) for f in change.spec.label_fields}
        elif change.operation == UPDATE:
            label = dict((base_rows.get(change.table) or {}).get(str(change.row_id)) or {})
        else:
            label = {}
        labelled.append(replace(change, label=label))
    return labelled


def read_package(path: str | Path, max_bytes: int = MAX_CHANGESET_BYTES) -> Submission:
    """Open an untrusted package; SubmissionError says what is wrong with it."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SubmissionError(
            tr("Cannot read the package {name}: {strerror}.").format(name=name, strerror=exc.strerror)
        ) from None
    if size > max_bytes + MAX_MANIFEST_BYTES:
        raise SubmissionError(
            tr("{name} is {size} bytes, more than the {max_bytes} a package may hold.").format(
                name=name, size=size, max_bytes=max_bytes
            )
        )
    package = path.read_bytes()
    try:
        with zipfile.ZipFile(path) as zf:
            members = _checked_members(zf, name, max_bytes)
            manifest_bytes = _read_member(zf, members[MANIFEST], MAX_MANIFEST_BYTES, name)
            changeset_bytes = _read_member(zf, members[CHANGESET], max_bytes, name)
            signature = None
            if SIGNATURE in members:
                signature = _read_member(zf, members[SIGNATURE], MAX_SIGNATURE_BYTES, name)
    except zipfile.BadZipFile:
        raise SubmissionError(
            tr("{name} is not a submission package (not a zip file).").format(name=name)
        ) from None
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SubmissionError(
            tr("{name}: the manifest is not valid JSON ({exc}).").format(name=name, exc=exc)
        ) from None
    _validate_manifest(manifest, name)
    expected = manifest["files"][CHANGESET]
    if (
        hashlib.sha256(changeset_bytes).hexdigest() != expected["sha256"]
        or len(changeset_bytes) != expected["size"]
    ):
        raise SubmissionError(
            tr(
                "{name}: the changeset does not match the checksum in the manifest; the package was "
                "altered or damaged on the way. Ask the contributor to build it again."
            ).format(name=name)
        )
    with tempfile.TemporaryDirectory() as tmp:
        changeset = Path(tmp) / CHANGESET
        changeset.write_bytes(changeset_bytes)
        tables = manifest_tables(manifest)
        changes = read_changeset(changeset, {table: entry["columns"] for table, entry in tables.items()})
    for table, entry in tables.items():
        counts = count_changes(changes, table)
        if counts != entry["counts"]:
            raise SubmissionError(
                tr(
                    "{name}: the manifest announces {announced} ({table}) but the changeset holds {counts}."
                ).format(name=name, announced=entry["counts"], table=table, counts=counts)
            )
    changes = _with_labels(changes, {table: entry["base_rows"] for table, entry in tables.items()})
    for change in changes:
        check_change_values(change)
    return Submission(
        manifest, changes, package, hashlib.sha256(package).hexdigest(), manifest_bytes, signature
    )


def _checked_members(zf: zipfile.ZipFile, name: str, max_bytes: int) -> dict:
    infos = zf.infolist()
    names = [i.filename for i in infos]
    unexpected = [n for n in names if n not in MEMBERS + OPTIONAL_MEMBERS]
    if unexpected or len(names) != len(set(names)):
        shown = ", ".join(repr(n) for n in unexpected[:3]) or "a repeated member"
        raise SubmissionError(
            tr("{name} contains {shown}; a package holds only {items}. It was refused unopened.").format(
                name=name, shown=shown, items=", ".join(MEMBERS + OPTIONAL_MEMBERS)
            )
        )
    missing = [m for m in MEMBERS if m not in names]
    if missing:
        raise SubmissionError(tr("{name} has no {missing}.").format(name=name, missing=missing[0]))
    members = {i.filename: i for i in infos}
    for member, limit in (
        (MANIFEST, MAX_MANIFEST_BYTES),
        (CHANGESET, max_bytes),
        (SIGNATURE, MAX_SIGNATURE_BYTES),
    ):
        if member in members and members[member].file_size > limit:
            raise SubmissionError(
                tr("{name}: {member} would unpack to {file_size} bytes (limit {limit}).").format(
                    name=name, member=member, file_size=members[member].file_size, limit=limit
                )
            )
    return members


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    """Read at most ``limit`` bytes, whatever the zip header claims (zip bombs lie)."""
    with zf.open(info) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise SubmissionError(
            tr("{name}: {filename} unpacks to more than {limit} bytes.").format(
                name=name, filename=info.filename, limit=limit
            )
        )
    return data


def _validate_manifest(manifest, name: str) -> None:
    import jsonschema

    schema = json.loads(MANIFEST_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(manifest), key=lambda e: list(e.path))
    if errors:
        where = ".".join(str(p) for p in errors[0].absolute_path) or tr("(top level)")
        raise SubmissionError(
            tr("{name}: manifest field {where}: {message}.").format(
                name=name, where=where, message=errors[0].message
            )
        )
    for table, entry in manifest_tables(manifest).items():
        if table not in TABLES:
            raise SubmissionError(
                tr("{name}: the manifest lists table '{table}', which a submission may not change.").format(
                    name=name, table=table
                )
            )
        unknown = set(entry["columns"]) - TABLES[table].columns
        if unknown or "fid" not in entry["columns"]:
            raise SubmissionError(
                tr("{name}: the manifest lists columns outside the schema: {columns}.").format(
                    name=name, columns=sorted(unknown) or [tr("(no fid)")]
                )
            )
    if manifest["schema_version"] not in SUPPORTED_SCHEMA_VERSIONS:
        raise SubmissionError(
            tr(
                "{name} was made for schema version {schema_version}; this plugin reads "
                "{supported_schema_versions}. Update the plugin, or ask for a package in a supported "
                "version."
            ).format(
                name=name,
                schema_version=manifest["schema_version"],
                supported_schema_versions=", ".join(SUPPORTED_SCHEMA_VERSIONS),
            )
        )


def check_change_values(change: Change) -> None:
    """Every value a change writes is text of its table's kind (or a point in Canada); a partnership
    links two or more points (the rules of :func:`..partnerships.validate_partnerships`)."""
    spec = change.spec
    fields = spec.fields_by_name
    for name, value in change.new.items():
        where = tr("{noun} {row}, field {field}").format(
            noun=tr(spec.noun),  # i18n: marked
            row=change.key or change.row_id,
            field=name,
        )
        if name == GEOMETRY and spec.has_geometry:
            if value is not None and not _in_canada(value):
                raise SubmissionError(
                    tr("{where}: the location {value} is not in Canada.").format(where=where, value=value)
                )
            continue
        fdef = fields.get(name)
        if fdef is None:
            raise SubmissionError(
                tr("{where}: the {table} table has no such field.").format(where=where, table=spec.name)
            )
        if value is None or value == "":
            if fdef.required:
                raise SubmissionError(tr("{where}: a value is required.").format(where=where))
            continue
        if not isinstance(value, str):
            raise SubmissionError(
                tr("{where}: expected text, got {name}.").format(where=where, name=type(value).__name__)
            )
        if fdef.max_length and len(value) > fdef.max_length:
            raise SubmissionError(
                tr("{where}: longer than {max_length} characters.").format(
                    where=where, max_length=fdef.max_length
                )
            )
        parts = value.split(LIST_SEPARATOR) if fdef.type == FieldType.LIST else [value]
        bad = [p for p in parts if not fdef.allows(p.strip())]
        if bad:
            raise SubmissionError(
                tr("{where}: {value} is not an allowed value.").format(where=where, value=repr(bad[0]))
            )
        if spec is PARTNERSHIPS and name == "point_ids" and len(set(point_list(value))) < 2:
            raise SubmissionError(
                tr("{where}: a partnership links at least two service points.").format(where=where)
            )
    if change.operation == INSERT:
        missing = [f.name for f in spec.fields if f.required and not change.new.get(f.name)]
        if missing:
            raise SubmissionError(
                tr("New {noun} {row}: required field(s) {fields} are empty.").format(
                    noun=tr(spec.noun),  # i18n: marked
                    row=change.row_id,
                    fields=", ".join(missing),
                )
            )


def _in_canada(value) -> bool:
    try:
        x, y = (float(v) for v in value)
    except (TypeError, ValueError):
        return False
    lon_min, lat_min, lon_max, lat_max = CANADA_BBOX
    return lon_min <= x <= lon_max and lat_min <= y <= lat_max


_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def send_to_folder(package: str | Path, folder: str | Path) -> Path:
    """Hand a package over through a shared folder (for teams without database access).

    The copy appears under its final name only when complete, so the team never
    picks up half a file; an existing package is never overwritten. Only signed
    packages go this way: the signature is how the team knows who sent it.
    """
    submission = read_package(package)
    if submission.signature is None:
        raise SubmissionError(
            tr(
                "{name} is not signed, and the geomapping team only accepts signed packages from a "
                "shared folder: build it again with your signing key (or submit it to the shared store "
                "directly)."
            ).format(name=Path(package).name)
        )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    m = submission.manifest
    stem = _UNSAFE.sub("_", f"{m['jurisdiction']}_{m['created_at'][:19]}_{submission.sha256[:12]}")
    target = folder / (stem + SUFFIX)
    if target.exists():
        raise SubmissionError(
            tr("{name} is already in {folder}: this package was sent before.").format(
                name=target.name, folder=folder
            )
        )
    partial = folder / (stem + ".part")
    partial.write_bytes(submission.package)
    os.replace(partial, target)
    return target
