"""Adding a source without writing JSON: what the panel's "Add source" dialog, ``crs:addsource``
and scripts share.

1. ``detect``: what an address is, told from what it answers (a file's bytes, an ArcGIS REST
   service or layer, an OGC API landing page, collections or collection, a WFS capabilities
   document, a CKAN ``package_show`` answer), and the layers, collections, feature types,
   resources or archive members it offers (``Offer``: each with the catalogue connector that
   loads it).
2. ``preview``: the records of an offer, as the load would read them (``RawTable``), with how
   a text file was read (encoding, delimiter) and, for coordinate columns, a likely CRS.
3. ``suggest_mapping``: a field mapping matched from the column names (English and French)
   and the values (value maps to the schema's codes), with fixed values from the source's
   description where no column fits.
4. ``check_mapping``: every problem the load would stop at, at once, with the rows concerned
   (``Issue``: a stable code, the field, the rows and values; sentences for people are the
   caller's).
5. ``make_entry`` / ``save_entry`` / ``export_entry`` / ``remove_entry``: the catalogue entry and
   its mapping written (checked against the catalogue schema first), or removed.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

import numpy as np

from .catalogue import connector_source, read_catalogue_document, resolve, validate_catalogue
from .content import KIND_NAMES, sniff
from .crs import outside_canada, transform_xy
from .errors import (
    CoordinateError,
    CrsServicePointsError,
    MappingError,
    SourceError,
    UnreachableError,
    describe_rows,
)
from .http import HttpClient, is_url
from .i18n import language, tr, translatable
from .mapping import SAFE_SOURCE_ID, FieldMapping, available_columns, coordinate_hint
from .schema import (
    FIELDS,
    FIELDS_BY_NAME,
    JURISDICTIONS,
    LIST_SEPARATOR,
    REGIONAL_CHANNELS,
    STORAGE_CRS,
    FieldDef,
    FieldType,
    Provenance,
)
from .sources.arcgis import _ADDRESS as _ARCGIS_ADDRESS
from .sources.arcgis import _parse_address as _arcgis_address
from .sources.ckan import PREFERENCE as _CKAN_FORMATS
from .sources.file import read_bytes, zip_members
from .sources.ogcapi import _COLLECTION as _OGC_COLLECTION
from .sources.wfs import _local, _parse_xml
from .table import RawTable, text_column

#: Connector kinds as a person calls them, for messages.
KIND_TITLES = {"file": translatable("a data file"), "arcgis": translatable("an ArcGIS REST service"),
               "ogcapi": translatable("an OGC API Features service"), "wfs": translatable("a WFS service"),
               "ckan": translatable("a CKAN dataset")}  # fmt: skip
#: Fields a mapping may set (``point_id`` and ``source_id`` are made by the load itself).
MAPPABLE_FIELDS: tuple[FieldDef, ...] = tuple(f for f in FIELDS if f.name not in ("point_id", "source_id"))
#: OGC API pages answer HTML unless asked for JSON (QGIS Server 3.22 refuses geo+json on its landing page).
_JSON_FIRST = {"Accept": "application/json"}
_WFS_PARAMS = {"service", "request", "version", "acceptversions", "typename", "typenames", "outputformat",
               "count", "maxfeatures", "startindex", "srsname"}  # fmt: skip
_CKAN_DATASET = re.compile(r"^(?P<root>.*?)/dataset/(?P<id>[^/]+)(?:/resource/(?P<resource>[^/]+))?/*$")
_CKAN_API = re.compile(r"^(?P<root>.*?)/api/(?:3/)?action/(?:package_show|resource_show)/*$")
_GEOMETRY_WORDS = {"esriGeometryPoint": "points", "esriGeometryMultipoint": "points", "esriGeometryPolygon": "polygons",
                   "esriGeometryPolyline": "lines"}  # fmt: skip


# -- 1. what an address is --------------------------------------------------------------------


@dataclass(frozen=True)
class Offer:
    """One thing a source offers to load: a layer, collection, feature type, resource or archive member."""

    key: str
    title: str
    #: The catalogue connector that loads it.
    connector: dict
    #: What it holds, in a word or two ("points", "CSV", "polygons"), when the answer says.
    detail: str = ""


@dataclass(frozen=True)
class Detection:
    #: 'file', 'arcgis', 'ogcapi', 'wfs' or 'ckan'.
    kind: str
    address: str
    offers: tuple[Offer, ...]
    #: What the answer says about the source, to start its description with: title_en, title_fr,
    #: publisher, licence (only the keys it says).
    metadata: dict = field(default_factory=dict)

    def offer(self, choice: str | None = None) -> Offer:
        """The offer whose key or title is ``choice``; without a choice, the only one."""
        if choice:
            wanted = choice.strip().lower()
            for offer in self.offers:
                if wanted in (offer.key.lower(), offer.title.lower()):
                    return offer
            raise SourceError(
                tr("{address} offers no {choice}; it offers: {listing}.").format(
                    address=self.address, choice=repr(choice), listing=self.listing()
                )
            )
        if len(self.offers) == 1:
            return self.offers[0]
        kind = tr(KIND_TITLES[self.kind])  # i18n: marked
        raise SourceError(
            tr("{address} is {kind} offering {count} choices: {listing}. Say which one to load.").format(
                address=self.address, kind=kind, count=len(self.offers), listing=self.listing()
            )
        )

    def listing(self) -> str:
        return "; ".join(f"{o.key}" + (f" ({o.title})" if o.title != o.key else "") for o in self.offers)


def detect(address: str, client: HttpClient | None = None) -> Detection:
    """What ``address`` (an http(s) URL or a local file) is and what it offers, from its answers.

    A URL is asked as given first; a web page or an answer that is none of the kinds is asked
    again the ways each kind of service answers (``f=json`` for ArcGIS REST and OGC API,
    ``GetCapabilities`` for WFS, ``package_show`` for a CKAN dataset page), and the first answer
    that is one of them decides. Nothing is guessed from the address alone."""
    address = address.strip()
    if not address:
        raise SourceError(tr("Give an address (a URL) or a file to add."))
    if address.lower().startswith("file://"):
        address = unquote(urlsplit(address).path)
    if not is_url(address):
        return _local_file(address)
    client = client or HttpClient()
    answers = []
    for url, headers in _probes(address):
        try:
            response = client.get(url, headers=headers)
        except UnreachableError:
            raise  # no answer at all: asking another way cannot help
        except SourceError as exc:  # an answer, with an error status
            answers.append(str(exc))
            continue
        try:
            found = _recognise(address, url, response.body, client)
        except SourceError as exc:  # it is one of the kinds, and says what is wrong
            raise SourceError(tr("{address}: {error}").format(address=address, error=exc)) from None
        if found is not None:
            return found
        answers.append(tr("{url} answered with {what}").format(url=url, what=_what(response.body)))
    raise SourceError(
        tr(
            "{address} is not a data file, an ArcGIS REST service or layer, an OGC API, a WFS or a CKAN dataset "
            "that can be recognised: {answers}."
        ).format(address=address, answers="; ".join(dict.fromkeys(answers)))
    )


def _what(body: bytes) -> str:
    kind = sniff(body)
    if kind == "json":
        try:
            doc = json.loads(body.decode("utf-8", errors="replace"))
        except json.JSONDecodeError:
            return tr("invalid JSON")
        error = doc.get("error") if isinstance(doc, dict) else None
        if isinstance(error, dict) and error.get("message"):
            return tr("an error ({message})").format(message=error.get("message"))
        return tr("JSON of another kind")
    if kind == "xml":
        text = " ".join(t.strip() for t in _xml_texts(body) if t.strip())[:200]
        return "XML" + (f" ({text})" if text else "")
    return tr("text that is not a table") if kind == "csv" else tr(KIND_NAMES[kind])  # i18n: marked


def _xml_texts(body: bytes) -> list[str]:
    try:
        return list(_parse_xml(body, "answer").itertext())
    except SourceError:
        return []


def _probes(address: str):
    """(url, headers) to ask, in order, without repeats."""
    seen = set()
    candidates = [
        (address, _JSON_FIRST),
        # ArcGIS REST pages and OGC API pages answer HTML unless JSON is asked for this way.
        (_with_query(address, {"f": "json"}, drop={"f"}), {}),
        (_with_query(address, {"SERVICE": "WFS", "REQUEST": "GetCapabilities"}, drop=_WFS_PARAMS), {}),
        *((url, _JSON_FIRST) for url in _ckan_api_addresses(address)),
    ]
    for url, headers in candidates:
        if url not in seen:
            seen.add(url)
            yield url, headers


def _with_query(url: str, params: dict, drop=()) -> str:
    parts = urlsplit(url)
    gone = {d.lower() for d in drop} | {k.lower() for k in params}
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in gone]
    return urlunsplit(parts._replace(query=urlencode([*kept, *params.items()], safe=",:")))


def _without_query_keys(url: str, drop) -> str:
    parts = urlsplit(url)
    gone = {d.lower() for d in drop}
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in gone]
    return urlunsplit(parts._replace(query=urlencode(kept, safe=",:"), fragment=""))


def _ckan_api_addresses(address: str) -> list[str]:
    """package_show addresses for a CKAN dataset page (the portal may sit under a path, with a
    language segment: open.canada.ca/data/en/dataset/<id> has its API at /data/api)."""
    parts = urlsplit(address)
    match = _CKAN_DATASET.match(parts.path)
    if not match:
        return []
    roots = [match["root"]]
    language = re.match(r"^(?P<root>.*)/(?:en|fr)$", match["root"])
    if language:
        roots.append(language["root"])
    query = urlencode({"id": match["id"]})
    return [
        urlunsplit((parts.scheme, parts.netloc, f"{root}/api/3/action/package_show", query, ""))
        for root in roots
    ]


def _recognise(address: str, url: str, body: bytes, client: HttpClient) -> Detection | None:
    kind = sniff(body)
    if kind == "json":
        try:
            doc = json.loads(body.decode("utf-8-sig", errors="replace"))
        except json.JSONDecodeError:
            return None
        if isinstance(doc, dict):
            for recognise in (_ckan, _arcgis, _ogcapi):
                found = recognise(address, url, doc, client)
                if found is not None:
                    return found
        return _remote_file(address, body)
    if kind == "xml":
        return _wfs(address, url, body)
    if kind in ("zip", "gpkg", "csv"):
        return _remote_file(address, body)
    return None


# -- files --


def _local_file(address: str) -> Detection:
    path = Path(address).expanduser()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(tr("File not found: {location}").format(location=address)) from None
    except OSError as exc:
        raise SourceError(
            tr("Cannot read {location}: {strerror}").format(location=address, strerror=exc.strerror)
        ) from None
    if not data.strip():
        raise SourceError(tr("{label} is empty.").format(label=address))
    found = _file_offers(str(path.resolve()), data)
    if found is None:
        read_bytes(data, address)  # raises with what the file is instead (a web page, a workbook…)
        raise SourceError(tr("{address} holds no table of records.").format(address=address))
    return found


def _remote_file(address: str, body: bytes) -> Detection | None:
    return _file_offers(address, body)


def _file_offers(location: str, data: bytes) -> Detection | None:
    kind = sniff(data)
    name = Path(urlsplit(location).path if is_url(location) else location).name or location
    stem = Path(name).stem
    if kind == "zip":
        _, tables = zip_members(data, location)
        if not tables:
            return None
        offers = tuple(
            Offer(member, member, {"type": "file", "location": location, "format": "zip",
                                   **({"member": member} if len(tables) > 1 else {})},
                  Path(member).suffix.lstrip(".").upper())
            for member in tables
        )  # fmt: skip
        return Detection("file", location, offers, {"name": stem})
    if kind == "gpkg":
        return Detection("file", location, (Offer(name, name, {"type": "file", "location": location,
                                                               "format": "gpkg"}, "GeoPackage"),), {"name": stem})  # fmt: skip
    if kind == "csv":
        try:
            raw, _ = read_bytes(data, location)
        except SourceError:
            return None
        if len(raw.columns) < 2 or not len(raw):
            return None  # a line of text (an error message), not a table
        return Detection("file", location, (Offer(name, name, {"type": "file", "location": location,
                                                               "format": "csv"}, "CSV"),), {"name": stem})  # fmt: skip
    if kind == "json":
        try:
            doc = json.loads(data.decode("utf-8-sig", errors="replace"))
        except json.JSONDecodeError:
            return None
        if isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
            fmt, detail = "geojson", "GeoJSON"
        elif isinstance(doc, list) and doc and all(isinstance(r, dict) for r in doc):
            fmt, detail = "json", "JSON"
        else:
            return None
        offer = Offer(name, name, {"type": "file", "location": location, "format": fmt}, detail)
        return Detection("file", location, (offer,), {"name": stem})
    return None


# -- CKAN --


def _ckan(address: str, url: str, doc: dict, client: HttpClient) -> Detection | None:
    result = doc.get("result")
    if "success" not in doc or not isinstance(result, dict) or not isinstance(result.get("resources"), list):
        return None
    match = _CKAN_API.match(urlsplit(url).path)
    if not match:
        return None
    parts = urlsplit(url)
    base = urlunsplit((parts.scheme, parts.netloc, match["root"], "", ""))
    dataset = str(result.get("id") or result.get("name") or "")
    pinned = _CKAN_DATASET.match(urlsplit(address).path)
    pinned_resource = pinned["resource"] if pinned else None
    offers = []
    for resource in result["resources"]:
        kind = _ckan_kind(resource)
        rid = str(resource.get("id") or "")
        if kind is None or not rid or not resource.get("url") or pinned_resource not in (None, rid):
            continue
        connector = {"type": "ckan", "url": base, "dataset": dataset, "resource": rid}
        title = str(resource.get("name") or Path(urlsplit(str(resource["url"])).path).name or rid)
        if kind == "wfs":  # a WFS resource needs its feature type: ask the service which it has
            try:
                capabilities = _wfs(str(resource["url"]), str(resource["url"]), client.get(
                    _with_query(str(resource["url"]), {"SERVICE": "WFS", "REQUEST": "GetCapabilities"},
                                drop=_WFS_PARAMS)).body)  # fmt: skip
            except SourceError:
                capabilities = None
            for feature_type in capabilities.offers if capabilities else ():
                offers.append(Offer(f"{rid}:{feature_type.key}", f"{title}: {feature_type.title}",
                                    {**connector, "type_name": feature_type.key}, "WFS"))  # fmt: skip
            continue
        offers.append(Offer(rid, title, connector, str(resource.get("format") or "").strip()))
    if not offers:
        formats = ", ".join(sorted({str(r.get("format")) for r in result["resources"]})) or tr("none")
        raise SourceError(
            tr(
                "CKAN dataset '{dataset}' has no resource that can be loaded (GeoJSON, CSV, a ZIP, Shapefile or "
                "GeoPackage download, an ArcGIS REST service or a WFS); its formats: {formats}."
            ).format(dataset=dataset, formats=formats)
        )
    metadata = {}
    titles = result.get("title_translated") if isinstance(result.get("title_translated"), dict) else {}
    metadata["title_en"] = str(titles.get("en") or result.get("title") or "")
    if titles.get("fr"):
        metadata["title_fr"] = str(titles["fr"])
    organization = result.get("organization") if isinstance(result.get("organization"), dict) else {}
    org_titles = (
        organization.get("title_translated") if isinstance(organization.get("title_translated"), dict) else {}
    )
    metadata["publisher"] = str(org_titles.get("en") or organization.get("title") or "")
    metadata["licence"] = str(result.get("license_title") or "")
    metadata["name"] = str(result.get("name") or dataset)
    return Detection("ckan", address, tuple(offers), {k: v for k, v in metadata.items() if v})


def _ckan_kind(resource: dict) -> str | None:
    fmt = str(resource.get("format", "")).strip().lower()
    return next((kind for kind, formats in _CKAN_FORMATS if fmt in formats), None)


# -- ArcGIS REST --


def _arcgis(address: str, url: str, doc: dict, client: HttpClient) -> Detection | None:
    error = doc.get("error")
    if isinstance(error, dict):
        return None
    path = urlsplit(url).path
    match = _ARCGIS_ADDRESS.match(path)
    if isinstance(doc.get("layers"), list) and any(k in doc for k in ("currentVersion", "serviceDescription",
                                                                       "capabilities", "tables", "mapName")):  # fmt: skip
        parts = urlsplit(url)
        service = urlunsplit(
            (parts.scheme, parts.netloc, match["service"] if match else path.rstrip("/"), "", "")
        )
        offers = tuple(
            Offer(str(layer["id"]), str(layer.get("name") or layer["id"]), {"type": "arcgis",
                  "url": f"{service}/{layer['id']}"}, _GEOMETRY_WORDS.get(layer.get("geometryType"), ""))
            for layer in doc["layers"]
            if isinstance(layer, dict) and "id" in layer and not layer.get("subLayerIds")
        )  # fmt: skip
        if not offers:
            raise SourceError(tr("this ArcGIS REST service has no layer."))
        info = doc.get("documentInfo") if isinstance(doc.get("documentInfo"), dict) else {}
        title = info.get("Title") or (match["service"].rstrip("/").split("/")[-2] if match else "")
        metadata = {
            "title_en": str(title).replace("_", " "),
            "publisher": str(doc.get("copyrightText") or ""),
        }
        return Detection("arcgis", address, offers, {k: v for k, v in metadata.items() if v})
    is_layer = doc.get("type") in ("Feature Layer", "Table") or ("geometryType" in doc and "fields" in doc)
    if (
        not is_layer
        and match
        and match["layer"]
        and isinstance(doc.get("features"), list)
        and ("objectIdFieldName" in doc or "exceededTransferLimit" in doc or "spatialReference" in doc)
    ):
        # A layer's query answer (an Esri feature set): what the layer itself says decides.
        parts = urlsplit(url)
        layer_url = urlunsplit((parts.scheme, parts.netloc, f"{match['service']}/{match['layer']}", "", ""))
        layer_doc = client.get_json(layer_url, {"f": "json"})
        return _arcgis(address, layer_url, layer_doc, client) if isinstance(layer_doc, dict) else None
    if not is_layer:
        return None
    try:
        service, layer, params = _arcgis_address(
            address if _ARCGIS_ADDRESS.match(urlsplit(address).path) else url
        )
    except SourceError:
        return None
    if layer is None:
        layer = doc.get("id", 0)
    where = params.pop("where", None)
    connector = {"type": "arcgis", "url": f"{service}/{layer}" + (f"?{urlencode(params)}" if params else "")}
    if where and where.strip() != "1=1":
        connector["where"] = where
    detail = "table" if doc.get("type") == "Table" else _GEOMETRY_WORDS.get(doc.get("geometryType"), "")
    name = str(doc.get("name") or layer)
    metadata = {"title_en": name.replace("_", " "), "publisher": str(doc.get("copyrightText") or "")}
    return Detection("arcgis", address, (Offer(str(layer), name, connector, detail),),
                     {k: v for k, v in metadata.items() if v})  # fmt: skip


# -- OGC API Features --


def _links(doc: dict) -> list[dict]:
    return [link for link in doc.get("links") or [] if isinstance(link, dict) and link.get("href")]


def _ogc_base(url: str) -> str:
    parts = urlsplit(url)
    match = _OGC_COLLECTION.match(parts.path)
    path = match["base"] if match else parts.path.rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _collection_offer(base: str, collection: dict) -> Offer:
    cid = str(collection["id"])
    return Offer(cid, str(collection.get("title") or cid), {"type": "ogcapi", "url": base, "collection": cid})


def _ogcapi(address: str, url: str, doc: dict, client: HttpClient) -> Detection | None:
    links = _links(doc)
    rels = {str(link.get("rel")).rsplit("/", 1)[-1] for link in links}
    if isinstance(doc.get("collections"), list):
        collections, base = doc["collections"], _ogc_base(url)
    elif "data" in rels or any(
        urlsplit(link["href"]).path.rstrip("/").endswith("/collections") for link in links
    ):
        base = _ogc_base(url)
        data = next(
            (link["href"] for link in links if str(link.get("rel")).rsplit("/", 1)[-1] == "data"),
            f"{base}/collections",
        )
        listing = client.get_json(
            _without_query_keys(data, {"f"}), {"f": "json"}, headers={"Accept": "application/json"}
        )
        collections, base = listing.get("collections") or [], _ogc_base(data)
    elif doc.get("id") and "items" in rels:
        return Detection("ogcapi", address, (_collection_offer(_ogc_base(url), doc),),
                         {"title_en": str(doc.get("title") or doc["id"])})  # fmt: skip
    elif doc.get("type") == "FeatureCollection" and (links or "numberReturned" in doc):
        match = _OGC_COLLECTION.match(urlsplit(url).path)
        if not match or not match["collection"]:
            return None
        cid = match["collection"]
        return Detection(
            "ogcapi", address, (_collection_offer(_ogc_base(url), {"id": cid}),), {"title_en": cid}
        )
    else:
        return None
    offers = tuple(
        _collection_offer(base, c)
        for c in collections
        if isinstance(c, dict) and c.get("id") and str(c.get("itemType", "feature")).lower() == "feature"
    )
    if not offers:
        raise SourceError(tr("this OGC API offers no collection of features."))
    metadata = {"title_en": offers[0].title} if len(offers) == 1 else {}
    return Detection("ogcapi", address, offers, metadata)


# -- WFS --


def _wfs(address: str, url: str, body: bytes) -> Detection | None:
    try:
        root = _parse_xml(body, url)
    except SourceError:
        return None
    if _local(root.tag) != "WFS_Capabilities":
        return None
    version = "2.0.0" if str(root.get("version", "2")).startswith("2") else "1.1.0"
    formats = []
    for operation in root.iter():
        if _local(operation.tag) == "Operation" and operation.get("name") == "GetFeature":
            formats += [
                (e.text or "").lower() for e in operation.iter() if _local(e.tag) in ("Value", "Format")
            ]
    for holder in root.iter():
        if _local(holder.tag) in ("OutputFormats", "ResultFormat"):
            formats += [(e.text or _local(e.tag)).lower() for e in holder.iter()]
    geojson = not formats or any("json" in f for f in formats)
    base = _without_query_keys(url, _WFS_PARAMS)
    offers = []
    for feature_type in root.iter():
        if _local(feature_type.tag) != "FeatureType":
            continue
        texts = {_local(child.tag): (child.text or "").strip() for child in feature_type}
        name = texts.get("Name")
        if not name:
            continue
        connector = {"type": "wfs", "url": base, "type_name": name}
        if version != "2.0.0":
            connector["version"] = version
        if not geojson:
            connector["out_format"] = "gml"
        offers.append(Offer(name, texts.get("Title") or name, connector))
    if not offers:
        raise SourceError(tr("this WFS publishes no feature type."))
    service = next((e for e in root.iter() if _local(e.tag) in ("ServiceIdentification", "Service")), None)
    metadata = {}
    if service is not None:
        texts = {_local(child.tag): (child.text or "").strip() for child in service}
        metadata = {"title_en": texts.get("Title", ""), "licence": texts.get("AccessConstraints", "")}
        metadata = {k: v for k, v in metadata.items() if v and v.lower() != "none"}
    return Detection("wfs", address, tuple(offers), metadata)


# -- 2. a preview ------------------------------------------------------------------------------


@dataclass
class Preview:
    """An offer's records as the load reads them."""

    raw: RawTable
    provenance: Provenance

    @property
    def encoding(self) -> str | None:
        return self.raw.read_as.get("encoding")

    @property
    def delimiter(self) -> str | None:
        return self.raw.read_as.get("delimiter")

    @property
    def declared_crs(self) -> str | None:
        """The CRS the source itself declares (it cannot be changed), None when it declares none."""
        return self.raw.crs

    @property
    def columns(self) -> list[str]:
        return list(self.raw.columns)


