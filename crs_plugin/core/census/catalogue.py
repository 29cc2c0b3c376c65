"""The census characteristics catalogue: which Census Profile ids to read, per product.

``resources/census/characteristics_<year>.json`` (checked against
``resources/schemas/census_characteristics.schema.json``) lists, for each characteristic
the working group uses, the column it becomes, its English and French labels, its unit,
its universe (the characteristic it is a part of, for shares) and its id in each product:
the CSV files and the SDMX service number some characteristics differently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import CensusError
from ..i18n import tr

_RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
CATALOGUE_2021 = _RESOURCES / "census" / "characteristics_2021.json"
SCHEMA = _RESOURCES / "schemas" / "census_characteristics.schema.json"
#: The Census Profile comprehensive CSV files and the SDMX service, 2021.
PROFILE_CSV = "98-401-X2021006"
PROFILE_SDMX = "STC_CP:DF_DA"


@dataclass(frozen=True)
class Characteristic:
    field: str  # the column in a census layer
    label_en: str
    label_fr: str
    unit: str  # persons, households or percent
    universe: str | None  # field of the characteristic this one is a part of
    statcan_name: str  # CHARACTERISTIC_NAME in the files (without its indentation)
    ids: dict  # product -> characteristic id

    def label(self, language: str = "en") -> str:
        return self.label_fr if language.startswith("fr") else self.label_en

    def id_in(self, product: str) -> int | None:
        return self.ids.get(product)


@dataclass(frozen=True)
class CharacteristicsCatalogue:
    census_year: int
    products: dict
    characteristics: tuple[Characteristic, ...]

    def field(self, name: str) -> Characteristic | None:
        """The characteristic stored in column ``name``; a field joined in QGIS keeps the
        column's name after the join's prefix ("census_age_65_plus")."""
        for c in self.characteristics:
            if name == c.field:
                return c
        matches = [c for c in self.characteristics if name.endswith("_" + c.field)]
        return max(matches, key=lambda c: len(c.field)) if matches else None

    def by_label(self, label: str) -> Characteristic:
        for c in self.characteristics:
            if label in (c.label_en, c.label_fr, c.field):
                return c
        raise CensusError(tr("No census characteristic is called '{label}'.").format(label=label))

    def with_universes(self, fields) -> list[Characteristic]:
        """The characteristics of ``fields`` and the universes they need, catalogue order."""
        wanted = set(fields)
        changed = True
        while changed:
            needed = {self.field(f).universe for f in wanted if self.field(f) and self.field(f).universe}
            changed = not needed <= wanted
            wanted |= needed
        return [c for c in self.characteristics if c.field in wanted]


def validate(doc: dict, path: Path | str) -> None:
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - installed by make deps
        return
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    error = next(iter(jsonschema.Draft202012Validator(schema).iter_errors(doc)), None)
    if error is not None:
        where = ".".join(str(p) for p in error.absolute_path) or "(the document)"
        raise CensusError(
            tr("Census catalogue {name}: {where}: {message}.").format(
                name=Path(path).name, where=where, message=error.message
            )
        )
    fields = [c["field"] for c in doc["characteristics"]]
    for c in doc["characteristics"]:
        if c["universe"] is not None and c["universe"] not in fields:
            raise CensusError(
                tr("Census catalogue {name}: {field}: unknown universe {universe!r}.").format(
                    name=Path(path).name, field=c["field"], universe=c["universe"]
                )
            )
        unknown = set(c["ids"]) - set(doc["products"])
        if unknown:
            raise CensusError(
                tr("Census catalogue {name}: {field}: unknown product {unknown}.").format(
                    name=Path(path).name, field=c["field"], unknown=sorted(unknown)
                )
            )


@lru_cache(maxsize=4)
def load_characteristics(path: str | Path = CATALOGUE_2021) -> CharacteristicsCatalogue:
    path = Path(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    validate(doc, path)
    keys = ("field", "label_en", "label_fr", "unit", "universe", "statcan_name", "ids")
    chars = tuple(Characteristic(**{k: c[k] for k in keys}) for c in doc["characteristics"])
    return CharacteristicsCatalogue(doc["census_year"], doc["products"], chars)
