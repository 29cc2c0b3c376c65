"""The "Add source" dialog: a new catalogue source from an address, without writing JSON.

Four steps: the address (recognised from its answers, its layers listed), a preview (the first
records, the points on a small map, the CRS, encoding and delimiter), the source's description,
and its fields (each schema field from a column, a fixed value or joined columns; value maps
beside the source's distinct values; the checks, live, with their rows). Save writes the entry
and its mapping to the catalogue (or exports them for a shared one) and the panel loads it.
Opened on a saved entry, the same dialog edits or removes it.

Everything it decides is core/source_wizard.py's, so ``crs:addsource`` and scripts do the same;
network reads run in background tasks.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from osgeo import ogr
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import (
    QgsAuthConfigSelect,
    QgsCheckableComboBox,
    QgsFileWidget,
    QgsMapCanvas,
    QgsMessageBar,
    QgsProjectionSelectionWidget,
)
from qgis.PyQt.QtCore import QRegularExpression, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor, QRegularExpressionValidator
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.catalogue import LICENCES, REFRESH_CADENCES, SAMPLE_CATALOGUE, read_catalogue_document, resolve
from ..core.errors import CrsServicePointsError
from ..core.gdal_exceptions import gdal_exceptions
from ..core.http import is_url
from ..core.schema import (
    FIELDS_BY_NAME,
    JURISDICTIONS,
    LIST_SEPARATOR,
    METRIC_CRS,
    ORDERS_OF_GOVERNMENT,
    FieldType,
)
from ..core.source_wizard import (
    MAPPABLE_FIELDS,
    Detection,
    Offer,
    check_mapping,
    coordinate_columns,
    detect,
    distinct_values,
    export_entry,
    guess_crs,
    guess_split,
    guess_value_map,
    located_points,
    make_entry,
    number_values,
    preview,
    remove_entry,
    save_entry,
    suggest_mapping,
    suggest_source_id,
    writable_catalogue,
)
from ..core.store import GeoPackageStore
from ..core.table import RawTable
from ..toolbelt.network import qgis_http_client
from ..toolbelt.translation import language
from .tasks import run_function_task

PREVIEW_ROWS = 50
#: Where a copy of the sample catalogue goes when the user first adds a source to it.
USER_CATALOGUE = "my_sources.json"
_DELIMITERS = ("", ",", ";", "\t", "|")
_ENCODINGS = ("utf-8", "cp1252", "latin-1", "utf-16")
_PROVINCES: list = []  # Canada's provinces from QGIS's world map, read once


def canadian_provinces() -> list[QgsGeometry]:
    """The provinces and territories from the world map QGIS ships (read-only, through OGR), for the
    preview map's background; [] where QGIS has none."""
    if _PROVINCES:
        return _PROVINCES[0]
    geometries = []
    path = Path(QgsApplication.pkgDataPath()) / "resources" / "data" / "world_map.gpkg"
    if path.exists():
        try:
            with gdal_exceptions():
                ds = ogr.Open(str(path), 0)
                layer = ds.GetLayerByName("states_provinces")
                layer.SetAttributeFilter("adm0_a3 = 'CAN'")
                for feature in layer:
                    geometries.append(QgsGeometry.fromWkt(feature.GetGeometryRef().ExportToWkt()))
                ds = None
        except (RuntimeError, AttributeError):
            geometries = []
    _PROVINCES.append(geometries)
    return geometries