def preview(
    connector: dict, source_id: str = "preview", base: str = "", client: HttpClient | None = None
) -> Preview:
    """Fetch an offer (every record: value maps and checks need them all) without writing anything."""
    source = connector_source(connector, source_id, base, client)
    raw, provenance = source.fetch()
    if not len(raw):
        raise SourceError(tr("{source} has no records.").format(source=provenance.uri or connector))
    return Preview(raw, provenance)


#: Projected CRSs Canadian publishers use, tried in this order when coordinates are not lon/lat.
CANADIAN_CRSS = ("EPSG:3347", "EPSG:2953", "EPSG:3005", "EPSG:32198", "EPSG:3978", "EPSG:2961", "EPSG:3857",
                 *(f"EPSG:{code}" for code in range(26907, 26923)))  # fmt: skip
#: A jurisdiction's own CRS, tried first for its sources.
JURISDICTION_CRS = {"NB": "EPSG:2953", "BC": "EPSG:3005", "QC": "EPSG:32198", "NS": "EPSG:2961"}


def guess_crs(x, y, jurisdiction: str = "") -> str | None:
    """A CRS in which every coordinate falls in Canada: EPSG:4326 for lon/lat, else the first of the
    usual Canadian CRSs that fits (the jurisdiction's own first); None when none does."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    located = np.isfinite(x) & np.isfinite(y)
    if not located.any():
        return None
    x, y = x[located], y[located]
    if not outside_canada(x, y).any():
        return STORAGE_CRS
    first = [JURISDICTION_CRS[jurisdiction]] if jurisdiction in JURISDICTION_CRS else []
    for crs in dict.fromkeys([*first, *CANADIAN_CRSS]):
        try:
            lon, lat = transform_xy(x, y, crs, STORAGE_CRS)
        except CoordinateError:
            continue
        if not outside_canada(lon, lat).any():
            return crs
    return None


def number_values(values) -> tuple[np.ndarray, np.ndarray]:
    """(floats with NaN where empty or not a number, mask of values that are not numbers)."""
    text = text_column(values)
    out = np.full(len(text), np.nan)
    bad = np.zeros(len(text), dtype=bool)
    for i, v in enumerate(text):
        if v is None:
            continue
        try:
            out[i] = float(v)
        except ValueError:
            bad[i] = True
    return out, bad


def located_points(raw: RawTable, geometry: dict | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Lon/lat of each record (NaN where it has no usable location): the source's own geometry in
    the CRS it declares, or the ``geometry`` columns (``x``, ``y``, ``crs``) of a mapping."""
    geometry = geometry or {}
    if raw.x is not None:
        x, y, crs = (
            np.asarray(raw.x, dtype=float),
            np.asarray(raw.y, dtype=float),
            raw.crs or geometry.get("crs"),
        )
    elif geometry.get("x") in raw.columns and geometry.get("y") in raw.columns:
        x, y, crs = (
            number_values(raw.columns[geometry["x"]])[0],
            number_values(raw.columns[geometry["y"]])[0],
            geometry.get("crs"),
        )
    else:
        return np.full(len(raw), np.nan), np.full(len(raw), np.nan)
    located = np.isfinite(x) & np.isfinite(y)
    lon, lat = np.full(len(x), np.nan), np.full(len(x), np.nan)
    try:
        lon[located], lat[located] = transform_xy(x[located], y[located], crs or STORAGE_CRS, STORAGE_CRS)
    except CoordinateError:
        pass
    return lon, lat


