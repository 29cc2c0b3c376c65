"""CSV and GeoJSON sources, from a local path or an http(s) URL."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import numpy as np

from ..errors import SourceError
from ..http import HttpClient, get_bytes, is_url
from ..schema import Provenance
from ..table import RawTable

#: Encodings tried in order. cp1252 last: it accepts any byte, so it is the fallback
#: for files saved by spreadsheet software on Windows (French accents survive).
ENCODINGS = ("utf-8-sig", "cp1252")
_DELIMITERS = ",;\t|"
_EPSG_URN = re.compile(r"EPSG:(?:[\d.]*:)?(\d+)$", re.IGNORECASE)


class FileSource:
    """A CSV or GeoJSON file. ``fmt`` is 'csv' or 'geojson' (guessed from the name if omitted)."""

    def __init__(
        self,
        location: str | Path,
        source_id: str,
        fmt: str | None = None,
        encoding: str | None = None,
        client: HttpClient | None = None,
    ) -> None:
        self.location = str(location)
        self.client = client or (HttpClient() if is_url(self.location) else None)
        self.source_id = source_id
        self.fmt = (fmt or _guess_format(self.location)).lower()
        if self.fmt not in ("csv", "geojson"):
            raise SourceError(f"Unsupported file format '{self.fmt}' for {self.location}.")
        self.encoding = encoding

    def fetch(self) -> tuple[RawTable, Provenance]:
        data = self._read_bytes()
        if not data.strip():
            raise SourceError(f"{self.location} is empty.")
        text = _decode(data, self.encoding, self.location)
        raw = _parse_csv(text, self.location) if self.fmt == "csv" else _parse_geojson(text, self.location)
        provenance = Provenance(
            source_id=self.source_id,
            uri=self.location,
            record_count=len(raw),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        return raw, provenance

    def _read_bytes(self) -> bytes:
        if is_url(self.location):
            body, _headers = get_bytes(self.location, self.client)
            if body.lstrip()[:1] == b"<":
                raise SourceError(
                    f"{self.location} leads to a web page, not a {self.fmt.upper()} file (a download page?): "
                    "give the file's direct address."
                )
            return body
        try:
            return Path(self.location).read_bytes()
        except FileNotFoundError:
            raise SourceError(f"File not found: {self.location}") from None
        except OSError as exc:
            raise SourceError(f"Cannot read {self.location}: {exc.strerror}") from None


def _guess_format(location: str) -> str:
    name = location.lower().split("?")[0]
    if name.endswith((".geojson", ".json")):
        return "geojson"
    if name.endswith((".csv", ".txt")):
        return "csv"
    raise SourceError(f"Cannot tell the format of {location}: give 'csv' or 'geojson'.")


def _decode(data: bytes, encoding: str | None, location: str) -> str:
    for enc in (encoding,) if encoding else ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError as exc:
            if encoding:
                raise SourceError(
                    f"{location} is not valid {encoding} (byte {exc.start}); "
                    "give the file's real encoding (for example cp1252)."
                ) from None
    raise SourceError(f"Cannot decode {location}.")  # pragma: no cover - cp1252 decodes any byte


def _parse_csv(text: str, location: str) -> RawTable:
    sample = text[:65536]
    try:
        dialect = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=_DELIMITERS)
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise SourceError(f"{location} is empty.")
    header = [h.strip() for h in rows[0]]
    if len(set(header)) != len(header) or any(not h for h in header):
        raise SourceError(f"{location}: the header row has empty or repeated column names.")
    body = rows[1:]
    ragged = [i + 2 for i, r in enumerate(body) if len(r) != len(header)]
    if ragged:
        raise SourceError(
            f"{location}: lines {', '.join(map(str, ragged[:5]))} have a different number of "
            f"columns than the header ({len(header)})."
        )
    table = np.array(body, dtype=object).reshape(len(body), len(header))
    return RawTable({h: table[:, j] for j, h in enumerate(header)})


def _parse_geojson(text: str, location: str) -> RawTable:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"{location} is not valid JSON: {exc.msg} at line {exc.lineno}.") from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise SourceError(f"{location} is not a GeoJSON FeatureCollection.")
    features = doc.get("features")
    if not isinstance(features, list):
        raise SourceError(f"{location}: 'features' is missing or not a list.")
    return features_table(features, location, _geojson_crs(doc, location))


def features_table(features: list, location: str, crs: str = "EPSG:4326") -> RawTable:
    """GeoJSON point features as a RawTable (shared by every GeoJSON-speaking connector)."""
    n = len(features)
    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    keys: dict[str, None] = {}
    for feature in features:
        keys.update(dict.fromkeys((feature.get("properties") or {}).keys()))
    columns = {k: np.full(n, None, dtype=object) for k in keys}
    columns["@id"] = np.full(n, None, dtype=object)
    for i, feature in enumerate(features):
        for k, v in (feature.get("properties") or {}).items():
            columns[k][i] = json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
        if feature.get("id") is not None:
            columns["@id"][i] = str(feature["id"])
        geom = feature.get("geometry")
        if geom is None:
            continue
        coords = geom.get("coordinates")
        if geom.get("type") == "MultiPoint" and isinstance(coords, list) and len(coords) == 1:
            coords = coords[0]
        elif geom.get("type") != "Point":
            raise SourceError(
                f"{location}: feature {i + 1} is a {geom.get('type')}; service points must be points."
            )
        try:
            x[i], y[i] = float(coords[0]), float(coords[1])
        except (TypeError, ValueError, IndexError):
            raise SourceError(f"{location}: feature {i + 1} has invalid coordinates {coords!r}.") from None
    return RawTable(columns, x, y, crs=crs)


def _geojson_crs(doc: dict, location: str) -> str:
    """RFC 7946 GeoJSON is EPSG:4326; honour the legacy (2008) 'crs' member if present."""
    name = ((doc.get("crs") or {}).get("properties") or {}).get("name")
    if not name or "CRS84" in name.upper():
        return "EPSG:4326"
    match = _EPSG_URN.search(name)
    if not match:
        raise SourceError(f"{location}: unsupported 'crs' member {name!r}.")
    return f"EPSG:{match.group(1)}"
