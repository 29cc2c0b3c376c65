"""Which service points an analysis uses: filters by the schema's categorical fields."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import AnalysisError
from .i18n import language as i18n_language
from .i18n import tr
from .schema import CHANNELS, JURISDICTIONS, LIST_SEPARATOR, ORDERS_OF_GOVERNMENT, POINT_TYPES, SERVICES

#: Orders of government as adjectives of "point" (French: masculine singular, after the noun).
_ORDER_ADJECTIVES = {
    "en": {"federal": "federal", "provincial": "provincial", "territorial": "territorial",
           "municipal": "municipal", "indigenous": "Indigenous", "other": "other"},
    "fr": {"federal": "fédéral", "provincial": "provincial", "territorial": "territorial",
           "municipal": "municipal", "indigenous": "autochtone", "other": "d'un autre ordre"},
}  # fmt: skip
#: Channels as words of "point": an in-person point, un point en personne.
_CHANNEL_WORDS = {
    "en": {"in_person": "in-person", "digital": "digital", "call_centre": "telephone"},
    "fr": {"in_person": "en personne", "digital": "numérique", "call_centre": "téléphonique"},
}


#: French places take their own preposition and article: "situé au Nouveau-Brunswick", "relevant de l'Ontario".
_FRENCH_IN = {
    "NL": "à Terre-Neuve-et-Labrador", "PE": "à l'Île-du-Prince-Édouard", "NS": "en Nouvelle-Écosse",
    "NB": "au Nouveau-Brunswick", "QC": "au Québec", "ON": "en Ontario", "MB": "au Manitoba",
    "SK": "en Saskatchewan", "AB": "en Alberta", "BC": "en Colombie-Britannique", "YT": "au Yukon",
    "NT": "dans les Territoires du Nord-Ouest", "NU": "au Nunavut", "CA": "au Canada",
}  # fmt: skip
_FRENCH_OF = {
    "NL": "de Terre-Neuve-et-Labrador", "PE": "de l'Île-du-Prince-Édouard", "NS": "de la Nouvelle-Écosse",
    "NB": "du Nouveau-Brunswick", "QC": "du Québec", "ON": "de l'Ontario", "MB": "du Manitoba",
    "SK": "de la Saskatchewan", "AB": "de l'Alberta", "BC": "de la Colombie-Britannique", "YT": "du Yukon",
    "NT": "des Territoires du Nord-Ouest", "NU": "du Nunavut", "CA": "du gouvernement fédéral",
}  # fmt: skip


def _labels(codes, choices, language: str) -> list[str]:
    """The labels of ``codes`` (a code the schema does not list, such as a municipality, as it is)."""
    by_code = {c.code: c.label(language) for c in choices}
    return [by_code.get(code, code) for code in codes]


def _either(words: list[str], language: str) -> str:
    """'federal', 'federal or provincial', 'federal, provincial or municipal' ('ou' in French)."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + (" ou " if language.startswith("fr") else " or ") + words[-1]