# -- 3. matching columns and values -----------------------------------------------------------


def normalise(text: str) -> str:
    """'Nom du bureau' -> 'nom du bureau', 'Site_Phone_No' -> 'site phone no', 'locationType' ->
    'location type', 'Téléphone' -> 'telephone': how names and values are compared."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(text))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


#: Column names (normalised) each schema field is likely found under, in English and French, best first.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "source_record_id": ("id", "office code", "site id", "code du bureau", "identifiant", "record id", "office id",
                         "location id", "location guid", "site code", "objectid", "object id", "fid", "uid", "guid",
                         "code", "no", "numero"),
    "name_en": ("name", "office name", "site name", "external site", "name en", "name e", "english name",
                "location name", "facility name", "centre name", "office", "name english", "title"),
    "name_fr": ("nom", "nom du bureau", "nom bureau", "nom site", "nom du site", "nom fr", "name fr", "name f",
                "french name", "nom francais", "nom de l emplacement", "nom du centre", "titre"),
    "organization": ("organization", "organisation", "org", "ministry", "ministere", "department", "agency",
                     "organisme", "institution", "institution name", "nom de l institution", "operator", "exploitant"),
    "order_of_government": ("order of government", "ordre de gouvernement", "gov level", "government level",
                            "level of government", "palier de gouvernement", "niveau de gouvernement", "palier",
                            "level", "niveau"),
    "jurisdiction": ("jurisdiction", "administration", "csd uid", "csduid", "csd code", "code sdr", "sdr", "csd"),
    "channel": ("channel", "mode de prestation", "delivery channel", "canal", "mode"),
    "point_type": ("point type", "type", "item type", "centre type", "center type", "office type", "location type",
                   "site type", "facility type", "type de centre", "type de bureau", "type de point",
                   "type d emplacement", "category", "categorie"),
    "services": ("services", "services offered", "services offerts", "service", "services disponibles", "programs",
                 "programmes"),
    "street_address": ("address", "adresse", "street address", "civic address", "civic addr", "adresse civique",
                       "adresse municipale", "street", "rue", "address 1", "address line 1", "adresse 1", "addr"),
    "city": ("city", "ville", "municipality", "municipalite", "locality", "localite", "community", "communaute",
             "town", "village"),
    "province": ("province", "prov", "province territory", "province territoire", "prov terr", "state province",
                 "province code", "pt"),
    "postal_code": ("postal code", "code postal", "postal", "postcode", "postalcode", "zip", "cp"),
    "phone": ("phone", "telephone", "tel", "phone number", "site phone no", "phone no", "numero de telephone",
              "no de telephone"),
    "url": ("url", "website", "website url", "web site", "site web", "web", "page web", "webpage", "lien", "link"),
    "hours": ("hours", "heures", "heures d ouverture", "opening hours", "hours of operation", "office hours",
              "horaire", "horaires", "schedule"),
    "languages": ("languages", "language", "language of service", "langue", "langues", "langue de service",
                  "langues de service", "service language", "official languages"),
    "accessibility": ("accessibility", "accessibilite", "accessible", "wheelchair accessible"),
    "service_region": ("service region", "region", "region desservie", "zone desservie", "service area",
                       "territoire desservi", "coverage"),
    "service_region_extent": ("region polygon", "service region polygon", "service area polygon", "region geometry",
                              "polygone de la region", "polygone"),
    "time_zone": ("time zone", "timezone", "fuseau horaire", "fuseau", "tz"),
    "contact_name": ("contact name", "contact person", "personne ressource", "nom de la personne ressource",
                     "responsable"),
    "contact_email": ("contact email", "contact e mail", "courriel de la personne ressource", "courriel du responsable"),
    "notes": ("notes", "note", "remarques", "comments", "commentaires"),
    "last_verified": ("last verified", "updated", "last updated", "date updated", "last modified", "date modified",
                      "mise a jour", "date de mise a jour", "derniere mise a jour", "derniere verification",
                      "verified"),
}  # fmt: skip
#: Coordinate column names: longitude / easting, latitude / northing.
X_NAMES = (
    "longitude",
    "long",
    "lon",
    "lng",
    "x",
    "easting",
    "coord x",
    "x coord",
    "longitude dd",
    "darplong",
)
Y_NAMES = ("latitude", "lat", "y", "northing", "coord y", "y coord", "nord", "latitude dd", "darplat")
_ENGLISH_MARKS = {"e", "en", "eng", "english", "anglais"}
_FRENCH_MARKS = {"f", "fr", "fra", "fre", "french", "francais"}
#: Orders of government whose points belong to the order's jurisdiction (a province, Canada), not to a
#: municipality column.
_WIDE_ORDERS = {"federal", "provincial", "territorial"}


def _score(column: str, names: tuple[str, ...], short_words: bool = False) -> float:
    """How well a column name fits a list of likely names (0: not at all; 100: the first name exactly).
    A name inside a longer column name ('Office Name') counts for less; short one-word names ('id',
    'no', 'code') only count alone, except with ``short_words`` ('x' in 'X_2953')."""
    norm = normalise(column)
    tokens = norm.split()
    best = 0.0
    for rank, name in enumerate(names):
        if norm == name:
            return 100.0 - rank * 0.1
        wanted = name.split()
        if len(wanted) == 1 and not short_words and (len(name) < 4 or name == "code"):
            continue
        if set(wanted) <= set(tokens) and len(wanted) < len(tokens):
            best = max(best, 50.0 + 30.0 * len(wanted) / len(tokens) - rank * 0.1)
    return best


def _field_score(target: str, column: str) -> float:
    score = _score(column, COLUMN_NAMES[target])
    if target in ("name_en", "name_fr") and score:
        tokens = set(normalise(column).split())
        other = _FRENCH_MARKS if target == "name_en" else _ENGLISH_MARKS
        if tokens & other:
            return 0.0  # 'NAME_F' is not the English name
    return score


def match_columns(columns, order_of_government: str = "") -> dict[str, str]:
    """schema field -> the source column most likely holding it, each column used once, best matches
    first. ``order_of_government`` keeps a federal, provincial or territorial source's jurisdiction off
    a municipality-code column."""
    columns = [c for c in columns if not c.startswith("@")]
    candidates = []
    for target in COLUMN_NAMES:
        if target == "jurisdiction" and order_of_government in _WIDE_ORDERS:
            continue
        for position, column in enumerate(columns):
            score = _field_score(target, column)
            if score >= 50:
                candidates.append((-score, position, target, column))
    matched: dict[str, str] = {}
    used: set[str] = set()
    for _, _, target, column in sorted(candidates):
        if target not in matched and column not in used:
            matched[target] = column
            used.add(column)
    return {f.name: matched[f.name] for f in MAPPABLE_FIELDS if f.name in matched}


def coordinate_columns(raw: RawTable) -> tuple[str | None, str | None]:
    """The (x, y) columns of a table without geometry of its own: names like Longitude/Latitude or
    X/Y whose values are numbers; (None, None) when there are none."""

    def best(names):
        ranked = []
        for position, column in enumerate(raw.columns):
            score = _score(column, names, short_words=True)
            if score >= 50:
                values, bad = number_values(raw.columns[column])
                if np.isfinite(values).sum() > bad.sum():
                    ranked.append((-score, position, column))
        return [c for *_, c in sorted(ranked)]

    for x in best(X_NAMES):
        for y in best(Y_NAMES):
            if x != y:
                return x, y
    return None, None


#: Source words that mean a code although no label says them (normalised).
VALUE_WORDS = {
    "order_of_government": {"first nation": "indigenous", "first nations": "indigenous", "band": "indigenous",
                            "premieres nations": "indigenous", "metis": "indigenous", "inuit": "indigenous",
                            "city": "municipal", "town": "municipal", "ville": "municipal", "village": "municipal",
                            "province": "provincial", "government of canada": "federal"},
    "languages": {"english": "en", "anglais": "en", "eng": "en", "french": "fr", "francais": "fr", "fra": "fr",
                  "bilingual": "en;fr", "bilingue": "en;fr"},
    "channel": {"in person": "in_person", "office": "in_person", "online": "digital", "web": "digital",
                "en ligne": "digital", "telephone": "call_centre", "phone": "call_centre"},
    "services": {"ei": "employment_insurance", "assurance emploi": "employment_insurance",
                 "driver s licence": "drivers_licence", "drivers licence": "drivers_licence"},
}  # fmt: skip
_STOP_WORDS = {"of", "and", "et", "de", "du", "des", "la", "le", "les", "the", "in", "en", "a", "d", "l", "s",
               "offered", "offerts", "offert", "services", "service"}  # fmt: skip


def _same_word(a: str, b: str) -> bool:
    """'passport' and 'passports', 'municipal' and 'municipality' are the same word here."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and long_.startswith(short)


