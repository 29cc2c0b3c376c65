"""OGC API Features collections: ``/collections/{id}/items`` pages.

The address may be the API's landing page (with the ``collection`` option, or
alone when the API serves one collection), a collection's page or its ``items``
address, with query parameters (merged into every request). Items are asked for
as GeoJSON (``Accept: application/geo+json``) with ``limit`` and an optional
``bbox`` (lon/lat).

Paging follows the server: servers cap ``limit`` below what was asked (pygeoapi
to 10 by default), so the page size is what the first page really held. When the
server gives ``numberMatched`` and its ``next`` link pages by ``offset``, the other
pages are known in advance and fetched a few at a time, concurrently (short pages
asked again from where they stopped); otherwise each page's ``next`` link is
followed. The records got are checked against ``numberMatched``: every record, or
an error saying how many of how many and why. A page limit stops a server whose
``next`` never ends (saying so when it was reached because pages were small), and
a ``next`` link seen before (a loop) is an error, not an endless fetch.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import SourceError
from ..http import HttpClient
from ..i18n import tr
from ..schema import Provenance
from ..table import RawTable, concat_tables
from .base import offset_pages
from .file import features_table

GEOJSON = "application/geo+json"
ACCEPT = {"Accept": f"{GEOJSON}, application/json"}
DEFAULT_MAX_PAGES = 1000
_COLLECTION = re.compile(r"^(?P<base>.*?)/collections(?:/(?P<collection>[^/]+)(?:/items)?)?/*$")
_OFFSET_NAMES = ("offset", "startindex")


class OgcApiFeaturesSource:
    def __init__(
        self,
        base_url: str,
        collection: str | None,
        source_id: str,
        limit: int = 1000,
        bbox: tuple[float, float, float, float] | None = None,
        max_pages: int = DEFAULT_MAX_PAGES,
        client: HttpClient | None = None,
        concurrency: int = 4,
    ) -> None:
        parts = urlsplit(base_url.strip())
        match = _COLLECTION.match(parts.path)
        path = match["base"] if match else parts.path.rstrip("/")
        self.base_url = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
        self.collection = (match and match["collection"]) or collection or None
        #: Filters of a pasted address (e.g. ``?bbox=…&datetime=…``) kept for every page.
        self.url_params = {
            k: v for k, v in parse_qsl(parts.query) if k.lower() not in ("f", "limit", "offset")
        }
        self.source_id = source_id
        self.limit = limit
        self.bbox = bbox
        self.max_pages = max_pages
        self.client = client or HttpClient()
        self.concurrency = max(1, min(int(concurrency), 8))

    @property
    def items_url(self) -> str:
        return f"{self.base_url}/collections/{self.collection}/items"

    def fetch(self) -> tuple[RawTable, Provenance]:
        if not self.collection:
            self.collection = self._single_collection()
        params = {**self.url_params, "limit": self.limit}
        if self.bbox is not None:
            params["bbox"] = ",".join(str(v) for v in self.bbox)
        first = self._page(self.items_url, params)
        matched, following = first["matched"], first["next"]
        step = len(first["table"])
        template = _offset_template(following, step) if following and step else None
        concurrent = matched is not None and template is not None and self.concurrency > 1 and step < matched
        tables = self._concurrent(first, template, step, matched) if concurrent else self._sequential(first)
        raw = concat_tables(tables)
        if matched is not None and len(raw) != matched:
            message = (
                tr("{url}: got {got} of {matched} items (numberMatched) because the server's pages stopped early; "
                   "nothing was loaded.")
                if len(raw) < matched
                else tr("{url}: got {got} of {matched} items (numberMatched) because the server's pages held more "
                        "items than it counted; nothing was loaded.")
            )  # fmt: skip
            raise SourceError(message.format(url=self.items_url, got=len(raw), matched=matched))
        provenance = Provenance(
            source_id=self.source_id,
            uri=self.items_url,
            record_count=len(raw),
            sha256=raw.sha256(),
            extra={
                "page_size": step,
                "paging": "offset, concurrent" if concurrent else "next links",
            },
        )
        return raw, provenance

    # -- the address ------------------------------------------------------------------

    def _single_collection(self) -> str:
        doc = self.client.get_json(
            f"{self.base_url}/collections", {"f": "json"}, headers={"Accept": "application/json"}
        )
        collections = [c for c in doc.get("collections") or [] if isinstance(c, dict) and c.get("id")]
        if len(collections) == 1:
            return str(collections[0]["id"])
        listing = "; ".join(
            f"{c['id']}" + (f" ({c['title']})" if c.get("title") else "") for c in collections
        )
        example = collections[0]["id"] if collections else "<id>"
        raise SourceError(
            tr(
                "{base_url} is an OGC API with {count} collections ({listing}): set the connector's "
                "'collection' to the one to load, or paste its address, for example "
                "{base_url}/collections/{example}."
            ).format(
                base_url=self.base_url,
                count=len(collections),
                listing=listing or tr("none"),
                example=example,
            )
        )

    # -- paging -------------------------------------------------------------------------

    def _page(self, url: str, params: dict | None) -> dict:
        doc = self.client.get_json(url, params, headers=ACCEPT)
        if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
            raise SourceError(tr("{url} did not answer with a GeoJSON FeatureCollection.").format(url=url))
        features = doc["features"]
        returned = doc.get("numberReturned")
        if isinstance(returned, int) and returned != len(features):
            raise SourceError(
                tr(
                    "{url} says it returned {returned} items (numberReturned) but sent {sent}; the "
                    "answer seems cut short. Nothing was loaded."
                ).format(url=url, returned=returned, sent=len(features))
            )
        matched = doc.get("numberMatched")
        return {
            "table": features_table(features, self.items_url),
            "matched": matched if isinstance(matched, int) else None,
            "next": _next_link(doc),
        }

    def _sequential(self, first: dict) -> list[RawTable]:
        tables, page, seen, smallest = [], first, set(), len(first["table"]) or self.limit
        for _ in range(self.max_pages):
            tables.append(page["table"])
            following = page["next"]
            if following is None or not len(page["table"]):
                return tables
            if following in seen:
                raise SourceError(
                    tr("{url}: the 'next' links loop back to a page already read; stopped.").format(
                        url=self.items_url
                    )
                )
            seen.add(following)
            page = self._page(following, None)  # the next link carries every parameter
            if len(page["table"]):
                smallest = min(smallest, len(page["table"]))
        raise self._page_limit_error(smallest)

    def _concurrent(self, first: dict, template, step: int, matched: int) -> list[RawTable]:
        offsets = list(range(step, matched, step))
        if 1 + len(offsets) > self.max_pages:
            raise self._page_limit_error(step, matched)
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            pages = list(pool.map(lambda o: self._page(template(o, step), None)["table"], offsets))
        return offset_pages(
            first["table"], offsets, pages, step, matched,
            fetch=lambda offset, count: self._page(template(offset, count), None)["table"],
            same_page=lambda seen, offset: SourceError(
                tr("{items_url} sent the same items for offsets {seen} and {offset}: it seems to ignore "
                   "'offset'. Nothing was loaded.").format(items_url=self.items_url, seen=seen, offset=offset)),
            page_limit=self._page_limit_error, max_pages=self.max_pages,
        )  # fmt: skip

    def _page_limit_error(self, page_size: int, matched: int | None = None) -> SourceError:
        small = (
            " "
            + tr(
                "because the server sends {page_size} items a page, fewer than the {limit} asked for (it caps 'limit')"
            ).format(page_size=page_size, limit=self.limit)
            if page_size < self.limit
            else ""
        )
        total = " " + tr("of {matched} items").format(matched=matched) if matched is not None else ""
        return SourceError(
            tr(
                "{url}: more than {pages} pages{total} would be needed{small}; stopped so as not "
                "to loop forever. Raise the connector's 'max_pages' or narrow the bbox."
            ).format(url=self.items_url, pages=self.max_pages, total=total, small=small)
        )


def _next_link(doc: dict) -> str | None:
    links = [link for link in doc.get("links") or [] if link.get("rel") == "next" and link.get("href")]
    if not links:
        return None
    geojson = [link for link in links if link.get("type") in (GEOJSON, "application/json")]
    return (geojson or links)[0]["href"]


def _offset_template(next_url: str, received: int):
    """A function (offset, limit) -> page URL when ``next_url`` pages by an offset parameter that
    continues right after the ``received`` items; None when it pages some other way (tokens)."""
    parts = urlsplit(next_url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    names = [k for k, v in query if k.lower() in _OFFSET_NAMES and v.isdigit() and int(v) == received]
    if len(names) != 1:
        return None

    def url(offset: int, limit: int) -> str:
        pairs = [
            (k, str(offset) if k == names[0] else str(limit) if k.lower() == "limit" else v) for k, v in query
        ]
        return urlunsplit(parts._replace(query=urlencode(pairs, safe=",:")))

    return url
