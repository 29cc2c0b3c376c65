"""Who made a package: Ed25519 signatures, one key pair per contributor.

The contributor's private key stays in QGIS's authentication database (see
:mod:`crs_plugin.toolbelt.signing_keys`); its public key is registered in the
shared store next to the contributor's database role and jurisdiction (the
DBA's ``shared_store_admin.py contributor ROLE JURISDICTION --public-key …``).
A package is signed over its manifest, which holds the changeset's SHA-256,
so the signature covers every byte that matters; the manifest names the key
(``signer_key_id``) and the shared store, not the manifest, says whose it is.

Keys travel as text: ``ed25519:<base64 of the 32 raw bytes>``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..errors import SubmissionError
from ..i18n import tr

PREFIX = "ed25519:"
#: Signed bytes = this prefix + the manifest's bytes: a signature made for anything else never verifies here.
DOMAIN = b"crs-submission-manifest-v1\n"
SIGNATURE_BYTES = 64

_RAW = {"encoding": serialization.Encoding.Raw, "format": serialization.PublicFormat.Raw}


def new_private_key() -> str:
    """A fresh private key, as text (to keep in QGIS's authentication database, nowhere else)."""
    raw = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return PREFIX + base64.b64encode(raw).decode("ascii")


def public_key_of(private_key: str) -> str:
    """The public key (text) of a private key (text): what the DBA registers."""
    public = _private(private_key).public_key().public_bytes(**_RAW)
    return PREFIX + base64.b64encode(public).decode("ascii")


def key_id(public_key: str) -> str:
    """A short, stable name of a public key (the hex SHA-256 of its raw bytes, 32 characters)."""
    return hashlib.sha256(_raw(public_key, "public")).hexdigest()[:32]


def normalised_public_key(text: str) -> str:
    """``text`` checked to be an Ed25519 public key, in the one form the store keeps."""
    raw = _raw(text.strip(), "public")
    Ed25519PublicKey.from_public_bytes(raw)
    return PREFIX + base64.b64encode(raw).decode("ascii")


def sign(private_key: str, manifest: bytes) -> bytes:
    return _private(private_key).sign(DOMAIN + manifest)


def verify(public_key: str, manifest: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(_raw(public_key, "public")).verify(signature, DOMAIN + manifest)
    except (InvalidSignature, ValueError, SubmissionError):
        return False
    return True


def _private(text: str) -> Ed25519PrivateKey:
    try:
        return Ed25519PrivateKey.from_private_bytes(_raw(text, "private"))
    except ValueError:
        raise SubmissionError(tr("The signing key is not an Ed25519 private key.")) from None


def _raw(text: str, kind: str) -> bytes:
    if not isinstance(text, str) or not text.startswith(PREFIX):
        raise SubmissionError(
            tr("An Ed25519 {kind} key is written '{prefix}' followed by base64.").format(
                kind=kind, prefix=PREFIX
            )
        )
    try:
        raw = base64.b64decode(text[len(PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise SubmissionError(tr("The {kind} key is not valid base64.").format(kind=kind)) from None
    if len(raw) != 32:
        raise SubmissionError(
            tr("An Ed25519 {kind} key has 32 bytes, this one {raw_count}.").format(
                kind=kind, raw_count=len(raw)
            )
        )
    return raw
