"""Values with labels, not codes: the service-point layer the panel and crs:loadsources add shows
"Federal" / « Fédéral » and "Passport" / « Passeport » in identify results and the attribute table,
with field aliases in the interface language and the points' names on the map."""

from __future__ import annotations

import shutil

import processing
import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer, QgsVectorLayerCache
from qgis.gui import QgsAttributeTableModel, QgsGui
from qgis.PyQt.QtCore import Qt

from crs_plugin.ui.code_list_widget import register_code_list_widget
from crs_plugin.ui.forms import present_service_points


@pytest.fixture(autouse=True)
def editor_widgets(qgis_app):
    if "TextEdit" not in QgsGui.editorWidgetRegistry().factories():
        QgsGui.editorWidgetRegistry().initEditors()  # as QGIS desktop does
    register_code_list_widget()  # as the plugin does when it starts


def shown(layer: QgsVectorLayer, feature, field: str) -> str:
    """What identify results and the attribute table show for ``field`` (the field's formatter)."""
    index = layer.fields().indexFromName(field)
    setup = layer.editorWidgetSetup(index)
    formatter = QgsApplication.fieldFormatterRegistry().fieldFormatter(setup.type())
    return formatter.representValue(layer, index, setup.config(), None, feature[field])


def passport_office(layer):
    """A federal in-person point that issues passports."""
    return next(f for f in layer.getFeatures() if f["order_of_government"] == "federal"
                and f["channel"] == "in_person" and "passport" in (f["services"] or "").split(";"))  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "order", "channel", "alias", "passport"),
    [
        ("en", "Federal", "In person", "Order of government", "Passport"),
        ("fr", "Fédéral", "En personne", "Ordre de gouvernement", "Passeport"),
    ],
)
def test_identify_shows_labels_in_the_interface_language(sample_store, lang, order, channel, alias, passport):
    layer = present_service_points(
        QgsVectorLayer(f"{sample_store}|layername=service_points", "points", "ogr"), lang
    )
    feature = passport_office(layer)
    assert feature["order_of_government"] == "federal"  # the stored code is unchanged
    assert shown(layer, feature, "order_of_government") == order
    assert shown(layer, feature, "channel") == channel
    services = shown(layer, feature, "services").split(", ")
    assert passport in services and ";" not in shown(layer, feature, "services")
    assert layer.attributeAlias(layer.fields().indexFromName("order_of_government")) == alias
    # Names on the map, in the interface language first.
    assert layer.labelsEnabled()
    assert layer.labeling().settings().fieldName.startswith(f'coalesce("name_{lang}"')
    assert layer.displayExpression().startswith(f'coalesce("name_{lang}"')


def test_attribute_table_shows_labels(sample_store):
    layer = present_service_points(
        QgsVectorLayer(f"{sample_store}|layername=service_points", "points", "ogr"), "fr"
    )
    cache = QgsVectorLayerCache(layer, 1000)
    model = QgsAttributeTableModel(cache)
    model.loadLayer()
    ident, order, services = (
        layer.fields().indexFromName(f) for f in ("point_id", "order_of_government", "services")
    )
    point_id = passport_office(layer)["point_id"]
    row = next(r for r in range(model.rowCount()) if model.index(r, ident).data() == point_id)
    assert model.index(row, order).data(Qt.DisplayRole) == "Fédéral"
    assert "Passeport" in model.index(row, services).data(Qt.DisplayRole).split(", ")


def test_loadsources_adds_the_points_labelled(crs_provider, tmp_path):
    project = QgsProject.instance()
    before = set(project.mapLayers())
    store = tmp_path / "store.gpkg"
    processing.runAndLoadResults(
        "crs:loadsources", {"SOURCE_IDS": "service_canada_offices", "OUTPUT": str(store)}
    )
    added = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        points = [layer for layer in added if layer.name() == "Service points"]
        assert len(points) == 1, [layer.name() for layer in added]
        layer = points[0]
        assert layer.featureCount() == 79
        assert shown(layer, passport_office(layer), "order_of_government") == "Federal"
        assert layer.editorWidgetSetup(layer.fields().indexFromName("services")).type() == "CrsCodeList"
        assert layer.labelsEnabled() and layer.renderer().type() == "categorizedSymbol"
    finally:
        project.removeMapLayers([layer.id() for layer in added])
        shutil.rmtree(tmp_path, ignore_errors=True)
