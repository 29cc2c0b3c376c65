"""A multi-select editor for the schema's list fields (services, languages).

The values stay what the schema stores, codes joined by ';' (e.g. ``passport;sin``),
so the shared store, validation and every other tool read them unchanged; the form
shows a checkable drop-down with the codes' English or French labels. Without the
plugin, QGIS falls back to a text box and the field's constraint still checks the codes.
"""

from __future__ import annotations

from qgis.core import NULL, QgsApplication, QgsFieldFormatter
from qgis.gui import (
    QgsCheckableComboBox,
    QgsEditorConfigWidget,
    QgsEditorWidgetFactory,
    QgsEditorWidgetWrapper,
    QgsGui,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, Qt

from ..core.schema import LIST_SEPARATOR

WIDGET_TYPE = "CrsCodeList"


class CodeListWrapper(QgsEditorWidgetWrapper):
    def __init__(self, layer, field_index, editor, parent) -> None:
        super().__init__(layer, field_index, editor, parent)
        self.combo: QgsCheckableComboBox | None = None

    def createWidget(self, parent):  # noqa: N802 - QGIS API
        # The widget is handed to C++ (QGIS 3.40 crashed once Python had collected it): C++ owns it.
        widget = QgsCheckableComboBox(parent)
        sip.transferto(widget, None)
        return widget

    def initWidget(self, editor) -> None:  # noqa: N802 - QGIS API
        if not isinstance(editor, QgsCheckableComboBox) and editor is not None:
            # QGIS 3.40 hands the widget back typed as its Qt base class: cast by its real class.
            if editor.metaObject().className() == "QgsCheckableComboBox":
                editor = sip.cast(editor, QgsCheckableComboBox)
        self.combo = editor if isinstance(editor, QgsCheckableComboBox) else None
        if self.combo is None:
            return
        config = self.config()
        for code, label in zip(config.get("codes", []), config.get("labels", [])):
            self.combo.addItemWithCheckState(label, Qt.Unchecked, code)
        self.combo.model().dataChanged.connect(lambda *_: self.emitValueChanged())

    def valid(self) -> bool:
        return self.combo is not None

    def value(self):
        codes = self.combo.checkedItemsData() if self.combo is not None else []
        return LIST_SEPARATOR.join(codes) if codes else NULL

    def updateValues(self, value, additional_values=None) -> None:  # noqa: N802 - QGIS API
        if self.combo is None:
            return
        wanted = set() if value in (None, NULL) else {v.strip() for v in str(value).split(LIST_SEPARATOR)}
        self.combo.setCheckedItems([self.combo.itemText(i) for i in range(self.combo.count())
                                    if self.combo.itemData(i) in wanted])  # fmt: skip

    def setValue(self, value) -> None:  # noqa: N802 - QGIS API: 3.22 calls setValue, later releases updateValues
        self.updateValues(value)

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 - QGIS API
        if self.combo is not None:
            self.combo.setEnabled(enabled)


class CodeListConfigWidget(QgsEditorConfigWidget):
    """Nothing to configure by hand: the codes come from the schema."""

    def __init__(self, layer, field_index, parent) -> None:
        super().__init__(layer, field_index, parent)
        self._config = {}

    def config(self):
        return self._config

    def setConfig(self, config) -> None:  # noqa: N802 - QGIS API
        self._config = dict(config or {})


class CodeListFactory(QgsEditorWidgetFactory):
    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("CodeListFactory", "Service point codes (multi-select)"))

    def create(self, layer, field_index, editor, parent):
        return CodeListWrapper(layer, field_index, editor, parent)

    def configWidget(self, layer, field_index, parent):  # noqa: N802 - QGIS API
        return CodeListConfigWidget(layer, field_index, parent)


class CodeListFormatter(QgsFieldFormatter):
    """How the attribute table, identify results and map tips show a list field: its codes'
    labels ('Passport, Social Insurance Number'), not the stored 'passport;sin'."""

    def id(self) -> str:
        return WIDGET_TYPE

    def representValue(self, layer, field_index, config, cache, value):  # noqa: N802 - QGIS API
        if value is None or value == NULL or str(value).strip() == "":
            return QgsApplication.nullRepresentation()
        return represent_codes(value, config or {})


def represent_codes(value, config: dict) -> str:
    """'passport;sin' -> 'Passport, Social Insurance Number' with the labels of ``config``."""
    labels = dict(zip(config.get("codes", []), config.get("labels", [])))
    codes = [c.strip() for c in str(value).split(LIST_SEPARATOR) if c.strip()]
    return ", ".join(labels.get(code, code) for code in codes)


#: The registries keep C++ pointers: keep the Python objects alive.
_FACTORY: list[CodeListFactory] = []
_FORMATTER: list[CodeListFormatter] = []


def register_code_list_widget() -> bool:
    """Register the widget and its display once per QGIS session (the editor registry has no way
    to remove one)."""
    formatters = QgsApplication.fieldFormatterRegistry()
    if formatters.fieldFormatter(WIDGET_TYPE).id() != WIDGET_TYPE:  # the registry answers a fallback
        formatter = CodeListFormatter()
        formatters.addFieldFormatter(formatter)
        _FORMATTER.append(formatter)
    registry = QgsGui.editorWidgetRegistry()
    if WIDGET_TYPE in registry.factories():
        return True
    factory = CodeListFactory()
    if registry.registerWidget(WIDGET_TYPE, factory):
        _FACTORY.append(factory)
        return True
    return False
