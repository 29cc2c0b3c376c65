"""Submission packages are untrusted input: each way of tampering ends in a clear refusal."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from crs_plugin.core.errors import SubmissionError
from crs_plugin.core.store import GeoPackageStore
from crs_plugin.core.submissions.checkout import read_checkout_info
from crs_plugin.core.submissions.package import (
    CHANGESET,
    MANIFEST,
    build_package,
    read_package,
    send_to_folder,
)
from crs_plugin.core.submissions.signing import key_id, new_private_key, public_key_of, verify
from tests.checkout_edits import checkout_fids, edit_checkout, write_sample_checkout

SIGNING_KEY = new_private_key()


@pytest.fixture
def checkout_path(sample_store, tmp_path):
    return write_sample_checkout(sample_store, tmp_path / "nb.gpkg", "NB", base_version=7)


@pytest.fixture
def good_package(checkout_path, tmp_path):
    fid = checkout_fids(checkout_path)[0]
    edit_checkout(checkout_path, {fid: {"name_en": "Centre ÉDITÉ", "geom": (-66.0, 46.0)}})
    target = tmp_path / "good.crs.zip"
    build_package(checkout_path, target, contributor="Tester", signing_key=SIGNING_KEY)
    return target


def members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rewrite(path, target, files: dict[str, bytes]):
    with zipfile.ZipFile(target, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return target


def test_checkout_records_what_was_checked_out(checkout_path):
    info = read_checkout_info(checkout_path)
    assert (info.jurisdiction, info.base_version, info.schema_version) == ("NB", 7, "1.0")
    assert len(checkout_fids(checkout_path)) == 23


def test_good_package_round_trips(good_package):
    submission = read_package(good_package)
    assert submission.manifest["counts"] == {"insert": 0, "update": 1, "delete": 0}
    (change,) = submission.changes
    assert change.new == {"name_en": "Centre ÉDITÉ", "geom": [-66.0, 46.0]}
    assert set(change.old) == {"name_en", "geom"}
    assert submission.sha256 == hashlib.sha256(good_package.read_bytes()).hexdigest()


def test_no_changes_is_refused(checkout_path, tmp_path):
    with pytest.raises(SubmissionError, match="no changes since it was checked out"):
        build_package(checkout_path, tmp_path / "empty.crs.zip", contributor="x")
    assert not (tmp_path / "empty.crs.zip").exists()


def test_wrong_checksum(good_package, tmp_path):
    files = members(good_package)
    changeset = bytearray(files[CHANGESET])
    changeset[-1] ^= 0xFF
    files[CHANGESET] = bytes(changeset)
    with pytest.raises(SubmissionError, match="does not match the checksum"):
        read_package(rewrite(good_package, tmp_path / "bad.crs.zip", files))


@pytest.mark.parametrize("name", ["../../evil.sh", "/etc/passwd", "sub/manifest.json", "..\\x"])
def test_path_traversal_member_is_refused_unopened(good_package, tmp_path, name):
    files = members(good_package)
    files[name] = b"#!/bin/sh\nrm -rf /\n"
    with pytest.raises(SubmissionError, match="refused unopened"):
        read_package(rewrite(good_package, tmp_path / "bad.crs.zip", files))
    assert not (tmp_path.parent / "evil.sh").exists()


def test_unknown_schema_version(good_package, tmp_path):
    files = members(good_package)
    manifest = json.loads(files[MANIFEST])
    manifest["schema_version"] = "9.0"
    files[MANIFEST] = json.dumps(manifest).encode()
    with pytest.raises(SubmissionError, match="schema version 9.0; this plugin reads 1.0"):
        read_package(rewrite(good_package, tmp_path / "bad.crs.zip", files))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda m: m.pop("jurisdiction"), "'jurisdiction' is a required property"),
        (lambda m: m.update(jurisdiction="NB'; --"), "manifest field jurisdiction"),
        (lambda m: m.update(columns=["fid", "geom", "password"]), "columns outside the schema"),
        (lambda m: m["counts"].update(update=5), "announces"),
        (lambda m: m.update(format="zip"), "manifest field format"),
    ],
)
def test_bad_manifest(good_package, tmp_path, edit, message):
    files = members(good_package)
    manifest = json.loads(files[MANIFEST])
    edit(manifest)
    files[MANIFEST] = json.dumps(manifest).encode()
    with pytest.raises(SubmissionError, match=message):
        read_package(rewrite(good_package, tmp_path / "bad.crs.zip", files))


def test_not_a_zip_and_missing_file(tmp_path):
    (tmp_path / "x.crs.zip").write_text("<html>proxy error</html>")
    with pytest.raises(SubmissionError, match="not a submission package"):
        read_package(tmp_path / "x.crs.zip")
    with pytest.raises(SubmissionError, match="Cannot read the package"):
        read_package(tmp_path / "missing.crs.zip")


def test_zip_bomb_is_refused_before_unpacking(good_package, tmp_path):
    files = members(good_package)
    files[CHANGESET] = b"\0" * (2 << 20)  # 2 MB of zeros compress to a few KB
    bomb = tmp_path / "bomb.crs.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    assert bomb.stat().st_size < 50_000
    with pytest.raises(SubmissionError, match="would unpack to 2097152 bytes"):
        read_package(bomb, max_bytes=1 << 20)


def test_disallowed_value_in_a_change(checkout_path, tmp_path):
    edit_checkout(checkout_path, {checkout_fids(checkout_path)[0]: {"channel": "carrier_pigeon"}})
    with pytest.raises(SubmissionError, match="field channel: 'carrier_pigeon' is not an allowed value"):
        build_package(checkout_path, tmp_path / "p.crs.zip", contributor="x")
    assert not (tmp_path / "p.crs.zip").exists()


def test_changed_table_structure_is_explained(checkout_path, tmp_path):
    from osgeo import ogr

    ds = ogr.Open(str(checkout_path), update=1)
    ds.GetLayerByName("service_points").CreateField(ogr.FieldDefn("my_notes", ogr.OFTString))
    ds = None
    with pytest.raises(SubmissionError, match="Was a column added"):
        build_package(checkout_path, tmp_path / "p.crs.zip", contributor="x")


def test_send_to_folder_is_atomic_and_never_overwrites(good_package, tmp_path):
    shared = tmp_path / "shared"
    sent = send_to_folder(good_package, shared)
    assert sent.name.startswith("NB_") and sent.name.endswith(".crs.zip")
    assert sent.read_bytes() == good_package.read_bytes()
    assert [p.name for p in shared.iterdir()] == [sent.name]
    with pytest.raises(SubmissionError, match="sent before"):
        send_to_folder(good_package, shared)


def test_a_signed_package_names_its_key_and_the_points_it_changes(good_package, checkout_path):
    submission = read_package(good_package)
    public = public_key_of(SIGNING_KEY)
    assert submission.manifest["signer_key_id"] == key_id(public)
    assert verify(public, submission.manifest_bytes, submission.signature)
    assert not verify(public_key_of(new_private_key()), submission.manifest_bytes, submission.signature)
    (change,) = submission.changes
    assert change.label["point_id"] == change.point_id and change.name  # the update names its point


def test_an_unsigned_package_does_not_go_to_the_shared_folder(checkout_path, tmp_path):
    edit_checkout(checkout_path, {checkout_fids(checkout_path)[0]: {"phone": "506-555-0100"}})
    unsigned = tmp_path / "unsigned.crs.zip"
    build_package(checkout_path, unsigned, contributor="x")
    assert read_package(unsigned).signature is None
    with pytest.raises(SubmissionError, match="not signed"):
        send_to_folder(unsigned, tmp_path / "shared")
    assert not (tmp_path / "shared").exists() or not list((tmp_path / "shared").iterdir())


def test_an_oversized_signature_is_refused_unopened(good_package, tmp_path):
    files = members(good_package)
    files["signature.ed25519"] = b"x" * 4096
    with pytest.raises(SubmissionError, match="signature.ed25519 would unpack to 4096 bytes"):
        read_package(rewrite(good_package, tmp_path / "bad.crs.zip", files))


def test_validation_speaks_french_too(checkout_path):
    from crs_plugin.core.validation import validate

    points = GeoPackageStore(checkout_path).read_points()
    points.columns["name_fr"] = points.columns["name_fr"].copy()
    points.columns["name_fr"][0] = None
    points.columns["postal_code"] = points.columns["postal_code"].copy()
    points.columns["postal_code"][1] = "V6B 1A1"
    en = {p.code: p.message for p in validate(points)}
    fr = {p.code: p.message for p in validate(points, language="fr")}
    assert set(en) == set(fr) == {"bilingual_name", "postal_code_province"}
    assert en["bilingual_name"].endswith("name_fr is empty.")
    assert fr["bilingual_name"] == ("Les points de cette administration sont nommés dans les deux langues "
                                    "officielles : name_fr est vide.")  # fmt: skip
    assert (
        fr["postal_code_province"]
        == "Le code postal V6B 1A1 n'appartient pas à NB (ses codes commencent par E)."
    )