def _words(text: str) -> set[str]:
    return set(normalise(text).split()) - _STOP_WORDS


def _contains(have: set[str], wanted: set[str]) -> bool:
    return bool(wanted) and all(any(_same_word(w, h) for h in have) for w in wanted)


def _explained(have: set[str], label: str) -> set[str]:
    """The words of ``have`` a label accounts for, when every word of the label is there."""
    wanted = _words(label)
    if not _contains(have, wanted):
        return set()
    return {h for h in have if any(_same_word(w, h) for w in wanted)}


def guess_code(field_name: str, value: str) -> str | None:
    """The allowed code a source value most likely means ('Federal' -> 'federal', 'Service BC Centre' ->
    'service_centre', 'Permis de conduire / Driver's licence' -> 'drivers_licence', and for a list
    field 'Services offered in English and French' -> 'en;fr'); None when unsure.

    Each code accounts for the words of the value that one of its labels (code, English, French, or
    a known source word) holds entirely; the code accounting for most words wins (a tie is unsure).
    For a list field, codes accounting for words no better code accounts for are added."""
    fdef = FIELDS_BY_NAME[field_name]
    if not fdef.choices or value is None or not str(value).strip():
        return None
    if value in fdef.codes:
        return value
    norm = normalise(value)
    words = VALUE_WORDS.get(field_name, {})
    for choice in fdef.choices:
        if norm in (normalise(choice.code), normalise(choice.en), normalise(choice.fr)):
            return choice.code
    if norm in words:
        return words[norm]
    have = _words(value)
    explained: dict[str, set[str]] = {}
    for choice in fdef.choices:
        for label in (choice.code.replace("_", " "), choice.en, choice.fr):
            explained.setdefault(choice.code, set()).update(_explained(have, label))
    for phrase, codes in words.items():
        for code in codes.split(LIST_SEPARATOR):
            explained.setdefault(code, set()).update(_explained(have, phrase))
    explained = {c: e for c, e in explained.items() if e}
    if not explained:
        # An abbreviation inside a label: 'CPP/OAS' in 'Pensions (CPP, OAS)'.
        inside = [
            c.code for c in fdef.choices if any(_contains(_words(label), have) for label in (c.en, c.fr))
        ]
        return inside[0] if len(inside) == 1 else None
    ranked = sorted(explained, key=lambda c: (-len(explained[c]), fdef.codes.index(c)))
    best = ranked[0]
    if fdef.type != FieldType.LIST:
        tied = [c for c in ranked if len(explained[c]) == len(explained[best])]
        return best if len(tied) == 1 else None
    chosen, covered = [best], set(explained[best])
    for code in ranked[1:]:
        if explained[code] - covered:
            chosen.append(code)
            covered |= explained[code]
    return LIST_SEPARATOR.join(c for c in fdef.codes if c in chosen)


