"""How published road datasets give a road's class, speed and direction (resources/roads)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import AnalysisError
from ..i18n import tr
from .graph import BACKWARD, BOTH, FORWARD

PROFILES_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "roads" / "profiles.json"
_MPH = 1.609344
_SPEED = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(km/h|kmh|kph|mph)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class RoadProfile:
    key: str
    label_en: str
    label_fr: str
    class_field: str
    speed_field: str | None
    direction: dict | None  # {"field", "forward", "backward", "both"}
    default_speed: float
    speeds: dict[str, float]  # class value -> km/h
    #: GDAL's OSM driver keeps tags without a column of their own in one hstore text field.
    tags_field: str | None = None

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en

    @property
    def fields(self) -> tuple[str, ...]:
        direction = (self.direction or {}).get("field")
        return tuple(f for f in (self.class_field, self.speed_field, direction, self.tags_field) if f)

    def column(self, columns: dict[str, np.ndarray], name: str | None) -> np.ndarray | None:
        """A field's values, or the tag of that name from the tags field."""
        if name is None:
            return None
        if name in columns:
            return columns[name]
        if self.tags_field and self.tags_field in columns:
            return tag_values(columns[self.tags_field], name)
        return None

    def speeds_for(self, columns: dict[str, np.ndarray], n: int) -> np.ndarray:
        """km/h for each road: its posted speed, else its class's, else the default."""
        speed = np.full(n, float(self.default_speed))
        if self.class_field in columns:
            classes = np.array(
                ["" if v is None else str(v).strip() for v in columns[self.class_field]], dtype=object
            )
            for value, kmh in self.speeds.items():
                speed[classes == value] = float(kmh)
        posted_values = self.column(columns, self.speed_field)
        if posted_values is not None:
            posted = parse_speeds(posted_values)
            usable = np.isfinite(posted) & (posted > 0)
            speed[usable] = posted[usable]
        return speed

    def directions_for(self, columns: dict[str, np.ndarray], n: int) -> np.ndarray | None:
        raw = self.column(columns, (self.direction or {}).get("field"))
        if raw is None:
            return None
        values = np.array(["" if v is None else str(v).strip() for v in raw], dtype=object)
        codes = np.full(n, BOTH, dtype=np.int8)
        codes[values == self.direction["forward"]] = FORWARD
        codes[values == self.direction["backward"]] = BACKWARD
        return codes


def parse_speeds(values) -> np.ndarray:
    """km/h from posted speeds as datasets write them: 50, '50', '50 km/h', '30 mph'; NaN otherwise.
    Parsed once per distinct value (a province has a handful of them)."""
    values = np.asarray(values, dtype=object)
    distinct, inverse = np.unique(np.array(["" if v is None else str(v) for v in values], dtype=object),
                                  return_inverse=True)  # fmt: skip
    parsed = np.full(len(distinct), np.nan)
    for i, text in enumerate(distinct):
        match = _SPEED.match(text)
        if match:
            number = float(match.group(1).replace(",", "."))
            parsed[i] = number * _MPH if (match.group(2) or "").lower() == "mph" else number
    return parsed[inverse.ravel()] if len(values) else np.zeros(0)


def tag_values(tags, key: str) -> np.ndarray:
    """The value of ``key`` in hstore text such as '"maxspeed"=>"50","oneway"=>"yes"' (None if absent)."""
    pattern = re.compile(r'"' + re.escape(key) + r'"=>"((?:[^"\\]|\\.)*)"')
    tags = np.asarray(tags, dtype=object)
    distinct, inverse = np.unique(np.array(["" if t is None else str(t) for t in tags], dtype=object),
                                  return_inverse=True)  # fmt: skip
    found = np.array([(m.group(1) if (m := pattern.search(t)) else None) for t in distinct], dtype=object)
    return found[inverse.ravel()] if len(tags) else np.array([], dtype=object)


@lru_cache(maxsize=1)
def road_profiles() -> dict[str, RoadProfile]:
    document = json.loads(PROFILES_FILE.read_text(encoding="utf-8"))
    return {
        key: RoadProfile(
            key,
            p["label_en"],
            p["label_fr"],
            p["class_field"],
            p.get("speed_field"),
            p.get("direction"),
            float(p["default_speed"]),
            {str(k): float(v) for k, v in p["speeds"].items()},
            p.get("tags_field"),
        )  # fmt: skip
        for key, p in document["profiles"].items()
    }


def profile(key: str) -> RoadProfile:
    try:
        return road_profiles()[key]
    except KeyError:
        raise AnalysisError(
            tr("Unknown road data profile {key!r}; known: {items}.").format(
                key=key, items=", ".join(sorted(road_profiles()))
            )
        ) from None
