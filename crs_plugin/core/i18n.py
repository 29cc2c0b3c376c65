"""Translation of the messages core/ gives people (errors, summaries, legend classes).

core/ has no Qt: ``tr`` is the identity until the plugin (or the Processing provider)
connects it to Qt's translator with ``install(QCoreApplication.translate)``. Messages are
templates translated whole, then filled (``tr("… {name} …").format(name=...)``): an f-string
cannot be looked up. Every string of core/ and processing/ shares one context, so a string
defined once (a base class, a mixin) has one translation wherever it is shown.

``scripts/update_translations.py`` collects the literal arguments of ``tr`` and
``translatable`` from core/, processing/ and toolbelt/ into the French ``.ts`` file.
"""

from __future__ import annotations

from collections.abc import Callable

#: The translation context of every string of core/, processing/ and toolbelt/.
CONTEXT = "CrsServicePoints"

_translate: Callable[[str, str], str] | None = None
_language: Callable[[], str] | None = None


def install(translate: Callable[[str, str], str] | None, language: Callable[[], str] | None = None) -> None:
    """Translate core's messages with ``translate(context, text)``; ``language()`` says the interface
    language ('en' or 'fr') for the schema's own labels (None, None: English again)."""
    global _translate, _language  # one hook for the process, set by the plugin
    _translate, _language = translate, language


def language() -> str:
    """The interface language, 'en' or 'fr' ('en' outside QGIS)."""
    return _language() if _language is not None else "en"


def tr(text: str) -> str:
    """``text`` in the interface language (as is outside QGIS)."""
    if _translate is None:
        return text
    return _translate(CONTEXT, text)


def translatable(text: str) -> str:
    """Marks a string for the translation collector; it is translated where it is shown."""
    return text
