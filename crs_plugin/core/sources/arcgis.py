"""ArcGIS REST FeatureServer / MapServer layers, paged through the ``query`` operation.

The layer's metadata (``?f=json``) gives ``maxRecordCount`` and whether it supports
pagination. With pagination, pages of ``resultRecordCount`` features are asked for
at growing ``resultOffset`` until ``exceededTransferLimit`` is false; without it,
the object ids are fetched first (``returnIdsOnly``) and asked for in batches.
Coordinates are requested in EPSG:4326 (``outSR=4326``). ArcGIS reports errors as
JSON with HTTP 200 (``{"error": {"code": 400, "message": …}}``): these become
errors too. A page limit stops a server that never says it is done, and a page
identical to another (a server ignoring ``resultOffset``) is an error, not an
endless loop. When the layer reports its record count (``returnCountOnly``), the
pages are known in advance and fetched a few at a time, concurrently.
"""

from __future__ import annotations

import numpy as np

from ..errors import SourceError
from ..http import HttpClient
from ..schema import Provenance
from ..table import RawTable, concat_tables

DEFAULT_MAX_PAGES = 1000


class ArcGisSource:
    def __init__(
        self,
        layer_url: str,
        source_id: str,
        where: str = "1=1",
        out_format: str = "geojson",
        page_size: int | None = None,
        max_pages: int = DEFAULT_MAX_PAGES,
        client: HttpClient | None = None,
        concurrency: int = 4,
    ) -> None:
        if out_format not in ("geojson", "json"):
            raise SourceError(f"ArcGIS output format must be 'geojson' or 'json', not {out_format!r}.")
        self.layer_url = layer_url.rstrip("/")
        self.source_id = source_id
        self.where = where
        self.out_format = out_format
        self.page_size = page_size
        self.max_pages = max_pages
        self.client = client or HttpClient()
        #: Pages fetched at once when the layer reports its record count (bounded, polite).
        self.concurrency = max(1, min(int(concurrency), 8))

    def fetch(self) -> tuple[RawTable, Provenance]:
        meta = self._json(self.layer_url, {"f": "json"})
        max_records = int(meta.get("maxRecordCount") or 1000)
        page = min(self.page_size or max_records, max_records)
        paging = bool((meta.get("advancedQueryCapabilities") or {}).get("supportsPagination"))
        raw = concat_tables(self._by_offset(page) if paging else self._by_object_ids(page, meta))
        provenance = Provenance(
            source_id=self.source_id,
            uri=self.layer_url,
            record_count=len(raw),
            sha256=raw.sha256(),
            extra={"paging": "offset" if paging else "object ids", "page_size": page},
        )
        return raw, provenance

    # -- paging -------------------------------------------------------------------

    def _query(self, extra: dict) -> dict:
        params = {"where": self.where, "outFields": "*", "outSR": 4326, "f": self.out_format, **extra}
        return self._json(f"{self.layer_url}/query", params)

    def _page(self, extra: dict) -> RawTable:
        """One page as a table (converted where it was fetched: in parallel with the next ones)."""
        return self._table(self._query(extra).get("features") or [])

    def _by_offset(self, page: int) -> list[RawTable]:
        total = self._count() if self.concurrency > 1 else None
        if total is None:
            return self._by_offset_sequential(page)
        pages = -(-total // page)
        if pages > self.max_pages:
            raise SourceError(
                f"{self.layer_url} has {total} records: more than {self.max_pages} pages of {page}. "
                "Narrow the 'where' filter or raise the page limit."
            )
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            batches = list(pool.map(lambda n: self._page({"resultOffset": n * page, "resultRecordCount": page}),
                                    range(pages)))  # fmt: skip
        seen: dict[tuple, int] = {}
        for number, batch in enumerate(batches):
            key = batch.page_key()
            if len(batch) and key in seen:
                raise SourceError(
                    f"{self.layer_url} sent the same page for offsets {seen[key] * page} and {number * page}: it "
                    "seems to ignore resultOffset. Nothing was loaded."
                )
            seen[key] = number
        return batches

    def _count(self) -> int | None:
        """The number of matching records, or None where the server cannot say."""
        # Only the service's own "not supported" answer means "no count": network and JSON
        # errors are errors.
        params = {"where": self.where, "returnCountOnly": "true", "f": "json"}
        doc = self.client.get_json(f"{self.layer_url}/query", params)
        count = doc.get("count") if isinstance(doc, dict) and not doc.get("error") else None
        return int(count) if isinstance(count, int) else None

    def _by_offset_sequential(self, page: int) -> list[RawTable]:
        tables: list[RawTable] = []
        previous_ids = None
        for number in range(self.max_pages):
            doc = self._query({"resultOffset": number * page, "resultRecordCount": page})
            batch = self._table(doc.get("features") or [])
            ids = batch.page_key()
            if len(batch) and ids == previous_ids:
                raise SourceError(
                    f"{self.layer_url} sent the same page twice (offset {number * page}): it seems to ignore "
                    "resultOffset. Set a smaller page size or ask the publisher; nothing was loaded."
                )
            previous_ids = ids
            tables.append(batch)
            exceeded = doc.get("exceededTransferLimit") or (doc.get("properties") or {}).get(
                "exceededTransferLimit"
            )
            if not len(batch) or not exceeded:
                return tables
        raise SourceError(
            f"{self.layer_url} still had more records after {self.max_pages} pages of {page}; stopped so as "
            "not to loop forever. Narrow the 'where' filter or raise the page limit."
        )

    def _by_object_ids(self, page: int, meta: dict) -> list[RawTable]:
        doc = self._json(
            f"{self.layer_url}/query", {"where": self.where, "returnIdsOnly": "true", "f": "json"}
        )
        ids = sorted(doc.get("objectIds") or [])
        if len(ids) > page * self.max_pages:
            raise SourceError(f"{self.layer_url} has {len(ids)} records, more than the page limit allows.")
        return [
            self._page({"objectIds": ",".join(str(i) for i in ids[start : start + page])})
            for start in range(0, len(ids), page)
        ]

    def _json(self, url: str, params: dict) -> dict:
        doc = self.client.get_json(url, params)
        if not isinstance(doc, dict):
            raise SourceError(f"{url} did not answer with a JSON object.")
        error = doc.get("error")
        if error:  # ArcGIS reports errors in the body of an HTTP 200 answer
            details = "; ".join(str(d) for d in error.get("details") or [])
            raise SourceError(
                f"The ArcGIS service at {url} reported error {error.get('code')}: {error.get('message')}"
                + (f" ({details})" if details else "")
                + "."
            )
        return doc

    # -- to a RawTable ----------------------------------------------------------------

    def _table(self, features: list[dict]) -> RawTable:
        key = "properties" if self.out_format == "geojson" else "attributes"
        records = [f.get(key) or {} for f in features]
        names = dict.fromkeys(name for record in records for name in record)
        columns = {name: np.array([r.get(name) for r in records], dtype=object) for name in names}
        ids = [_feature_key(f) for f in features]
        columns["@id"] = np.array([None if i is None else str(i) for i in ids], dtype=object)
        geometries = [f.get("geometry") or {} for f in features]
        if self.out_format == "geojson":
            xy = [g.get("coordinates") if g.get("type") == "Point" else None for g in geometries]
            xy = [c[:2] if c and len(c) >= 2 else (None, None) for c in xy]  # drops z
        else:
            xy = [(g.get("x"), g.get("y")) for g in geometries]
        coordinates = np.array(xy, dtype=float).reshape(-1, 2)  # None becomes NaN
        return RawTable(columns, coordinates[:, 0].copy(), coordinates[:, 1].copy(), crs="EPSG:4326")


def _feature_key(feature: dict):
    if feature.get("id") is not None:
        return feature["id"]
    attrs = feature.get("attributes") or feature.get("properties") or {}
    return attrs.get("OBJECTID", attrs.get("objectid"))
