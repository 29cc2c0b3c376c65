"""Collect the interface's translatable strings into i18n/crs_plugin_fr.ts (like Qt's lupdate, for Python).

Existing translations are kept; new strings are added as unfinished for a translator
(Qt Linguist opens the file); strings no longer in the code are dropped.
``make translations`` compiles the .ts into the .qm that QGIS loads.

    python scripts/update_translations.py [--check]

``--check`` changes nothing and exits 1 if a string has no French translation, if a
translation is unfinished, or if a translation call is given something the collector
cannot read (a variable, an f-string).

Where the strings come from:

- ``plugin.py`` and ``ui/``: ``self.tr("…")`` in a class (the class is the context),
  ``QCoreApplication.translate("Context", "…")``, and the module helpers of HELPER_CONTEXTS;
- ``processing/``, ``core/`` and ``toolbelt/``: ``tr("…")``, ``self.tr("…")`` and
  ``translatable("…")`` (a string translated later, where it is shown), all in one context
  (``core.i18n.CONTEXT``), so that a base class's or a mixin's string has one translation.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path
from xml.etree import ElementTree as ET  # noqa: S405 - our own file, written by this script

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "crs_plugin"
#: Widgets and the plugin's life cycle: one context per class.
CLASS_SOURCES = [PACKAGE / "plugin.py", *sorted((PACKAGE / "ui").glob("*.py"))]
#: Algorithms, core's messages, styles: one shared context.
SHARED_SOURCES = [
    *sorted((PACKAGE / "processing").glob("*.py")),
    *sorted((PACKAGE / "core").rglob("*.py")),
    *sorted((PACKAGE / "toolbelt").glob("*.py")),
    *sorted((PACKAGE / "report").glob("*.py")),
]
SHARED_CONTEXT = "CrsServicePoints"
TS = PACKAGE / "i18n" / "crs_plugin_fr.ts"
#: Module-level helpers that translate in a fixed context.
HELPER_CONTEXTS = {"_tr": "CrsSettings"}
#: Calls that translate (or mark for translation) their first argument in the shared sources.
SHARED_CALLS = {"tr", "translatable"}


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _literal(node: ast.AST) -> str | None:
    """A string constant, including implicit concatenation; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _add(found: dict[str, list[str]], ctx: str, text: str) -> None:
    if text not in found.setdefault(ctx, []):
        found[ctx].append(text)


def _collect_class_sources(found: dict[str, list[str]], unreadable: list[str]) -> None:
    for path in CLASS_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            context = cls.name if isinstance(cls, ast.ClassDef) else None
            for node in ast.walk(cls):
                if not isinstance(node, ast.Call):
                    continue
                name, args = _call_name(node), node.args
                if name == "tr" and context and args:
                    text = _literal(args[0])
                    if text is None:
                        unreadable.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                        continue
                    _add(found, context, text)
                elif name in HELPER_CONTEXTS and args and _literal(args[0]) is not None:
                    _add(found, HELPER_CONTEXTS[name], _literal(args[0]))
                elif name == "translatable" and args and _literal(args[0]) is not None:
                    # Marked in a module of ui/: translated by the class that shows it.
                    _add(found, context or "ServicePointsDock", _literal(args[0]))
                elif (
                    name == "translate"
                    and len(args) >= 2
                    and _literal(args[0]) is not None
                    and _literal(args[1]) is not None
                ):
                    _add(found, _literal(args[0]), _literal(args[1]))


def _collect_shared_sources(found: dict[str, list[str]], unreadable: list[str]) -> None:
    for path in SHARED_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            if (
                _call_name(node) == "translate" and len(node.args) >= 2
            ):  # QCoreApplication.translate(ctx, text)
                context, text = _literal(node.args[0]), _literal(node.args[1])
                if context is None or text is None:
                    unreadable.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                else:
                    _add(found, context, text)
                continue
            if _call_name(node) not in SHARED_CALLS:
                continue
            text = _literal(node.args[0])
            if text is None:
                unreadable.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                continue
            _add(found, SHARED_CONTEXT, text)


def collect_with_problems() -> tuple[dict[str, list[str]], list[str]]:
    """(context -> source strings in order of appearance, translation calls whose text cannot be read)."""
    found: dict[str, list[str]] = {}
    unreadable: list[str] = []
    _collect_class_sources(found, unreadable)
    _collect_shared_sources(found, unreadable)
    return found, [u for u in unreadable if not _reads_marked_strings(u)]


