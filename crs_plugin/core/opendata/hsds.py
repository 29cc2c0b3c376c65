"""Service points as Open Referral HSDS 3: tables (rows for CSV) and objects (for JSON).

A service point is an HSDS ``location`` (physical; virtual for call centres and
digital services) of an ``organization``; each service code offered there is a
``service`` of that organization linked to the location by ``service_at_location``.
A call centre's or digital service's services are its own (their reach is a
``service_area``), so an organization's in-person passport service is not limited
to one call centre's region. Identifiers are UUIDs derived from the point ids, so
the same point keeps the same ids from one publication to the next.

Only the schema's public fields are read: a field marked ``internal`` (contacts,
notes) cannot reach any table, object or feature built here.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from dataclasses import dataclass, field

from ..schema import (
    CHANNELS,
    JURISDICTIONS,
    LANGUAGES,
    LIST_SEPARATOR,
    ORDERS_OF_GOVERNMENT,
    POINT_TYPES,
    PROVINCE_TIME_ZONES,
    PUBLIC_FIELDS,
    REGIONAL_CHANNELS,
    SERVICES,
    TIME_ZONE_OFFSETS,
    Choice,
)
from ..table import PointTable

#: Namespace of every identifier this module derives (UUID version 5).
ID_NAMESPACE = uuid.uuid5(
    uuid.NAMESPACE_URL, "https://github.com/crs-service-points/crs-service-points/open-data"
)
POINT_ID_TYPE = "crs_point_id"

#: Columns of each HSDS table as published (CSV header order) with their Frictionless type.
TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "organizations": (("id", "string"), ("name", "string"), ("alternate_name", "string"),
                      ("description", "string"), ("website", "string")),
    "services": (("id", "string"), ("organization_id", "string"), ("name", "string"),
                 ("alternate_name", "string"), ("description", "string"), ("url", "string"),
                 ("status", "string")),
    "locations": (("id", "string"), ("location_type", "string"), ("url", "string"), ("organization_id", "string"),
                  ("name", "string"), ("alternate_name", "string"), ("description", "string"),
                  ("latitude", "number"), ("longitude", "number"), ("external_identifier", "string"),
                  ("external_identifier_type", "string")),
    "service_at_location": (("id", "string"), ("service_id", "string"), ("location_id", "string"),
                            ("description", "string")),
    "addresses": (("id", "string"), ("location_id", "string"), ("address_1", "string"), ("city", "string"),
                  ("state_province", "string"), ("postal_code", "string"), ("country", "string"),
                  ("address_type", "string")),
    "phones": (("id", "string"), ("location_id", "string"), ("service_id", "string"), ("number", "string"),
               ("extension", "number"), ("type", "string"), ("description", "string")),
    "schedules": (("id", "string"), ("location_id", "string"), ("service_id", "string"), ("freq", "string"),
                  ("byday", "string"), ("opens_at", "string"), ("closes_at", "string"), ("timezone", "number"),
                  ("description", "string"), ("notes", "string")),
    "languages": (("id", "string"), ("location_id", "string"), ("name", "string"), ("code", "string"),
                  ("note", "string")),
    "accessibility": (("id", "string"), ("location_id", "string"), ("description", "string")),
    "service_areas": (("id", "string"), ("service_id", "string"), ("name", "string"), ("description", "string"),
                      ("extent", "string"), ("extent_type", "string"), ("uri", "string")),
}  # fmt: skip
#: HSDS object name of each table (the JSON schema a row or object is checked against).
TABLE_OBJECT = {
    "organizations": "organization", "services": "service", "locations": "location",
    "service_at_location": "service_at_location", "addresses": "address", "phones": "phone",
    "schedules": "schedule", "languages": "language", "accessibility": "accessibility",
    "service_areas": "service_area",
}  # fmt: skip
#: Foreign keys: (table, column) -> referenced table (its ``id``).
FOREIGN_KEYS = {
    ("services", "organization_id"): "organizations", ("locations", "organization_id"): "organizations",
    ("service_at_location", "service_id"): "services", ("service_at_location", "location_id"): "locations",
    ("addresses", "location_id"): "locations", ("phones", "location_id"): "locations",
    ("phones", "service_id"): "services", ("schedules", "location_id"): "locations",
    ("schedules", "service_id"): "services", ("languages", "location_id"): "locations",
    ("accessibility", "location_id"): "locations", ("service_areas", "service_id"): "services",
}  # fmt: skip
#: Columns never empty in a published table (HSDS requires more address parts as properties;
#: a point without a postal code has an empty one, which a CSV reader sees as missing).
REQUIRED_COLUMNS = {
    "organizations": ("id", "name", "description"), "services": ("id", "name", "status"),
    "locations": ("id", "location_type", "external_identifier"),
    "service_at_location": ("id", "service_id", "location_id"),
    "addresses": ("id", "location_id", "country", "address_type"), "phones": ("id", "number"),
    "languages": ("id", "location_id", "name"), "accessibility": ("id", "location_id"),
    "service_areas": ("id", "service_id", "name"),
}  # fmt: skip

_DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = {
    **{d.lower(): d for d in _DAY_CODES},
    **dict.fromkeys(("mon", "monday", "lun", "lundi"), "MO"), **dict.fromkeys(("tue", "tues", "tuesday", "mar", "mardi"), "TU"),
    **dict.fromkeys(("wed", "wednesday", "mer", "mercredi"), "WE"), **dict.fromkeys(("thu", "thur", "thurs", "thursday", "jeu", "jeudi"), "TH"),
    **dict.fromkeys(("fri", "friday", "ven", "vendredi"), "FR"), **dict.fromkeys(("sat", "saturday", "sam", "samedi"), "SA"),
    **dict.fromkeys(("sun", "sunday", "dim", "dimanche"), "SU"),
}  # fmt: skip
_TIME = r"(\d{1,2})(?:\s*(?::|h)\s*(\d{2}))?\s*h?"
_SEGMENT = re.compile(
    r"^\s*([A-Za-zéè]+(?:\s*[-,]\s*[A-Za-zéè]+)*)\s+" + _TIME + r"\s*[-–]\s*" + _TIME + r"\s*$"
)
_EXTENSION = re.compile(r"\s*(?:x|ext\.?)\s*(\d{1,6})\s*$", re.IGNORECASE)


def make_id(kind: str, *parts: str) -> str:
    """A stable UUID for an HSDS record: the same parts always give the same id."""
    return str(uuid.uuid5(ID_NAMESPACE, kind + ":" + "|".join(parts)))


def _label(choices: tuple[Choice, ...], code: str | None, language: str = "en") -> str | None:
    for choice in choices:
        if choice.code == code:
            return choice.label(language)
    return code


def _codes(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").split(LIST_SEPARATOR) if c.strip()]


def parse_hours(text: str | None) -> list[dict] | None:
    """Opening hours such as 'Mo-Fr 08:30-16:30; Sa 09:00-12:00' (also 'Mon-Fri 9-5',
    'Lun-Ven 8 h 30-16 h 30') as weekly rules {byday, opens_at, closes_at}; None when the
    text is not in such a form (it is then published as a description)."""
    if not text or not text.strip():
        return None
    rules = []
    for segment in re.split(r"\s*;\s*", text.strip()):
        match = _SEGMENT.match(segment)
        if not match:
            return None
        days = _days(match.group(1))
        opens = (int(match.group(2)), int(match.group(3) or 0))
        closes = (int(match.group(4)), int(match.group(5) or 0))
        if closes <= opens and closes[0] < 12:  # "9-5": five in the afternoon
            closes = (closes[0] + 12, closes[1])
        if days is None or not (opens < closes <= (24, 0)) or opens[1] > 59 or closes[1] > 59:
            return None
        rules.append({"byday": ",".join(days), "opens_at": f"{opens[0]:02d}:{opens[1]:02d}",
                      "closes_at": f"{closes[0]:02d}:{closes[1]:02d}"})  # fmt: skip
    return rules


def _days(text: str) -> list[str] | None:
    days: list[str] = []
    for part in re.split(r"\s*,\s*", text.strip()):
        ends = [e.strip().lower().rstrip(".") for e in part.split("-")]
        codes = [_DAY_NAMES.get(e) for e in ends]
        if None in codes or len(codes) > 2:
            return None
        if len(codes) == 2:
            first, last = _DAY_CODES.index(codes[0]), _DAY_CODES.index(codes[1])
            if last < first:
                return None
            codes = list(_DAY_CODES[first : last + 1])
        days += [c for c in codes if c not in days]
    return days


def time_zone_of(values: dict) -> str | None:
    """A point's time zone: its own ``time_zone`` field, else its province's."""
    return values.get("time_zone") or PROVINCE_TIME_ZONES.get(values.get("province") or "")


@dataclass
class HsdsData:
    """The published data: HSDS rows per table, HSDS objects, and GeoJSON features."""

    tables: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in TABLE_COLUMNS})
    features: list[dict] = field(default_factory=list)
    #: Tables beside HSDS's (partnerships): name -> (columns with their types, rows).
    extra: dict[str, tuple] = field(default_factory=dict)

    def objects(self) -> dict[str, list[dict]]:
        """HSDS 3 JSON objects: organizations, services (with their organization, service areas and
        links to locations) and locations (with addresses, phones, schedules, languages and
        accessibility), each without empty properties."""
        by_location: dict[str, dict[str, list]] = {}
        for table, key in (("addresses", "addresses"), ("phones", "phones"), ("schedules", "schedules"),
                           ("languages", "languages"), ("accessibility", "accessibility")):  # fmt: skip
            for row in self.tables[table]:
                if row.get("location_id"):
                    by_location.setdefault(row["location_id"], {}).setdefault(key, []).append(_compact(row))
        locations = [{**_compact(row), **by_location.get(row["id"], {})} for row in self.tables["locations"]]
        organizations = {row["id"]: _compact(row) for row in self.tables["organizations"]}
        by_service: dict[str, dict[str, list]] = {}
        for table, key in (("service_areas", "service_areas"), ("service_at_location", "service_at_locations"),
                           ("phones", "phones"), ("schedules", "schedules")):  # fmt: skip
            for row in self.tables[table]:
                # A location's phones and schedules are nested in the location, not repeated here.
                if row.get("service_id") and not (key in ("phones", "schedules") and row.get("location_id")):
                    by_service.setdefault(row["service_id"], {}).setdefault(key, []).append(_compact(row))
        services = []
        for row in self.tables["services"]:
            service = {**_compact(row), **by_service.get(row["id"], {})}
            if row.get("organization_id") in organizations:
                service["organization"] = organizations[row["organization_id"]]
            services.append(service)
        return {"organizations": list(organizations.values()), "services": services, "locations": locations}


def _compact(row: dict) -> dict:
    return {k: v for k, v in row.items() if v is not None}


def build_hsds(points: PointTable) -> HsdsData:
    """HSDS tables, objects and GeoJSON features of ``points`` (public fields only)."""
    data = HsdsData()
    public = [f.name for f in PUBLIC_FIELDS]
    organizations: dict[str, dict] = {}
    services: dict[tuple, dict] = {}
    for i in range(len(points)):
        values = {name: points.columns[name][i] for name in public}
        lon, lat = float(points.lon[i]), float(points.lat[i])
        located = math.isfinite(lon) and math.isfinite(lat)
        org_name = values["organization"]
        org_id = make_id("organization", org_name)
        if org_id not in organizations:
            organizations[org_id] = {
                "id": org_id, "name": org_name, "alternate_name": None,
                "description": "", "website": None, "_orders": set(), "_count": 0,
            }  # fmt: skip
        organizations[org_id]["_orders"].add(values["order_of_government"])
        organizations[org_id]["_count"] += 1
        location_id = _add_location(data, values, org_id, lon if located else None, lat if located else None)
        regional = values["channel"] in REGIONAL_CHANNELS
        for code in _codes(values["services"]):
            key = (values["point_id"], code) if regional else (org_name, code)
            service = services.get(key)
            if service is None:
                service = _service(values, org_id, code, key, regional)
                services[key] = service
                data.tables["services"].append(service)
                if regional:
                    data.tables["service_areas"] += _service_areas(values, service["id"])
            data.tables["service_at_location"].append({
                "id": make_id("service_at_location", values["point_id"], code), "service_id": service["id"],
                "location_id": location_id, "description": None,
            })  # fmt: skip
        data.features.append(_feature(values, location_id, lon, lat, located))
    for org in organizations.values():
        orders = ", ".join(sorted(_label(ORDERS_OF_GOVERNMENT, o) or "" for o in org.pop("_orders")))
        org["description"] = (
            f"{orders} government organization; {org.pop('_count')} service points published."
        )
    data.tables["organizations"] = list(organizations.values())
    return data


def _add_location(data: HsdsData, values: dict, org_id: str, lon, lat) -> str:
    pid = values["point_id"]
    location_id = make_id("location", pid)
    name = values["name_en"] or values["name_fr"]
    alternate = values["name_fr"] if values["name_en"] and values["name_fr"] != values["name_en"] else None
    virtual = values["channel"] in REGIONAL_CHANNELS
    description = f"{_label(POINT_TYPES, values['point_type'])} of {values['organization']} " + (
        f"({_label(CHANNELS, values['channel']).lower()})"
    )
    data.tables["locations"].append({
        "id": location_id, "location_type": "virtual" if virtual else "physical",
        "url": values["url"], "organization_id": org_id, "name": name, "alternate_name": alternate,
        "description": description, "latitude": lat, "longitude": lon,
        "external_identifier": pid, "external_identifier_type": POINT_ID_TYPE,
    })  # fmt: skip
    if values["street_address"] or values["city"]:
        data.tables["addresses"].append({
            "id": make_id("address", pid), "location_id": location_id, "address_1": values["street_address"] or "",
            "city": values["city"] or "", "state_province": values["province"] or "",
            "postal_code": values["postal_code"] or "", "country": "CA", "address_type": "physical",
        })  # fmt: skip
    if values["phone"]:
        number, extension = values["phone"], None
        match = _EXTENSION.search(number)
        if match:
            number, extension = number[: match.start()].strip(), int(match.group(1))
        data.tables["phones"].append({
            "id": make_id("phone", pid), "location_id": location_id, "service_id": None, "number": number,
            "extension": extension, "type": "voice", "description": None,
        })  # fmt: skip
    if values["hours"]:
        zone = time_zone_of(values)
        offset = TIME_ZONE_OFFSETS.get(zone or "")
        notes = f"Local time ({zone})" if zone else None
        rules = parse_hours(values["hours"])
        if rules is None:
            data.tables["schedules"].append({
                "id": make_id("schedule", pid, "0"), "location_id": location_id, "service_id": None, "freq": None,
                "byday": None, "opens_at": None, "closes_at": None, "timezone": offset,
                "description": values["hours"], "notes": notes,
            })  # fmt: skip
        for k, rule in enumerate(rules or ()):
            data.tables["schedules"].append({
                "id": make_id("schedule", pid, str(k)), "location_id": location_id, "service_id": None,
                "freq": "WEEKLY", **rule, "timezone": offset, "description": values["hours"], "notes": notes,
            })  # fmt: skip
    for code in _codes(values["languages"]):
        data.tables["languages"].append({
            "id": make_id("language", pid, code), "location_id": location_id,
            "name": _label(LANGUAGES, code), "code": None if code == "other" else code, "note": None,
        })  # fmt: skip
    if values["accessibility"]:
        data.tables["accessibility"].append(
            {
                "id": make_id("accessibility", pid),
                "location_id": location_id,
                "description": values["accessibility"],
            }
        )
    return location_id


def _service(values: dict, org_id: str, code: str, key: tuple, regional: bool) -> dict:
    name_en, name_fr = _label(SERVICES, code, "en"), _label(SERVICES, code, "fr")
    if regional:
        channel_en, channel_fr = (
            _label(CHANNELS, values["channel"], "en"),
            _label(CHANNELS, values["channel"], "fr"),
        )
        name_en, name_fr = f"{name_en} ({channel_en.lower()})", f"{name_fr} ({channel_fr.lower()})"
    return {
        "id": make_id("service", *key), "organization_id": org_id, "name": name_en,
        "alternate_name": name_fr, "description": f"{name_en}: {values['organization']}.",
        "url": values["url"] if regional else None, "status": "active",
    }  # fmt: skip


def _service_areas(values: dict, service_id: str) -> list[dict]:
    """The reach of a call centre's or digital service's services: its service region's codes
    (provinces/territories, census subdivisions) and its polygon, if any."""
    areas = []
    for code in _codes(values.get("service_region")):
        name = _label(JURISDICTIONS, code)
        kind = (
            "census subdivision" if code.isdigit() else "province or territory" if code != "CA" else "country"
        )
        areas.append({
            "id": make_id("service_area", service_id, code), "service_id": service_id, "name": name,
            "description": f"{name} ({kind} {code})", "extent": None, "extent_type": None, "uri": None,
        })  # fmt: skip
    extent = values.get("service_region_extent")
    if extent:
        areas.append({
            "id": make_id("service_area", service_id, "extent"), "service_id": service_id,
            "name": values["name_en"] or values["name_fr"], "description": "Service region (polygon)",
            "extent": extent, "extent_type": "geojson", "uri": None,
        })  # fmt: skip
    return areas


def _feature(values: dict, location_id: str, lon: float, lat: float, located: bool) -> dict:
    return {
        "type": "Feature",
        "id": values["point_id"],
        "geometry": {"type": "Point", "coordinates": [lon, lat]} if located else None,
        "properties": {"location_id": location_id, **values},
    }


def geojson_text(features: list[dict]) -> str:
    """An RFC 7946 FeatureCollection (EPSG:4326 longitude/latitude), coordinates as stored."""
    return (
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"
    )
