"""The common service-point schema: one place for fields, allowed values and labels.

Everything else (the GeoPackage layer definition, field mapping, validation,
Processing enum parameters, forms and styles) reads these definitions, so a
field or a value is added here once.

The record follows Open Referral HSDS 3 where it fits: a service point is an
HSDS ``location`` with its ``address`` flattened and the services offered there
(``service_at_location``) kept as a list of service codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum

from .i18n import tr

SCHEMA_VERSION = "1.0"

#: Coordinates are stored in WGS 84 longitude/latitude.
STORAGE_CRS = "EPSG:4326"
#: Distances and areas are computed in Statistics Canada Lambert (metres, equal-area).
METRIC_CRS = "EPSG:3347"
#: Separator used to store list fields (services, languages) in one text column.
LIST_SEPARATOR = ";"

#: Rough bounding box of Canada in EPSG:4326 (lon_min, lat_min, lon_max, lat_max),
#: used to catch swapped or wrongly projected coordinates early.
CANADA_BBOX = (-141.01, 41.67, -52.61, 83.12)


class FieldType(str, Enum):
    STRING = "string"
    ENUM = "enum"
    LIST = "list"
    DATE = "date"


@dataclass(frozen=True)
class Choice:
    """An allowed value with its English and French labels."""

    code: str
    en: str
    fr: str

    def label(self, language: str = "en") -> str:
        return self.fr if language.startswith("fr") else self.en


@dataclass(frozen=True)
class FieldDef:
    name: str
    type: FieldType
    en: str
    fr: str
    required: bool = False
    choices: tuple[Choice, ...] = ()
    #: Regular expression a value must match (full match); for codes outside ``choices``.
    pattern: str | None = None
    max_length: int | None = None
    default: str | None = None
    help_en: str = ""
    help_fr: str = ""
    #: Internal to the working group (contacts, notes): never published as open data.
    internal: bool = False

    def label(self, language: str = "en") -> str:
        return self.fr if language.startswith("fr") else self.en

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.choices)

    def allows(self, value: str) -> bool:
        """Whether one (non-empty) value is allowed for this field."""
        if self.choices and value in self.codes:
            return True
        if self.pattern is not None:
            return re.fullmatch(self.pattern, value) is not None
        return not self.choices


ORDERS_OF_GOVERNMENT = (
    Choice("federal", "Federal", "Fédéral"),
    Choice("provincial", "Provincial", "Provincial"),
    Choice("territorial", "Territorial", "Territorial"),
    Choice("municipal", "Municipal", "Municipal"),
    Choice("indigenous", "Indigenous", "Autochtone"),
    Choice("other", "Other", "Autre"),
)

JURISDICTIONS = (
    Choice("CA", "Canada (federal)", "Canada (fédéral)"),
    Choice("NL", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador"),
    Choice("PE", "Prince Edward Island", "Île-du-Prince-Édouard"),
    Choice("NS", "Nova Scotia", "Nouvelle-Écosse"),
    Choice("NB", "New Brunswick", "Nouveau-Brunswick"),
    Choice("QC", "Quebec", "Québec"),
    Choice("ON", "Ontario", "Ontario"),
    Choice("MB", "Manitoba", "Manitoba"),
    Choice("SK", "Saskatchewan", "Saskatchewan"),
    Choice("AB", "Alberta", "Alberta"),
    Choice("BC", "British Columbia", "Colombie-Britannique"),
    Choice("YT", "Yukon", "Yukon"),
    Choice("NT", "Northwest Territories", "Territoires du Nord-Ouest"),
    Choice("NU", "Nunavut", "Nunavut"),
)
#: The provinces and territories (where a point can stand).
PROVINCES = tuple(c for c in JURISDICTIONS if c.code != "CA")
#: Statistics Canada province/territory codes (PRUID) by jurisdiction.
PRUID = {
    "NL": "10", "PE": "11", "NS": "12", "NB": "13", "QC": "24", "ON": "35",
    "MB": "46", "SK": "47", "AB": "48", "BC": "59", "YT": "60", "NT": "61", "NU": "62",
}  # fmt: skip
#: First letter(s) of postal codes by province (Canada Post forward sortation).
POSTAL_PREFIXES = {
    "NL": "A", "NS": "B", "PE": "C", "NB": "E", "QC": "GHJ", "ON": "KLMNP",
    "MB": "R", "SK": "S", "AB": "T", "BC": "V", "YT": "Y", "NT": "X", "NU": "X",
}  # fmt: skip

#: Canadian time zones (IANA names) with their standard-time offset from UTC in hours.
TIME_ZONE_OFFSETS = {
    "America/St_Johns": -3.5, "America/Halifax": -4.0, "America/Glace_Bay": -4.0, "America/Goose_Bay": -4.0,
    "America/Moncton": -4.0, "America/Blanc-Sablon": -4.0, "America/Toronto": -5.0, "America/Atikokan": -5.0,
    "America/Iqaluit": -5.0, "America/Winnipeg": -6.0, "America/Rankin_Inlet": -6.0, "America/Resolute": -6.0,
    "America/Regina": -6.0, "America/Swift_Current": -6.0, "America/Edmonton": -7.0,
    "America/Cambridge_Bay": -7.0, "America/Yellowknife": -7.0, "America/Inuvik": -7.0,
    "America/Whitehorse": -7.0, "America/Dawson": -7.0, "America/Creston": -7.0, "America/Dawson_Creek": -7.0,
    "America/Fort_Nelson": -7.0, "America/Vancouver": -8.0,
}  # fmt: skip
TIME_ZONES = tuple(Choice(zone, zone.split("/")[1].replace("_", " "), zone.split("/")[1].replace("_", " "))
                   for zone in TIME_ZONE_OFFSETS)  # fmt: skip
#: The time zone of most of each province or territory (a point's own ``time_zone`` wins).
PROVINCE_TIME_ZONES = {
    "NL": "America/St_Johns", "PE": "America/Halifax", "NS": "America/Halifax", "NB": "America/Moncton",
    "QC": "America/Toronto", "ON": "America/Toronto", "MB": "America/Winnipeg", "SK": "America/Regina",
    "AB": "America/Edmonton", "BC": "America/Vancouver", "YT": "America/Whitehorse",
    "NT": "America/Yellowknife", "NU": "America/Iqaluit",
}  # fmt: skip

#: Channels whose reach is a service region, not a distance from a counter.
REGIONAL_CHANNELS = frozenset({"call_centre", "digital"})
CHANNELS = (
    Choice("in_person", "In person", "En personne"),
    Choice("digital", "Digital", "Numérique"),
    Choice("call_centre", "Call centre", "Centre d'appels"),
)

POINT_TYPES = (
    Choice("service_centre", "Service centre", "Centre de services"),
    Choice("employment_centre", "Employment centre", "Centre d'emploi"),
    Choice("municipal_office", "Municipal office", "Bureau municipal"),
    Choice("call_centre", "Call centre", "Centre d'appels"),
    Choice("outreach_site", "Outreach site", "Site de services mobiles"),
    Choice("other", "Other", "Autre"),
)

#: Service codes offered at points. Sources map their own vocabularies onto these.
SERVICES = (
    Choice("passport", "Passport", "Passeport"),
    Choice("sin", "Social Insurance Number", "Numéro d'assurance sociale"),
    Choice("employment_insurance", "Employment Insurance", "Assurance-emploi"),
    Choice("pensions", "Pensions (CPP, OAS)", "Pensions (RPC, SV)"),
    Choice("employment_services", "Employment services", "Services d'emploi"),
    Choice("income_assistance", "Income assistance", "Aide au revenu"),
    Choice("drivers_licence", "Driver's licence", "Permis de conduire"),
    Choice("health_card", "Health card", "Carte santé"),
    Choice("vital_statistics", "Vital statistics", "Statistiques de l'état civil"),
    Choice("business_registration", "Business registration", "Enregistrement des entreprises"),
    Choice("property_tax", "Property tax", "Impôt foncier"),
    Choice("permits", "Permits and licences", "Permis et licences"),
    Choice("hunting_fishing", "Hunting and fishing licences", "Permis de chasse et de pêche"),
    Choice("general_information", "General information", "Renseignements généraux"),
)

LANGUAGES = (
    Choice("en", "English", "Anglais"),
    Choice("fr", "French", "Français"),
    Choice("iu", "Inuktitut", "Inuktitut"),
    Choice("other", "Other", "Autre"),
)

_MUNICIPALITY_CODE = r"\d{7}"  # Statistics Canada census subdivision (CSD) code
_POSTAL_CODE = r"[A-CEGHJ-NPR-TVXY]\d[A-CEGHJ-NPR-TV-Z] ?\d[A-CEGHJ-NPR-TV-Z]\d"
_PHONE = r"\+?1?[ .-]?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}( ?(x|ext\.?) ?\d{1,6})?"
_URL = r"https?://[^\s]+"
_DATE = r"\d{4}-\d{2}-\d{2}"
_EMAIL = r"[^@\s]+@[^@\s]+\.[^@\s]+"

FIELDS: tuple[FieldDef, ...] = (
    FieldDef("point_id", FieldType.STRING, "Point ID", "ID du point", required=True,
             max_length=120, help_en="Stable identifier: source id and the source's record id.",
             help_fr="Identifiant stable : id de la source et id de l'enregistrement."),
    FieldDef("name_en", FieldType.STRING, "Name (English)", "Nom (anglais)", max_length=250),
    FieldDef("name_fr", FieldType.STRING, "Name (French)", "Nom (français)", max_length=250),
    FieldDef("organization", FieldType.STRING, "Organization", "Organisation", required=True,
             max_length=250),
    FieldDef("order_of_government", FieldType.ENUM, "Order of government", "Ordre de gouvernement",
             required=True, choices=ORDERS_OF_GOVERNMENT),
    FieldDef("jurisdiction", FieldType.ENUM, "Jurisdiction", "Administration", required=True,
             choices=JURISDICTIONS, pattern=_MUNICIPALITY_CODE,
             help_en="Province/territory code, CA for federal, or a 7-digit municipality (CSD) code.",
             help_fr="Code de province/territoire, CA pour le fédéral, ou code de municipalité "
                     "(SDR) à 7 chiffres."),
    FieldDef("channel", FieldType.ENUM, "Channel", "Mode de prestation", required=True,
             choices=CHANNELS, default="in_person"),
    FieldDef("point_type", FieldType.ENUM, "Point type", "Type de point", required=True,
             choices=POINT_TYPES, default="other"),
    FieldDef("services", FieldType.LIST, "Services", "Services", choices=SERVICES),
    FieldDef("street_address", FieldType.STRING, "Street address", "Adresse municipale",
             max_length=250),
    FieldDef("city", FieldType.STRING, "City", "Ville", max_length=120),
    FieldDef("province", FieldType.ENUM, "Province/territory", "Province/territoire",
             choices=PROVINCES),
    FieldDef("postal_code", FieldType.STRING, "Postal code", "Code postal", pattern=_POSTAL_CODE),
    FieldDef("phone", FieldType.STRING, "Phone", "Téléphone", pattern=_PHONE),
    FieldDef("url", FieldType.STRING, "Web page", "Page Web", pattern=_URL, max_length=500),
    FieldDef("hours", FieldType.STRING, "Hours", "Heures d'ouverture", max_length=500),
    FieldDef("languages", FieldType.LIST, "Languages of service", "Langues de service",
             choices=LANGUAGES),
    FieldDef("accessibility", FieldType.STRING, "Accessibility", "Accessibilité", max_length=500),
    FieldDef("source_id", FieldType.STRING, "Source", "Source", required=True, max_length=120),
    FieldDef("source_record_id", FieldType.STRING, "Record ID in source",
             "ID de l'enregistrement dans la source", required=True, max_length=120),
    FieldDef("last_verified", FieldType.DATE, "Last verified", "Dernière vérification",
             pattern=_DATE),
    FieldDef("service_region", FieldType.LIST, "Service region", "Région desservie",
             choices=JURISDICTIONS, pattern=_MUNICIPALITY_CODE,
             help_en="Where a call centre or digital service serves: province/territory codes, CA for all of "
                     "Canada, or 7-digit census subdivision codes, separated by ';'.",
             help_fr="Où un centre d'appels ou un service numérique offre ses services : codes de province/"
                     "territoire, CA pour tout le Canada, ou codes de subdivision de recensement à 7 chiffres, "
                     "séparés par « ; »."),
    FieldDef("service_region_extent", FieldType.STRING, "Service region (polygon)", "Région desservie (polygone)",
             max_length=500_000,
             help_en="A GeoJSON Polygon or MultiPolygon in longitude/latitude (EPSG:4326), for a region that "
                     "follows no census boundary.",
             help_fr="Un Polygon ou MultiPolygon GeoJSON en longitude/latitude (EPSG:4326), pour une région qui ne "
                     "suit aucune limite de recensement."),
    FieldDef("time_zone", FieldType.ENUM, "Time zone", "Fuseau horaire", choices=TIME_ZONES,
             help_en="Time zone of the hours (IANA name); by default the province's.",
             help_fr="Fuseau horaire des heures d'ouverture (nom IANA); par défaut celui de la province."),
    FieldDef("contact_name", FieldType.STRING, "Contact person (internal)", "Personne-ressource (interne)",
             max_length=250, internal=True,
             help_en="Who in the organization answers for this point; not published.",
             help_fr="Qui, dans l'organisation, répond de ce point; non publié."),
    FieldDef("contact_email", FieldType.STRING, "Contact email (internal)", "Courriel de la personne-ressource "
             "(interne)", pattern=_EMAIL, max_length=250, internal=True,
             help_en="An email address like name@example.gc.ca; not published.",
             help_fr="Une adresse comme nom@exemple.gc.ca; non publiée."),
    FieldDef("notes", FieldType.STRING, "Notes (internal)", "Notes (internes)", max_length=2000, internal=True,
             help_en="Working notes of the network; not published.",
             help_fr="Notes de travail du réseau; non publiées."),
)  # fmt: skip

FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
FIELDS_BY_NAME: dict[str, FieldDef] = {f.name: f for f in FIELDS}
#: The fields open data may carry: every field not marked internal.
PUBLIC_FIELDS: tuple[FieldDef, ...] = tuple(f for f in FIELDS if not f.internal)


def field_def(name: str) -> FieldDef:
    """The definition of a schema field, with a clear error for an unknown name."""
    try:
        return FIELDS_BY_NAME[name]
    except KeyError:
        raise KeyError(
            tr("'{name}' is not a field of the service-point schema; known fields: {fields}").format(
                name=name, fields=", ".join(FIELD_NAMES)
            )
        ) from None


def make_point_id(source_id: str, source_record_id: str) -> str:
    """Stable point id: the same source record always gets the same id."""
    return f"{source_id}:{source_record_id}"


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Provenance:
    """Where a batch of service points came from."""

    source_id: str
    uri: str
    record_count: int
    sha256: str = ""
    fetched_at: str = field(default_factory=utc_now)
    extra: dict = field(default_factory=dict)
