"""The report's own QGIS project and GeoPackage: tables written, layers styled, the project stored
inside the GeoPackage so that a colleague opens one file and sees the same maps.

QGIS stores projects inside a GeoPackage (table ``qgis_projects``; *Project › Open From ›
GeoPackage*). Layers of that same GeoPackage are written with a path relative to it: the file
can move to another folder or machine, as long as it keeps its name.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QUrl, QUrlQuery
from qgis.PyQt.QtXml import QDomDocument

from ..core.i18n import tr
from ..toolbelt.qgis_compat import FieldType
from .layout import ReportError

KINDS = {str: FieldType.String, int: FieldType.Int, float: FieldType.Double, bool: FieldType.Bool}


def write_table(gpkg: str, name: str, columns, rows, geometries=None, wkb_type=QgsWkbTypes.NoGeometry,
                crs=None, transform_context=None) -> None:  # fmt: skip
    """A layer ``name`` of the GeoPackage (replaced if it exists) from ``columns`` ((name, python
    type) pairs) and ``rows``; ``geometries`` are WKB, one per row, for a spatial layer."""
    fields = QgsFields()
    for column, kind in columns:
        fields.append(QgsField(column, KINDS[kind]))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.actionOnExistingFile = (
        QgsVectorFileWriter.CreateOrOverwriteLayer
        if Path(gpkg).exists()
        else QgsVectorFileWriter.CreateOrOverwriteFile
    )
    writer = QgsVectorFileWriter.create(gpkg, fields, wkb_type, crs or QgsCoordinateReferenceSystem(),
                                        transform_context or QgsCoordinateTransformContext(), options)  # fmt: skip
    if writer.hasError() != QgsVectorFileWriter.NoError:
        raise ReportError(
            tr("The report table {name} could not be written to {gpkg}: {error}").format(
                name=name, gpkg=gpkg, error=writer.errorMessage()
            )
        )
    features = []
    for r, values in enumerate(rows):
        feature = QgsFeature(fields)
        feature.setAttributes([None if v is None else v for v in values])
        if geometries is not None and geometries[r] is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(geometries[r])
            if QgsWkbTypes.isMultiType(wkb_type):
                geometry.convertToMultiType()
            feature.setGeometry(geometry)
        features.append(feature)
    writer.addFeatures(features)
    del writer  # closes the layer


def open_layer(gpkg: str, table: str, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg}|layername={table}", name, "ogr")
    if not layer.isValid():
        raise ReportError(tr("The report cannot open {table} in {gpkg}.").format(table=table, gpkg=gpkg))
    return layer


def geopackage_project_uri(gpkg: str, name: str) -> str:
    """The URI QGIS opens a project stored in a GeoPackage by (``geopackage:…?projectName=…``)."""
    url = QUrl()
    url.setScheme("geopackage")
    url.setPath(str(Path(gpkg).resolve()))
    query = QUrlQuery()
    query.addQueryItem("projectName", name)
    url.setQuery(query)
    return url.toString()


#: QGIS's table of styles in a GeoPackage (what Layer Properties › Style › Save to Database writes).
_LAYER_STYLES = """CREATE TABLE IF NOT EXISTS layer_styles (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, f_table_catalog TEXT(256), f_table_schema TEXT(256),
  f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,
  useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
  update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"""


def save_styles(gpkg: str, layers) -> None:
    """Each layer's style as its table's default style in the GeoPackage (``layer_styles``), so
    that the table opened on its own shows the report's symbols too.

    Written with SQLite rather than ``saveStyleToDatabase``: in QGIS 3.22 that call never returns
    when the table already has a style of that name (a second report into the same store)."""
    rows = []
    for layer in layers:
        source = layer.source().split("|")
        if (
            layer.providerType() != "ogr"
            or not layer.isSpatial()
            or Path(source[0]).resolve() != Path(gpkg).resolve()
        ):
            continue
        table = next((p.split("=", 1)[1] for p in source[1:] if p.startswith("layername=")), None)
        if table is None:
            continue
        qml, sld = QDomDocument(), QDomDocument()
        layer.exportNamedStyle(qml)
        layer.exportSldStyle(sld, "")
        rows.append((table, layer.name()[:30], qml.toString(), sld.toString()))
    with closing(sqlite3.connect(gpkg, timeout=30)) as db, db:
        db.execute(_LAYER_STYLES)
        for table, name, qml, sld in rows:
            found = db.execute(
                "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
            ).fetchone()
            geometry_column = found[0] if found else "geom"
            db.execute("UPDATE layer_styles SET useAsDefault = 0 WHERE f_table_name = ?", (table,))
            db.execute("DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?", (table, name))
            db.execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                       "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui) "
                       "VALUES ('', '', ?, ?, ?, ?, ?, 1, ?, '', '')",
                       (table, geometry_column, name, qml, sld, "CRS Service Points report"))  # fmt: skip


def save_project(project: QgsProject, gpkg: str, name: str) -> str:
    uri = geopackage_project_uri(gpkg, name)
    if not project.write(uri):
        raise ReportError(
            tr("The QGIS project could not be saved into {gpkg}: {error}").format(
                gpkg=gpkg, error=project.error()
            )
        )
    return uri


def checkpoint(gpkg: str) -> None:
    """Fold the GeoPackage's write-ahead log into the file, so that the file alone is complete."""
    try:
        with closing(sqlite3.connect(gpkg)) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass  # another connection holds it: the log is folded in when that one closes