@dataclass(frozen=True)
class ServiceFilter:
    """Empty tuples mean 'any'. Values are schema codes (see ``schema``).

    Two meanings of "jurisdiction": ``jurisdictions`` are the governments that operate the points
    (the ``jurisdiction`` field: BC's own offices), ``located_in`` the provinces and territories the
    points stand in (the ``province`` field, which crs:validate checks against the point's position:
    every office in BC, federal and municipal ones included).
    """

    orders: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    point_types: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    located_in: tuple[str, ...] = ()

    def _by_field(self, with_services: bool = True) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(schema field, wanted codes) for each filter; services last (a list field)."""
        pairs = (
            ("order_of_government", self.orders),
            ("jurisdiction", self.jurisdictions),
            ("province", self.located_in),
            ("channel", self.channels),
            ("point_type", self.point_types),
        )
        return (*pairs, ("services", self.services)) if with_services else pairs

    @property
    def needed_fields(self) -> tuple[str, ...]:
        return tuple(name for name, wanted in self._by_field() if wanted)

    def describe(self, language: str | None = None) -> str:
        """Which points pass, for the log: 'order of government: Federal; channel: In person'."""
        lang = language or i18n_language()
        parts = []
        for label, values, choices in (
            (tr("order of government: {values}"), self.orders, ORDERS_OF_GOVERNMENT),
            (tr("operated by: {values}"), self.jurisdictions, JURISDICTIONS),
            (tr("located in: {values}"), self.located_in, JURISDICTIONS),
            (tr("channel: {values}"), self.channels, CHANNELS),
            (tr("point type: {values}"), self.point_types, POINT_TYPES),
            (tr("services: {values}"), self.services, SERVICES),
        ):
            if values:
                parts.append(label.format(values=", ".join(_labels(values, choices, lang))))
        return "; ".join(parts) or tr("all service points")

    def short_description(self, language: str | None = None) -> str:
        """The filter in a few words, for a layer's name: 'federal, in person'; '' for every point."""
        lang = language or i18n_language()
        words = []
        for values, choices in (
            (self.orders, ORDERS_OF_GOVERNMENT),
            (self.channels, CHANNELS),
            (self.point_types, POINT_TYPES),
            (self.services, SERVICES),
            (self.jurisdictions, JURISDICTIONS),
            (self.located_in, JURISDICTIONS),
        ):
            if values:
                labels = _labels(values, choices, lang)
                if choices is not JURISDICTIONS:
                    labels = [label[:1].lower() + label[1:] for label in labels]
                words.append(_either(labels, lang))
        return ", ".join(words)

    def point_phrase(self, language: str | None = None, article: bool = True) -> str:
        """The points that pass, as a noun phrase: 'an in-person federal point', 'un point fédéral en
        personne' (without the article: 'in-person federal point')."""
        lang = language or i18n_language()
        fr = lang.startswith("fr")
        orders = _either([_ORDER_ADJECTIVES[lang[:2] if fr else "en"].get(o, o) for o in self.orders], lang)
        channels = _either([_CHANNEL_WORDS["fr" if fr else "en"].get(c, c) for c in self.channels], lang)
        if self.point_types:
            labels = _labels(self.point_types, POINT_TYPES, lang)
            noun = _either([label[:1].lower() + label[1:] for label in labels], lang)
        elif orders or channels:
            noun = "point"
        else:
            noun = "point de service" if fr else "service point"
        if fr:
            phrase = " ".join(p for p in (noun, orders, channels) if p)
            extras = []
            if self.services:
                extras.append("offrant " + _either(_labels(self.services, SERVICES, lang), lang))
            if self.located_in:
                extras.append("situé " + _either([_FRENCH_IN.get(c, c) for c in self.located_in], lang))
            if self.jurisdictions:
                extras.append(
                    "relevant " + _either([_FRENCH_OF.get(c, "de " + c) for c in self.jurisdictions], lang)
                )
            phrase = " ".join([phrase, *extras])
            return ("un " + phrase) if article else phrase
        phrase = " ".join(p for p in (channels, orders, noun) if p)
        extras = []
        if self.services:
            extras.append("offering " + _either(_labels(self.services, SERVICES, lang), lang))
        if self.located_in:
            extras.append("in " + _either(_labels(self.located_in, JURISDICTIONS, lang), lang))
        if self.jurisdictions:
            extras.append("operated by " + _either(_labels(self.jurisdictions, JURISDICTIONS, lang), lang))
        phrase = " ".join([phrase, *extras])
        if not article:
            return phrase
        return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase

    def expression(self) -> str:
        """The filter as an SQL/QGIS expression (a layer's subset string); '' for 'any'."""

        def quoted(value: str) -> str:
            return "'" + value.replace("'", "''") + "'"

        parts = [
            f'"{name}" IN ({", ".join(quoted(v) for v in wanted)})'
            for name, wanted in self._by_field(with_services=False)
            if wanted
        ]
        if self.services:
            sep = quoted(LIST_SEPARATOR)
            # Whole codes only: ';services;' contains ';code;' (no match inside a longer code).
            parts.append("(" + " OR ".join(
                f"({sep} || \"services\" || {sep}) LIKE {quoted('%' + LIST_SEPARATOR + v + LIST_SEPARATOR + '%')}"
                for v in self.services) + ")")  # fmt: skip
        return " AND ".join(parts)

    def require_fields(self, available) -> None:
        """AnalysisError naming the filter fields the layer lacks."""
        missing = [f for f in self.needed_fields if f not in available]
        if missing:
            raise AnalysisError(
                tr("The service point layer has no field {fields} to filter on; load it through the plugin or "
                   "remove that filter.").format(fields=", ".join(f"'{m}'" for m in missing))
            )  # fmt: skip

    def mask(self, columns: dict[str, np.ndarray], n: int) -> np.ndarray:
        """Boolean mask of the points that pass; AnalysisError if a needed field is missing."""
        self.require_fields(columns)
        keep = np.ones(n, dtype=bool)
        for name, wanted in self._by_field(with_services=False):
            if wanted:
                keep &= np.isin(columns[name].astype(str), np.array(wanted, dtype=str))
        if self.services:
            wanted = set(self.services)
            keep &= np.fromiter(
                (
                    bool(v) and not wanted.isdisjoint(str(v).split(LIST_SEPARATOR))
                    for v in columns["services"]
                ),
                dtype=bool,
                count=n,
            )
        return keep
