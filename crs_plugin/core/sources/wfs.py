"""WFS GetFeature, paged with STARTINDEX, as GeoJSON or GML.

WFS 2.0.0 (``TYPENAMES``, ``COUNT``: GeoServer, the BC and federal portals) and
1.1.0 (``TYPENAME``, ``MAXFEATURES``: QGIS Server 3.22) are both supported.
Paging follows the server: ``STARTINDEX`` advances by the features received (servers
cap ``COUNT``), pages go on while ``numberMatched`` (or, without it, full pages) says
more exist, and the result is checked against ``numberMatched``. Coordinates are asked
for in EPSG:4326 and read in the CRS the answer declares (a GeoJSON ``crs`` member, a
GML ``srsName``; URN and OGC URI forms in that CRS's own axis order, latitude first for
EPSG:4326).

XML is untrusted input: documents with a DTD are refused before parsing, so no
entity expansion (billion laughs) or external entity can happen; the standard
parser then reads plain XML. ``ows:ExceptionReport`` / ``ServiceExceptionReport``
answers (servers send them even when JSON was asked for) become errors.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET  # noqa: S405 - DTDs are refused before parsing (see _parse_xml)
from functools import lru_cache

import numpy as np

from ..crs import northing_first
from ..errors import SourceError
from ..http import HttpClient
from ..i18n import tr
from ..schema import Provenance
from ..table import RawTable, concat_tables
from .file import features_table, geojson_crs

DEFAULT_MAX_PAGES = 1000
_GML_NS = ("http://www.opengis.net/gml", "http://www.opengis.net/gml/3.2")
_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_AUTHORITY_ORDER = re.compile(
    r"(urn:ogc:def:crs:EPSG:[\d.]*:\d+|opengis\.net/def/crs/EPSG/[\d.]+/\d+)$", re.I
)
_EPSG_CODE = re.compile(r"(?:EPSG:[\d.]*:?|EPSG/[\d.]+/|epsg\.xml#)(\d+)$", re.I)


class WfsSource:
    def __init__(
        self,
        url: str,
        type_name: str,
        source_id: str,
        version: str = "2.0.0",
        out_format: str = "geojson",
        page_size: int = 1000,
        max_pages: int = DEFAULT_MAX_PAGES,
        client: HttpClient | None = None,
    ) -> None:
        if version not in ("2.0.0", "1.1.0"):
            raise SourceError(
                tr("WFS version must be 2.0.0 or 1.1.0, not {version!r}.").format(version=version)
            )
        if out_format not in ("geojson", "gml"):
            raise SourceError(
                tr("WFS output format must be 'geojson' or 'gml', not {out_format!r}.").format(
                    out_format=out_format
                )
            )
        self.url = url
        self.type_name = type_name
        self.source_id = source_id
        self.version = version
        self.out_format = out_format
        self.page_size = page_size
        self.max_pages = max_pages
        self.client = client or HttpClient()

    def fetch(self) -> tuple[RawTable, Provenance]:
        tables, previous, start, matched, honoured, smallest = [], None, 0, None, False, self.page_size
        for _ in range(self.max_pages):
            table, said = self._page(self.client.get(self.url, self._params(start)).body)
            matched = said if said is not None else matched
            key = table.page_key()
            if len(table) and key == previous:
                raise SourceError(
                    tr("{url} sent the same page twice: it seems to ignore STARTINDEX; stopped.").format(
                        url=self.url
                    )
                )
            previous = key
            tables.append(table)
            start += len(table)  # the next page starts after what was actually received
            if len(table):
                smallest = min(smallest, len(table))
            honoured = honoured or len(table) == self.page_size
            if matched is not None:
                if start >= matched or not len(table):
                    break
            # Without numberMatched, a short page ends the layer only once the server has shown that it
            # sends full pages (a server capping COUNT below page_size sends only short ones).
            elif not len(table) or (len(table) < self.page_size and honoured):
                break
        else:
            small = (
                tr(
                    " (the server sent as few as {smallest} features a page, fewer than the {page_size} asked for)"
                ).format(smallest=smallest, page_size=self.page_size)
                if smallest < self.page_size
                else ""
            )
            raise SourceError(
                tr(
                    "{url} still had features after {max_pages} pages{small}; stopped so as not to loop "
                    "forever. Raise the connector's 'max_pages'."
                ).format(url=self.url, max_pages=self.max_pages, small=small)
            )
        raw = concat_tables(tables)
        if self.out_format == "gml":
            # GML may leave out a property whose value is NULL (QGIS Server 3.40 does): the
            # feature type's schema says which columns the layer has, present or not.
            for name in self._declared_properties():
                raw.columns.setdefault(name, np.full(len(raw), None, dtype=object))
        if matched is not None and len(raw) != matched:
            message = (
                tr("{url}: got {got} of {matched} features (numberMatched) because the server sent an empty page "
                   "before the end; nothing was loaded.")
                if len(raw) < matched
                else tr("{url}: got {got} of {matched} features (numberMatched) because the server sent more than it "
                        "counted; nothing was loaded.")
            )  # fmt: skip
            raise SourceError(message.format(url=self.url, got=len(raw), matched=matched))
        provenance = Provenance(
            source_id=self.source_id,
            uri=self.url,
            record_count=len(raw),
            sha256=raw.sha256(),
            extra={"server_count": matched},
        )
        return raw, provenance

    def _declared_properties(self) -> list[str]:
        """The feature type's non-geometry properties (DescribeFeatureType); [] when the server
        does not say (the features alone then tell the columns)."""
        v2 = self.version == "2.0.0"
        params = {"SERVICE": "WFS", "VERSION": self.version, "REQUEST": "DescribeFeatureType",
                  "TYPENAMES" if v2 else "TYPENAME": self.type_name}  # fmt: skip
        try:
            root = _parse_xml(self.client.get(self.url, params).body, self.url)
        except SourceError:
            return []
        names = []
        for element in root.iter():
            if _local(element.tag) != "element" or not element.get("name"):
                continue
            kind = element.get("type") or ""
            if "PropertyType" in kind and kind.split(":")[0] in ("gml", ""):  # geometry
                continue
            if element.get("name") != self.type_name.split(":")[-1]:
                names.append(element.get("name"))
        return names

    def _params(self, start: int) -> dict:
        v2 = self.version == "2.0.0"
        params = {
            "SERVICE": "WFS", "VERSION": self.version, "REQUEST": "GetFeature",
            "TYPENAMES" if v2 else "TYPENAME": self.type_name,
            "COUNT" if v2 else "MAXFEATURES": self.page_size, "STARTINDEX": start, "SRSNAME": "EPSG:4326",
        }  # fmt: skip
        if self.out_format == "geojson":
            params["OUTPUTFORMAT"] = "application/json"
        return params

    def _page(self, body: bytes) -> tuple[RawTable, int | None]:
        """One page as a table and the number of features the server says match (None if it does not say)."""
        text = body.lstrip()
        if text[:1] == b"<":
            root = _parse_xml(body, self.url)
            _raise_if_exception(root, self.url)
            if _local(root.tag) != "FeatureCollection":
                raise SourceError(
                    tr("{url} did not answer with a WFS FeatureCollection (got <{tag}>).").format(
                        url=self.url, tag=_local(root.tag)
                    )
                )
            if self.out_format == "geojson":
                raise SourceError(
                    tr("{url} answered XML although GeoJSON was asked for.").format(url=self.url)
                )
            matched = root.get("numberMatched")  # WFS 2.0; "unknown" when the server did not count
            return _gml_table(root, self.url), int(matched) if matched and matched.isdigit() else None
        try:
            doc = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SourceError(
                tr("{url} sent invalid or truncated JSON ({exc}).").format(url=self.url, exc=exc)
            ) from None
        if doc.get("type") != "FeatureCollection":
            raise SourceError(
                tr("{url} did not answer with a GeoJSON FeatureCollection.").format(url=self.url)
            )
        # GeoServer: numberMatched (WFS 2.0) or totalFeatures; "unknown" when it did not count.
        matched = doc.get("numberMatched", doc.get("totalFeatures"))
        table = features_table(doc.get("features") or [], self.url, geojson_crs(doc, self.url))
        return table, matched if isinstance(matched, int) else None


def _parse_xml(body: bytes, url: str):
    head = body[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in body.upper():
        raise SourceError(
            tr("{url} sent XML with a document type definition; refused for safety.").format(url=url)
        )
    try:
        return ET.fromstring(body)  # noqa: S314 - no DTD possible here
    except ET.ParseError as exc:
        raise SourceError(tr("{url} sent malformed XML ({exc}).").format(url=url, exc=exc)) from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _raise_if_exception(root, url: str) -> None:
    if _local(root.tag) in ("ExceptionReport", "ServiceExceptionReport"):
        texts = [t.strip() for t in root.itertext() if t.strip()]
        raise SourceError(
            tr("The WFS at {url} reported an error: {details}.").format(
                url=url, details=" ".join(texts) or tr("no details")
            )
        )


def _gml_table(root, url: str) -> RawTable:
    members = [m for m in root if _local(m.tag) in ("featureMember", "member", "featureMembers")]
    features = [f for m in members for f in m]
    rows, xs, ys, ids, srs_names = [], [], [], [], set()
    for feature in features:
        props, x, y = {}, np.nan, np.nan
        for child in feature:
            name = _local(child.tag)
            point = _find_point(child)
            if point is not None:
                x, y, srs = point
                srs_names.add(srs)
            elif name != "boundedBy" and len(child) == 0:
                props[name] = None if child.get(_XSI_NIL) == "true" else (child.text or "").strip() or None
        ids.append(feature.get(f"{{{_GML_NS[0]}}}id") or feature.get(f"{{{_GML_NS[1]}}}id"))
        rows.append(props)
        xs.append(x)
        ys.append(y)
    keys: dict[str, None] = {}
    for row in rows:
        keys.update(dict.fromkeys(row))
    columns = {k: np.array([r.get(k) for r in rows], dtype=object) for k in keys}
    columns["@id"] = np.array(ids, dtype=object)
    crss = {_srs_crs(s) for s in srs_names if s}
    if len(crss) > 1:
        raise SourceError(
            tr("{url} sent points in several CRSs ({items}).").format(url=url, items=", ".join(sorted(crss)))
        )
    crs = crss.pop() if crss else None  # none declared: what was asked for, or the mapping's
    return RawTable(columns, np.array(xs, dtype=float), np.array(ys, dtype=float), crs=crs)


def _srs_crs(srs: str) -> str:
    match = _EPSG_CODE.search(srs)
    if not match:
        raise SourceError(tr("GML srsName {srs!r} is not an EPSG code; it cannot be read.").format(srs=srs))
    return f"EPSG:{match.group(1)}"


@lru_cache(maxsize=32)
def _northing_first(srs: str) -> bool:
    """URN and OGC URI forms of srsName mean the CRS's own axis order (latitude first for EPSG:4326)."""
    if not _AUTHORITY_ORDER.search(srs):
        return False  # "EPSG:4326" and "http://www.opengis.net/gml/srs/epsg.xml#4326": x, y
    return northing_first(_srs_crs(srs))


def _find_point(element):
    for node in element.iter():
        if _local(node.tag) != "Point":
            continue
        srs = node.get("srsName") or ""
        for child in node.iter():
            if _local(child.tag) in ("pos", "coordinates") and child.text:
                parts = re.split(r"[\s,]+", child.text.strip())
                a, b = float(parts[0]), float(parts[1])
                return (b, a, srs) if _northing_first(srs) else (a, b, srs)
    return None