def guess_split(values) -> str | None:
    """The separator of a column holding lists ('EI|SIN|Passport'): the one found in most values."""
    counts = Counter()
    texts = [v for v in text_column(values) if v is not None]
    for separator in ("|", ";", ","):
        counts[separator] = sum(separator in v for v in texts)
    separator, n = counts.most_common(1)[0] if counts else (None, 0)
    return separator if n else None


def distinct_values(raw: RawTable, rule: dict) -> list[tuple[str, int]]:
    """The distinct source values a rule reads (items of lists, when it splits), most frequent first:
    what a value map translates."""
    columns = rule.get("concat") or ([rule["column"]] if rule.get("column") else [])
    available = available_columns(raw)
    if not columns or any(c not in available for c in columns):
        return []
    if rule.get("column"):
        values = text_column(available[rule["column"]])
    else:
        parts = [text_column(available[c]) for c in columns]
        values = [rule.get("separator", " ").join(p for p in row if p) or None for row in zip(*parts)]
    counts: Counter = Counter()
    for value in values:
        if value is None:
            continue
        items = value.split(rule["split"]) if rule.get("split") else [value]
        counts.update(i.strip() for i in items if i.strip())
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def guess_value_map(field_name: str, raw: RawTable, rule: dict) -> dict[str, str]:
    """Source value -> code for the values that are not codes already and can be guessed."""
    value_map = {}
    for value, _ in distinct_values(raw, rule):
        code = guess_code(field_name, value)
        if code is not None and code != value:
            value_map[value] = code
    return value_map


