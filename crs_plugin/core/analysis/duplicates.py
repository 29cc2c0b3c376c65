"""Likely duplicate service points: close together, similar names, similar addresses."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from .colocation import close_pairs

# Words that say what kind of office it is, not which one: ignored when comparing names.
_GENERIC = {
    "the", "of", "and", "de", "du", "des", "la", "le", "les", "et", "d", "l",
    "centre", "center", "service", "services", "office", "bureau", "site", "canada",
}  # fmt: skip
_ADDRESS_WORDS = {
    "street": "st", "st.": "st", "rue": "st", "avenue": "ave", "av": "ave", "av.": "ave",
    "boulevard": "blvd", "boul": "blvd", "road": "rd", "chemin": "rd", "ch": "rd", "drive": "dr",
    "north": "n", "nord": "n", "south": "s", "sud": "s", "east": "e", "est": "e", "west": "w", "ouest": "w",
}  # fmt: skip
_TOKEN = re.compile(r"[a-z0-9]+\.?")


def fold(text: str | None) -> str:
    """Lower case, accents removed: 'Hôtel de Ville' -> 'hotel de ville'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def normalise_name(text: str | None) -> str:
    return " ".join(t.rstrip(".") for t in _TOKEN.findall(fold(text)) if t.rstrip(".") not in _GENERIC)


def normalise_address(text: str | None) -> str:
    return " ".join(_ADDRESS_WORDS.get(t, t.rstrip(".")) for t in _TOKEN.findall(fold(text)))


def similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b).ratio()


def address_similarity(a: str, b: str) -> float:
    """Like ``similarity``, but two different civic numbers make different addresses."""
    ta, tb = a.split(" ", 1)[0], b.split(" ", 1)[0]
    if ta.isdigit() and tb.isdigit() and ta != tb:
        return 0.0
    return similarity(a, b)


@dataclass(frozen=True)
class Weights:
    distance: float = 0.4
    name: float = 0.4
    address: float = 0.2


@dataclass(frozen=True)
class Duplicates:
    i: np.ndarray
    j: np.ndarray
    distance: np.ndarray
    name_similarity: np.ndarray
    address_similarity: np.ndarray
    score: np.ndarray


def likely_duplicates(
    xy: np.ndarray,
    names_en,
    names_fr,
    addresses,
    max_distance: float = 100.0,
    min_score: float = 0.6,
    sources=None,
    orders=None,
    weights: Weights = Weights(),
) -> Duplicates:
    """Pairs within ``max_distance`` scored 0-1; ``sources`` given: only pairs across sources;
    ``orders`` given: only pairs of the same order of government (two governments' offices
    in one building are co-location candidates, not duplicates).

    score = w_d * (1 - d / max_distance) + w_n * name similarity + w_a * address similarity,
    where the name similarity is the best of English-English, French-French and the
    cross-language comparisons of normalised names (case, accents and generic words
    such as 'centre' or 'bureau' ignored), and addresses with different civic
    numbers have similarity 0.
    """
    pairs = close_pairs(xy, max_distance, differ_by=sources, same_by=orders)
    en = [normalise_name(v) for v in names_en]
    fr = [normalise_name(v) for v in names_fr]
    addr = [normalise_address(v) for v in addresses]
    name_sim = np.array(
        [
            max(similarity(x, y) for x in (en[a], fr[a]) for y in (en[b], fr[b]))
            for a, b in zip(pairs.i, pairs.j)
        ],
        dtype=float,
    )
    addr_sim = np.array([address_similarity(addr[a], addr[b]) for a, b in zip(pairs.i, pairs.j)], dtype=float)
    closeness = 1.0 - pairs.distance / max_distance if max_distance > 0 else np.ones(len(pairs.i))
    score = weights.distance * closeness + weights.name * name_sim + weights.address * addr_sim
    keep = score >= min_score
    order = np.argsort(-score[keep], kind="stable")
    pick = np.flatnonzero(keep)[order]
    return Duplicates(
        pairs.i[pick], pairs.j[pick], pairs.distance[pick], name_sim[pick], addr_sim[pick], score[pick]
    )
