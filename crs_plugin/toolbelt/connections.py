"""The shared store as QGIS knows it: a PostgreSQL connection saved in QGIS.

Credentials stay in QGIS: in the connection's authentication configuration
(QGIS's encrypted auth database), a pg_service.conf service, or the environment
(PGPASSWORD / .pgpass). They are read when connecting and never written to a
project, a log or a message.
"""

from __future__ import annotations

import psycopg2.extensions
from qgis.core import QgsDataSourceUri, QgsProviderRegistry

from ..core.errors import StoreError
from ..core.i18n import tr
from ..core.submissions.shared_store import SharedStore
from .auth import UNREADABLE, load_auth_config

_SSL_MODES = {
    QgsDataSourceUri.SslDisable: "disable", QgsDataSourceUri.SslAllow: "allow",
    QgsDataSourceUri.SslPrefer: "prefer", QgsDataSourceUri.SslRequire: "require",
    QgsDataSourceUri.SslVerifyCa: "verify-ca", QgsDataSourceUri.SslVerifyFull: "verify-full",
}  # fmt: skip


def connection_names() -> list[str]:
    return sorted(QgsProviderRegistry.instance().providerMetadata("postgres").connections().keys())


def shared_store_from_connection(name: str) -> SharedStore:
    """The store behind a PostgreSQL connection saved in QGIS (Data Source Manager › PostgreSQL)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        connection = metadata.findConnection(name)
    except Exception:  # noqa: BLE001 - QgsProviderConnectionException; absent in some builds
        connection = None
    if connection is None:
        raise StoreError(
            tr(
                "There is no PostgreSQL connection named '{name}' in QGIS. Add it in Data Source Manager › "
                "PostgreSQL (with an authentication configuration for the password)."
            ).format(name=name)
        )
    return SharedStore(conninfo_from_uri(QgsDataSourceUri(connection.uri())))


def conninfo_from_uri(uri: QgsDataSourceUri) -> str:
    params = {
        "service": uri.service(), "host": uri.host(), "port": uri.port(), "dbname": uri.database(),
        "user": uri.username(), "password": uri.password(), "sslmode": _SSL_MODES.get(uri.sslMode()),
    }  # fmt: skip
    if uri.authConfigId():
        config = load_auth_config(uri.authConfigId())
        if config is None:
            raise StoreError(
                tr(
                    "The authentication configuration {authcfg} of this connection cannot be read: {why}."
                ).format(
                    authcfg=uri.authConfigId(),
                    why=tr(UNREADABLE),  # i18n: marked
                )
            )
        params["user"] = config.config("username") or params["user"]
        params["password"] = config.config("password") or params["password"]
    return psycopg2.extensions.make_dsn(**{k: v for k, v in params.items() if v not in ("", None)})
