"""HTTP GET for sources: timeouts, bounded retries with backoff, size limits, clear errors.

Every connector fetches through ``HttpClient``. Only http and https URLs are
fetched, so a catalogue entry cannot make the plugin read local files through
``file://``. Retries cover what retrying can fix (HTTP 429 and 5xx, timeouts,
dropped connections), honour ``Retry-After`` (capped), and stop after
``retries`` attempts; everything else fails at once with a sentence saying what
the server did.
"""

from __future__ import annotations

import json
import re
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlencode, urlsplit

from .content import KIND_NAMES, sniff
from .errors import SourceError, UnreachableError
from .i18n import tr

USER_AGENT = "CRS-Service-Points-QGIS-plugin"
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
_RETRY_STATUS = {429, 500, 502, 503, 504}


def is_url(location: str) -> bool:
    return urlsplit(str(location)).scheme.lower() in ("http", "https")


def with_params(url: str, params: dict | None) -> str:
    if not params:
        return url
    # Commas stay literal (bbox=-70,44,-60,49), as OGC API examples write them: some
    # servers (QGIS Server 3.22) mangle %2C when they copy parameters into 'next' links.
    return url + ("&" if urlsplit(url).query else "?") + urlencode(params, safe=",")


@dataclass(frozen=True)
class HttpResponse:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes


class HttpStatusError(Exception):
    """The server answered with an HTTP error status (a transport raises this, the client decides)."""

    def __init__(self, code: int, reason: str, headers: dict[str, str], body: bytes) -> None:
        super().__init__(f"{code} {reason}")
        self.code, self.reason, self.headers, self.body = code, reason, headers, body


#: A transport fetches one URL once: (url, headers, timeout_s, max_bytes) -> HttpResponse. It raises
#: HttpStatusError for HTTP error statuses, OSError (TimeoutError, ConnectionError…) for network
#: failures, SourceError when the body exceeds max_bytes. Retries and messages are the client's.
Transport = Callable[[str, dict, float, int], HttpResponse]


class UntrustedCertificateError(ConnectionError):
    """The server's TLS certificate does not chain to a trusted certificate authority."""


