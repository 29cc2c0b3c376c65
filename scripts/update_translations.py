"""Collect the interface's translatable strings into i18n/crs_plugin_fr.ts (like Qt's lupdate, for Python).

Existing translations are kept; new strings are added as unfinished for a translator
(Qt Linguist opens the file); strings no longer in the code are marked obsolete.
``make translations`` compiles the .ts into the .qm that QGIS loads.

    python scripts/update_translations.py [--check]

``--check`` changes nothing and exits 1 if a string has no French translation.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from xml.etree import ElementTree as ET  # noqa: S405 - our own file, written by this script

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "crs_plugin" / "plugin.py", *sorted((ROOT / "crs_plugin" / "ui").glob("*.py"))]
TS = ROOT / "crs_plugin" / "i18n" / "crs_plugin_fr.ts"
#: Module-level helpers that translate in a fixed context.
HELPER_CONTEXTS = {"_tr": "CrsSettings"}


def collect() -> dict[str, list[str]]:
    """context -> source strings, in order of appearance."""
    found: dict[str, list[str]] = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            context = cls.name if isinstance(cls, ast.ClassDef) else None
            for node in ast.walk(cls):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                args = node.args
                if name == "tr" and context and args and isinstance(args[0], ast.Constant):
                    ctx, text = context, args[0].value
                elif name in HELPER_CONTEXTS and args and isinstance(args[0], ast.Constant):
                    ctx, text = HELPER_CONTEXTS[name], args[0].value
                elif (
                    name == "translate"
                    and len(args) >= 2
                    and all(isinstance(a, ast.Constant) for a in args[:2])
                ):
                    ctx, text = args[0].value, args[1].value
                else:
                    continue
                if isinstance(text, str) and text not in found.setdefault(ctx, []):
                    found[ctx].append(text)
    # Labels translated through a variable (the dock's analysis buttons).
    from crs_plugin.ui.dock import ANALYSES, PLAN_OBJECTIVES  # noqa: PLC0415

    for label in [label for _, label in ANALYSES] + list(PLAN_OBJECTIVES):
        if label not in found.setdefault("ServicePointsDock", []):
            found["ServicePointsDock"].append(label)
    return found


def read_ts() -> dict[tuple[str, str], str]:
    if not TS.exists():
        return {}
    root = ET.parse(TS).getroot()  # noqa: S314 - our own file
    out = {}
    for context in root.iter("context"):
        ctx = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") != "obsolete":
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
    existing = read_ts()
    return [(ctx, text) for ctx, texts in collect().items() for text in texts if (ctx, text) not in existing]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if "--check" in sys.argv:
        gaps = missing()
        for ctx, text in gaps:
            print(f"untranslated: [{ctx}] {text}")
        sys.exit(1 if gaps else 0)
    write_ts(collect(), read_ts())
    print(f"{TS.relative_to(ROOT)}: {len(missing())} strings to translate")
