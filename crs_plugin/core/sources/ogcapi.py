"""OGC API Features collections: ``/collections/{id}/items`` pages, following ``rel=next``.

Items are asked for as GeoJSON (``Accept: application/geo+json``) with ``limit``
and an optional ``bbox`` (lon/lat). Each page's ``next`` link is followed until
there is none; a page limit stops a server whose ``next`` never ends, and a
``next`` link seen before (a loop) is an error, not an endless fetch.
"""

from __future__ import annotations

from ..errors import SourceError
from ..http import HttpClient
from ..schema import Provenance
from .file import features_table

GEOJSON = "application/geo+json"
DEFAULT_MAX_PAGES = 1000


class OgcApiFeaturesSource:
    def __init__(
        self,
        base_url: str,
        collection: str,
        source_id: str,
        limit: int = 1000,
        bbox: tuple[float, float, float, float] | None = None,
        max_pages: int = DEFAULT_MAX_PAGES,
        client: HttpClient | None = None,
    ) -> None:
        self.items_url = f"{base_url.rstrip('/')}/collections/{collection}/items"
        self.source_id = source_id
        self.limit = limit
        self.bbox = bbox
        self.max_pages = max_pages
        self.client = client or HttpClient()

    def fetch(self):
        params = {"limit": self.limit}
        if self.bbox is not None:
            params["bbox"] = ",".join(str(v) for v in self.bbox)
        url, features, seen = self.items_url, [], set()
        for _ in range(self.max_pages):
            doc = self.client.get_json(url, params, headers={"Accept": f"{GEOJSON}, application/json"})
            if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
                raise SourceError(f"{url} did not answer with a GeoJSON FeatureCollection.")
            features.extend(doc["features"])
            following = _next_link(doc)
            if following is None or not doc["features"]:
                break
            if following in seen:
                raise SourceError(
                    f"{self.items_url}: the 'next' links loop back to a page already read; stopped."
                )
            seen.add(following)
            url, params = following, None  # the next link carries every parameter
        else:
            raise SourceError(
                f"{self.items_url} still had a 'next' page after {self.max_pages} pages of {self.limit}; stopped "
                "so as not to loop forever. Narrow the bbox or raise the page limit."
            )
        raw = features_table(features, self.items_url)
        provenance = Provenance(
            source_id=self.source_id,
            uri=self.items_url,
            record_count=len(raw),
            sha256=raw.sha256(),
        )
        return raw, provenance


def _next_link(doc: dict) -> str | None:
    links = [link for link in doc.get("links") or [] if link.get("rel") == "next" and link.get("href")]
    if not links:
        return None
    geojson = [link for link in links if link.get("type") in (GEOJSON, "application/json")]
    return (geojson or links)[0]["href"]