def urllib_transport(
    url: str, headers: dict, timeout_s: float, max_bytes: int, proxy: str | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> HttpResponse:  # fmt: skip
    """Python's HTTP stack; ``proxy`` (http://host:port) overrides the environment's proxy settings,
    ``ssl_context`` the certificate authorities trusted (inside QGIS: QGIS's, see toolbelt.network)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **headers})  # noqa: S310 - scheme checked
    handlers = [urllib.request.ProxyHandler({"http": proxy, "https": proxy})] if proxy else []
    if ssl_context is not None:
        handlers.append(urllib.request.HTTPSHandler(context=ssl_context))
    try:
        with urllib.request.build_opener(*handlers).open(request, timeout=timeout_s) as response:
            body = response.read(max_bytes + 1)
            response_headers = {k.lower(): v for k, v in response.headers.items()}
            status = response.status
    except urllib.error.HTTPError as exc:
        try:
            error_body = exc.read(65536)
        except OSError:
            error_body = b""
        raise HttpStatusError(exc.code, str(exc.reason), {k.lower(): v for k, v in exc.headers.items()},
                              error_body) from None  # fmt: skip
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, ssl.SSLCertVerificationError):
            raise UntrustedCertificateError(reason.verify_message or str(reason)) from None
        raise (reason if isinstance(reason, OSError) else ConnectionError(str(reason))) from None
    check_size(url, len(body), max_bytes)
    return HttpResponse(url, status, response_headers, body)


def check_size(url: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise SourceError(
            tr("{url} is larger than the {limit} MB limit; nothing was loaded.").format(
                url=url, limit=max_bytes // (1024 * 1024)
            )
        )


@dataclass
class HttpClient:
    timeout_s: float = DEFAULT_TIMEOUT_S
    retries: int = 3
    backoff_s: float = 0.5
    max_retry_after_s: float = 60.0
    max_bytes: int = DEFAULT_MAX_BYTES
    sleep: object = field(default=time.sleep, repr=False)  # replaced by tests that count waits
    #: How requests travel: Python's urllib by default; inside QGIS, QGIS's network manager
    #: (its proxy, SSL and authentication settings), see ``toolbelt.network``.
    transport: Transport = field(default=urllib_transport, repr=False)
    #: HTTP validators (ETag, Last-Modified) of the first response that had them: kept as provenance.
    validators: dict[str, str] = field(default_factory=dict, repr=False)

    def get(self, url: str, params: dict | None = None, headers: dict | None = None) -> HttpResponse:
        if not is_url(url):
            raise SourceError(
                tr("Only http:// and https:// addresses can be fetched, not {url!r}.").format(url=url)
            )
        full = with_params(url, params)
        last_problem = ""
        for attempt in range(1, self.retries + 1):
            wait = self.backoff_s * 2 ** (attempt - 1)
            try:
                response = self.transport(full, headers or {}, self.timeout_s, self.max_bytes)
            except HttpStatusError as exc:
                if exc.code not in _RETRY_STATUS:
                    reason = _error_summary(exc.body)
                    message = (
                        tr("The server answered {code} {reason} for {url}: {details}.")
                        if reason
                        else tr("The server answered {code} {reason} for {url}.")
                    )
                    raise SourceError(
                        message.format(code=exc.code, reason=exc.reason, url=full, details=reason)
                    ) from None
                last_problem = tr("the server answered {code} {reason}").format(
                    code=exc.code, reason=exc.reason
                )
                wait = max(wait, self._retry_after(exc.headers.get("retry-after")))
            except UntrustedCertificateError as exc:  # retrying cannot help: say what to do
                raise UnreachableError(
                    tr(
                        "The certificate of {hostname} is not trusted ({exc}). If your organisation uses its own "
                        "certificate authority, add it to QGIS: Settings › Options › Authentication › Manage "
                        "certificates › Authorities, then load again."
                    ).format(hostname=urlsplit(full).hostname, exc=exc)
                ) from None
            except OSError as exc:  # TimeoutError, ConnectionError, socket errors
                reason = getattr(exc, "reason", exc)
                timed_out = isinstance(exc, TimeoutError) or "timed out" in str(reason)
                last_problem = tr("it did not answer in time") if timed_out else f"{reason}"
            else:
                if not self.validators:
                    self.validators = {
                        k: response.headers[k] for k in ("etag", "last-modified") if k in response.headers
                    }
                return response
            if attempt < self.retries:
                self.sleep(wait)
        raise UnreachableError(
            tr("Could not fetch {url}: {problem} ({retries} attempts).").format(
                url=full, problem=last_problem, retries=self.retries
            )
        )

    def get_json(self, url: str, params: dict | None = None, headers: dict | None = None) -> dict:
        response = self.get(url, params, headers)
        kind = sniff(response.body)
        if kind == "html":
            raise SourceError(
                tr(
                    "{url} answered with a web page instead of JSON (is the address right, or is the service "
                    "down?)."
                ).format(url=response.url)
            )
        if kind not in ("json", "csv"):  # 'csv' is any other text: truncated or invalid JSON, said below
            words = _error_summary(response.body) if kind == "xml" else ""
            message = (
                tr("{url} answered with {kind} instead of JSON: {words}.")
                if words
                else tr("{url} answered with {kind} instead of JSON.")
            )
            kind_name = tr(KIND_NAMES[kind])  # i18n: marked
            raise SourceError(message.format(url=response.url, kind=kind_name, words=words))
        text = response.body.decode("utf-8", errors="replace")
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SourceError(
                tr("{url} sent invalid or truncated JSON ({msg} at character {pos}).").format(
                    url=response.url, msg=exc.msg, pos=exc.pos
                )
            ) from None

    def _retry_after(self, value: str | None) -> float:
        if not value:
            return 0.0
        try:
            seconds = float(value)
        except ValueError:
            try:
                seconds = parsedate_to_datetime(value).timestamp() - time.time()
            except (TypeError, ValueError):
                return 0.0
        return min(max(seconds, 0.0), self.max_retry_after_s)


def _error_summary(raw: bytes, limit: int = 300) -> str:
    """The server's own words from an error body (JSON message or XML/HTML text), shortened."""
    body = raw[:65536].decode("utf-8", errors="replace")
    try:
        doc = json.loads(body)
        if isinstance(doc, dict):
            inner = doc.get("error") if isinstance(doc.get("error"), dict) else doc
            body = str(inner.get("message") or inner.get("description") or inner.get("detail") or "")
    except json.JSONDecodeError:
        body = re.sub(r"<\?xml[^>]*>|<[^>]+>", " ", body)
    return " ".join(body.split())[:limit]


def get_bytes(url: str, client: HttpClient | None = None) -> tuple[bytes, dict[str, str]]:
    """Body and headers of a GET, or SourceError with the reason."""
    response = (client or HttpClient()).get(url)
    return response.body, response.headers
