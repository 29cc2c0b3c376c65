"""File sources (CSV, GeoJSON, JSON records, ZIP archives, GeoPackage) from a path or an http(s) URL.

What a file is comes from its bytes, not its name, its label or the server's
``Content-Type`` (``sniff``): JSON, CSV text, an HTML page, XML, a ZIP archive or
a GeoPackage. ZIP archives (the usual open-data download) are listed from their
central directory and checked against member-count and size limits before
anything is unpacked; the data member (a CSV, GeoJSON, Shapefile or GeoPackage,
chosen by the ``member`` option when there are several) is then read through
GDAL's ``/vsizip/``.

Spreadsheet exports are read as people make them: the encoding comes from the
bytes (UTF-8 with or without BOM, UTF-16 with BOM as Excel's "Unicode Text",
else Windows-1252, else an error naming the ``encoding`` option); the delimiter
is the one that splits the first lines into the same number of fields; trailing
empty columns are dropped; in files not separated by commas, columns of numbers
written with a decimal comma are read as numbers and the load report says so.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import uuid
import zipfile
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr

from ..content import KIND_NAMES, sniff
from ..errors import SourceError
from ..gdal_exceptions import gdal_exceptions
from ..http import HttpClient, get_bytes, is_url
from ..i18n import tr
from ..schema import Provenance
from ..table import RawTable

#: Delimiters a CSV file may use, in order of preference when several split its lines alike.
DELIMITERS = ",;\t|"
_EPSG_URN = re.compile(r"EPSG:(?:[\d.]*:)?(\d+)$", re.IGNORECASE)
#: Bytes Windows-1252 leaves undefined, and control characters no text file holds.
_NOT_CP1252 = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x81\x8d\x8f\x90\x9d]")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+")
#: Archive limits, checked on the central directory before anything is unpacked.
MAX_ZIP_MEMBERS = 1000
MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024
_TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".geojson", ".json", ".shp", ".gpkg")


class FileSource:
    """A file whose content decides how it is read; ``fmt`` is only the label it came with."""

    def __init__(
        self,
        location: str | Path,
        source_id: str,
        fmt: str | None = None,
        encoding: str | None = None,
        client: HttpClient | None = None,
        member: str | None = None,
        label: str | None = None,
        delimiter: str | None = None,
    ) -> None:
        if delimiter is not None and delimiter not in DELIMITERS:
            raise SourceError(
                tr(
                    "The delimiter {delimiter} is not one of: comma, semicolon, tab, vertical bar "
                    "(',', ';', '\\t', '|')."
                ).format(delimiter=repr(delimiter))
            )
        self.location = str(location)
        self.client = client or (HttpClient() if is_url(self.location) else None)
        self.source_id = source_id
        self.fmt = (fmt or "").lower() or None
        self.encoding = encoding
        self.delimiter = delimiter
        self.member = member
        #: Who named the file, for messages (e.g. "CKAN resource 'abc' (labelled GeoJSON)").
        self.label = label or self.location

    def fetch(self) -> tuple[RawTable, Provenance]:
        data = self._read_bytes()
        if not data.strip():
            raise SourceError(tr("{label} is empty.").format(label=self.label))
        raw, content = read_bytes(
            data,
            self.label,
            self.encoding,
            self.member,
            local_path=self._local_path(),
            delimiter=self.delimiter,
        )
        extra = {"content": content}
        if self.fmt and self.fmt not in (content.split(":")[0], content.split(":")[-1]):
            extra["labelled"] = self.fmt
        provenance = Provenance(
            source_id=self.source_id,
            uri=self.location,
            record_count=len(raw),
            sha256=hashlib.sha256(data).hexdigest(),
            extra=extra,
        )
        return raw, provenance

    def _local_path(self) -> str | None:
        return None if is_url(self.location) else self.location

    def _read_bytes(self) -> bytes:
        if is_url(self.location):
            return get_bytes(self.location, self.client)[0]
        try:
            return Path(self.location).read_bytes()
        except FileNotFoundError:
            raise SourceError(tr("File not found: {location}").format(location=self.location)) from None
        except OSError as exc:
            raise SourceError(
                tr("Cannot read {location}: {strerror}").format(location=self.location, strerror=exc.strerror)
            ) from None


def read_bytes(
    data: bytes,
    where: str,
    encoding: str | None = None,
    member: str | None = None,
    local_path: str | None = None,
    delimiter: str | None = None,
) -> tuple[RawTable, str]:
    """The records in ``data`` and what they were read as ('csv', 'geojson', 'json', 'zip:<member>:csv' …).

    ``encoding`` and ``delimiter`` override what the bytes say for text files (None: from the bytes)."""
    kind = sniff(data)
    if kind == "zip":
        return _read_zip(data, where, encoding, member, local_path, delimiter)
    if kind == "gpkg":
        return _read_with_gdal(data, where, ".gpkg", local_path), "gpkg"
    if kind == "json":
        return _parse_json(_decode(data, encoding, where)[0], where)
    if kind == "csv":
        return _parse_csv(data, where, encoding, delimiter), "csv"
    if kind == "html":
        raise SourceError(
            tr(
                "{where} leads to a web page, not a data file (a download page?): give the file's direct "
                "address."
            ).format(where=where)
        )
    if kind == "xlsx":
        raise SourceError(
            tr("{where} is an Excel workbook: save the sheet as CSV (UTF-8) and load that file.").format(
                where=where
            )
        )
    message = (
        tr(
            "{where} holds {kind}, not CSV, GeoJSON, a ZIP archive or a GeoPackage (an error report from a server?)."
        )
        if kind == "xml"
        else tr("{where} holds {kind}, not CSV, GeoJSON, a ZIP archive or a GeoPackage.")
    )
    raise SourceError(message.format(where=where, kind=tr(KIND_NAMES[kind])))  # i18n: marked


# -- text ----------------------------------------------------------------------------


def _decode(data: bytes, encoding: str | None, where: str) -> tuple[str, str]:
    """(text, encoding) from the bytes: a declared encoding, a BOM, valid UTF-8, or Windows-1252."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise SourceError(
                tr("{where}: unknown encoding {encoding!r} in the connector's 'encoding' option.").format(
                    where=where, encoding=encoding
                )
            ) from None
        except UnicodeDecodeError as exc:
            raise SourceError(
                tr(
                    "{where} is not valid {encoding} (byte {start}); give the file's real encoding in the "
                    "connector's 'encoding' option (for example cp1252)."
                ).format(where=where, encoding=encoding, start=exc.start)
            ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ("utf-8-sig",)
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "cp1252")
    for name in candidates:
        if name == "cp1252":
            bad = _NOT_CP1252.search(data)
            if bad:
                break
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    hint = (
        tr(" (it looks like UTF-16 without a byte-order mark: 'utf-16-le')")
        if data.count(b"\x00") > len(data) // 4
        else ""
    )
    raise SourceError(
        tr(
            "{where}: cannot tell the text encoding from the bytes (not UTF-8, UTF-16 with a "
            "byte-order mark or Windows-1252){hint}. Give it in the connector's 'encoding' option, "
            'for example "encoding": "latin-1".'
        ).format(where=where, hint=hint)
    )