def suggest_mapping(
    source_id: str,
    raw: RawTable,
    order_of_government: str = "",
    jurisdiction: str = "",
    publisher: str = "",
) -> dict:
    """A mapping (as a mapping file writes it) for ``raw``: columns matched by name, value maps
    guessed from the values, and the source's description where no column fits (its publisher as
    the organization, its order of government and jurisdiction)."""
    matched = match_columns(list(raw.columns), order_of_government)
    fields: dict[str, dict] = {}
    # The record id first, as people write mappings.
    for fdef in sorted(MAPPABLE_FIELDS, key=lambda f: f.name != "source_record_id"):
        name = fdef.name
        if name in matched:
            rule: dict = {"column": matched[name]}
            if fdef.type == FieldType.LIST:
                separator = guess_split(raw.columns[matched[name]])
                if separator:
                    rule["split"] = separator
            if fdef.choices:
                value_map = guess_value_map(name, raw, rule)
                if value_map:
                    rule["map"] = value_map
            fields[name] = rule
        elif name == "source_record_id":
            ids = raw.columns.get("@id")
            unique = ids is not None and all(i is not None for i in ids) and len(set(ids)) == len(ids)
            fields[name] = {"column": "@id" if unique else "@row"}
        elif name == "organization" and publisher:
            fields[name] = {"value": publisher}
        elif name == "order_of_government" and order_of_government:
            fields[name] = {"value": order_of_government}
        elif name == "jurisdiction" and jurisdiction:
            fields[name] = {"value": jurisdiction}
        elif name == "province" and jurisdiction in {c.code for c in JURISDICTIONS} - {"CA"}:
            fields[name] = {"value": jurisdiction}
        elif fdef.default is not None:  # said explicitly, so that the mapping shows it
            fields[name] = {"value": fdef.default}
    spec: dict = {"source_id": source_id}
    if raw.x is None:
        x, y = coordinate_columns(raw)
        if x and y:
            crs = guess_crs(number_values(raw.columns[x])[0], number_values(raw.columns[y])[0], jurisdiction)
            spec["geometry"] = {"x": x, "y": y, "crs": crs or STORAGE_CRS}
    spec["fields"] = fields
    return spec


# -- 4. checking a mapping against the records ---------------------------------------------------


@dataclass(frozen=True)
class Issue:
    """One reason the load would stop, and where."""

    #: 'invalid_mapping', 'unknown_column', 'required', 'not_allowed', 'bad_date', 'duplicate_id',
    #: 'no_geometry', 'not_a_number', 'no_location', 'outside_canada', 'bad_crs'.
    code: str
    #: The schema field ('geometry' for coordinates; '' for the mapping as a whole).
    field: str
    #: 1-based record numbers.
    rows: tuple[int, ...] = ()
    #: The values concerned (distinct, at most a few), or the column named.
    values: tuple[str, ...] = ()
    #: What to do, in the interface language (the dialog writes its own sentences from the code).
    message: str = ""


def check_mapping(raw: RawTable, spec: dict) -> list[Issue]:
    """Every problem ``FieldMapping.apply`` would stop at, all at once: an empty list means the load
    maps every record."""
    try:
        mapping = FieldMapping.from_dict(spec)
    except MappingError as exc:
        return [Issue("invalid_mapping", "", message=str(exc))]
    n = len(raw)
    available = available_columns(raw)
    issues = []
    for name, rule in mapping.fields.items():
        for column in rule.columns:
            if column not in available:
                issues.append(Issue("unknown_column", name, values=(column,),
                                    message=tr("{name} reads column '{column}', which the source does not have.")
                                    .format(name=name, column=column)))  # fmt: skip
    columns = mapping.evaluate(raw)
    for fdef in FIELDS:
        if fdef.name in ("point_id", "source_id") or (
            fdef.name in mapping.fields and fdef.name not in columns
        ):
            continue
        values = columns.get(fdef.name)
        if values is None:
            if fdef.default is not None:
                continue
            values = np.full(n, None, dtype=object)
        issues += _value_issues(fdef, values)
    ids = columns.get("source_record_id")
    if ids is not None:
        texts = np.array([str(i) for i in ids], dtype=object)
        counts = Counter(t for t, i in zip(texts, ids) if i is not None)
        repeated = sorted(t for t, c in counts.items() if c > 1)
        if repeated:
            rows = tuple(int(r) + 1 for r in np.flatnonzero(np.isin(texts, repeated)))
            issues.append(Issue("duplicate_id", "source_record_id", rows, tuple(repeated[:5]),
                                tr("Record ids are not unique ({ids}) in {rows}.").format(
                                    ids=", ".join(repeated[:5]), rows=describe_rows(rows))))  # fmt: skip
    channel = columns.get("channel") if "channel" in mapping.fields else None
    if channel is None:
        channel = np.full(n, FIELDS_BY_NAME["channel"].default, dtype=object)
    regional = np.isin(np.asarray(channel, dtype=object).astype(str), list(REGIONAL_CHANNELS))
    issues += _coordinate_issues(raw, mapping, available, regional)
    return issues


