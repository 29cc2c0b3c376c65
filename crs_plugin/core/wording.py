"""Numbers, shares and places as a report writes them, in English or French.

English (Canada): 1,645,350 people, 96.2 %, 50 km. French (Canada): 1 645 350 personnes, 96,2 %,
50 km, with non-breaking spaces so that a number and its unit never part at the end of a line.
"""

from __future__ import annotations

from .schema import JURISDICTIONS, PRUID

NBSP = "\u00a0"
#: The code of the group that holds every area (the summaries' total row).
ALL_AREAS = "all"
CANADA = "CA"
_CODE_OF_PRUID = {pruid: code for code, pruid in PRUID.items()}
_NAMES = {c.code: c for c in JURISDICTIONS}


def _french(language: str) -> bool:
    return str(language).startswith("fr")


def format_number(value: float, language: str = "en", decimals: int = 0) -> str:
    """1645350 -> '1,645,350' (en) or '1 645 350' (fr); '—' for an unknown number."""
    if value is None or value != value:
        return "—"
    text = f"{value:,.{decimals}f}"
    if _french(language):
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", NBSP)
    return text


def format_percent(share: float, language: str = "en", decimals: int = 1) -> str:
    """0.9617 -> '96.2 %' (en) or '96,2 %' (fr); '—' for an unknown share."""
    if share is None or share != share:
        return "—"
    return format_number(100.0 * share, language, decimals) + (NBSP + "%" if _french(language) else " %")


def format_distance(metres: float, language: str = "en") -> str:
    """50000 -> '50 km', 500 -> '500 m' (a decimal comma in French)."""
    space = NBSP if _french(language) else " "
    if metres >= 1000:
        text = f"{metres / 1000.0:g}"
        return (text.replace(".", ",") if _french(language) else text) + space + "km"
    return f"{metres:g}".replace(".", "," if _french(language) else ".") + space + "m"


def format_minutes(minutes: float, language: str = "en") -> str:
    text = f"{minutes:g}"
    return (
        (text.replace(".", ",") if _french(language) else text) + (NBSP if _french(language) else " ") + "min"
    )


def jurisdiction_code(group) -> str:
    """'59' (PRUID) or 'BC' -> 'BC'; anything else as it is."""
    text = "" if group is None else str(group)
    return _CODE_OF_PRUID.get(text, text)


def jurisdiction_name(group, language: str = "en") -> str:
    """A province or territory (by PRUID or code), Canada or every area, named in ``language``;
    any other group (a region's name) as it is."""
    code = jurisdiction_code(group)
    if code == CANADA:
        return "Canada"
    if code == ALL_AREAS:
        return "Toutes les aires" if _french(language) else "All areas"
    choice = _NAMES.get(code)
    return choice.label(language) if choice else code


def capitalised(text: str) -> str:
    """The first letter in capitals (a layer name that starts with an adjective)."""
    return text[:1].upper() + text[1:]
