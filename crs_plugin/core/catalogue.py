"""The source catalogue: which sources exist and how each maps into the schema.

A catalogue is a JSON file with a ``sources`` list; each entry has an ``id``,
bilingual titles, publisher, order of government, jurisdiction, licence, a
``connector`` (its ``type`` and parameters) and a ``mapping`` (inline object, or
a path relative to the catalogue). Relative file locations are resolved
against the catalogue's folder, so a catalogue and its files travel together.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .errors import MappingError, SourceError
from .http import HttpClient, is_url
from .i18n import tr
from .mapping import FieldMapping
from .schema import Choice
from .sources.arcgis import ArcGisSource
from .sources.ckan import CkanSource
from .sources.file import FileSource
from .sources.ogcapi import OgcApiFeaturesSource
from .sources.wfs import WfsSource

#: Per connector type: catalogue key -> the connector's argument (beside its address).
_OPTIONS = {
    "file": {"format": "fmt", "encoding": "encoding", "delimiter": "delimiter", "member": "member"},
    "arcgis": {"where": "where", "out_format": "out_format", "page_size": "page_size", "max_pages": "max_pages",
               "concurrency": "concurrency"},
    "ogcapi": {"limit": "limit", "bbox": "bbox", "max_pages": "max_pages", "concurrency": "concurrency"},
    "wfs": {"version": "version", "out_format": "out_format", "page_size": "page_size", "max_pages": "max_pages"},
    "ckan": {"resource": "resource_id", "type_name": "type_name", "member": "member", "page_size": "page_size",
             "max_pages": "max_pages", "encoding": "encoding", "delimiter": "delimiter"},
}  # fmt: skip
SAMPLE_CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "sample" / "sources.json"
#: The sample's call centres and digital services (no counter: a service region), one source of the
#: sample catalogue beside the counters' sources.
SAMPLE_CHANNEL_SOURCES = ("contact_centres_digital",)
CATALOGUE_SCHEMA = Path(__file__).resolve().parent.parent / "resources" / "schemas" / "catalogue.schema.json"
CONNECTOR_TYPES = ("file", "arcgis", "ogcapi", "wfs", "ckan")

#: Canadian open-data licences, for the pick-list of a source's licence (any other text is allowed).
LICENCES = (
    Choice("ogl-canada", "Open Government Licence – Canada", "Licence du gouvernement ouvert – Canada"),
    Choice("statcan", "Statistics Canada Open Licence", "Licence ouverte de Statistique Canada"),
    Choice("ogl-ab", "Open Government Licence – Alberta", "Licence du gouvernement ouvert – Alberta"),
    Choice("ogl-bc", "Open Government Licence – British Columbia",
           "Licence du gouvernement ouvert – Colombie-Britannique"),
    Choice("ogl-mb", "Open Government Licence – Manitoba", "Licence du gouvernement ouvert – Manitoba"),
    Choice("ogl-nb", "Open Government Licence – New Brunswick",
           "Licence du gouvernement ouvert – Nouveau-Brunswick"),
    Choice("ogl-nl", "Open Government Licence – Newfoundland and Labrador",
           "Licence du gouvernement ouvert – Terre-Neuve-et-Labrador"),
    Choice("ogl-ns", "Open Government Licence – Nova Scotia", "Licence du gouvernement ouvert – Nouvelle-Écosse"),
    Choice("ogl-nt", "Open Government Licence – Northwest Territories",
           "Licence du gouvernement ouvert – Territoires du Nord-Ouest"),
    Choice("ogl-on", "Open Government Licence – Ontario", "Licence du gouvernement ouvert – Ontario"),
    Choice("ogl-pe", "Open Government Licence – Prince Edward Island",
           "Licence du gouvernement ouvert – Île-du-Prince-Édouard"),
    Choice("ogl-sk", "Open Government Licence – Saskatchewan", "Licence du gouvernement ouvert – Saskatchewan"),
    Choice("ogl-yt", "Open Government Licence – Yukon", "Licence du gouvernement ouvert – Yukon"),
    Choice("cc-by-4.0", "Creative Commons Attribution 4.0 (CC BY 4.0)",
           "Creative Commons Attribution 4.0 (CC BY 4.0)"),
    Choice("odbl", "Open Database License (ODbL)", "Licence ouverte de bases de données (ODbL)"),
)  # fmt: skip

#: How often a source is refreshed (the catalogue's ``refresh``).
REFRESH_CADENCES = (
    Choice("daily", "Daily", "Quotidienne"),
    Choice("weekly", "Weekly", "Hebdomadaire"),
    Choice("monthly", "Monthly", "Mensuelle"),
    Choice("quarterly", "Quarterly", "Trimestrielle"),
    Choice("yearly", "Yearly", "Annuelle"),
    Choice("irregular", "When the publisher updates it", "Quand l'éditeur la met à jour"),
)


def validate_catalogue(doc, path: Path | str = "catalogue") -> None:
    """MappingError naming the source and the field of the first schema violation.

    Uses the JSON Schema kept in ``resources/schemas``; where the ``jsonschema`` package
    is missing (some QGIS installs) only the structural checks of ``load_catalogue`` apply.
    """
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - installed by make deps
        return
    schema = json.loads(CATALOGUE_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(
        jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.absolute_path)
    )
    if not errors:
        return
    # An unknown key is reported once the rest is right (a failing branch leaves its own keys unevaluated).
    unknown_key = ("additionalProperties", "unevaluatedProperties")
    errors = [e for e in errors if e.validator not in unknown_key] or errors
    error = min(errors, key=lambda e: len(e.absolute_path) == 0)
    where = list(error.absolute_path)
    entry = None
    source = ""
    if len(where) >= 2 and where[0] == "sources" and isinstance(where[1], int):
        entry = doc["sources"][where[1]]
        name = entry.get("id") if isinstance(entry, dict) else None
        source = (tr("source '{name}', ").format(name=name) if name
                  else tr("source #{number}, ").format(number=where[1] + 1))  # fmt: skip
        where = where[2:]
    field = ".".join(str(p) for p in where) or tr("(the entry itself)")
    message = error.message
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        message = _unknown_keys_message(schema, error.instance, where, in_source=entry is not None)
    raise MappingError(
        tr("Catalogue {name}: {source}field {field}: {message}.").format(
            name=Path(path).name, source=source, field=field, message=message
        )
    )


def _unknown_keys_message(schema: dict, instance: dict, where: list, in_source: bool) -> str:
    """'unknown key 'max_pages' (an ogcapi connector knows: …)': what was refused and what is known."""
    defs = schema["$defs"]
    if where == ["connector"]:
        kind = instance.get("type")
        known = list(defs["connector"]["properties"])
        for branch in defs["connector"]["allOf"]:
            if branch["if"]["properties"]["type"]["const"] == kind:
                known += list(branch["then"]["properties"])
        what = f"a{'n' if str(kind)[:1] in 'aeiou' else ''} {kind} connector"
    elif in_source:
        known, what = list(defs["source"]["properties"]), "a source"
    else:
        known, what = list(schema["properties"]), "a catalogue"
    unknown = [k for k in instance if k not in known]
    keys = ", ".join(f"'{k}'" for k in unknown)
    return (
        f"unknown key{'s' if len(unknown) > 1 else ''} {keys}, which would be ignored ({what} knows: "
        f"{', '.join(known)})"
    )


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    title_en: str
    title_fr: str
    publisher: str
    order_of_government: str
    jurisdiction: str
    licence: str
    connector: dict
    mapping: FieldMapping
    #: How often the source is refreshed (a code of REFRESH_CADENCES), '' when not said.
    refresh: str = ""

    def title(self, language: str = "en") -> str:
        return self.title_fr if language.startswith("fr") else self.title_en

    def source(self, base: str, client: HttpClient | None = None):
        """The connector for this entry; ``base`` is the catalogue's location (relative file locations
        are resolved against it); ``client`` carries its HTTP requests (default: urllib)."""
        return connector_source(self.connector, self.id, base, client)


def connector_source(connector: dict, source_id: str, base: str = "", client: HttpClient | None = None):
    """The connector a catalogue ``connector`` object describes (also for an entry not yet saved)."""
    kind = connector.get("type")
    c = connector
    # Catalogue keys -> connector arguments (the schema refuses any other key).
    options = {name: c[key] for key, name in _OPTIONS.get(kind, {}).items() if key in c}
    if kind == "file":
        location = resolve(base, str(c.get("location", ""))) if base else str(c.get("location", ""))
        return FileSource(location, source_id, client=client, **options)
    if kind == "arcgis":
        return ArcGisSource(str(c.get("url", "")), source_id, client=client, **options)
    if kind == "ogcapi":
        if "bbox" in options:
            options["bbox"] = tuple(options["bbox"])
        return OgcApiFeaturesSource(
            str(c.get("url", "")), c.get("collection"), source_id, client=client, **options
        )
    if kind == "wfs":
        return WfsSource(
            str(c.get("url", "")), str(c.get("type_name", "")), source_id, client=client, **options
        )
    if kind == "ckan":
        return CkanSource(
            str(c.get("url", "")), str(c.get("dataset", "")), source_id, client=client, **options
        )
    raise SourceError(
        tr("Source '{id}': connector type '{kind}' is not supported ({types}).").format(
            id=source_id, kind=kind, types=", ".join(CONNECTOR_TYPES)
        )
    )


def resolve(base: str, location: str) -> str:
    """A location relative to a catalogue (a file path or a URL) made absolute."""
    if is_url(location):
        return location
    if is_url(base):
        return urljoin(base, location)
    return str((Path(base).parent / location).resolve())


@dataclass(frozen=True)
class Catalogue:
    #: Where the catalogue was read from: a file path or an http(s) URL.
    location: str
    entries: tuple[CatalogueEntry, ...]

    def entry(self, source_id: str) -> CatalogueEntry:
        for e in self.entries:
            if e.id == source_id:
                return e
        raise SourceError(
            tr("The catalogue has no source '{source_id}'. Sources: {sources}").format(
                source_id=source_id, sources=", ".join(e.id for e in self.entries)
            )
        )

    def source(self, source_id: str, client: HttpClient | None = None):
        return self.entry(source_id).source(self.location, client)


def read_catalogue_document(location: str | Path, client: HttpClient | None = None) -> dict:
    """A catalogue's JSON as written (not checked), from a file or an http(s) URL."""
    location = str(location)
    if is_url(location):
        return (client or HttpClient()).get_json(location)
    try:
        return json.loads(Path(location).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(tr("Catalogue not found: {location}").format(location=location)) from None
    except json.JSONDecodeError as exc:
        raise SourceError(
            tr("Catalogue {location} is not valid JSON: {exc}").format(location=location, exc=exc)
        ) from None


def load_catalogue(location: str | Path = SAMPLE_CATALOGUE, client: HttpClient | None = None) -> Catalogue:
    """Read and check a catalogue from a file or, for a team's shared one, an http(s) URL."""
    location = str(location)
    remote = is_url(location)
    client = client or HttpClient()
    doc = read_catalogue_document(location, client)
    path = Path(urlsplit(location).path) if remote else Path(location)
    validate_catalogue(doc, path)
    entries = []
    for i, raw in enumerate(doc.get("sources") or []):
        sid = raw.get("id") or f"#{i + 1}"
        mapping = raw.get("mapping")
        if isinstance(mapping, str) and remote:
            mapping = FieldMapping.from_dict(client.get_json(resolve(location, mapping)))
        elif isinstance(mapping, str):
            mapping = FieldMapping.from_file(resolve(location, mapping))
        elif isinstance(mapping, dict):
            mapping = FieldMapping.from_dict(mapping)
        else:
            raise MappingError(tr("Catalogue source '{sid}' has no 'mapping'.").format(sid=sid))
        if mapping.source_id != sid:
            raise MappingError(
                tr("Catalogue source '{sid}' uses a mapping written for '{source_id}'.").format(
                    sid=sid, source_id=mapping.source_id
                )
            )
        entries.append(
            CatalogueEntry(
                id=sid,
                title_en=raw.get("title_en", sid),
                title_fr=raw.get("title_fr", raw.get("title_en", sid)),
                publisher=raw.get("publisher", ""),
                order_of_government=raw.get("order_of_government", ""),
                jurisdiction=raw.get("jurisdiction", ""),
                licence=raw.get("licence", ""),
                connector=dict(raw.get("connector") or {}),
                mapping=mapping,
                refresh=raw.get("refresh", ""),
            )
        )
    return Catalogue(location, tuple(entries))
