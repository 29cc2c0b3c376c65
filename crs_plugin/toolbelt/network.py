"""HTTP for sources inside QGIS: the proxy and the authentication configured in QGIS.

The requests themselves go through ``HttpClient``'s urllib transport (the same
retries, limits and messages everywhere, and safe from background tasks and
worker threads); what comes from QGIS is the proxy of Settings › Options ›
Network (with its exclusions), the certificate authorities added to QGIS's authentication
manager and, when a catalogue source names one, a Basic
authentication configuration of QGIS's auth manager, whose credentials are read
at request time and never stored or logged by the plugin.
"""

from __future__ import annotations

import base64
import functools
import ssl
from urllib.parse import quote, urlsplit

from qgis.core import QgsApplication, QgsNetworkAccessManager
from qgis.PyQt.QtNetwork import QNetworkProxy

from ..core.errors import SourceError
from ..core.http import HttpClient, urllib_transport
from ..core.i18n import tr
from .auth import UNREADABLE, load_auth_config


def qgis_proxy() -> tuple[str | None, list[str]]:
    """The proxy URL QGIS uses (None for a direct connection) and the URL prefixes it excludes."""
    manager = QgsNetworkAccessManager.instance()
    proxy = manager.fallbackProxy()
    if proxy.type() not in (QNetworkProxy.HttpProxy, QNetworkProxy.HttpCachingProxy) or not proxy.hostName():
        return None, []
    credentials = ""
    if proxy.user():
        credentials = f"{quote(proxy.user(), safe='')}:{quote(proxy.password(), safe='')}@"
    excludes = [e for e in manager.excludeList() if e]
    return f"http://{credentials}{proxy.hostName()}:{proxy.port()}", excludes


def basic_auth_header(authcfg: str) -> dict[str, str]:
    """The Authorization header of a QGIS Basic authentication configuration."""
    config = load_auth_config(authcfg)
    if config is None:
        raise SourceError(
            tr("The authentication configuration {authcfg} cannot be read: {why}.").format(
                authcfg=authcfg,
                why=tr(UNREADABLE),  # i18n: marked
            )
        )
    if config.method() != "Basic":
        raise SourceError(
            tr(
                "The authentication configuration {authcfg} uses '{method}'; sources "
                "support Basic (user name and password) configurations."
            ).format(authcfg=authcfg, method=config.method())
        )
    token = base64.b64encode(f"{config.config('username')}:{config.config('password')}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def qgis_ssl_context() -> ssl.SSLContext:
    """TLS trust as QGIS has it: the system's certificate authorities plus those added to QGIS's
    authentication manager (networks that inspect TLS have their own), which urllib alone ignores."""
    manager = QgsApplication.authManager()
    authorities = manager.trustedCaCertsCache() if manager is not None else []
    return _ssl_context(
        "".join(bytes(cert.toPem()).decode("ascii") for cert in authorities if not cert.isNull())
    )


@functools.lru_cache(maxsize=1)
def _ssl_context(pem: str) -> ssl.SSLContext:
    """One context while the authorities stay the same: loading them takes ~0.1 s each time."""
    context = ssl.create_default_context()
    if pem:
        context.load_verify_locations(cadata=pem)
    return context


def qgis_transport(authcfg: str = ""):
    """A transport for ``HttpClient`` with QGIS's proxy, its certificate authorities and,
    optionally, an auth configuration."""
    proxy, excludes = qgis_proxy()
    auth = basic_auth_header(authcfg) if authcfg else {}
    context = qgis_ssl_context()

    def fetch(url: str, headers: dict, timeout_s: float, max_bytes: int):
        use_proxy = proxy if proxy and not any(url.startswith(e) for e in excludes) else None
        if (
            auth
            and urlsplit(url).scheme != "https"
            and urlsplit(url).hostname not in ("127.0.0.1", "localhost")
        ):
            # Basic credentials in clear text over the network: refuse rather than leak them.
            raise SourceError(tr("Refusing to send credentials to {url} without https.").format(url=url))
        return urllib_transport(
            url, {**headers, **auth}, timeout_s, max_bytes, proxy=use_proxy, ssl_context=context
        )

    return fetch


def qgis_http_client(authcfg: str = "", **options) -> HttpClient:
    return HttpClient(transport=qgis_transport(authcfg), **options)
