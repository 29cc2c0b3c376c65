"""Minimal HTTP(S) GET with a timeout and a size limit, for file sources given by URL.

Only http and https URLs are fetched; anything else is refused so that a
catalogue entry cannot make the plugin read local files through ``file://``.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlsplit

from .errors import SourceError

USER_AGENT = "CRS-Service-Points-QGIS-plugin"
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_BYTES = 200 * 1024 * 1024


def is_url(location: str) -> bool:
    return urlsplit(str(location)).scheme.lower() in ("http", "https")


def get_bytes(
    url: str, timeout: float = DEFAULT_TIMEOUT_S, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[bytes, dict[str, str]]:
    """Body and headers of a GET, or SourceError with the reason."""
    if not is_url(url):
        raise SourceError(f"Only http:// and https:// addresses can be fetched, not {url!r}.")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310 - scheme checked
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked
            body = response.read(max_bytes + 1)
            headers = {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as exc:
        raise SourceError(f"The server answered {exc.code} {exc.reason} for {url}.") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SourceError(f"Could not reach {url}: {reason}.") from None
    if len(body) > max_bytes:
        raise SourceError(
            f"{url} is larger than the {max_bytes // (1024 * 1024)} MB limit; nothing was loaded."
        )
    return body, headers
