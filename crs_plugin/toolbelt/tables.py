"""Summary tables as people read them: field aliases in the interface language, and the attribute
table showing the place, the headline and the percentages first (the raw 0–1 shares, which models
and scripts read, stay in the data but out of sight)."""

from __future__ import annotations

import re

from qgis.core import QgsVectorLayer

from ..core.i18n import language as interface_language
from ..core.i18n import tr
from ..core.wording import format_distance, format_minutes

_REACH = re.compile(r"^(pct|pop|share)_within_([0-9.]+)(km|min)$")


def _reach_text(amount: str, unit: str, language: str) -> str:
    value = float(amount)
    return format_minutes(value, language) if unit == "min" else format_distance(value * 1000.0, language)


def summary_alias(name: str, language: str) -> str | None:
    """The alias of a summary field ('pct_within_50km' -> '% within 50 km'), None to keep its name."""
    match = _REACH.match(name)
    if match:
        kind, amount, unit = match.groups()
        reach = _reach_text(amount, unit, language)
        return {"pct": tr("% within {distance}"), "pop": tr("People within {distance}"),
                "share": tr("Share within {distance} (0–1)")}[kind].format(distance=reach)  # fmt: skip
    return {
        "jurisdiction": tr("Code"), "name": tr("Jurisdiction"), "population": tr("Population"),
        "areas": tr("Areas"), "areas_unknown_population": tr("Areas of unknown population"),
        "universe": tr("Universe"), "share_of_universe": tr("Share of the universe (0–1)"),
        "pop_served_by_region": tr("People served by a region (call centres, digital)"),
        "headline": tr("Headline"),
    }.get(name)  # fmt: skip


def present_summary(layer: QgsVectorLayer, language: str | None = None) -> None:
    """Aliases in the interface language; the place, headline and percentages first, raw shares hidden."""
    lang = language or interface_language()
    names = layer.fields().names()
    for index, name in enumerate(names):
        alias = summary_alias(name, lang)
        if alias:
            layer.setFieldAlias(index, alias)
    first = [n for n in ("name", "headline") if n in names] + [n for n in names if n.startswith("pct_")]
    config = layer.attributeTableConfig()
    columns = config.columns()
    position = {name: i for i, name in enumerate(first)}
    columns.sort(key=lambda c: position.get(c.name, len(first)))
    for column in columns:
        column.hidden = column.name.startswith("share_within_")
    config.setColumns(columns)
    layer.setAttributeTableConfig(config)