def _value_issues(fdef: FieldDef, values: np.ndarray) -> list[Issue]:
    name = fdef.name
    empty = np.array([v is None for v in values], dtype=bool)
    issues = []
    if fdef.required and empty.any():
        rows = tuple(int(r) + 1 for r in np.flatnonzero(empty))
        issues.append(
            Issue(
                "required",
                name,
                rows,
                message=tr("{label} is required but empty in {rows}.").format(
                    label=fdef.label(language()), rows=describe_rows(rows)
                ),
            )
        )
    if fdef.type == FieldType.DATE:
        bad = [i for i, v in enumerate(values) if v is not None and not fdef.allows(v)]
        if bad:
            rows = tuple(i + 1 for i in bad)
            shown = tuple(dict.fromkeys(str(values[i]) for i in bad))[:5]
            issues.append(Issue("bad_date", name, rows, shown,
                                tr("{label} must be a date like 2024-03-31, not {values} ({rows}).").format(
                                    label=fdef.label(language()), values=", ".join(shown),
                                    rows=describe_rows(rows))))  # fmt: skip
    if fdef.type in (FieldType.ENUM, FieldType.LIST) and fdef.choices:
        allowed = {}
        for v in set(values):
            if v is None:
                continue
            parts = v.split(LIST_SEPARATOR) if fdef.type == FieldType.LIST else [v]
            allowed[v] = [p for p in parts if not fdef.allows(p)]
        bad = [i for i, v in enumerate(values) if v is not None and allowed[v]]
        if bad:
            rows = tuple(i + 1 for i in bad)
            shown = tuple(sorted({p for i in bad for p in allowed[values[i]]}))
            issues.append(Issue("not_allowed", name, rows, shown,
                                tr("{label} has values that are not allowed ({values}) in {rows}; allowed: {codes}.")
                                .format(label=fdef.label(language()), values=", ".join(shown[:5]),
                                        rows=describe_rows(rows), codes=", ".join(fdef.codes))))  # fmt: skip
    return issues


def _coordinate_issues(
    raw: RawTable, mapping: FieldMapping, available: dict, regional: np.ndarray
) -> list[Issue]:
    """Coordinate problems; a call centre or digital service (``regional``) may have no location."""
    g = mapping.geometry
    if raw.x is not None:
        x, y, crs, declared = (
            np.asarray(raw.x, dtype=float),
            np.asarray(raw.y, dtype=float),
            raw.crs or g.crs,
            raw.crs is not None,
        )
        bad = np.zeros(len(raw), dtype=bool)
    elif g.from_columns:
        if g.x not in available or g.y not in available:
            return [Issue("unknown_column", "geometry", values=tuple(c for c in (g.x, g.y) if c not in available),
                          message=tr("The coordinate columns are not in the source."))]  # fmt: skip
        (x, bad_x), (y, bad_y) = number_values(available[g.x]), number_values(available[g.y])
        bad, crs, declared = bad_x | bad_y, g.crs, False
    else:
        return [
            Issue(
                "no_geometry",
                "geometry",
                message=tr("The source has no geometry: choose its coordinate columns."),
            )
        ]
    issues = []
    if bad.any():
        rows = tuple(int(r) + 1 for r in np.flatnonzero(bad))
        issues.append(
            Issue(
                "not_a_number",
                "geometry",
                rows,
                message=tr("Coordinates are not numbers in {rows}.").format(rows=describe_rows(rows)),
            )
        )
    missing = ~(np.isfinite(x) & np.isfinite(y)) & ~bad & ~regional
    if missing.any():
        rows = tuple(int(r) + 1 for r in np.flatnonzero(missing))
        issues.append(
            Issue(
                "no_location",
                "geometry",
                rows,
                message=tr("{rows} have no location.").format(rows=describe_rows(rows).capitalize()),
            )
        )
    located = np.isfinite(x) & np.isfinite(y)
    if located.any():
        try:
            lon, lat = transform_xy(x[located], y[located], crs or STORAGE_CRS, STORAGE_CRS)
        except CoordinateError as exc:
            return [*issues, Issue("bad_crs", "geometry", values=(str(crs),), message=str(exc))]
        outside = np.zeros(len(x), dtype=bool)
        outside[located] = outside_canada(lon, lat)
        if outside.any():
            rows = tuple(int(r) + 1 for r in np.flatnonzero(outside))
            hint = coordinate_hint(x[outside], y[outside], crs, declared)
            issues.append(Issue("outside_canada", "geometry", rows, (str(crs or STORAGE_CRS),),
                                tr("{rows} fall outside Canada once read as {crs}. {hint}").format(
                                    rows=describe_rows(rows).capitalize(), crs=crs or STORAGE_CRS,
                                    hint=hint)))  # fmt: skip
    return issues


# -- 5. the catalogue entry -------------------------------------------------------------------------


def suggest_source_id(text: str, taken=()) -> str:
    """A source id from a title or a file name ('Service BC locations' -> 'service_bc_locations'),
    not one of ``taken``."""
    base = "_".join(normalise(text).split())[:56].strip("_") or "source"
    if not base[0].isalnum():
        base = "s" + base
    candidate, n = base, 2
    while candidate in set(taken):
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def make_entry(
    source_id: str,
    connector: dict,
    *,
    title_en: str = "",
    title_fr: str = "",
    publisher: str = "",
    order_of_government: str = "",
    jurisdiction: str = "",
    licence: str = "",
    refresh: str = "",
    authcfg: str = "",
) -> dict:
    """A catalogue entry, keys in the order people write them; what is not said is left out."""
    if not SAFE_SOURCE_ID.fullmatch(source_id or ""):
        raise MappingError(
            tr(
                "Source id {source_id} must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit."
            ).format(source_id=repr(source_id))
        )
    connector = {k: v for k, v in connector.items() if v not in (None, "")}
    if authcfg:
        connector["authcfg"] = authcfg
    entry = {"id": source_id, "title_en": title_en, "title_fr": title_fr, "publisher": publisher,
             "order_of_government": order_of_government, "jurisdiction": jurisdiction, "licence": licence,
             "refresh": refresh, "connector": connector}  # fmt: skip
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in entry.items() if v not in (None, "")}


def _relative_connector(connector: dict, catalogue: Path) -> dict:
    """A local file inside the catalogue's folder named relative to it (the two travel together)."""
    location = connector.get("location")
    if connector.get("type") != "file" or not location or is_url(str(location)):
        return connector
    path = Path(str(location))
    if not path.is_absolute():
        return connector
    try:
        relative = path.resolve().relative_to(catalogue.parent.resolve())
    except ValueError:
        return connector
    return {**connector, "location": relative.as_posix()}


def _empty_catalogue() -> dict:
    return {"catalogue_version": "1", "sources": []}