def _find_delimiter(sample: str) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of fields."""
    best, best_score = ",", (0, 0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
        except csv.Error:
            continue
        widths = [len(_trim(r)) for r in rows if any(c.strip() for c in r)][:50]
        if not widths:
            continue
        header = widths[0]
        agree = sum(w == header for w in widths)
        score = (agree if header > 1 else 0, header, -DELIMITERS.index(delimiter))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _trim(row: list[str]) -> list[str]:
    """A row without its trailing empty cells (spreadsheets add them after the last column)."""
    end = len(row)
    while end and not row[end - 1].strip():
        end -= 1
    return row[:end]


def _parse_csv(
    data: bytes, where: str, encoding: str | None = None, delimiter: str | None = None
) -> RawTable:
    text, used = _decode(data, encoding, where)
    sample = text[:65536]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    delimiter = delimiter or _find_delimiter(sample)
    rows = [
        r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if any(c.strip() for c in r)
    ]
    if not rows:
        raise SourceError(tr("{where} is empty.").format(where=where))
    header = [h.strip() for h in _trim(rows[0])]
    width = len(header)
    if len(set(header)) != width or any(not h for h in header):
        raise SourceError(
            tr("{where}: the header row has empty or repeated column names.").format(where=where)
        )
    body = [r[:width] if len(r) > width and not any(c.strip() for c in r[width:]) else r for r in rows[1:]]
    ragged = [i + 2 for i, r in enumerate(body) if len(r) != width]
    if ragged:
        raise SourceError(
            tr(
                "{where}: lines {lines} have a different number of columns than the header ({width}, "
                "separated by {delimiter})."
            ).format(
                where=where,
                lines=", ".join(map(str, ragged[:5])),
                width=width,
                delimiter=_delimiter_name(delimiter),
            )
        )
    table = np.array(body, dtype=object).reshape(len(body), width)
    columns = {h: table[:, j] for j, h in enumerate(header)}
    notes = [] if used in ("utf-8", "utf-8-sig") else [tr("read as {encoding} text").format(encoding=used)]
    if delimiter != ",":  # a decimal comma can only be unquoted where commas separate nothing
        notes += _read_decimal_commas(columns, where)
    return RawTable(columns, notes=notes, read_as={"encoding": used, "delimiter": delimiter})


def _delimiter_name(delimiter: str) -> str:
    return {",": tr("commas"), ";": tr("semicolons"), "\t": tr("tabs"), "|": tr("vertical bars")}[delimiter]


def _read_decimal_commas(columns: dict[str, np.ndarray], where: str) -> list[str]:
    """Columns of numbers written with a decimal comma, rewritten with a point; one note for them."""
    converted = []
    for name, values in columns.items():
        distinct = {v.strip() for v in set(values.tolist()) if v and v.strip()}
        commas = {v for v in distinct if _DECIMAL_COMMA.fullmatch(v)}
        if commas and all(v in commas or _PLAIN_NUMBER.fullmatch(v) for v in distinct):
            columns[name] = np.array([v.strip().replace(",", ".") if v else v for v in values], dtype=object)
            converted.append(name)
    if not converted:
        return []
    shown = ", ".join(f"'{c}'" for c in converted)
    note = (
        tr("numbers with a decimal comma read as numbers in columns {columns}")
        if len(converted) > 1
        else tr("numbers with a decimal comma read as numbers in column {columns}")
    )
    return [note.format(columns=shown)]


# -- JSON ----------------------------------------------------------------------------


def _parse_json(text: str, where: str) -> tuple[RawTable, str]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(
            tr("{where} is not valid JSON: {msg} at line {lineno}.").format(
                where=where, msg=exc.msg, lineno=exc.lineno
            )
        ) from None
    if isinstance(doc, list) and all(isinstance(r, dict) for r in doc):
        # Records as a JSON array (Socrata's /resource/<id>.json, locator APIs): a table.
        names = dict.fromkeys(k for r in doc for k in r)
        columns = {k: np.array([_cell(r.get(k)) for r in doc], dtype=object) for k in names}
        return RawTable(columns), "json"
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise SourceError(
            tr("{where} is JSON but not a GeoJSON FeatureCollection nor a list of records.").format(
                where=where
            )
        )
    features = doc.get("features")
    if not isinstance(features, list):
        raise SourceError(tr("{where}: 'features' is missing or not a list.").format(where=where))
    return features_table(features, where, geojson_crs(doc, where)), "geojson"


def _cell(value):
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


def features_table(features: list, location: str, crs: str | None = None) -> RawTable:
    """GeoJSON point features as a RawTable (shared by every GeoJSON-speaking connector).

    ``crs`` is the CRS the answer declares; None when it declares none (the mapping's
    ``crs`` then applies, EPSG:4326 by default as RFC 7946 says)."""
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
            columns[k][i] = _cell(v)
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
                tr("{location}: feature {number} is a {geometry}; service points must be points.").format(
                    location=location, number=i + 1, geometry=geom.get("type")
                )
            )
        try:
            x[i], y[i] = float(coords[0]), float(coords[1])
        except (TypeError, ValueError, IndexError):
            raise SourceError(
                tr("{location}: feature {number} has invalid coordinates {coords!r}.").format(
                    location=location, number=i + 1, coords=coords
                )
            ) from None
    return RawTable(columns, x, y, crs=crs)


def geojson_crs(doc: dict, location: str) -> str | None:
    """The CRS a GeoJSON document declares with the legacy (2008) 'crs' member, or None."""
    name = ((doc.get("crs") or {}).get("properties") or {}).get("name")
    if not name:
        return None
    if "CRS84" in name.upper():
        return "EPSG:4326"
    match = _EPSG_URN.search(name)
    if not match:
        raise SourceError(
            tr("{location}: unsupported 'crs' member {name!r}.").format(location=location, name=name)
        )
    return f"EPSG:{match.group(1)}"


# -- archives and GDAL-read files ------------------------------------------------------------


def zip_members(data: bytes, where: str) -> tuple[list[str], list[str]]:
    """(every member, the data members: CSV, GeoJSON, Shapefile, GeoPackage) of a ZIP archive, from its
    central directory, checked against the archive limits before anything is unpacked."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise SourceError(
            tr("{where} is a damaged ZIP archive ({exc}).").format(where=where, exc=exc)
        ) from None
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if len(infos) > MAX_ZIP_MEMBERS:
        raise SourceError(
            tr(
                "{where} is a ZIP archive of {count} files, more than the {limit} "
                "allowed; nothing was unpacked."
            ).format(where=where, count=len(infos), limit=MAX_ZIP_MEMBERS)
        )
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNZIPPED_BYTES:
        raise SourceError(
            tr(
                "{where} would unpack to {size} MB, more than the {limit} MB allowed; nothing was unpacked."
            ).format(where=where, size=unpacked // (1024 * 1024), limit=MAX_UNZIPPED_BYTES // (1024 * 1024))
        )
    names = [i.filename for i in infos]
    return names, [n for n in names if n.lower().endswith(_TABLE_SUFFIXES) and not _hidden(n)]


def _read_zip(
    data: bytes,
    where: str,
    encoding: str | None,
    member: str | None,
    local_path: str | None,
    delimiter: str | None = None,
) -> tuple[RawTable, str]:
    names, tables = zip_members(data, where)
    if member is not None:
        if member not in names:
            raise SourceError(
                tr("{where} has no member {member!r}; it holds: {names}.").format(
                    where=where, member=member, names=", ".join(names[:20]) or tr("nothing")
                )
            )
        chosen = member
    elif len(tables) == 1:
        chosen = tables[0]
    elif not tables:
        raise SourceError(
            tr(
                "{where} is a ZIP archive without a CSV, GeoJSON, Shapefile or GeoPackage; it holds: {names}."
            ).format(where=where, names=", ".join(names[:20]) or tr("nothing"))
        )
    else:
        raise SourceError(
            tr(
                "{where} is a ZIP archive holding several data files ({files}): name the one to load in "
                "the connector's 'member' option."
            ).format(where=where, files=", ".join(tables[:20]))
        )
    suffix = Path(chosen).suffix.lower()
    if suffix in (".shp", ".gpkg"):
        return _read_with_gdal(data, where, suffix, local_path, chosen), f"zip:{chosen}"
    inner = _vsi_read(data, local_path, chosen, where)
    raw, content = read_bytes(inner, f"{where} ({chosen})", encoding, delimiter=delimiter)
    return raw, f"zip:{chosen}:{content}"


def _hidden(name: str) -> bool:
    return name.startswith("__MACOSX/") or Path(name).name.startswith(".")


class _VsiFile:
    """A path GDAL can read: the local file itself, or the bytes in GDAL's memory file system."""

    def __init__(self, data: bytes, local_path: str | None, suffix: str) -> None:
        self._memory = None if local_path else f"/vsimem/crs_{uuid.uuid4().hex}{suffix}"
        if self._memory:
            gdal.FileFromMemBuffer(self._memory, data)
        self.path = self._memory or str(Path(local_path).resolve())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._memory:
            gdal.Unlink(self._memory)


def _vsi_read(data: bytes, local_path: str | None, member: str, where: str) -> bytes:
    chunks = []
    try:
        with gdal_exceptions(), _VsiFile(data, local_path, ".zip") as archive:
            handle = gdal.VSIFOpenL(f"/vsizip/{archive.path}/{member}", "rb")
            try:
                while chunk := gdal.VSIFReadL(1, 1 << 20, handle):
                    chunks.append(chunk)
            finally:
                gdal.VSIFCloseL(handle)
    except RuntimeError as exc:
        raise SourceError(
            tr("{where}: GDAL cannot read {member} in the archive ({exc}).").format(
                where=where, member=member, exc=exc
            )
        ) from None
    return b"".join(chunks)


def _read_with_gdal(
    data: bytes, where: str, suffix: str, local_path: str | None, member: str | None = None
) -> RawTable:
    """A Shapefile or GeoPackage (inside a ZIP archive when ``member`` is given) as a RawTable."""
    try:
        with gdal_exceptions(), _VsiFile(data, local_path, ".zip" if member else suffix) as file:
            path = f"/vsizip/{file.path}/{member}" if member else file.path
            ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
            layers = [ds.GetLayer(i) for i in range(ds.GetLayerCount())]
            points = [
                lyr
                for lyr in layers
                if ogr.GT_Flatten(lyr.GetGeomType()) in (ogr.wkbPoint, ogr.wkbMultiPoint)
            ]
            if len(points) != 1:
                listing = ", ".join(
                    f"{lyr.GetName()} ({ogr.GeometryTypeToName(lyr.GetGeomType())})" for lyr in layers
                )
                raise SourceError(
                    tr("{where}: expected one point layer, found {found}.").format(
                        where=where, found=listing or tr("no layer")
                    )
                )
            return _layer_table(points[0], where)
    except RuntimeError as exc:
        raise SourceError(
            tr("{where}: GDAL cannot read {what} ({exc}).").format(
                where=where, what=member or tr("the file"), exc=exc
            )
        ) from None


def _layer_table(layer, where: str) -> RawTable:
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    n = layer.GetFeatureCount()
    columns = {name: np.full(n, None, dtype=object) for name in names}
    x, y = np.full(n, np.nan), np.full(n, np.nan)
    layer.ResetReading()
    for i, feature in enumerate(layer):
        for j, name in enumerate(names):
            if feature.IsFieldSetAndNotNull(j):
                columns[name][i] = feature.GetFieldAsString(j)
        geometry = feature.GetGeometryRef()
        if geometry is not None and not geometry.IsEmpty():
            if geometry.GetGeometryCount() == 1:  # a MultiPoint of one point
                geometry = geometry.GetGeometryRef(0)
            if geometry.GetGeometryCount() > 1:
                raise SourceError(
                    tr("{where}: feature {number} is a MultiPoint of several points.").format(
                        where=where, number=i + 1
                    )
                )
            x[i], y[i] = geometry.GetX(), geometry.GetY()
    srs = layer.GetSpatialRef()
    crs = None
    if srs is not None:
        try:
            srs.AutoIdentifyEPSG()
        except RuntimeError:  # not an EPSG CRS: its WKT says what it is
            pass
        code = srs.GetAuthorityCode(None)
        crs = f"EPSG:{code}" if srs.GetAuthorityName(None) == "EPSG" and code else srs.ExportToWkt()
    return RawTable(columns, x, y, crs=crs)
