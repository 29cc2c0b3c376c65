"""A contributor's signing key, kept in QGIS's authentication database (encrypted by the master password).

The key pair is made in QGIS; the private key never leaves the authentication database
(no file, no setting, no project): it is stored as an authentication configuration
("Basic" method: the user name is the contributor's database role, the password the
private key), which QGIS's Authentication options list, back up and delete like any
other. The plugin's settings keep only that configuration's id. The public key is
what the contributor sends to the DBA, who registers it in the shared store.
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..core.errors import SubmissionError
from ..core.i18n import tr
from ..core.submissions.signing import PREFIX, new_private_key, public_key_of
from .auth import UNREADABLE, load_auth_config

METHOD = "Basic"
NAME = "CRS Service Points signing key ({})"


def create_signing_key(role: str) -> str:
    """A new key pair for the contributor ``role``, stored in the authentication database; its config id."""
    manager = QgsApplication.authManager()
    if manager.isDisabled() or not manager.setMasterPassword(True):
        raise SubmissionError(
            tr("QGIS's authentication database cannot be used: {why}.").format(
                why=tr(UNREADABLE)  # i18n: marked
            )
        )
    config = QgsAuthMethodConfig(METHOD)
    config.setName(NAME.format(role))
    config.setConfig("username", role)
    config.setConfig("password", new_private_key())
    stored = manager.storeAuthenticationConfig(config)
    if isinstance(stored, tuple):  # PyQGIS returns (ok, config)
        stored, config = stored
    if not stored:
        raise SubmissionError(tr("The signing key could not be stored in QGIS's authentication database."))
    return config.id()


def private_key(authcfg: str) -> str:
    """The private key of configuration ``authcfg`` (read when signing, never kept)."""
    config = load_auth_config(authcfg)
    if config is None:
        raise SubmissionError(
            tr("The signing key {authcfg} cannot be read: {why}.").format(
                authcfg=authcfg,
                why=tr(UNREADABLE),  # i18n: marked
            )
        )
    key = config.config("password")
    if not key.startswith(PREFIX):
        raise SubmissionError(
            tr("The authentication configuration {authcfg} ({name}) is not a CRS signing key.").format(
                authcfg=authcfg, name=config.name()
            )
        )
    return key


def public_key(authcfg: str) -> str:
    """The public key to register in the shared store (``ed25519:…``)."""
    return public_key_of(private_key(authcfg))
