"""The public finder: one HTML file with its map library, styles, script and data inside.

Opened from a disk, a USB key or any web server, it makes no request: Leaflet's files
are inlined from ``resources/finder/vendor/leaflet`` (no tiles: the map draws the
boundaries given to the package and the points), and a Content-Security-Policy that
allows nothing to be fetched says so to the browser.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from ..schema import CHANNELS, LANGUAGES, ORDERS_OF_GOVERNMENT, POINT_TYPES, SERVICES, Choice
from .hsds import REGIONAL_CHANNELS, HsdsData

FINDER_RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources" / "finder"
#: Everything the page may load is already inside it.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def _labels(choices: tuple[Choice, ...]) -> dict:
    return {c.code: {"en": c.en, "fr": c.fr} for c in choices}


def _script_json(value) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can close it or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _script_text(text: str) -> str:
    """A vendored script inlined as it is, except a literal '</script' (which would end it)."""
    return text.replace("</script", "<\\/script")


def finder_data(data: HsdsData, info, boundaries: dict | None = None) -> dict:
    """What the page shows: the points (public fields only, from the package's features),
    labels in English and French, and the package's description."""
    from .package import LICENCES

    points = []
    for feature in data.features:
        p = feature["properties"]
        coordinates = (feature.get("geometry") or {}).get("coordinates") or [None, None]
        points.append({
            "id": p["point_id"], "name_en": p["name_en"] or p["name_fr"], "name_fr": p["name_fr"] or p["name_en"],
            "organization": p["organization"], "order": p["order_of_government"], "channel": p["channel"],
            "type": p["point_type"], "services": [s for s in (p["services"] or "").split(";") if s],
            "address": p["street_address"], "city": p["city"], "province": p["province"],
            "postal_code": p["postal_code"], "phone": p["phone"], "url": p["url"], "hours": p["hours"],
            "languages": [s for s in (p["languages"] or "").split(";") if s], "accessibility": p["accessibility"],
            "lon": coordinates[0], "lat": coordinates[1], "regional": p["channel"] in REGIONAL_CHANNELS,
            "region": [s for s in (p.get("service_region") or "").split(";") if s],
            "region_extent": json.loads(p["service_region_extent"]) if p.get("service_region_extent") else None,
        })  # fmt: skip
    name, title_fr, url = LICENCES[info.licence]
    return {
        "title": {"en": info.title_en, "fr": info.title_fr},
        "description": {"en": info.description_en, "fr": info.description_fr},
        "publisher": info.publisher,
        "created": info.created,
        "licence": {"en": name, "fr": title_fr, "url": url},
        "labels": {
            "services": _labels(SERVICES),
            "channels": _labels(CHANNELS),
            "point_types": _labels(POINT_TYPES),
            "orders": _labels(ORDERS_OF_GOVERNMENT),
            "languages": _labels(LANGUAGES),
        },
        "points": points,
        "boundaries": boundaries,
    }


def finder_html(data: HsdsData, info, boundaries: dict | None = None) -> str:
    template = (FINDER_RESOURCES / "finder.html").read_text(encoding="utf-8")
    vendor = FINDER_RESOURCES / "vendor" / "leaflet"
    parts = {
        "{{CSP}}": html.escape(CONTENT_SECURITY_POLICY, quote=True),
        "{{TITLE}}": html.escape(info.title_en),
        "{{LEAFLET_CSS}}": (vendor / "leaflet.css").read_text(encoding="utf-8"),
        "{{FINDER_CSS}}": (FINDER_RESOURCES / "finder.css").read_text(encoding="utf-8"),
        "{{DATA}}": _script_json(finder_data(data, info, boundaries)),
        "{{LEAFLET_JS}}": _script_text((vendor / "leaflet.js").read_text(encoding="utf-8")),
        "{{FINDER_JS}}": _script_text((FINDER_RESOURCES / "finder.js").read_text(encoding="utf-8")),
    }
    for key, value in parts.items():  # one pass per placeholder; the data cannot hold another one
        template = template.replace(key, value, 1) if key != "{{DATA}}" else template
    return template.replace("{{DATA}}", parts["{{DATA}}"], 1)