class AddSourceDialog(QDialog):
    #: (source id, catalogue to load it from, local catalogue written or '' for an export)
    saved = pyqtSignal(str, str, str)
    #: (source id, local catalogue written, points deleted from the store)
    removed = pyqtSignal(str, str, int)

    def __init__(self, catalogue: str, store_path: str, cache_folder: str, entry: dict | None = None,
                 mapping: dict | None = None, parent=None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("CrsAddSourceDialog")
        self.catalogue = str(catalogue)
        self.store_path = str(store_path)
        self.cache_folder = str(cache_folder)
        self.entry = dict(entry) if entry else None
        self.lang = language()
        self.detection: Detection | None = None
        self.offer: Offer | None = None
        self.read = None  # the Preview of the chosen offer
        self.geometry: dict = {}
        self.spec: dict | None = dict(mapping) if mapping else None
        self.issues: list = []
        self.located = 0  # records placed on the preview map
        self.tasks: list = []
        self._closed = False
        self._check_generation = 0
        self._filling = False
        self.setWindowTitle(self.tr("Edit source") if self.entry else self.tr("Add a source"))
        self.resize(960, 820)

        layout = QVBoxLayout(self)
        self.step_title = QLabel()
        self.step_title.setStyleSheet("font-weight: bold; font-size: 14px")
        layout.addWidget(self.step_title)
        self.bar = QgsMessageBar()
        layout.addWidget(self.bar)
        self.pages = QStackedWidget()
        for page in (self._address_page(), self._preview_page(), self._describe_page(), self._fields_page()):
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("Remove this source…"))
        self.remove_button.clicked.connect(self.remove_source)
        self.remove_button.setVisible(self.entry is not None)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.back_button = QPushButton(self.tr("< Back"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Next >"))
        self.next_button.clicked.connect(self.next)
        self.save_button = QPushButton(self.tr("Save and load"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.back_button, self.next_button, self.save_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(250)
        self._check_timer.timeout.connect(self.run_checks)
        if self.entry:
            self._open_entry()
        self.show_step(0)

    # -- steps --------------------------------------------------------------------------------
    def step_names(self) -> list[str]:
        return [
            self.tr("1. Address"),
            self.tr("2. Preview"),
            self.tr("3. Description"),
            self.tr("4. Fields and checks"),
        ]

    def show_step(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.step_title.setText(self.step_names()[index])
        self.update_buttons()

    def update_buttons(self) -> None:
        step, busy = self.pages.currentIndex(), self.busy()
        self.back_button.setEnabled(step > 0 and not busy)
        ready = {
            0: self.offer is not None,
            1: self.read is not None,
            2: self._description_problem() is None,
        }.get(step, False)
        self.next_button.setEnabled(step < 3 and ready and not busy)
        self.next_button.setVisible(step < 3)
        self.save_button.setVisible(step == 3)
        self.save_button.setEnabled(step == 3 and self.spec is not None and not self.issues and not busy
                                    and not self._check_timer.isActive())  # fmt: skip
        self.recognise_button.setEnabled(not busy)

    def busy(self) -> bool:
        return bool(self.tasks)

    def back(self) -> None:
        self.show_step(max(0, self.pages.currentIndex() - 1))

    def next(self) -> None:
        step = self.pages.currentIndex()
        if step == 0:
            self.show_step(1)
            if self.read is None:
                self.read_offer()
        elif step == 1:
            self._fill_description_defaults()
            self.show_step(2)
        elif step == 2:
            if self.spec is None:
                self.spec = suggest_mapping(self.source_id.text().strip(), self.read.raw, self.order_code(),
                                            self.jurisdiction_code(), self.publisher.text().strip())  # fmt: skip
                self._apply_preview_geometry()
            self.show_step(3)
            self.fill_fields()

    def _run(self, description: str, function, on_done) -> None:
        """``function`` in a background task; ``on_done(exception, result)`` unless the dialog closed."""
        marker = object()
        self.tasks.append(marker)

        def finished(exception, result):
            if self._closed:
                return
            self.tasks.remove(marker)
            on_done(exception, result)
            self.update_buttons()

        run_function_task(description, function, finished)
        self.update_buttons()

    def done(self, result: int) -> None:  # QDialog API: every way of closing comes here
        self._closed = True
        self._check_timer.stop()
        super().done(result)

    def error(self, message: str) -> None:
        self.bar.clearWidgets()
        self.bar.pushWarning(self.tr("Add source"), message)

    # -- 1. address ---------------------------------------------------------------------------
    def _address_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr("Paste the address of a CSV, GeoJSON or ZIP file, an ArcGIS REST service or layer, an "
                               "OGC API landing page or collection, a WFS GetCapabilities URL or a CKAN dataset page "
                               "— or choose a file on this computer. What it is comes from what it answers."))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.address = QgsFileWidget()
        self.address.setStorageMode(QgsFileWidget.GetFile)
        self.address.setFilter(
            self.tr("Data files (*.csv *.txt *.geojson *.json *.zip *.gpkg);;All files (*)")
        )
        self.address.lineEdit().setPlaceholderText("https://…")
        self.address.fileChanged.connect(self._address_changed)
        form.addRow(self.tr("Address or file"), self.address)
        self.auth = QgsAuthConfigSelect(page)
        form.addRow(self.tr("Authentication"), self.auth)
        auth_note = QLabel(self.tr("Only a QGIS authentication configuration (Basic) is named in the catalogue; the "
                                   "password stays in QGIS's encrypted store."))  # fmt: skip
        auth_note.setWordWrap(True)
        form.addRow("", auth_note)
        layout.addLayout(form)
        self.recognise_button = QPushButton(self.tr("Recognise"))
        self.recognise_button.clicked.connect(self.recognise)
        layout.addWidget(self.recognise_button, 0, Qt.AlignLeft)
        self.detection_label = QLabel()
        self.detection_label.setWordWrap(True)
        layout.addWidget(self.detection_label)
        self.offers = QListWidget()
        self.offers.currentRowChanged.connect(self._offer_chosen)
        layout.addWidget(self.offers, 1)
        return page

    def _address_changed(self, *_args) -> None:
        self.detection_label.setText("")

    def http_client(self):
        """QGIS's proxy and certificate authorities, and the chosen authentication (read here, on the
        interface thread, and used in the background)."""
        return qgis_http_client(self.auth.configId() or "", timeout_s=30, retries=2)

    def recognise(self) -> None:
        address = self.address.filePath().strip()
        if not address:
            self.error(self.tr("Paste an address or choose a file first."))
            return
        self.bar.clearWidgets()
        self.detection_label.setText(self.tr("Asking {}…").format(address))
        self.offers.clear()
        self.offer = None
        try:
            client = self.http_client() if is_url(address) else None
        except CrsServicePointsError as exc:
            self.error(str(exc))
            return
        self._run(self.tr("Recognising a source address"), lambda: detect(address, client), self._recognised)

    def _recognised(self, exception, detection) -> None:
        if exception is not None:
            self.detection_label.setText("")
            self.error(str(exception))
            return
        self.show_detection(detection)

    def kind_title(self, kind: str) -> str:
        return {"file": self.tr("A data file"), "arcgis": self.tr("An ArcGIS REST service"),
                "ogcapi": self.tr("An OGC API Features service"), "wfs": self.tr("A WFS service"),
                "ckan": self.tr("A CKAN dataset")}[kind]  # fmt: skip

    def show_detection(self, detection: Detection, keep_spec: bool = False) -> None:
        self.detection = detection
        what = {"file": self.tr("{} offering {} tables"), "arcgis": self.tr("{} offering {} layers"),
                "ogcapi": self.tr("{} offering {} collections"), "wfs": self.tr("{} offering {} feature types"),
                "ckan": self.tr("{} offering {} resources")}[detection.kind]  # fmt: skip
        text = what.format(self.kind_title(detection.kind), len(detection.offers))
        self.detection_label.setText(text + ". " + self.tr("Choose the one to load:"))
        self.offers.blockSignals(True)
        self.offers.clear()
        for offer in detection.offers:
            label = offer.title if offer.title == offer.key else f"{offer.title} ({offer.key})"
            item = QListWidgetItem(label + (f" — {offer.detail}" if offer.detail else ""))
            item.setToolTip(str(offer.connector))
            self.offers.addItem(item)
        self.offers.blockSignals(False)
        if not keep_spec:
            self.spec = None
        self.read = None
        if len(detection.offers) == 1:
            self.offers.setCurrentRow(0)
        self.update_buttons()

    def _offer_chosen(self, row: int) -> None:
        offer = (
            self.detection.offers[row] if self.detection and 0 <= row < len(self.detection.offers) else None
        )
        if offer is not self.offer:
            self.offer, self.read = offer, None
            if self.entry is None:
                self.spec = None
        self.update_buttons()

    def choose(self, key: str) -> None:
        """Pick an offer by key or title (what a click does)."""
        offer = self.detection.offer(key)
        self.offers.setCurrentRow(self.detection.offers.index(offer))

    # -- 2. preview ---------------------------------------------------------------------------
    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        layout.addWidget(self.preview_label)
        form = QFormLayout()
        coordinates = QHBoxLayout()
        self.x_column, self.y_column = QComboBox(), QComboBox()
        for label, box in (
            (self.tr("X / longitude"), self.x_column),
            (self.tr("Y / latitude"), self.y_column),
        ):
            coordinates.addWidget(QLabel(label))
            coordinates.addWidget(box, 1)
            box.currentIndexChanged.connect(self._geometry_edited)
        self.coordinates_row = QWidget()
        self.coordinates_row.setLayout(coordinates)
        form.addRow(self.tr("Coordinate columns"), self.coordinates_row)
        crs_row = QHBoxLayout()
        self.crs_widget = QgsProjectionSelectionWidget()
        self.crs_widget.crsChanged.connect(self._geometry_edited)
        crs_row.addWidget(self.crs_widget, 1)
        self.crs_note = QLabel()
        crs_row.addWidget(self.crs_note)
        form.addRow(self.tr("CRS"), crs_row)
        text_row = QHBoxLayout()
        self.encoding = QComboBox()
        self.encoding.setEditable(True)
        self.encoding.addItem(self.tr("From the file"), "")
        for name in _ENCODINGS:
            self.encoding.addItem(name, name)
        self.delimiter = QComboBox()
        for label, value in zip((self.tr("From the file"), self.tr("Comma"), self.tr("Semicolon"), self.tr("Tab"),
                                 self.tr("Vertical bar")), _DELIMITERS):  # fmt: skip
            self.delimiter.addItem(label, value)
        self.encoding.activated.connect(lambda *_: self.read_offer())
        self.encoding.lineEdit().editingFinished.connect(self._encoding_typed)
        self.delimiter.activated.connect(lambda *_: self.read_offer())
        text_row.addWidget(QLabel(self.tr("Encoding")))
        text_row.addWidget(self.encoding, 1)
        text_row.addWidget(QLabel(self.tr("Delimiter")))
        text_row.addWidget(self.delimiter, 1)
        self.text_row = QWidget()
        self.text_row.setLayout(text_row)
        form.addRow(self.tr("Text file"), self.text_row)
        layout.addLayout(form)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        layout.addWidget(self.table, 3)
        self.canvas = QgsMapCanvas()
        self.canvas.setMinimumHeight(220)
        self.canvas.setCanvasColor(QColor("#dfeaf2"))
        self.canvas.setDestinationCrs(QgsCoordinateReferenceSystem(METRIC_CRS))
        layout.addWidget(self.canvas, 2)
        self.points_layer: QgsVectorLayer | None = None
        self.background_layer = self._background_layer()
        return page

    def _background_layer(self) -> QgsVectorLayer:
        layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "provinces", "memory")
        features = []
        for geometry in canadian_provinces():
            feature = QgsFeature()
            feature.setGeometry(geometry)
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        symbol = layer.renderer().symbol()
        symbol.setColor(QColor("#f4f1e8"))
        symbol.symbolLayer(0).setStrokeColor(QColor("#a0a0a0"))
        return layer

    def _encoding_typed(self) -> None:
        if self.read is not None and self.encoding.currentText() != (self.read.encoding or ""):
            self.read_offer()

    def text_options(self) -> dict:
        options = {}
        encoding = self.encoding.currentData() if self.encoding.currentIndex() > 0 else ""
        typed = self.encoding.currentText().strip()
        if typed and typed != self.encoding.itemText(0):
            encoding = typed
        if encoding:
            options["encoding"] = encoding
        if self.delimiter.currentData():
            options["delimiter"] = self.delimiter.currentData()
        return options

    def connector(self) -> dict:
        """The offer's connector, with the encoding and delimiter chosen (file and CKAN sources)."""
        connector = {
            k: v for k, v in self.offer.connector.items() if k not in ("encoding", "delimiter", "authcfg")
        }
        if connector.get("type") in ("file", "ckan"):
            connector.update(self.text_options())
        return connector

    def read_offer(self) -> None:
        if self.offer is None:
            return
        connector = self.connector()
        self.preview_label.setText(self.tr("Reading {}…").format(self.offer.title))
        try:
            client = self.http_client()
        except CrsServicePointsError as exc:
            self.error(str(exc))
            return
        self._run(self.tr("Reading a source for its preview"), lambda: preview(connector, "preview", client=client),
                  self._read)  # fmt: skip

    def _read(self, exception, read) -> None:
        if exception is not None:
            self.preview_label.setText("")
            self.error(str(exception))
            return
        self.bar.clearWidgets()
        columns_before = list(self.read.raw.columns) if self.read is not None else None
        self.read = read
        if columns_before is not None and columns_before != list(read.raw.columns) and self.entry is None:
            self.spec = None  # other columns (another delimiter): match them again
        self.show_preview()

    def show_preview(self) -> None:
        raw: RawTable = self.read.raw
        columns = [c for c in raw.columns if c != "@id"]
        shown = min(PREVIEW_ROWS, len(raw))
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(shown)
        self.table.setHorizontalHeaderLabels(columns)
        for j, column in enumerate(columns):
            values = raw.columns[column]
            for i in range(shown):
                value = values[i]
                self.table.setItem(i, j, QTableWidgetItem("" if value is None else str(value)))
        self.table.resizeColumnsToContents()
        text = self.tr("{} records; the first {} are shown.").format(len(raw), shown)
        if raw.read_as:
            names = {",": self.tr("commas"), ";": self.tr("semicolons"), "\t": self.tr("tabs"), "|": self.tr("vertical bars")}  # fmt: skip
            text += " " + self.tr("Read as {} text separated by {}.").format(
                raw.read_as.get("encoding"), names.get(raw.read_as.get("delimiter"), raw.read_as.get("delimiter")))  # fmt: skip
        self.preview_label.setText(text)
        self.text_row.setVisible(bool(raw.read_as))
        self._filling = True
        try:
            self._show_geometry_choices(raw)
        finally:
            self._filling = False
        self._geometry_edited()

    def _show_geometry_choices(self, raw: RawTable) -> None:
        own = raw.x is not None
        self.coordinates_row.setEnabled(not own)
        for box in (self.x_column, self.y_column):
            box.clear()
            box.addItem(self.tr("— the source's own geometry —") if own else self.tr("— choose —"), "")
            for column in raw.columns:
                if not column.startswith("@"):
                    box.addItem(column, column)
        saved = (self.spec or {}).get("geometry") or {}
        if own:
            x = y = None
        elif saved.get("x") in raw.columns and saved.get("y") in raw.columns:
            x, y = saved["x"], saved["y"]
        else:
            x, y = coordinate_columns(raw)
        if x and y:
            self.x_column.setCurrentIndex(self.x_column.findData(x))
            self.y_column.setCurrentIndex(self.y_column.findData(y))
        if raw.crs:
            crs, note = raw.crs, self.tr("declared by the source")
            self.crs_widget.setEnabled(False)
        else:
            self.crs_widget.setEnabled(True)
            if saved.get("crs"):
                crs, note = saved["crs"], self.tr("as saved")
            else:
                xs, ys = (raw.x, raw.y) if own else self._xy_values(x, y)
                crs = guess_crs(xs, ys, self.jurisdiction_code()) if xs is not None else None
                note = self.tr("guessed from the coordinates") if crs else self.tr("none declared")
                crs = crs or "EPSG:4326"
        self.crs_widget.setCrs(QgsCoordinateReferenceSystem(crs))
        self.crs_note.setText(note)

    def _xy_values(self, x: str | None, y: str | None):
        if not x or not y:
            return None, None
        raw = self.read.raw
        return number_values(raw.columns[x])[0], number_values(raw.columns[y])[0]

    def _geometry_edited(self, *_args) -> None:
        if self._filling or self.read is None:
            return
        raw = self.read.raw
        geometry = {}
        if raw.x is None:
            x, y = self.x_column.currentData(), self.y_column.currentData()
            if x and y:
                geometry = {"x": x, "y": y}
        crs = self.crs_widget.crs()
        crs = crs.authid() or crs.toWkt()
        # Coordinate columns always say their CRS; a source's own geometry declaring none only when it
        # is not lon/lat (the default), as mappings are written by hand.
        if not raw.crs and (geometry or (raw.x is not None and crs != "EPSG:4326")):
            geometry["crs"] = crs
        self.geometry = geometry
        self._apply_preview_geometry()
        self.draw_points()
        self.schedule_checks()

    def _apply_preview_geometry(self) -> None:
        if self.spec is None:
            return
        if self.geometry:
            self.spec["geometry"] = dict(self.geometry)
        else:
            self.spec.pop("geometry", None)

    def draw_points(self) -> None:
        lon, lat = located_points(self.read.raw, self.geometry)
        layer = QgsVectorLayer("Point?crs=EPSG:4326", "preview", "memory")
        features = []
        for i in range(len(lon)):
            if lon[i] == lon[i] and lat[i] == lat[i]:
                feature = QgsFeature()
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(lon[i]), float(lat[i]))))
                features.append(feature)
        layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        symbol = layer.renderer().symbol()
        symbol.setColor(QColor("#c0392b"))
        symbol.setSize(2.2)
        self.points_layer = layer
        self.canvas.setLayers([layer, self.background_layer])
        if features:
            extent = self.canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent())
            extent = QgsRectangle(extent)
            grow = max(extent.width(), extent.height(), 50000.0) * 0.15
            extent.grow(grow)
            self.canvas.setExtent(extent)
        self.canvas.refresh()
        self.located = len(features)

    # -- 3. description -----------------------------------------------------------------------
    def _describe_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.source_id = QLineEdit()
        self.source_id.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"))
        )
        self.source_id.textChanged.connect(lambda *_: self.update_buttons())
        form.addRow(self.tr("Source id"), self.source_id)
        self.title_en, self.title_fr, self.publisher = QLineEdit(), QLineEdit(), QLineEdit()
        form.addRow(self.tr("Title (English)"), self.title_en)
        form.addRow(self.tr("Title (French)"), self.title_fr)
        form.addRow(self.tr("Publisher"), self.publisher)
        self.licence = QComboBox()
        self.licence.setEditable(True)
        self.licence.addItem("")
        for choice in LICENCES:
            self.licence.addItem(choice.label(self.lang), choice.code)
        self.licence.lineEdit().setPlaceholderText(self.tr("Choose a licence or type its name"))
        form.addRow(self.tr("Licence"), self.licence)
        self.order = QComboBox()
        self.order.addItem(self.tr("— choose —"), "")
        for choice in ORDERS_OF_GOVERNMENT:
            self.order.addItem(choice.label(self.lang), choice.code)
        self.order.currentIndexChanged.connect(lambda *_: self.update_buttons())
        form.addRow(self.tr("Order of government"), self.order)
        self.jurisdiction = QComboBox()
        self.jurisdiction.setEditable(True)
        self.jurisdiction.addItem("", "")
        for choice in JURISDICTIONS:
            self.jurisdiction.addItem(f"{choice.code} — {choice.label(self.lang)}", choice.code)
        self.jurisdiction.lineEdit().setPlaceholderText(
            self.tr("a province or territory, CA, or a 7-digit CSD code")
        )
        self.jurisdiction.currentTextChanged.connect(lambda *_: self.update_buttons())
        form.addRow(self.tr("Jurisdiction"), self.jurisdiction)
        self.refresh = QComboBox()
        self.refresh.addItem(self.tr("— not said —"), "")
        for choice in REFRESH_CADENCES:
            self.refresh.addItem(choice.label(self.lang), choice.code)
        form.addRow(self.tr("Refresh cadence"), self.refresh)
        layout.addLayout(form)
        where = QGroupBox(self.tr("Save to"))
        where_layout = QVBoxLayout(where)
        self.to_local = QRadioButton()
        self.to_export = QRadioButton(self.tr("A file to send to the maintainers of a shared catalogue (this source "
                                              "alone, its mapping inside)"))  # fmt: skip
        self.export_file = QgsFileWidget()
        self.export_file.setStorageMode(QgsFileWidget.SaveFile)
        self.export_file.setFilter("JSON (*.json)")
        where_layout.addWidget(self.to_local)
        where_layout.addWidget(self.to_export)
        where_layout.addWidget(self.export_file)
        shared = is_url(self.catalogue)
        if shared:
            text = self.tr("The catalogue used here is shared ({}): export the source instead").format(
                self.catalogue
            )
        elif Path(self.catalogue).resolve() == SAMPLE_CATALOGUE.resolve():
            text = self.tr(
                "Your own catalogue: a copy of the sample one (which a plugin update would replace)"
            )
        else:
            text = self.tr("The catalogue used here ({})").format(Path(self.catalogue).name)
        self.to_local.setText(text)
        self.to_local.setToolTip(self.catalogue)
        self.to_local.setEnabled(not shared)
        (self.to_export if shared else self.to_local).setChecked(True)
        layout.addWidget(where)
        layout.addStretch(1)
        return page

    def order_code(self) -> str:
        return self.order.currentData() or ""

    def jurisdiction_code(self) -> str:
        text = self.jurisdiction.currentText().split("—")[0].strip()
        data = self.jurisdiction.currentData()
        index = self.jurisdiction.currentIndex()
        if data and self.jurisdiction.itemText(index) == self.jurisdiction.currentText():
            return data
        return text.upper() if len(text) == 2 else text

    def set_jurisdiction(self, code: str) -> None:
        index = self.jurisdiction.findData(code)
        if index >= 0:
            self.jurisdiction.setCurrentIndex(index)
        else:
            self.jurisdiction.setEditText(code)

    def licence_text(self) -> str:
        return self.licence.currentText().strip()

    def _description_problem(self) -> str | None:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", self.source_id.text().strip()):
            return self.tr("Give the source an id.")
        if not self.order_code():
            return self.tr("Choose the order of government.")
        if not re.fullmatch(r"CA|NL|PE|NS|NB|QC|ON|MB|SK|AB|BC|YT|NT|NU|[0-9]{7}", self.jurisdiction_code()):
            return self.tr("Choose the jurisdiction.")
        return None

    def _fill_description_defaults(self) -> None:
        """What the source says about itself, where nothing was typed yet."""
        if self.entry is not None or self.detection is None:
            return
        metadata = self.detection.metadata
        for widget, key in (
            (self.title_en, "title_en"),
            (self.title_fr, "title_fr"),
            (self.publisher, "publisher"),
        ):
            if not widget.text() and metadata.get(key):
                widget.setText(metadata[key])
        if not self.title_en.text() and len(self.detection.offers) > 1:
            self.title_en.setText(self.offer.title)
        if not self.licence_text() and metadata.get("licence"):
            self.licence.setEditText(metadata["licence"])
        if not self.source_id.text():
            taken = self._taken_ids()
            self.source_id.setText(suggest_source_id(self.title_en.text() or metadata.get("name") or self.offer.title,
                                                     taken))  # fmt: skip

    def _taken_ids(self) -> list[str]:
        try:
            if is_url(self.catalogue):
                return []
            doc = read_catalogue_document(self.catalogue)
            return [s.get("id") for s in doc.get("sources") or [] if isinstance(s, dict)]
        except CrsServicePointsError:
            return []

    # -- 4. fields and checks -----------------------------------------------------------------
    def _fields_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.fields_table = QTableWidget(len(MAPPABLE_FIELDS), 4)
        self.fields_table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("From"), self.tr("Value or options"),
                                                     self.tr("First record")])  # fmt: skip
        self.fields_table.verticalHeader().hide()
        self.fields_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.fields_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.fields_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.fields_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.Interactive)
        header.resizeSection(1, 200)
        header.resizeSection(3, 200)
        self.fields_table.currentCellChanged.connect(lambda row, *_: self.show_values(self._field_at(row)))
        layout.addWidget(self.fields_table, 5)
        self.values_title = QLabel()
        layout.addWidget(self.values_title)
        self.values_table = QTableWidget(0, 3)
        self.values_table.setHorizontalHeaderLabels([self.tr("Value in the source"), self.tr("Records"),
                                                     self.tr("Allowed code")])  # fmt: skip
        self.values_table.verticalHeader().hide()
        self.values_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.values_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.values_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.values_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        layout.addWidget(self.values_table, 2)
        self.checks_label = QLabel()
        self.checks_label.setWordWrap(True)
        layout.addWidget(self.checks_label)
        self.issues_table = QTableWidget(0, 3)
        self.issues_table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Problem"), self.tr("Rows")])
        self.issues_table.verticalHeader().hide()
        self.issues_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.issues_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.issues_table.setWordWrap(True)
        self.issues_table.cellClicked.connect(self._issue_clicked)
        layout.addWidget(self.issues_table, 2)
        self.current_field: str | None = None
        return page

    def _field_at(self, row: int) -> str | None:
        return MAPPABLE_FIELDS[row].name if 0 <= row < len(MAPPABLE_FIELDS) else None

    def field_label(self, name: str) -> str:
        if name == "geometry":
            return self.tr("Coordinates")
        if not name:
            return self.tr("Mapping")
        fdef = FIELDS_BY_NAME[name]
        return fdef.label(self.lang) + (" *" if fdef.required and fdef.default is None else "")

    def source_columns(self) -> list[str]:
        columns = [c for c in self.read.raw.columns if not c.startswith("@")]
        pseudo = ["@row"] + (["@id"] if "@id" in self.read.raw.columns else [])
        return columns + pseudo

    def fill_fields(self) -> None:
        """One row per schema field, from the mapping being edited."""
        self._filling = True
        try:
            for row, fdef in enumerate(MAPPABLE_FIELDS):
                item = QTableWidgetItem(self.field_label(fdef.name))
                item.setToolTip(fdef.name)
                self.fields_table.setItem(row, 0, item)
                combo = QComboBox()
                combo.addItem(self.tr("— not mapped —"), "none")
                combo.addItem(self.tr("Fixed value"), "value")
                combo.addItem(self.tr("Columns joined"), "concat")
                pseudo = {"@row": self.tr("Record number (@row)"), "@id": self.tr("Feature id (@id)")}
                for column in self.source_columns():
                    combo.addItem(pseudo.get(column, column), f"column:{column}")
                wanted = self._kind_of(self.spec["fields"].get(fdef.name))
                index = combo.findData(wanted)
                if index < 0 and wanted.startswith(
                    "column:"
                ):  # a column the source lacks: shown, and checked
                    combo.addItem(self.tr("{} (not in the source)").format(wanted[7:]), wanted)
                    index = combo.count() - 1
                combo.setCurrentIndex(max(index, 0))
                combo.currentIndexChanged.connect(
                    lambda _i, name=fdef.name, box=combo: self._source_chosen(name, box)
                )
                self.fields_table.setCellWidget(row, 1, combo)
                self._set_editor(fdef.name)
        finally:
            self._filling = False
        self.fields_table.resizeRowsToContents()
        self.show_values(self.current_field or "point_type")
        self.schedule_checks()

    @staticmethod
    def _kind_of(rule: dict | None) -> str:
        """What the 'From' drop-down shows for a rule: 'none', 'value', 'concat' or 'column:<name>'."""
        if not rule:
            return "none"
        if "value" in rule:
            return "value"
        if "concat" in rule:
            return "concat"
        return f"column:{rule['column']}"

    def _row_of(self, name: str) -> int:
        return next(i for i, f in enumerate(MAPPABLE_FIELDS) if f.name == name)

    def source_box(self, name: str) -> QComboBox:
        return self.fields_table.cellWidget(self._row_of(name), 1)

    def editor(self, name: str):
        return self.fields_table.cellWidget(self._row_of(name), 2)

    def _source_chosen(self, name: str, box: QComboBox) -> None:
        if self._filling:
            return
        kind, _, column = str(box.currentData()).partition(":")
        fdef = FIELDS_BY_NAME[name]
        old = self.spec["fields"].get(name) or {}
        if kind == "none":
            self.spec["fields"].pop(name, None)
        elif kind == "value":
            value = old.get("value") or fdef.default or (fdef.codes[0] if fdef.type == FieldType.ENUM else "")
            self.spec["fields"][name] = {"value": value}
        elif kind == "concat":
            self.spec["fields"][name] = {
                "concat": list(old.get("concat") or []),
                "separator": old.get("separator", " "),
            }
        else:
            rule = {"column": column}
            if fdef.type == FieldType.LIST:
                separator = (
                    guess_split(self.read.raw.columns[column]) if column in self.read.raw.columns else None
                )
                if separator:
                    rule["split"] = separator
            if fdef.choices:
                value_map = guess_value_map(name, self.read.raw, rule)
                if value_map:
                    rule["map"] = value_map
            self.spec["fields"][name] = rule
        self._set_editor(name)
        self.show_values(name)
        self.schedule_checks()

    def _set_editor(self, name: str) -> None:
        """The value / options cell of a field, for its kind of rule."""
        fdef = FIELDS_BY_NAME[name]
        rule = self.spec["fields"].get(name)
        kind = self._kind_of(rule).partition(":")[0]
        row = self._row_of(name)
        widget = None
        if kind == "value":
            widget = self._value_editor(fdef, rule.get("value") or "")
        elif kind == "concat":
            widget = QgsCheckableComboBox()
            for column in self.source_columns():
                widget.addItemWithCheckState(
                    column, Qt.Checked if column in rule["concat"] else Qt.Unchecked, column
                )
            widget.setToolTip(self.tr("The columns to join, in this order, separated by '{}'").format(
                rule.get("separator", " ")))  # fmt: skip
            widget.model().dataChanged.connect(lambda *_, n=name, w=widget: self._concat_edited(n, w))
        elif kind == "column" and fdef.type == FieldType.LIST:
            widget = QLineEdit(rule.get("split") or "")
            widget.setPlaceholderText(self.tr("list separator in the column (e.g. |)"))
            widget.textChanged.connect(lambda text, n=name: self._split_edited(n, text))
        elif kind == "column" and fdef.choices:
            widget = QLabel()
            widget.setText(self._map_summary(name))
        self.fields_table.setCellWidget(row, 2, widget)

    def _value_editor(self, fdef, value: str):
        name = fdef.name
        if fdef.type == FieldType.LIST:
            widget = QgsCheckableComboBox()
            chosen = set(value.split(LIST_SEPARATOR)) if value else set()
            for choice in fdef.choices:
                widget.addItemWithCheckState(choice.label(self.lang), Qt.Checked if choice.code in chosen else Qt.Unchecked,
                                             choice.code)  # fmt: skip
            widget.model().dataChanged.connect(lambda *_, n=name, w=widget: self._value_edited(
                n, LIST_SEPARATOR.join(c for c in FIELDS_BY_NAME[n].codes if c in w.checkedItemsData())))  # fmt: skip
            return widget
        if fdef.choices:
            widget = QComboBox()
            widget.setEditable(fdef.pattern is not None)  # a jurisdiction may be a CSD code
            for choice in fdef.choices:
                widget.addItem(f"{choice.label(self.lang)} ({choice.code})", choice.code)
            index = widget.findData(value)
            if index >= 0:
                widget.setCurrentIndex(index)
            elif value:
                widget.setEditText(value)
            widget.currentIndexChanged.connect(
                lambda _i, n=name, w=widget: self._value_edited(n, w.currentData())
            )
            if fdef.pattern is not None:
                widget.lineEdit().editingFinished.connect(lambda n=name, w=widget: self._value_edited(
                    n, w.currentData() if w.itemText(w.currentIndex()) == w.currentText() else w.currentText().strip()))  # fmt: skip
            return widget
        widget = QLineEdit(value)
        if fdef.type == FieldType.DATE:
            widget.setPlaceholderText("2024-03-31")
        widget.textChanged.connect(lambda text, n=name: self._value_edited(n, text))
        return widget

    def _value_edited(self, name: str, value: str) -> None:
        if self._filling:
            return
        self.spec["fields"][name] = {"value": value or ""}
        self.schedule_checks()

    def _concat_edited(self, name: str, widget: QgsCheckableComboBox) -> None:
        rule = self.spec["fields"][name]
        rule["concat"] = [c for c in self.source_columns() if c in widget.checkedItemsData()]
        self.show_values(name)
        self.schedule_checks()

    def _split_edited(self, name: str, text: str) -> None:
        rule = self.spec["fields"][name]
        if text:
            rule["split"] = text
        else:
            rule.pop("split", None)
        self.show_values(name)
        self.schedule_checks()

    def set_rule(self, name: str, rule: dict | None) -> None:
        """Put a rule in place (what choosing in the row does), and show it."""
        if rule is None:
            self.spec["fields"].pop(name, None)
        else:
            self.spec["fields"][name] = dict(rule)
        self.fill_fields()

    def _map_summary(self, name: str) -> str:
        rule = self.spec["fields"].get(name) or {}
        values = distinct_values(self.read.raw, rule)
        mapped = sum(1 for v, _ in values if v in (rule.get("map") or {}) or FIELDS_BY_NAME[name].allows(v))
        return self.tr("{} of {} values are codes or mapped (below)").format(mapped, len(values))

    def show_values(self, name: str | None) -> None:
        """The value map of a coded field read from columns: each distinct source value, its count, its code."""
        self.current_field = name
        self.values_table.setRowCount(0)
        if name is None or self.spec is None:
            return
        fdef = FIELDS_BY_NAME[name]
        rule = self.spec["fields"].get(name) or {}
        if not fdef.choices or "value" in rule or not rule:
            self.values_title.setText(self.tr("Value maps: choose a coded field read from a column."))
            return
        values = distinct_values(self.read.raw, rule)
        self.values_title.setText(self.tr("Values of {} in the source, and the allowed code each means:").format(
            fdef.label(self.lang)))  # fmt: skip
        value_map = rule.get("map") or {}
        self.values_table.setRowCount(len(values))
        for row, (value, count) in enumerate(values):
            self.values_table.setItem(row, 0, QTableWidgetItem(value))
            self.values_table.setItem(row, 1, QTableWidgetItem(str(count)))
            code = value_map.get(value, value if fdef.allows(value) else "")
            self.values_table.setCellWidget(row, 2, self._code_editor(fdef, value, code))
        self.values_table.resizeRowsToContents()

    def _code_editor(self, fdef, value: str, code: str):
        if fdef.type == FieldType.LIST:
            widget = QgsCheckableComboBox()
            chosen = set(code.split(LIST_SEPARATOR)) if code else set()
            for choice in fdef.choices:
                widget.addItemWithCheckState(f"{choice.label(self.lang)} ({choice.code})",
                                             Qt.Checked if choice.code in chosen else Qt.Unchecked, choice.code)  # fmt: skip
            widget.setDefaultText(self.tr("— not allowed: choose —"))
            widget.model().dataChanged.connect(lambda *_, v=value, w=widget, n=fdef.name: self.map_value(
                n, v, LIST_SEPARATOR.join(c for c in FIELDS_BY_NAME[n].codes if c in w.checkedItemsData())))  # fmt: skip
            return widget
        widget = QComboBox()
        widget.addItem(self.tr("— not allowed: choose —"), "")
        for choice in fdef.choices:
            widget.addItem(f"{choice.label(self.lang)} ({choice.code})", choice.code)
        index = widget.findData(code)
        widget.setCurrentIndex(max(index, 0))
        widget.currentIndexChanged.connect(
            lambda _i, v=value, w=widget, n=fdef.name: self.map_value(n, v, w.currentData())
        )
        return widget

    def map_value(self, name: str, value: str, code: str) -> None:
        """One entry of a field's value map (what choosing a code beside a source value does)."""
        rule = self.spec["fields"][name]
        value_map = dict(rule.get("map") or {})
        if code and code != value:
            value_map[value] = code
        else:
            value_map.pop(value, None)
        if value_map:
            rule["map"] = value_map
        else:
            rule.pop("map", None)
        if self.current_field == name:
            editor = self.editor(name)
            if isinstance(editor, QLabel):
                editor.setText(self._map_summary(name))
        self.schedule_checks()

    def schedule_checks(self) -> None:
        if self.spec is None or self.read is None:
            return
        self.spec["source_id"] = self.source_id.text().strip() or "source"
        self._check_timer.start()
        self.update_buttons()

    def run_checks(self) -> None:
        """Check the mapping against every record in the background; the latest answer is shown."""
        if self.spec is None or self.read is None or self._closed:
            return
        self._check_generation += 1
        generation = self._check_generation
        raw, spec = self.read.raw, _copy(self.spec)
        self.checks_label.setText(self.tr("Checking…"))
        self._run(self.tr("Checking a field mapping"), lambda: check_mapping(raw, spec),
                  lambda exc, issues: self._checked(generation, exc, issues))  # fmt: skip

    def _checked(self, generation: int, exception, issues) -> None:
        if generation != self._check_generation:
            return  # a later check is on its way
        if exception is not None:
            issues = []
            self.error(str(exception))
        self.issues = list(issues or [])
        self.show_issues()
        self.show_first_record()

    def issue_text(self, issue) -> str:
        values = ", ".join(issue.values[:5])
        texts = {
            "unknown_column": self.tr("reads column '{}', which the source does not have").format(values),
            "required": self.tr("is required but empty"),
            "not_allowed": self.tr("has values that are not allowed codes: {} (choose a code for each below)").format(values),
            "bad_date": self.tr("is not a date like 2024-03-31: {}").format(values),
            "duplicate_id": self.tr("record ids are repeated: {}").format(values),
            "no_geometry": self.tr("no coordinates: choose the coordinate columns in step 2"),
            "not_a_number": self.tr("coordinates that are not numbers"),
            "no_location": self.tr("records without coordinates"),
            "outside_canada": self.tr("outside Canada once read as {}: check the CRS in step 2").format(values),
            "bad_crs": self.tr("the CRS cannot be used: {}").format(values),
        }  # fmt: skip
        return texts.get(issue.code, issue.message)

    @staticmethod
    def rows_text(rows: tuple[int, ...]) -> str:
        shown = ", ".join(str(r) for r in rows[:8])
        return shown + (f" … ({len(rows)})" if len(rows) > 8 else "")

    def show_issues(self) -> None:
        self.issues_table.setRowCount(len(self.issues))
        for row, issue in enumerate(self.issues):
            for column, text in enumerate((self.field_label(issue.field), self.issue_text(issue),
                                           self.rows_text(issue.rows))):  # fmt: skip
                item = QTableWidgetItem(text)
                item.setToolTip(issue.message)
                item.setForeground(QColor("#b03a2e"))
                self.issues_table.setItem(row, column, item)
        self.issues_table.resizeRowsToContents()
        if len(self.issues) == 1:
            self.checks_label.setText(self.tr("One problem: the source can be saved once it is solved."))
        elif self.issues:
            self.checks_label.setText(self.tr("{} problems: the source can be saved once they are solved.").format(
                len(self.issues)))  # fmt: skip
        else:
            self.checks_label.setText(self.tr("Every record maps: ready to save."))
        self.update_buttons()

    def _issue_clicked(self, row: int, _column: int) -> None:
        issue = self.issues[row]
        if issue.field and issue.field != "geometry":
            self.fields_table.selectRow(self._row_of(issue.field))
            self.show_values(issue.field)

    def show_first_record(self) -> None:
        from ..core.mapping import FieldMapping

        try:
            mapping = FieldMapping.from_dict(self.spec)
        except CrsServicePointsError:
            return
        first = _first_record(self.read.raw)
        values = mapping.evaluate(first)
        for row, fdef in enumerate(MAPPABLE_FIELDS):
            value = values.get(fdef.name)
            text = "" if value is None or value[0] is None else str(value[0])
            self.fields_table.setItem(row, 3, QTableWidgetItem(text))

    # -- save, edit, remove ---------------------------------------------------------------------
    def built_entry(self) -> tuple[dict, dict]:
        source_id = self.source_id.text().strip()
        entry = make_entry(source_id, self.connector(), title_en=self.title_en.text(), title_fr=self.title_fr.text(),
                           publisher=self.publisher.text(), order_of_government=self.order_code(),
                           jurisdiction=self.jurisdiction_code(), licence=self.licence_text(),
                           refresh=self.refresh.currentData() or "", authcfg=self.auth.configId() or "")  # fmt: skip
        mapping = _copy(self.spec)
        mapping["source_id"] = source_id
        return entry, mapping

    def local_catalogue(self) -> Path:
        """The catalogue file written: the one in use, or a copy of the shipped sample."""
        return writable_catalogue(self.catalogue, Path(self.cache_folder) / USER_CATALOGUE)

    def save(self) -> None:
        if self.issues or self.spec is None:
            return
        try:
            entry, mapping = self.built_entry()
            if self.to_export.isChecked():
                path = self.export_file.filePath().strip()
                if not path:
                    self.error(self.tr("Choose the file to export the source to."))
                    return
                written = export_entry(path, entry, mapping)
                self.saved.emit(entry["id"], str(written), "")
            else:
                catalogue = self.local_catalogue()
                save_entry(catalogue, entry, mapping, replace=self.entry is not None)
                self.saved.emit(entry["id"], str(catalogue), str(catalogue))
        except CrsServicePointsError as exc:
            self.error(str(exc))
            return
        self.accept()

    def _open_entry(self) -> None:
        """The dialog on a saved entry: its address, description and mapping as saved."""
        entry = self.entry
        connector = dict(entry.get("connector") or {})
        if connector.get("type") == "file" and not is_url(str(connector.get("location", ""))):
            connector["location"] = resolve(self.catalogue, str(connector.get("location", "")))
        address = connector.get("url") or connector.get("location") or ""
        self.address.setFilePath(str(address))
        if connector.get("authcfg"):
            self.auth.setConfigId(connector["authcfg"])
        offer = Offer(entry["id"], entry.get("title_en") or entry["id"], connector, self.tr("as saved"))
        self.show_detection(Detection(connector.get("type", "file"), str(address), (offer,)), keep_spec=True)
        for box, key in ((self.encoding, "encoding"), (self.delimiter, "delimiter")):
            if connector.get(key):
                index = box.findData(connector[key])
                box.setCurrentIndex(index) if index >= 0 else box.setEditText(connector[key])
        self.source_id.setText(entry["id"])
        self.source_id.setReadOnly(True)
        self.title_en.setText(entry.get("title_en", ""))
        self.title_fr.setText(entry.get("title_fr", ""))
        self.publisher.setText(entry.get("publisher", ""))
        self.licence.setEditText(entry.get("licence", ""))
        self.order.setCurrentIndex(max(self.order.findData(entry.get("order_of_government", "")), 0))
        self.set_jurisdiction(entry.get("jurisdiction", ""))
        self.refresh.setCurrentIndex(max(self.refresh.findData(entry.get("refresh", "")), 0))
        self.remove_button.setEnabled(not is_url(self.catalogue))

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Remove source"), question, QMessageBox.Yes | QMessageBox.No,
                                      QMessageBox.No)  # fmt: skip
        return answer == QMessageBox.Yes

    def remove_source(self) -> None:
        source_id = self.entry["id"]
        store = GeoPackageStore(self.store_path)
        try:
            count = store.count(source_id)
        except CrsServicePointsError:
            count = 0
        question = self.tr("Remove '{}' from the catalogue and delete its {} points from the store?").format(
            self.entry.get("title_en") or source_id, count)  # fmt: skip
        if not self.confirm(question):
            return
        try:
            catalogue = self.local_catalogue()
            remove_entry(catalogue, source_id)
            removed = store.remove_source(source_id).removed if Path(self.store_path).exists() else 0
        except CrsServicePointsError as exc:
            self.error(str(exc))
            return
        self.removed.emit(source_id, str(catalogue), removed)
        self.accept()


def _copy(spec: dict) -> dict:
    return copy.deepcopy(spec)


def _first_record(raw: RawTable) -> RawTable:
    return RawTable({k: v[:1] for k, v in raw.columns.items()}, None if raw.x is None else raw.x[:1],
                    None if raw.y is None else raw.y[:1], crs=raw.crs)  # fmt: skip
