"""Attribute forms generated from the schema: drop-downs, constraints, bilingual labels, defaults.

Applied to a checkout layer and saved in its GeoPackage as the default style, so
the form comes back whenever the file is opened in QGIS.
"""

from __future__ import annotations

from qgis.core import QgsDefaultValue, QgsEditorWidgetSetup, QgsFieldConstraints, QgsVectorLayer

from ..core.schema import FIELDS, LIST_SEPARATOR, FieldType
from ..toolbelt.styles import label_service_points, style_service_points
from ..toolbelt.translation import language
from .code_list_widget import WIDGET_TYPE


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def configure_form(layer: QgsVectorLayer, lang: str | None = None, fields=FIELDS) -> None:
    """The form of a layer whose fields are ``fields`` (the service points', or the partnerships')."""
    lang = lang or language()
    for fdef in fields:
        index = layer.fields().indexFromName(fdef.name)
        if index < 0:
            continue
        layer.setFieldAlias(index, fdef.label(lang))
        # The widget type is only named here (this may run in a Processing task); the plugin
        # registers its factory on the main thread at start.
        if fdef.type == FieldType.LIST and not fdef.pattern:  # codes only: tick them in a list
            config = {"codes": list(fdef.codes), "labels": [c.label(lang) for c in fdef.choices]}
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup(WIDGET_TYPE, config))
        if fdef.type == FieldType.ENUM and not fdef.pattern:
            values = [{c.label(lang): c.code} for c in fdef.choices]
            if not fdef.required:
                values.insert(0, {"": None})
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": values}))
        if fdef.required:
            layer.setFieldConstraint(
                index, QgsFieldConstraints.ConstraintNotNull, QgsFieldConstraints.ConstraintStrengthHard
            )
        expression, description = _constraint(fdef, lang)
        if expression:
            layer.setConstraintExpression(index, expression, description)
            layer.setFieldConstraint(
                index, QgsFieldConstraints.ConstraintExpression, QgsFieldConstraints.ConstraintStrengthHard
            )
        if fdef.name == "last_verified":
            # Today's date whenever a point is edited: editing it is verifying it.
            layer.setDefaultValueDefinition(index, QgsDefaultValue("format_date(now(), 'yyyy-MM-dd')", True))
        elif fdef.default:
            layer.setDefaultValueDefinition(index, QgsDefaultValue(_quote(fdef.default)))
    key = layer.fields().indexFromName("partnership_id" if fields is not FIELDS else "point_id")
    if key >= 0:
        layer.setFieldConstraint(
            key, QgsFieldConstraints.ConstraintUnique, QgsFieldConstraints.ConstraintStrengthHard
        )


def _constraint(fdef, lang: str) -> tuple[str, str]:
    name = f'"{fdef.name}"'
    fr = lang.startswith("fr")
    if fdef.type == FieldType.LIST and fdef.pattern:
        # Codes or values of a pattern (census subdivision codes, point ids), typed with ';' between.
        pattern = fdef.pattern.replace("\\", "\\\\").replace("'", "''")
        codes = ", ".join(_quote(c) for c in fdef.codes)
        item = f"(trim(@element) = '' OR regexp_match(trim(@element), '^(?:{pattern})$') > 0)"
        if codes:
            item = f"(array_contains(array({codes}), trim(@element)) OR {item})"
        expression = (f"{name} IS NULL OR NOT array_contains(array_foreach(string_to_array({name}, "
                      f"'{LIST_SEPARATOR}'), {item}), false)")  # fmt: skip
        return expression, ("Valeurs séparées par « ; » : " if fr else "Values separated by ';': ") + (
            fdef.help_fr if fr else fdef.help_en or fdef.label(lang)
        )
    if fdef.type == FieldType.LIST:
        codes = ", ".join(_quote(c) for c in fdef.codes)
        expression = (f"{name} IS NULL OR array_all(array({codes}), "
                      f"array_foreach(string_to_array({name}, '{LIST_SEPARATOR}'), trim(@element)))")  # fmt: skip
        listing = LIST_SEPARATOR.join(fdef.codes)
        return expression, (f"Codes séparés par « ; » parmi : {listing}" if fr else
                            f"Codes separated by ';' among: {listing}")  # fmt: skip
    if fdef.pattern:
        pattern = fdef.pattern.replace("\\", "\\\\").replace("'", "''")
        codes = " OR ".join(f"{name} = {_quote(c)}" for c in fdef.codes)
        expression = f"{name} IS NULL OR regexp_match({name}, '^(?:{pattern})$') > 0" + (
            f" OR {codes}" if codes else ""
        )
        return expression, ("Format attendu : " if fr else "Expected format: ") + (
            fdef.help_fr if fr else fdef.help_en or fdef.label(lang)
        )
    if fdef.max_length:
        return f"{name} IS NULL OR length({name}) <= {fdef.max_length}", (
            f"{fdef.max_length} caractères au plus" if fr else f"At most {fdef.max_length} characters"
        )
    return "", ""


def present_service_points(layer: QgsVectorLayer, lang: str | None = None) -> QgsVectorLayer:
    """A service-point layer as people read it: symbols by order of government, names on the map,
    labels instead of codes (Federal, Passport) in identify results and the attribute table,
    field aliases and the form in the interface language."""
    lang = lang or language()
    configure_form(layer, lang)
    style_service_points(layer, lang)
    label_service_points(layer, lang)
    return layer


def save_form_as_default(layer: QgsVectorLayer) -> str:
    """Store the form in the layer's GeoPackage (layer_styles) so it opens with the file; '' or an error."""
    return layer.saveStyleToDatabase(
        "CRS Service Points form", "Generated from the service-point schema", True, ""
    )