#: Translation calls given a variable whose values are all marked with translatable() (or are
#: translated strings themselves): file:line -> why.
MARKED_VARIABLES = "# i18n: marked"


def _reads_marked_strings(location: str) -> bool:
    """Whether the call at ``location`` carries the comment saying its variable holds marked strings."""
    file, line = location.rsplit(":", 1)
    lines = (ROOT / file).read_text(encoding="utf-8").splitlines()
    return MARKED_VARIABLES in lines[int(line) - 1]


def collect() -> dict[str, list[str]]:
    return collect_with_problems()[0]


def read_ts(with_unfinished: bool = False) -> dict[tuple[str, str], str]:
    if not TS.exists():
        return {}
    root = ET.parse(TS).getroot()  # noqa: S314 - our own file
    out = {}
    for context in root.iter("context"):
        ctx = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or not translation.text or translation.get("type") == "obsolete":
                continue
            if translation.get("type") == "unfinished" and not with_unfinished:
                continue
            out[(ctx, message.findtext("source"))] = translation.text
    return out


def write_ts(found: dict[str, list[str]], existing: dict[tuple[str, str], str]) -> None:
    root = ET.Element("TS", version="2.1", language="fr_CA", sourcelanguage="en")
    for ctx in sorted(found):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = ctx
        for text in found[ctx]:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            translation = ET.SubElement(message, "translation")
            if (ctx, text) in existing:
                translation.text = existing[(ctx, text)]
            else:
                translation.set("type", "unfinished")
    ET.indent(root)
    TS.parent.mkdir(parents=True, exist_ok=True)
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n",
                  encoding="utf-8")  # fmt: skip


def missing() -> list[tuple[str, str]]:
    """Strings of the code without a finished French translation."""
    existing = read_ts()
    return [(ctx, text) for ctx, texts in collect().items() for text in texts if (ctx, text) not in existing]


_FIELD = re.compile(r"(?<!\{)\{([^{}!:]*)[^{}]*\}(?!\})")


def placeholders(text: str) -> list[str]:
    """The replacement fields of a format template, sorted ('' for each positional {})."""
    return sorted(_FIELD.findall(text.replace("{{", "").replace("}}", "")))


def mismatched_formats() -> list[str]:
    """``tr("…{name}…").format(...)`` calls whose keywords are not the template's names (a KeyError
    waiting for the message to be shown): file:line and what differs."""
    problems = []
    for path in CLASS_SOURCES + SHARED_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
            ):
                continue
            inner = node.func.value
            if not (
                isinstance(inner, ast.Call) and _call_name(inner) in ("tr", "_tr", "translate") and inner.args
            ):
                continue
            text = _literal(inner.args[-1] if _call_name(inner) == "translate" else inner.args[0])
            if (
                text is None
                or any(k.arg is None for k in node.keywords)
                or any(isinstance(a, ast.Starred) for a in node.args)
            ):
                continue
            names = placeholders(text)
            positional = [n for n in names if n == "" or n.isdigit()]
            keywords = sorted({n for n in names if n and not n.isdigit()})
            given = sorted(k.arg for k in node.keywords)
            wanted_positional = len(positional) if all(n == "" for n in positional) else len(set(positional))
            if keywords != given or wanted_positional != len(node.args):
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: template {names}, given "
                                f"{len(node.args)} positional and {given}")  # fmt: skip
    return problems


def translations_with_other_fields() -> list[tuple[str, str, str]]:
    """Translations whose replacement fields differ from their source's: (context, source, translation)."""
    return [
        (ctx, source, fr)
        for (ctx, source), fr in read_ts().items()
        if placeholders(source) != placeholders(fr)
    ]


def unreadable_calls() -> list[str]:
    """file:line of translation calls whose text the collector cannot read."""
    return collect_with_problems()[1]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if "--check" in sys.argv:
        gaps = missing()
        for ctx, text in gaps:
            print(f"untranslated: [{ctx}] {text}")
        calls = unreadable_calls()
        for where in calls:
            print(f"translation call without a literal string: {where}")
        sys.exit(1 if gaps or calls else 0)
    # Unfinished translations are kept for the translator to finish.
    write_ts(collect(), read_ts(with_unfinished=True))
    print(f"{TS.relative_to(ROOT)}: {len(missing())} strings to translate")
