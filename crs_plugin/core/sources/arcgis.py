"""ArcGIS REST FeatureServer / MapServer layers (and other GeoServices servers such as Koop).

The address may be the layer's (``…/FeatureServer/0``), its HTML page (``?f=html``),
a ``query`` address with parameters (its ``where`` and other filters are merged
into every request), or the service's (``…/FeatureServer``): a service with one
layer loads that layer, one with several is refused with the list to choose from.

Paging follows what the server says, never what was asked: pages are asked for at
``resultOffset`` with ``resultRecordCount`` (at most the layer's ``maxRecordCount``),
and the offset advances by the records actually received. A page may hold fewer
records than asked, or none, while the server says more exist;
``exceededTransferLimit`` may be at the top level (Esri JSON), inside
``properties`` (Esri's GeoJSON) or never sent (some implementations' GeoJSON): the
connector keeps going while the flag, or the layer's count (``returnCountOnly``),
says more exist. When the count is known the pages are fetched a few at a time,
concurrently, in steps of what the server really sends. At the end the records are
checked against the count and, when they disagree, against the object ids
(``returnIdsOnly``): records the pages left out are asked for by id; what still
misses fails the load with "got N of M because …". Layers that cannot page are read
in object-id batches.

Answers are asked for as Esri JSON by default (every ArcGIS Server version speaks it, it
declares its CRS, and it is a third smaller than GeoJSON to send and parse; ``out_format``
"geojson" asks for GeoJSON). Coordinates are asked for in EPSG:4326 (``outSR``); the CRS the answer declares
(``spatialReference``: ``latestWkid``, ``wkid`` or ``wkt``) is what they are read
in, since some servers ignore ``outSR``. ArcGIS reports errors as JSON with HTTP 200:
these become errors too. A page limit stops a server that never says it is done, and
a page identical to another (a server ignoring ``resultOffset``) is an error.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import numpy as np

from ..errors import SourceError
from ..http import HttpClient
from ..i18n import tr
from ..schema import Provenance
from ..table import RawTable, concat_tables
from .base import offset_pages
from .file import geojson_crs

DEFAULT_MAX_PAGES = 1000
_ADDRESS = re.compile(
    r"^(?P<service>.*/(?:FeatureServer|MapServer))(?:/(?P<layer>\d+))?(?:/(?P<op>query))?/*$", re.I
)
#: Parameters of a pasted address that the connector sets itself.
_OWN_PARAMS = {"f", "outsr", "outfields", "resultoffset", "resultrecordcount", "returncountonly", "returnidsonly",
               "objectids", "orderbyfields", "returngeometry"}  # fmt: skip


class ArcGisSource:
    def __init__(
        self,
        layer_url: str,
        source_id: str,
        where: str | None = None,
        out_format: str = "json",
        page_size: int | None = None,
        max_pages: int = DEFAULT_MAX_PAGES,
        client: HttpClient | None = None,
        concurrency: int = 4,
    ) -> None:
        if out_format not in ("geojson", "json"):
            raise SourceError(
                tr("ArcGIS output format must be 'geojson' or 'json', not {out_format!r}.").format(
                    out_format=out_format
                )
            )
        self.address = layer_url
        self.service_url, self.layer_id, self.url_params = _parse_address(layer_url)
        if where is not None:
            self.url_params["where"] = where
        self.url_params.setdefault("where", "1=1")
        self.source_id = source_id
        self.out_format = out_format
        self.page_size = page_size
        self.max_pages = max_pages
        self.client = client or HttpClient()
        #: Pages fetched at once when the layer reports its record count (bounded, polite).
        self.concurrency = max(1, min(int(concurrency), 8))
        self.layer_url = (
            f"{self.service_url}/{self.layer_id}" if self.layer_id is not None else self.service_url
        )
        self._oid_field: str | None = None
        self._order: dict = {}

    @property
    def where(self) -> str:
        return self.url_params["where"]

    def fetch(self) -> tuple[RawTable, Provenance]:
        if self.layer_id is None:
            self.layer_id = self._single_layer()
            self.layer_url = f"{self.service_url}/{self.layer_id}"
        meta = self._json(self.layer_url, {"f": "json"})
        max_records = int(meta.get("maxRecordCount") or 1000)
        page = min(self.page_size or max_records, max_records)
        advanced = meta.get("advancedQueryCapabilities") or {}
        paging = bool(advanced.get("supportsPagination"))
        self._oid_field = meta.get("objectIdField") or next(
            (f.get("name") for f in meta.get("fields") or [] if f.get("type") == "esriFieldTypeOID"), None
        )
        #: A stable order, so that pages neither overlap nor leave gaps when the server's natural order moves.
        self._order = (
            {"orderByFields": self._oid_field} if self._oid_field and advanced.get("supportsOrderBy") else {}
        )
        count = self._count()
        tables = self._by_offset(page, count) if paging else self._by_object_ids(page)
        raw, notes = self._complete(concat_tables(tables), count, page)
        raw.notes.extend(notes)
        provenance = Provenance(
            source_id=self.source_id,
            uri=self.layer_url,
            record_count=len(raw),
            sha256=raw.sha256(),
            extra={"paging": "offset" if paging else "object ids", "page_size": page, "server_count": count},
        )
        return raw, provenance

    # -- the address ------------------------------------------------------------------

    def _single_layer(self) -> int:
        service = self._json(self.service_url, {"f": "json"})
        layers = [layer for layer in service.get("layers") or [] if not layer.get("subLayerIds")]
        if len(layers) == 1:
            return int(layers[0]["id"])
        listing = "; ".join(f"{layer.get('id')}: {layer.get('name')}" for layer in layers) or tr("none")
        raise SourceError(
            tr(
                "{service_url} is a service with {count} layers ({listing}), not a layer: paste the "
                "address of the layer to load, for example {service_url}/{first}."
            ).format(
                service_url=self.service_url,
                count=len(layers),
                listing=listing,
                first=layers[0]["id"] if layers else 0,
            )
        )

    # -- paging -------------------------------------------------------------------

    def _query(self, extra: dict) -> dict:
        params = {**self.url_params, "outFields": "*", "outSR": 4326, "f": self.out_format, **extra}
        return self._json(f"{self.layer_url}/query", params)

    def _page(self, extra: dict) -> tuple[RawTable, dict]:
        """One page as a table (converted where it was fetched: in parallel with the next ones) and
        what the server said about the rest (its ``exceededTransferLimit``)."""
        doc = self._query({**self._order, **extra})
        return self._table(doc), {"exceeded": _exceeded(doc)}

    def _by_offset(self, page: int, count: int | None) -> list[RawTable]:
        first, said = self._page({"resultOffset": 0, "resultRecordCount": page})
        if count is None or self.concurrency == 1 or not len(first) or len(first) >= count:
            return self._by_offset_sequential(page, count, first, said)
        # The server may send fewer than asked: step by what it really sends.
        step = len(first)
        offsets = list(range(step, count, step))
        if 1 + len(offsets) > self.max_pages:
            fewer = (
                tr(" (the server sends {step} records a page, fewer than the {page} asked for)").format(
                    step=step, page=page
                )
                if step < page
                else ""
            )
            raise SourceError(
                tr(
                    "{layer_url} has {count} records: more than {max_pages} pages of {step}{fewer}. Narrow the "
                    "'where' filter or raise the connector's 'max_pages'."
                ).format(
                    layer_url=self.layer_url, count=count, max_pages=self.max_pages, step=step, fewer=fewer
                )
            )
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            pages = list(
                pool.map(lambda o: self._page({"resultOffset": o, "resultRecordCount": step})[0], offsets)
            )
        return offset_pages(
            first, offsets, pages, step, count,
            fetch=lambda offset, size: self._page({"resultOffset": offset, "resultRecordCount": size})[0],
            same_page=lambda seen, offset: SourceError(
                tr("{layer_url} sent the same page for offsets {seen} and {offset}: it seems to ignore "
                   "resultOffset. Nothing was loaded.").format(layer_url=self.layer_url, seen=seen, offset=offset)),
            page_limit=lambda _size: self._page_limit_error(page, step), max_pages=self.max_pages,
        )  # fmt: skip

    def _by_offset_sequential(
        self, page: int, count: int | None, first: RawTable, said: dict
    ) -> list[RawTable]:
        tables, offset, smallest = [], 0, page
        batch, previous = first, None
        for number in range(self.max_pages):
            if number:
                batch, said = self._page({"resultOffset": offset, "resultRecordCount": page})
            key = batch.page_key()
            if len(batch) and key == previous:
                raise SourceError(
                    tr(
                        "{layer_url} sent the same page twice (offset {offset}): it seems to ignore "
                        "resultOffset. Set a smaller page size or ask the publisher; nothing was loaded."
                    ).format(layer_url=self.layer_url, offset=offset)
                )
            previous = key
            tables.append(batch)
            offset += len(batch)
            flag = said["exceeded"]
            if not len(batch):
                if flag:
                    got = (
                        tr("{got} of {count}").format(got=offset, count=count)
                        if count is not None
                        else offset
                    )
                    raise SourceError(
                        tr(
                            "{layer_url}: got {got} records because the server sent an empty page at offset "
                            "{offset} while saying more records exist (exceededTransferLimit); nothing was loaded."
                        ).format(layer_url=self.layer_url, got=got, offset=offset)
                    )
                return tables
            smallest = min(smallest, len(batch))
            more = flag or (count is not None and offset < count) or (flag is None and count is None)
            if not more:
                return tables
        raise self._page_limit_error(page, smallest)

    def _page_limit_error(self, page: int, received: int) -> SourceError:
        small = (
            " "
            + tr(
                "(the server sent as few as {received} records a page, fewer than the {page} asked for)"
            ).format(received=received, page=page)
            if received < page
            else ""
        )
        return SourceError(
            tr(
                "{url} still had more records after {pages} pages{small}; stopped so as not "
                "to loop forever. Narrow the 'where' filter or raise the connector's 'max_pages'."
            ).format(url=self.layer_url, pages=self.max_pages, small=small)
        )

    def _count(self) -> int | None:
        """The number of matching records, or None where the server cannot say."""
        # Only the service's own "not supported" answer means "no count": network and JSON
        # errors are errors.
        params = {**self.url_params, "returnCountOnly": "true", "f": "json"}
        doc = self.client.get_json(f"{self.layer_url}/query", params)
        count = doc.get("count") if isinstance(doc, dict) and not doc.get("error") else None
        return int(count) if isinstance(count, int) else None

    def _object_ids(self) -> list | None:
        params = {**self.url_params, "returnIdsOnly": "true", "f": "json"}
        doc = self.client.get_json(f"{self.layer_url}/query", params)
        ids = doc.get("objectIds") if isinstance(doc, dict) and not doc.get("error") else None
        return sorted(ids) if isinstance(ids, list) else None

    def _by_object_ids(self, page: int) -> list[RawTable]:
        ids = self._object_ids()
        if ids is None:
            raise SourceError(
                tr(
                    "{layer_url} can neither page (supportsPagination) nor list its object ids; it cannot be "
                    "loaded completely."
                ).format(layer_url=self.layer_url)
            )
        if len(ids) > page * self.max_pages:
            raise SourceError(
                tr(
                    "{layer_url} has {ids_count} records, more than {max_pages} pages of {page}: raise the "
                    "connector's 'max_pages' or narrow the 'where' filter."
                ).format(layer_url=self.layer_url, ids_count=len(ids), max_pages=self.max_pages, page=page)
            )
        return self._fetch_ids(ids, page)

    def _fetch_ids(self, ids: list, page: int) -> list[RawTable]:
        """The records of ``ids``, in batches (concurrently); a batch the server cut short is asked
        for again, in batches of what it really sent."""
        batches = [ids[start : start + page] for start in range(0, len(ids), page)]
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            tables = list(pool.map(lambda b: self._page({"objectIds": ",".join(map(str, b))})[0], batches))
        pending = [i for b, t in zip(batches, tables) for i in _missing(b, t)]
        rounds = len(batches)
        while pending and rounds < self.max_pages:
            step = max(1, min(len(t) for t in tables if len(t)) if any(len(t) for t in tables) else 1)
            batch = pending[:step]
            table, _ = self._page({"objectIds": ",".join(map(str, batch))})
            rounds += 1
            if not len(table):
                break  # the server does not return them: reported by the completeness check
            tables.append(table)
            pending = _missing(batch, table) + pending[step:]
        return tables

    def _complete(self, raw: RawTable, count: int | None, page: int) -> tuple[RawTable, list[str]]:
        """Every record, checked against the count and the object ids, or an error saying what is missing."""
        ids = raw.columns.get("@id", np.zeros(0, dtype=object))
        known = ids[np.array([i is not None for i in ids], dtype=bool)] if len(ids) else ids
        unique, first = np.unique(known.astype(str), return_index=True) if len(known) else (known, known)
        if len(known) == len(raw) and len(unique) < len(raw):  # overlapping pages: keep each record once
            raw = _take(raw, np.sort(first))
        if count is None or len(raw) == count or len(known) < len(raw):
            return raw, []
        all_ids = self._object_ids()
        if all_ids is None:
            raise SourceError(
                tr(
                    "{layer_url}: got {raw_count} of {count} records because the server's pages stopped "
                    "before its count and it cannot list its object ids to find the rest; nothing was loaded."
                ).format(layer_url=self.layer_url, raw_count=len(raw), count=count)
            )
        missing = _missing(all_ids, raw)
        if missing:
            raw = concat_tables([raw, *self._fetch_ids(missing, page)])
            still = _missing(all_ids, raw)
            if still:
                shown = ", ".join(map(str, still[:5])) + (
                    f" and {len(still) - 5} more" if len(still) > 5 else ""
                )
                raise SourceError(
                    tr(
                        "{layer_url}: got {raw_count} of {all_ids_count} records because the server's pages left "
                        "some out and it did not return them when asked by object id ({shown}); nothing was "
                        "loaded."
                    ).format(
                        layer_url=self.layer_url, raw_count=len(raw), all_ids_count=len(all_ids), shown=shown
                    )
                )
        if len(raw) != count:
            return raw, [tr("the server's count ({count}) disagrees with its {ids} object ids: all {loaded} records "
                            "with an object id were loaded").format(count=count, ids=len(all_ids), loaded=len(raw))]  # fmt: skip
        return raw, [tr("records the server's pages left out were fetched by object id")]

    def _json(self, url: str, params: dict) -> dict:
        doc = self.client.get_json(url, params)
        if not isinstance(doc, dict):
            raise SourceError(tr("{url} did not answer with a JSON object.").format(url=url))
        error = doc.get("error")
        if error:  # ArcGIS reports errors in the body of an HTTP 200 answer
            details = "; ".join(str(d) for d in error.get("details") or [])
            raise SourceError(
                tr("The ArcGIS service at {url} reported error {code}: {message}{details}.").format(
                    url=url, code=error.get("code"), message=error.get("message"),
                    details=f" ({details})" if details else "")
            )  # fmt: skip
        return doc

    # -- to a RawTable ----------------------------------------------------------------

    def _table(self, doc: dict) -> RawTable:
        features = doc.get("features") or []
        key = "properties" if self.out_format == "geojson" else "attributes"
        records = [f.get(key) or {} for f in features]
        names = dict.fromkeys(name for record in records for name in record)
        columns = {name: np.array([r.get(name) for r in records], dtype=object) for name in names}
        ids = [_feature_key(f, r, self._oid_field) for f, r in zip(features, records)]
        columns["@id"] = np.array([None if i is None else str(i) for i in ids], dtype=object)
        geometries = [f.get("geometry") or {} for f in features]
        if self.out_format == "geojson":
            xy = [g.get("coordinates") if g.get("type") == "Point" else None for g in geometries]
            xy = [c[:2] if c and len(c) >= 2 else (None, None) for c in xy]  # drops z
            crs = geojson_crs(doc, self.layer_url)
        else:
            xy = [(g.get("x"), g.get("y")) for g in geometries]
            crs = esri_crs(doc.get("spatialReference"))
        coordinates = np.array(xy, dtype=float).reshape(-1, 2)  # None becomes NaN
        return RawTable(columns, coordinates[:, 0].copy(), coordinates[:, 1].copy(), crs=crs)


def _parse_address(address: str) -> tuple[str, int | None, dict]:
    """(service URL, layer number or None, the address's own query parameters to keep)."""
    parts = urlsplit(address.strip())
    match = _ADDRESS.match(parts.path)
    if not match:
        raise SourceError(
            tr(
                "{address} is not the address of an ArcGIS FeatureServer or MapServer layer: paste the "
                "address ending in /FeatureServer/<layer number> or /MapServer/<layer number> (the "
                "layer's REST page)."
            ).format(address=address)
        )
    service = urlunsplit((parts.scheme, parts.netloc, match["service"], "", ""))
    params = {k: v for k, v in parse_qsl(parts.query) if k.lower() not in _OWN_PARAMS}
    layer = match["layer"]
    return service, None if layer is None else int(layer), params


def _exceeded(doc: dict) -> bool | None:
    """``exceededTransferLimit`` at the top level (Esri JSON) or in ``properties`` (Esri GeoJSON); None if absent."""
    for holder in (doc, doc.get("properties") if isinstance(doc.get("properties"), dict) else {}):
        if "exceededTransferLimit" in holder:
            return bool(holder["exceededTransferLimit"])
    return None


def esri_crs(spatial_reference: dict | None) -> str | None:
    """An Esri ``spatialReference`` as an authority id or WKT (None when there is none)."""
    if not isinstance(spatial_reference, dict):
        return None
    for key in ("latestWkid", "wkid"):
        code = spatial_reference.get(key)
        if isinstance(code, int) and code > 0:
            return f"EPSG:{code}" if code < 100000 else f"ESRI:{code}"
    return spatial_reference.get("wkt") or None


def _feature_key(feature: dict, attributes: dict, oid_field: str | None):
    if feature.get("id") is not None:
        return feature["id"]
    if oid_field and attributes.get(oid_field) is not None:
        return attributes[oid_field]
    return attributes.get("OBJECTID", attributes.get("objectid"))


def _missing(ids: list, table: RawTable) -> list:
    got = set(table.columns["@id"].tolist()) if "@id" in table.columns else set()
    return [i for i in ids if str(i) not in got]


def _take(raw: RawTable, index: np.ndarray) -> RawTable:
    return RawTable(
        {k: v[index] for k, v in raw.columns.items()},
        raw.x[index],
        raw.y[index],
        crs=raw.crs,
        notes=raw.notes,
    )
