"""A multi-select editor for the schema's list fields (services, languages).

The values stay what the schema stores, codes joined by ';' (e.g. ``passport;sin``),
so the shared store, validation and every other tool read them unchanged; the form
shows a checkable drop-down with the codes' English or French labels. Without the
plugin, QGIS falls back to a text box and the field's constraint still checks the codes.
"""

from __future__ import annotations

from qgis.core import NULL
from qgis.gui import (
    QgsCheckableComboBox,
    QgsEditorConfigWidget,
    QgsEditorWidgetFactory,
    QgsEditorWidgetWrapper,
    QgsGui,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt

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
        super().__init__("Service point codes (multi-select)")

    def create(self, layer, field_index, editor, parent):
        return CodeListWrapper(layer, field_index, editor, parent)

    def configWidget(self, layer, field_index, parent):  # noqa: N802 - QGIS API
        return CodeListConfigWidget(layer, field_index, parent)


_FACTORY: list[CodeListFactory] = []  # the registry keeps a C++ pointer: keep the Python object alive


def register_code_list_widget() -> bool:
    """Register the widget once per QGIS session (the registry has no way to remove one)."""
    registry = QgsGui.editorWidgetRegistry()
    if WIDGET_TYPE in registry.factories():
        return True
    factory = CodeListFactory()
    if registry.registerWidget(WIDGET_TYPE, factory):
        _FACTORY.append(factory)
        return True
    return False