def _write_json(path: Path, doc: dict) -> None:
    """Written whole or not at all (a temporary file renamed over the old one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _check_document(doc: dict, path: Path, mappings: dict[str, dict]) -> None:
    """The catalogue schema, then each new mapping (and that it names its source)."""
    validate_catalogue(doc, path)
    ids = [s.get("id") for s in doc.get("sources", [])]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise MappingError(
            tr("Catalogue {name}: source id {ids} is used twice.").format(
                name=path.name, ids=", ".join(repeated)
            )
        )
    for source_id, mapping in mappings.items():
        parsed = FieldMapping.from_dict(mapping)
        if parsed.source_id != source_id:
            raise MappingError(
                tr("The mapping of source '{source_id}' is written for '{other}'.").format(
                    source_id=source_id, other=parsed.source_id
                )
            )


def save_entry(catalogue: str | Path, entry: dict, mapping: dict, replace: bool = False) -> Path:
    """Add ``entry`` (or, with ``replace``, put it in place of the entry with its id) to a local
    catalogue file, created if missing, with its mapping in ``mappings/<id>.json`` beside it (or where
    the replaced entry kept it; inline when it was inline). Everything is checked against the
    catalogue schema before anything is written. Returns the mapping file (the catalogue for inline)."""
    path = Path(catalogue)
    doc = read_catalogue_document(path) if path.exists() else _empty_catalogue()
    if not isinstance(doc, dict) or not isinstance(doc.get("sources"), list):
        raise MappingError(tr("Catalogue {name} has no 'sources' list.").format(name=path.name))
    source_id = entry["id"]
    mapping = {**mapping, "source_id": source_id}
    entry = {**entry, "connector": _relative_connector(dict(entry["connector"]), path)}
    position = next(
        (i for i, s in enumerate(doc["sources"]) if isinstance(s, dict) and s.get("id") == source_id), None
    )
    if position is not None and not replace:
        raise MappingError(
            tr("Catalogue {name} already has a source '{source_id}': choose another id.").format(
                name=path.name, source_id=source_id
            )
        )
    old = doc["sources"][position] if position is not None else {}
    old_mapping = old.get("mapping")
    if isinstance(old_mapping, dict):
        entry["mapping"], mapping_file = mapping, None
    else:
        entry["mapping"] = old_mapping if isinstance(old_mapping, str) else f"mappings/{source_id}.json"
        mapping_file = Path(resolve(str(path), entry["mapping"]))
    sources = list(doc["sources"])
    if position is None:
        sources.append(entry)
    else:
        sources[position] = entry
    new_doc = {**doc, "sources": sources}
    _check_document(new_doc, path, {source_id: mapping})
    if mapping_file is not None:
        _write_json(mapping_file, mapping)
    _write_json(path, new_doc)
    return mapping_file or path


def export_entry(path: str | Path, entry: dict, mapping: dict) -> Path:
    """A catalogue of one source, its mapping inline: what to hand the maintainers of a shared catalogue
    (and a catalogue ``crs:loadsources`` loads as it is)."""
    path = Path(path)
    doc = {"catalogue_version": "1", "sources": [{**entry, "mapping": {**mapping, "source_id": entry["id"]}}]}
    _check_document(doc, path, {entry["id"]: doc["sources"][0]["mapping"]})
    _write_json(path, doc)
    return path


def read_entry(catalogue: str | Path, source_id: str, client: HttpClient | None = None) -> tuple[dict, dict]:
    """(entry, mapping) of a source as the catalogue writes them: what the dialog edits."""
    location = str(catalogue)
    doc = read_catalogue_document(location, client)
    entry = next(
        (s for s in doc.get("sources") or [] if isinstance(s, dict) and s.get("id") == source_id), None
    )
    if entry is None:
        raise SourceError(
            tr("The catalogue {location} has no source '{source_id}'.").format(
                location=location, source_id=source_id
            )
        )
    mapping = entry.get("mapping")
    if isinstance(mapping, str):
        mapping = (
            (client or HttpClient()).get_json(resolve(location, mapping))
            if is_url(location)
            else read_catalogue_document(resolve(location, mapping))
        )
    return dict(entry), FieldMapping.from_dict(mapping).to_dict()


def remove_entry(catalogue: str | Path, source_id: str) -> dict:
    """Take a source out of a local catalogue (its mapping file too, when no other source uses it);
    the entry removed."""
    path = Path(catalogue)
    doc = read_catalogue_document(path)
    sources = doc.get("sources") or []
    entry = next((s for s in sources if isinstance(s, dict) and s.get("id") == source_id), None)
    if entry is None:
        raise SourceError(
            tr("The catalogue {location} has no source '{source_id}'.").format(
                location=path, source_id=source_id
            )
        )
    rest = [s for s in sources if s is not entry]
    _write_json(path, {**doc, "sources": rest})
    mapping = entry.get("mapping")
    if isinstance(mapping, str) and not any(s.get("mapping") == mapping for s in rest if isinstance(s, dict)):
        mapping_file = Path(resolve(str(path), mapping))
        if mapping_file.is_file() and mapping_file.parent.resolve() == (path.parent / "mappings").resolve():
            mapping_file.unlink()
    return entry


def writable_catalogue(current: str | Path, copy_to: str | Path) -> Path:
    """A local catalogue the user may change: ``current`` itself, or (for the sample shipped inside the
    plugin, which an update replaces) a copy at ``copy_to`` whose file locations point at the sample's
    files and whose mappings are copied beside it. An existing copy is reused."""
    from .catalogue import SAMPLE_CATALOGUE

    current, copy_to = Path(current), Path(copy_to)
    if current.resolve() != SAMPLE_CATALOGUE.resolve():
        return current
    if copy_to.exists():
        return copy_to
    doc = read_catalogue_document(current)
    sources = []
    for entry in doc.get("sources") or []:
        entry = dict(entry)
        connector = dict(entry["connector"])
        if connector.get("type") == "file" and not is_url(str(connector.get("location", ""))):
            connector["location"] = resolve(str(current), connector["location"])
        entry["connector"] = connector
        if isinstance(entry.get("mapping"), str):
            mapping = read_catalogue_document(resolve(str(current), entry["mapping"]))
            _write_json(Path(resolve(str(copy_to), entry["mapping"])), mapping)
        sources.append(entry)
    _write_json(copy_to, {**doc, "title": "My service point sources", "sources": sources})
    return copy_to


# -- all at once, for scripts and crs:addsource -----------------------------------------------------


@dataclass
class AddedSource:
    detection: Detection
    offer: Offer
    preview: Preview
    entry: dict
    mapping: dict
    issues: list[Issue]


def prepare_source(
    address: str,
    *,
    choice: str | None = None,
    source_id: str = "",
    title_en: str = "",
    title_fr: str = "",
    publisher: str = "",
    order_of_government: str = "",
    jurisdiction: str = "",
    licence: str = "",
    refresh: str = "",
    authcfg: str = "",
    crs: str = "",
    encoding: str = "",
    delimiter: str = "",
    fields: dict | None = None,
    taken=(),
    client: HttpClient | None = None,
    detection: Detection | None = None,
) -> AddedSource:
    """Everything the dialog does, without it: recognise ``address``, pick ``choice``, read it, match
    its columns, apply the ``fields`` rules given (schema field -> rule, and ``geometry``) over the
    matched ones, and describe it. Nothing is written: ``save_entry`` or ``export_entry`` does that
    with the entry and mapping returned, once ``issues`` is empty."""
    detection = detection or detect(address, client)
    offer = detection.offer(choice)
    connector = dict(offer.connector)
    for key, value in (("encoding", encoding), ("delimiter", delimiter)):
        if value and connector["type"] in ("file", "ckan"):
            connector[key] = value
    metadata = detection.metadata
    title_en = title_en or metadata.get("title_en") or (offer.title if len(detection.offers) > 1 else "")
    source_id = source_id or suggest_source_id(title_en or metadata.get("name") or offer.title, taken)
    publisher = publisher or metadata.get("publisher", "")
    read = preview(connector, source_id, client=client)
    mapping = suggest_mapping(source_id, read.raw, order_of_government, jurisdiction, publisher)
    overrides = dict(fields or {})
    geometry = overrides.pop("geometry", None)
    for name, rule in overrides.items():
        if rule is None:
            mapping["fields"].pop(name, None)
        else:
            mapping["fields"][name] = {"column": rule} if isinstance(rule, str) else dict(rule)
    if geometry is not None:
        mapping["geometry"] = dict(geometry)
    if crs and read.raw.x is None:
        mapping.setdefault("geometry", {})["crs"] = crs
    entry = make_entry(source_id, connector, title_en=title_en, title_fr=title_fr or metadata.get("title_fr", ""),
                       publisher=publisher, order_of_government=order_of_government, jurisdiction=jurisdiction,
                       licence=licence or metadata.get("licence", ""), refresh=refresh, authcfg=authcfg)  # fmt: skip
    return AddedSource(detection, offer, read, entry, mapping, check_mapping(read.raw, mapping))


__all__ = [
    "CrsServicePointsError",
    "Detection",
    "Issue",
    "Offer",
    "Preview",
    "check_mapping",
    "detect",
    "export_entry",
    "make_entry",
    "match_columns",
    "prepare_source",
    "preview",
    "read_entry",
    "remove_entry",
    "save_entry",
    "suggest_mapping",
]
