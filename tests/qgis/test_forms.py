"""The checkout form: a real QGIS attribute form built from the schema."""

from __future__ import annotations

from qgis.core import NULL, QgsVectorLayer
from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm, QgsCheckableComboBox
from qgis.PyQt.QtCore import Qt

from crs_plugin.ui.code_list_widget import register_code_list_widget
from crs_plugin.ui.forms import configure_form, save_form_as_default
from tests.checkout_edits import write_sample_checkout


def checkable_combos(form) -> list[QgsCheckableComboBox]:
    """The form's multi-selects (QGIS 3.40 returns them typed as QComboBox: cast by class name)."""
    from qgis.PyQt import sip
    from qgis.PyQt.QtWidgets import QComboBox

    return [sip.cast(w, QgsCheckableComboBox) for w in form.findChildren(QComboBox)
            if w.metaObject().className() == "QgsCheckableComboBox"]  # fmt: skip


def test_services_are_a_multi_select_that_stores_codes(qgis_app, sample_store, tmp_path):
    from qgis.gui import QgsGui

    if "TextEdit" not in QgsGui.editorWidgetRegistry().factories():
        QgsGui.editorWidgetRegistry().initEditors()  # as QGIS desktop does (3.40 crashes without it)
    register_code_list_widget()  # as the plugin does when it starts
    path = write_sample_checkout(sample_store, tmp_path / "nb.gpkg")
    layer = QgsVectorLayer(f"{path}|layername=service_points", "nb", "ogr")
    configure_form(layer, "fr")
    assert save_form_as_default(layer) == ""
    reopened = QgsVectorLayer(f"{path}|layername=service_points", "nb", "ogr")  # the form travels in the file
    services = reopened.fields().indexFromName("services")
    assert reopened.editorWidgetSetup(services).type() == "CrsCodeList"
    assert reopened.attributeAlias(reopened.fields().indexFromName("name_fr")) == "Nom (français)"

    feature = next(reopened.getFeatures())
    form = QgsAttributeForm(reopened, feature, QgsAttributeEditorContext())
    combo = next(w for w in checkable_combos(form) if w.count() == 14)
    assert sorted(combo.checkedItemsData()) == sorted(feature["services"].split(";"))
    assert "Passeport" in [combo.itemText(i) for i in range(combo.count())]

    reopened.startEditing()
    form.setMode(QgsAttributeEditorContext.SingleEditMode if hasattr(QgsAttributeEditorContext, "SingleEditMode")
                 else form.mode())  # fmt: skip
    for i in range(combo.count()):
        combo.setItemCheckState(i, Qt.Checked if combo.itemData(i) in ("passport", "sin") else Qt.Unchecked)
    assert form.save()
    assert reopened.commitChanges()
    saved = reopened.getFeature(feature.id())
    assert saved["services"] == "passport;sin"
    assert saved["last_verified"] not in (None, NULL)  # editing is verifying: today's date


def test_regions_and_point_lists_accept_codes_and_patterns(qgis_app, sample_store, tmp_path):
    """A service region takes province codes and census subdivision codes; a partnership's points
    take point ids: the form's checks follow the schema's codes and patterns."""
    from qgis.core import QgsFeature, QgsVectorLayerUtils

    from crs_plugin.core.partnerships import PARTNERSHIP_FIELDS, PARTNERSHIPS_TABLE, write_partnerships

    path = write_sample_checkout(sample_store, tmp_path / "nb.gpkg")
    layer = QgsVectorLayer(f"{path}|layername=service_points", "nb", "ogr")
    configure_form(layer, "en")
    region = layer.fields().indexFromName("service_region")
    assert layer.editorWidgetSetup(region).type() != "CrsCodeList"  # typed: codes and census subdivisions
    feature = next(layer.getFeatures())
    for value, ok in (
        ("NB", True),
        ("NB;1307022", True),
        ("CA", True),
        ("NB;13", False),
        ("Atlantic", False),
    ):
        feature["service_region"] = value
        assert QgsVectorLayerUtils.validateAttribute(layer, feature, region)[0] == ok, value
    zone = layer.fields().indexFromName("time_zone")
    assert layer.editorWidgetSetup(zone).type() == "ValueMap"

    write_partnerships(path, [])
    table = QgsVectorLayer(f"{path}|layername={PARTNERSHIPS_TABLE}", "partnerships", "ogr")
    configure_form(table, "en", PARTNERSHIP_FIELDS)
    points = table.fields().indexFromName("point_ids")
    row = QgsFeature(table.fields())
    row["point_ids"] = "service_canada_offices:5934; snb_service_centres:SNB004"
    assert QgsVectorLayerUtils.validateAttribute(table, row, points)[0]
    row["point_ids"] = None
    assert not QgsVectorLayerUtils.validateAttribute(table, row, points)[0]  # required
