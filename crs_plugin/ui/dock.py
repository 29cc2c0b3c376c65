"""The Service Points dock: browse and load the catalogue's sources, filter, analyse, contribute.

Every action runs the plugin's Processing algorithms (in a QgsTask when it may
take time), so the dock, the toolbox, models and ``qgis_process`` share one
implementation. Errors go to the message bar and the log, never to a traceback.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsMessageLog,
    QgsProcessingUtils,
    QgsProject,
    QgsProviderRegistry,
    QgsTask,
    QgsVectorLayer,
)
from qgis.gui import (
    QgsAuthConfigSelect,
    QgsCheckableComboBox,
    QgsDockWidget,
    QgsFileWidget,
    QgsFilterLineEdit,
    QgsMapLayerComboBox,
    QgsProviderConnectionComboBox,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QPixmap
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.catalogue import load_catalogue
from ..core.errors import CrsServicePointsError
from ..core.filters import ServiceFilter
from ..core.http import is_url
from ..core.i18n import translatable
from ..core.partnerships import (
    PARTNERSHIP_FIELDS,
    PARTNERSHIP_STATUSES,
    PARTNERSHIP_TYPES,
    PARTNERSHIPS_TABLE,
    point_list,
    read_partnerships,
    write_partnerships,
)
from ..core.regions import boundary_collection
from ..core.schema import (
    CHANNELS,
    FIELDS,
    JURISDICTIONS,
    ORDERS_OF_GOVERNMENT,
    POINT_TYPES,
    PROVINCES,
    REGIONAL_CHANNELS,
    SERVICES,
    STORAGE_CRS,
)
from ..core.source_wizard import read_entry
from ..core.store import LOADS_LAYER, POINTS_LAYER, GeoPackageStore
from ..processing.layer_arrays import read_layer
from ..toolbelt.log import LOG_TAG
from ..toolbelt.network import qgis_http_client
from ..toolbelt.qgis_compat import POLYGON_OR_POINT_LAYERS
from ..toolbelt.regions_layer import service_regions_layer
from ..toolbelt.settings import SETTINGS_SIGNALS, Settings
from ..toolbelt.signing_keys import create_signing_key, public_key
from ..toolbelt.styles import style_fill, style_planned_sites
from ..toolbelt.translation import language
from .add_source_dialog import AddSourceDialog
from .forms import configure_form, present_service_points
from .review_dialog import ReviewDialog, conflicts_from_layer
from .tasks import run_algorithm_task, run_function_task

GROUP_NAME = "CRS Service Points"
ANALYSES = (
    ("crs:nearestservice", translatable("Nearest service")),
    ("crs:coverage", translatable("Population covered")),
    ("crs:servicegaps", translatable("Service gaps")),
    ("crs:accessibility", translatable("Accessibility (2SFCA)")),
    ("crs:colocationcandidates", translatable("Co-location candidates")),
    ("crs:colocationplanner", translatable("Co-location planner (all options)")),
    ("crs:servicestandard", translatable("Service standards")),
)
#: The Plan section's objectives, in crs:colocationplanner's order.
PLAN_OBJECTIVES = (
    translatable("Most people within reach"),
    translatable("Shortest mean distance"),
    translatable("Fewest sites for a target"),
)


class ServicePointsDock(QgsDockWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("CRS Service Points"))
        self.setObjectName("CrsServicePointsDock")
        self.iface = iface
        self.settings = Settings()
        self.lang = language()
        self.catalogue = None
        self.points_layer: QgsVectorLayer | None = None
        self.checkout_layer: QgsVectorLayer | None = None
        self.checkout_partnerships: QgsVectorLayer | None = None
        self.partnerships_layer: QgsVectorLayer | None = None
        #: The service regions of the loaded call centres and digital services (outlines, not pins).
        self.regions_layer: QgsVectorLayer | None = None
        self._regional_points = None  # their rows of the store (PointTable), read when the points load
        self._boundaries: tuple[tuple, dict | None] = ((), None)  # (census layer, subset) -> its boundaries
        tabs = QTabWidget()
        tabs.addTab(self._sources_tab(), self.tr("Sources"))
        tabs.addTab(self._analyse_tab(), self.tr("Analyse"))
        tabs.addTab(self._contribute_tab(), self.tr("Contribute"))
        self.tabs = tabs
        self.setWidget(tabs)
        self.reload_catalogue()
        SETTINGS_SIGNALS.changed.connect(self.settings_changed)

    def settings_changed(self) -> None:
        """Options saved: a new catalogue or cache folder is read at once; new thresholds reach the
        dialogs opened from here (read when one opens) and the Plan section."""
        self.settings = Settings()
        self.plan_distance.setValue(max(self.settings.thresholds_km))
        if (self.settings.catalogue, self.settings.store_path) != self._catalogue_shown:
            self.reload_catalogue()

    def unload(self) -> None:
        """Disconnect from the plugin's settings signals (the plugin is unloading)."""
        try:
            SETTINGS_SIGNALS.changed.disconnect(self.settings_changed)
        except TypeError:  # not connected
            pass

    # -- sources ---------------------------------------------------------------------------
    def _sources_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.search = QgsFilterLineEdit()
        self.search.setPlaceholderText(self.tr("Search sources…"))
        self.search.textChanged.connect(self.apply_search)
        layout.addWidget(self.search)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Source"), self.tr("Publisher"), self.tr("Licence"),
                                   self.tr("Last fetched"), self.tr("Points")])  # fmt: skip
        # A 400-pixel dock shows the source and its points; publisher, licence and last fetch are in
        # the details below (and the tooltip) for the selected source.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeToContents)
        for column in (1, 2, 3):
            self.tree.setColumnHidden(column, True)
        self.tree.currentItemChanged.connect(self.show_source_details)
        layout.addWidget(self.tree)
        self.source_details = QLabel()
        self.source_details.setObjectName("source_details")
        self.source_details.setWordWrap(True)
        layout.addWidget(self.source_details)
        sources = QHBoxLayout()
        self.add_source_button = QPushButton(self.tr("Add source…"))
        self.add_source_button.setToolTip(self.tr("Add a source from its address (file, ArcGIS REST, OGC API, WFS, "
                                                  "CKAN), without writing JSON"))  # fmt: skip
        self.add_source_button.clicked.connect(self.open_add_source)
        self.edit_source_button = QPushButton(self.tr("Edit or remove…"))
        self.edit_source_button.setEnabled(False)
        self.edit_source_button.clicked.connect(self.open_edit_source)
        sources.addWidget(self.add_source_button)
        sources.addWidget(self.edit_source_button)
        sources.addStretch(1)
        layout.addLayout(sources)
        self.source_dialog = None
        self.load_button = QPushButton(self.tr("Load / refresh checked sources"))
        self.load_button.clicked.connect(self.load_checked)
        layout.addWidget(self.load_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        filters = QGroupBox(self.tr("Filter loaded points"))
        form = QFormLayout(filters)
        self.filter_boxes = {}
        # Two meanings of "jurisdiction": who operates a point, and where it stands (its province).
        for key, label, choices in (("orders", self.tr("Order of government"), ORDERS_OF_GOVERNMENT),
                                    ("jurisdictions", self.tr("Operated by"), JURISDICTIONS),
                                    ("located_in", self.tr("Located in"), PROVINCES),
                                    ("channels", self.tr("Channel"), CHANNELS),
                                    ("point_types", self.tr("Point type"), POINT_TYPES),
                                    ("services", self.tr("Service"), SERVICES)):  # fmt: skip
            box = QgsCheckableComboBox()
            box.setObjectName(f"filter_{key}")
            for choice in choices:
                box.addItemWithCheckState(choice.label(self.lang), Qt.Unchecked, choice.code)
            # The model's signal also covers check states set from code (checkedItemsChanged does not, in 3.22).
            box.model().dataChanged.connect(self.apply_filters)
            form.addRow(label, box)
            self.filter_boxes[key] = box
        layout.addWidget(filters)
        layout.addWidget(self._partnerships_box())
        return page

    def _partnerships_box(self) -> QGroupBox:
        """The partnerships of the point selected on the map, and a form to edit them."""
        box = QGroupBox(self.tr("Partnerships of the selected point"))
        layout = QVBoxLayout(box)
        self.partnership_table = QTableWidget(0, 4)
        self.partnership_table.setObjectName("partnership_table")
        self.partnership_table.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("Partners"), self.tr("Status"), self.tr("Summary")]
        )
        # Four columns that share the dock's width (a 400-pixel dock); the tooltip gives whole texts.
        self.partnership_table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        layout.addWidget(self.partnership_table)
        self.edit_partnerships_button = QPushButton(self.tr("Edit partnerships"))
        self.edit_partnerships_button.clicked.connect(self.edit_partnerships)
        layout.addWidget(self.edit_partnerships_button)
        return box

    def _store_path(self) -> str | None:
        if self.points_layer is None or self.points_layer.providerType() != "ogr":
            return None
        return QgsProviderRegistry.instance().decodeUri("ogr", self.points_layer.source()).get("path") or None

    def show_partnerships(self, *_args) -> None:
        """List the partnerships that involve the selected service point(s)."""
        self.partnership_table.setRowCount(0)
        path = self._store_path()
        if path is None or self.points_layer is None:
            return
        selected = {str(f["point_id"]) for f in self.points_layer.getSelectedFeatures()}
        rows = [r for r in read_partnerships(path) if selected & set(point_list(r.get("point_ids")))]
        labels = {c.code: c.label(self.lang) for c in (*PARTNERSHIP_TYPES, *PARTNERSHIP_STATUSES)}
        for row in rows:
            r = self.partnership_table.rowCount()
            self.partnership_table.insertRow(r)
            summary = (
                row.get("summary_fr" if self.lang == "fr" else "summary_en") or row.get("summary_en") or ""
            )
            for c, text in enumerate((labels.get(row.get("partnership_type"), ""), row.get("partners") or "",
                                      labels.get(row.get("status"), ""), summary)):  # fmt: skip
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.partnership_table.setItem(r, c, cell)

    def edit_partnerships(self) -> QgsVectorLayer | None:
        """Open the store's partnerships table with its form (created if missing), in edit mode."""
        path = self._store_path()
        if path is None:
            self.report(self.tr("Partnerships"), self.tr("Load the service points first."))
            return None
        if not read_partnerships(path):
            write_partnerships(path, [])
        layer = QgsVectorLayer(f"{path}|layername={PARTNERSHIPS_TABLE}", self.tr("Partnerships"), "ogr")
        configure_form(layer, self.lang, PARTNERSHIP_FIELDS)
        project = QgsProject.instance()
        project.addMapLayer(layer, False)
        root = project.layerTreeRoot()
        (root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)).addLayer(layer)
        layer.committedFeaturesAdded.connect(self.show_partnerships)
        layer.committedAttributeValuesChanges.connect(self.show_partnerships)
        layer.startEditing()
        if self.iface is not None:
            self.iface.showAttributeTable(layer)
        self.partnerships_layer = layer
        return layer

    def reload_catalogue(self) -> None:
        location = self.settings.catalogue
        # Settings are read live from QgsSettings: remember what is shown, to see when Options change it.
        self._catalogue_shown = (location, self.settings.store_path)
        if not is_url(location):
            try:
                catalogue = load_catalogue(location)
            except CrsServicePointsError as exc:
                catalogue = exc
            self._show_catalogue(catalogue)
            return

        # A shared catalogue comes over the network: read it off the interface thread.
        def fetch(_task):
            return load_catalogue(location, qgis_http_client(timeout_s=10, retries=1))

        def done(exception, catalogue=None):
            self._show_catalogue(catalogue if exception is None else exception)

        self.catalogue_task = QgsTask.fromFunction(
            self.tr("Reading the source catalogue"), fetch, on_finished=done
        )
        QgsApplication.taskManager().addTask(self.catalogue_task)

    def _show_catalogue(self, catalogue) -> None:
        """Fill the tree from a catalogue, or report why there is none (an exception)."""
        checked = {i.data(0, Qt.UserRole): i.checkState(0) for i in self.source_items()}
        selected = self.selected_source()
        self.tree.clear()
        if isinstance(catalogue, Exception):
            self.catalogue = None
            detail = str(catalogue) if isinstance(catalogue, CrsServicePointsError) else repr(catalogue)
            self.report(self.tr("The source catalogue cannot be used"), detail + " " +
                        self.tr("Fix it or choose another one in Settings › Options › CRS Service Points."))  # fmt: skip
            return
        self.catalogue = catalogue
        loads = self._last_loads()
        orders = {c.code: c.label(self.lang) for c in ORDERS_OF_GOVERNMENT}
        jurisdictions = {c.code: c.label(self.lang) for c in JURISDICTIONS}
        groups: dict = {}
        for entry in self.catalogue.entries:
            order = groups.get(entry.order_of_government)
            if order is None:
                order = QTreeWidgetItem(
                    self.tree, [orders.get(entry.order_of_government, entry.order_of_government)]
                )
                order.setExpanded(True)
                groups[entry.order_of_government] = order
            key = (entry.order_of_government, entry.jurisdiction)
            place = groups.get(key)
            if place is None:
                place = QTreeWidgetItem(order, [jurisdictions.get(entry.jurisdiction, entry.jurisdiction)])
                place.setExpanded(True)
                groups[key] = place
            fetched, count = loads.get(entry.id, ("", ""))
            item = QTreeWidgetItem(place, [entry.title(self.lang), entry.publisher, entry.licence,
                                           fetched[:16].replace("T", " "), str(count)])  # fmt: skip
            item.setData(0, Qt.UserRole, entry.id)
            item.setCheckState(0, checked.get(entry.id, Qt.Checked))
            item.setToolTip(0, self._details_text(item, entry.id))
            self._set_status(item, "loaded" if entry.id in loads else None)
            if entry.id == selected:  # the selection survives a refresh (after a load or an edit)
                self.tree.setCurrentItem(item)

    def _details_text(self, item: QTreeWidgetItem, source_id: str) -> str:
        return self.tr("{} — publisher: {}; licence: {}; last fetched: {}").format(
            source_id, item.text(1) or "—", item.text(2) or "—", item.text(3) or self.tr("never")
        )

    def show_source_details(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        """The selected source's publisher, licence and last fetch (columns a narrow dock hides)."""
        source_id = item.data(0, Qt.UserRole) if item is not None else None
        self.source_details.setText(self._details_text(item, source_id) if source_id else "")
        self.edit_source_button.setEnabled(bool(self.selected_source()))

    def _set_status(self, item: QTreeWidgetItem, status: str | None) -> None:
        icons = {"loaded": "/mIconSuccess.svg", "failed": "/mIconWarning.svg"}
        item.setIcon(
            0, QgsApplication.getThemeIcon(icons[status]) if status else QgsApplication.getThemeIcon("")
        )
        item.setData(1, Qt.UserRole, status)

    def _last_loads(self) -> dict[str, tuple[str, int]]:
        """source id -> (fetched at, points) of its latest load in the store."""
        path = self.settings.store_path
        if not Path(path).exists():
            return {}
        query = f"SELECT source_id, fetched_at, record_count FROM {LOADS_LAYER} ORDER BY fid"  # noqa: S608 - fixed
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
                return {sid: (at or "", n) for sid, at, n in db.execute(query)}
        except sqlite3.Error:
            return {}

    def source_items(self) -> list[QTreeWidgetItem]:
        items = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item.data(0, Qt.UserRole):
                items.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return items

    def apply_search(self, text: str) -> None:
        needle = text.strip().lower()
        for item in self.source_items():
            haystack = " ".join(item.text(c) for c in range(3)) + " " + item.data(0, Qt.UserRole)
            item.setHidden(bool(needle) and needle not in haystack.lower())

    def load_checked(self) -> None:
        ids = [
            i.data(0, Qt.UserRole)
            for i in self.source_items()
            if i.checkState(0) == Qt.Checked and not i.isHidden()
        ]
        if not ids:
            self.report(self.tr("Nothing to load"), self.tr("Check at least one source."), Qgis.Info)
            return
        self.load_sources(ids)

    def load_sources(self, ids: list[str], catalogue: str | None = None) -> None:
        """crs:loadsources on ``ids`` of the catalogue in use (or of ``catalogue``), in a background task."""
        Path(self.settings.cache_folder).mkdir(parents=True, exist_ok=True)
        params = {
            "CATALOGUE": catalogue or self.settings.catalogue,
            "SOURCE_IDS": ",".join(ids),
            "OUTPUT": self.settings.store_path,
        }
        self.load_button.setEnabled(False)
        self.status.setText(self.tr("Loading {} sources…").format(len(ids)))
        refreshed = set(ids) & set(self._last_loads())  # sources the store already held
        self.load_task = run_algorithm_task("crs:loadsources", params,
                                            lambda ok, r, f: self._loaded(ok, r, f, ids, refreshed),
                                            self.tr("Loading service point sources"))  # fmt: skip

    def _loaded(
        self, ok: bool, results: dict, feedback, ids: list[str], refreshed: set = frozenset()
    ) -> None:
        self.load_button.setEnabled(True)
        if not ok:
            message = feedback.errors[-1] if feedback.errors else self.tr("Loading failed or was cancelled.")
            self.status.setText(message)
            self.report(self.tr("No source could be loaded"), message)
            return
        failed = [s for s in (results.get("FAILED_SOURCES") or "").split(",") if s]
        self.show_points(self.settings.store_path)
        self.reload_catalogue()
        for item in self.source_items():
            if item.data(0, Qt.UserRole) in failed:
                self._set_status(item, "failed")
        loaded, sources = int(results.get("POINTS_LOADED") or 0), int(results.get("SOURCES_LOADED") or 0)
        summary = (self.tr("{} points loaded from 1 source.").format(loaded) if sources == 1
                   else self.tr("{} points loaded from {} sources.").format(loaded, sources))  # fmt: skip
        if refreshed:  # on a first load nothing was there to change
            summary = summary[:-1] + self.tr("; {} changed since last refresh.").format(
                int(results.get("POINTS_CHANGED") or 0))  # fmt: skip
        if failed:
            summary += " " + self.tr("Failed: {} (their previous points are kept; see the log).").format(
                ", ".join(failed)
            )
            for error in feedback.errors:
                QgsMessageLog.logMessage(error, LOG_TAG, Qgis.Warning)
        self.status.setText(summary)
        self.iface.messageBar().pushMessage(LOG_TAG, summary, Qgis.Warning if failed else Qgis.Success, 8)

    # -- adding, editing and removing sources -------------------------------------------------------
    def selected_source(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.UserRole) if item is not None else None

    def _dialog(self, entry: dict | None = None, mapping: dict | None = None) -> AddSourceDialog:
        dialog = AddSourceDialog(self.settings.catalogue, self.settings.store_path, self.settings.cache_folder,
                                 entry, mapping, parent=self)  # fmt: skip
        dialog.saved.connect(self._source_saved)
        dialog.removed.connect(self._source_removed)
        self.source_dialog = dialog
        dialog.open()
        return dialog

    def open_add_source(self) -> AddSourceDialog:
        return self._dialog()

    def open_edit_source(self) -> None:
        """The same dialog on the selected source's saved entry (read in the background for a shared catalogue)."""
        source_id = self.selected_source()
        if not source_id:
            return
        location = self.settings.catalogue

        def opened(exception, found=None):
            if exception is not None:
                self.report(self.tr("The source cannot be edited"), str(exception))
                return
            self._dialog(*found)

        if not is_url(location):
            try:
                found = read_entry(location, source_id)
            except CrsServicePointsError as exc:
                opened(exc)
                return
            opened(None, found)
            return
        client = qgis_http_client(timeout_s=10, retries=1)
        self.entry_task = run_function_task(self.tr("Reading a source's entry"),
                                            lambda: read_entry(location, source_id, client), opened)  # fmt: skip

    def _use_catalogue(self, catalogue: str) -> None:
        """The panel now uses ``catalogue`` (a copy of the sample the first time a source is added)."""
        if catalogue and catalogue != self.settings.catalogue:
            self.settings.catalogue = catalogue
            self.iface.messageBar().pushMessage(
                LOG_TAG, self.tr("Your sources are kept in {} (Settings › Options › CRS Service Points).").format(
                    catalogue), Qgis.Info, 8)  # fmt: skip

    def _source_saved(self, source_id: str, load_from: str, catalogue: str) -> None:
        """Saved from the dialog: show it in the catalogue and load it at once (the usual change report)."""
        self._use_catalogue(catalogue)
        self.reload_catalogue()
        self.load_sources([source_id], catalogue=load_from)

    def _source_removed(self, source_id: str, catalogue: str, points: int) -> None:
        self._use_catalogue(catalogue)
        self.reload_catalogue()
        if (
            self.points_layer is not None
            and QgsProject.instance().mapLayer(self.points_layer.id()) is not None
        ):
            self.show_points(self.settings.store_path)
        message = self.tr("Source {} removed; {} of its points deleted from the store.").format(
            source_id, points
        )
        self.status.setText(message)
        self.iface.messageBar().pushMessage(LOG_TAG, message, Qgis.Success, 8)

    def show_points(self, store_path: str) -> QgsVectorLayer:
        """Add the store's layer to the plugin's group (or refresh it), styled, with the filters applied."""
        project = QgsProject.instance()
        self._read_regional_points(store_path)
        if self.points_layer is not None and project.mapLayer(self.points_layer.id()) is not None:
            self.points_layer.dataProvider().reloadData()
            self.points_layer.triggerRepaint()
            self.apply_filters()
            return self.points_layer
        layer = QgsVectorLayer(f"{store_path}|layername={POINTS_LAYER}", self.tr("Service points"), "ogr")
        present_service_points(layer, self.lang)
        project.addMapLayer(layer, False)
        root = project.layerTreeRoot()
        group = root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)
        group.addLayer(layer)
        self.points_layer = layer
        layer.selectionChanged.connect(self.show_partnerships)
        self.apply_filters()
        return layer

    def _read_regional_points(self, store_path: str) -> None:
        """The store's call centres and digital services, kept to draw their regions (they have no pin)."""
        try:
            points = GeoPackageStore(store_path).read_points()
        except CrsServicePointsError as exc:
            QgsMessageLog.logMessage(str(exc), LOG_TAG, Qgis.Warning)
            self._regional_points = None
            return
        regional = np.isin(points.columns["channel"].astype(str), sorted(REGIONAL_CHANNELS))
        self._regional_points = points.take(np.flatnonzero(regional))

    def region_boundaries(self) -> dict | None:
        """Outlines of provinces/territories (PRUID) and census subdivisions (CSDUID) from the census layer
        chosen in Analyse, for the regions listed by code; None without one (only drawn polygons show)."""
        census = self.census.currentLayer()
        if not isinstance(census, QgsVectorLayer):
            return None
        key = (census.id(), census.subsetString())
        if self._boundaries[0] == key:
            return self._boundaries[1]
        names = census.fields().names()
        features = []
        for field in ("PRUID", "CSDUID"):
            if field in names:
                arrays = read_layer(census, [field], QgsCoordinateReferenceSystem(STORAGE_CRS),
                                    QgsProject.instance().transformContext())  # fmt: skip
                polygons = np.isin(
                    shapely.get_type_id(arrays.geometries), (3, 6)
                )  # not a layer of census points
                if polygons.any():
                    features += boundary_collection(arrays.geometries[polygons],
                                                    np.asarray(arrays.attributes[field], dtype=object)[polygons])["features"]  # fmt: skip
        boundaries = {"type": "FeatureCollection", "features": features} if features else None
        self._boundaries = (key, boundaries)
        return boundaries

    def show_regions(self, *_args) -> QgsVectorLayer | None:
        """The regions of the loaded call centres and digital services that pass the panel's filters, as
        outlines in the panel's group (updated in place, or removed when there are none)."""
        project = QgsProject.instance()
        if self.regions_layer is not None and project.mapLayer(self.regions_layer.id()) is None:
            self.regions_layer = None  # the user removed it
        points = self._regional_points
        if points is not None and len(points):
            points = points.take(np.flatnonzero(self.current_filter().mask(points.columns, len(points))))
        fresh = None
        if points is not None and len(points):
            try:
                boundaries = self.region_boundaries()
            except Exception as exc:  # noqa: BLE001 - a census layer that cannot be read: drawn polygons only
                QgsMessageLog.logMessage(f"{self.tr('Service regions')}: {exc}", LOG_TAG, Qgis.Warning)
                boundaries = None
            fresh = service_regions_layer(points, boundaries, self.tr("Service regions (call centres, online)"),
                                          self.lang)  # fmt: skip
        if fresh is None or fresh.featureCount() == 0:
            if self.regions_layer is not None:
                project.removeMapLayer(self.regions_layer.id())
                self.regions_layer = None
            return None
        if self.regions_layer is not None:  # the same layer (the user's changes to it stay), new outlines
            provider = self.regions_layer.dataProvider()
            provider.truncate()
            provider.addFeatures(list(fresh.getFeatures()))
            self.regions_layer.updateExtents()
            self.regions_layer.triggerRepaint()
            return self.regions_layer
        project.addMapLayer(fresh, False)
        root = project.layerTreeRoot()
        (root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)).addLayer(fresh)  # under the points
        self.regions_layer = fresh
        return fresh

    def current_filter(self) -> ServiceFilter:
        return ServiceFilter(**{key: tuple(box.checkedItemsData()) for key, box in self.filter_boxes.items()})

    def apply_filters(self, *_args) -> None:
        if self.points_layer is None or QgsProject.instance().mapLayer(self.points_layer.id()) is None:
            return
        self.points_layer.setSubsetString(self.current_filter().expression())
        self.show_regions()

    # -- analyse ---------------------------------------------------------------------------
    def _analyse_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.census = QgsMapLayerComboBox()
        self.census.setFilters(POLYGON_OR_POINT_LAYERS)
        self.census.setAllowEmptyLayer(True)
        self.census.layerChanged.connect(self.show_regions)  # its boundaries outline the service regions
        form.addRow(self.tr("Census population layer"), self.census)
        layout.addLayout(form)
        self.analysis_buttons = {}
        for algorithm_id, label in ANALYSES:
            button = QPushButton(self.tr(label) + "…")  # i18n: marked
            button.clicked.connect(lambda _=False, a=algorithm_id: self.open_analysis(a))
            layout.addWidget(button)
            self.analysis_buttons[algorithm_id] = button
        layout.addWidget(self._plan_section())
        layout.addWidget(self._report_group())
        layout.addStretch(1)
        return page

    # -- plan ------------------------------------------------------------------------------
    def _plan_section(self) -> QGroupBox:
        """Which partner sites to add to the federal in-person network: crs:colocationplanner
        on the loaded points and census layer, with its coverage curve."""
        box = QGroupBox(self.tr("Plan: which partner sites to add"))
        box.setToolTip(self.tr("Federal in-person points stay open; the in-person points of other governments "
                               "are the candidate sites. Every option is in the Co-location planner dialog."))  # fmt: skip
        layout = QVBoxLayout(box)
        form = QFormLayout()
        self.plan_objective = QComboBox()
        for index, label in enumerate(PLAN_OBJECTIVES):
            self.plan_objective.addItem(self.tr(label), index)  # i18n: marked
        form.addRow(self.tr("Objective"), self.plan_objective)
        self.plan_sites = QSpinBox()
        self.plan_sites.setRange(1, 500)
        self.plan_sites.setValue(5)
        form.addRow(self.tr("Sites to add"), self.plan_sites)
        self.plan_target = QDoubleSpinBox()
        self.plan_target.setRange(1.0, 100.0)
        self.plan_target.setValue(90.0)
        self.plan_target.setSuffix(" %")
        form.addRow(self.tr("Coverage target"), self.plan_target)
        self.plan_distance = QDoubleSpinBox()
        self.plan_distance.setRange(0.1, 2000.0)
        self.plan_distance.setValue(max(self.settings.thresholds_km))
        self.plan_distance.setSuffix(" km")
        form.addRow(self.tr("Within"), self.plan_distance)
        self.plan_solver = QComboBox()
        self.plan_solver.addItem(self.tr("Greedy (fast)"), 0)
        self.plan_solver.addItem(self.tr("Exact (HiGHS)"), 1)
        form.addRow(self.tr("Solver"), self.plan_solver)
        layout.addLayout(form)
        self.plan_button = QPushButton(self.tr("Plan"))
        self.plan_button.clicked.connect(self.run_plan)
        layout.addWidget(self.plan_button)
        self.plan_status = QLabel()
        self.plan_status.setWordWrap(True)
        layout.addWidget(self.plan_status)
        self.plan_chart = QLabel()
        self.plan_chart.setAlignment(Qt.AlignCenter)
        layout.addWidget(self.plan_chart)
        self.plan_curve = QTableWidget(0, 3)
        self.plan_curve.setHorizontalHeaderLabels(
            [self.tr("Sites"), self.tr("Site added"), self.tr("Result")]
        )
        header = self.plan_curve.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.plan_curve.verticalHeader().hide()
        self.plan_curve.setEditTriggers(QTableWidget.NoEditTriggers)
        layout.addWidget(self.plan_curve)
        return box

    def run_plan(self) -> None:
        census = self.census.currentLayer()
        if (
            self.points_layer is None
            or QgsProject.instance().mapLayer(self.points_layer.id()) is None
            or census is None
        ):
            self.report(self.tr("Plan"), self.tr("Load service points (Sources) and choose a census population layer."),
                        Qgis.Info)  # fmt: skip
            return
        # Every loaded point, whatever the panel's view filter: the network and the candidates are chosen here.
        points = QgsVectorLayer(self.points_layer.source().split("|subset=")[0], "points", "ogr")
        outputs = {name: QgsProcessingUtils.generateTempFilename(f"crs_plan_{name.lower()}.gpkg")
                   for name in ("OUTPUT", "CURVE", "UNCOVERED")}  # fmt: skip
        chart = QgsProcessingUtils.generateTempFilename("crs_plan_curve.png")
        params = {"INPUT": census, "SERVICE_POINTS": points, "OBJECTIVE": self.plan_objective.currentData(),
                  "SITES": self.plan_sites.value(), "TARGET_PERCENT": self.plan_target.value(),
                  "DISTANCE": self.plan_distance.value() * 1000.0, "SOLVER": self.plan_solver.currentData(),
                  "CHART": chart, **outputs}  # fmt: skip
        self.plan_button.setEnabled(False)
        self.plan_status.setText(self.tr("Planning…"))
        self._plan_points = points  # the task reads it: keep it alive
        self.plan_task = run_algorithm_task("crs:colocationplanner", params,
                                            lambda ok, r, f: self._planned(ok, r, f, outputs, chart),
                                            self.tr("Planning co-location sites"))  # fmt: skip

    def _planned(self, ok: bool, results: dict, feedback, outputs: dict, chart: str) -> None:
        self.plan_button.setEnabled(True)
        if not ok:
            message = feedback.errors[-1] if feedback.errors else self.tr("The plan failed or was cancelled.")
            self.plan_status.setText(message)
            self.report(self.tr("Plan"), message)
            return
        headline = results.get("HEADLINE") or ""
        self.plan_status.setText(headline)
        pixmap = QPixmap(chart) if Path(chart).exists() else QPixmap()
        if not pixmap.isNull():
            self.plan_chart.setPixmap(pixmap.scaledToWidth(max(240, self.plan_chart.width() or 360),
                                                           Qt.SmoothTransformation))  # fmt: skip
        else:
            self.plan_chart.clear()
        self._show_curve(outputs["CURVE"])
        project = QgsProject.instance()
        root = project.layerTreeRoot()
        group = root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)
        for key, title, style in (("UNCOVERED", self.tr("Areas still uncovered"), lambda lyr: style_fill(lyr, "#d9843b", 0.75)),
                                  ("OUTPUT", self.tr("Sites to add"), style_planned_sites)):  # fmt: skip
            layer = QgsVectorLayer(outputs[key], title, "ogr")
            if layer.isValid():
                style(layer)
                project.addMapLayer(layer, False)
                group.insertLayer(0, layer)
        self.iface.messageBar().pushMessage(LOG_TAG, headline, Qgis.Success, 8)

    def _show_curve(self, path: str) -> None:
        """The coverage curve as rows: sites added, the site, people within reach (or mean distance)."""
        layer = QgsVectorLayer(path, "curve", "ogr")
        names = layer.fields().names() if layer.isValid() else []
        value = next((n for n in names if n.startswith("mean_")), "share_within")
        rows = (
            [(f["sites_added"], f["name"], f[value]) for f in layer.getFeatures()] if layer.isValid() else []
        )
        self.plan_curve.setRowCount(len(rows))
        for r, (k, name, result) in enumerate(rows):
            text = (
                f"{100 * result:.1f} %"
                if value == "share_within"
                else f"{result:.1f} {value.rsplit('_', 1)[-1]}"
            )
            if self.lang == "fr":
                text = text.replace(".", ",")
            for c, shown in enumerate((str(k), "" if name is None else str(name), text)):
                self.plan_curve.setItem(r, c, QTableWidgetItem(shown))

    # -- report ----------------------------------------------------------------------------
    def _report_group(self) -> QGroupBox:
        """The working group's PDF (crs:report) on the loaded points and the census layer, in a task."""
        group = QGroupBox(self.tr("Report for the working group (PDF)"))
        form = QFormLayout(group)
        self.report_language = QComboBox()
        self.report_language.addItem("English", 0)
        self.report_language.addItem("Français", 1)
        self.report_language.setCurrentIndex(1 if self.lang == "fr" else 0)
        form.addRow(self.tr("Language"), self.report_language)
        self.report_file = QgsFileWidget()
        self.report_file.setStorageMode(QgsFileWidget.SaveFile)
        self.report_file.setFilter(self.tr("PDF files (*.pdf)"))
        form.addRow(self.tr("PDF file"), self.report_file)
        self.report_in_store = QCheckBox(
            self.tr("Also save the outputs and the report in the store as a QGIS project")
        )
        self.report_in_store.setChecked(True)
        form.addRow(self.report_in_store)
        self.report_button = QPushButton(self.tr("Make the report"))
        self.report_button.clicked.connect(self.make_report)
        form.addRow(self.report_button)
        self.report_status = QLabel()
        self.report_status.setWordWrap(True)
        form.addRow(self.report_status)
        return group

    def report_parameters(self) -> dict | None:
        """crs:report's parameters from the panel, or None (and a message) when something is missing."""
        census = self.census.currentLayer()
        if census is None or self.points_layer is None:
            self.report(self.tr("Report"), self.tr("Load the service points and choose the census population layer "
                                                   "first."), Qgis.Info)  # fmt: skip
            return None
        path = self.report_file.filePath()
        if not path:
            self.report(self.tr("Report"), self.tr("Choose where to write the PDF."), Qgis.Info)
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        params = {"INPUT": census, "SERVICE_POINTS": self.points_layer, "LANGUAGE": self.report_language.currentData(),
                  "OUTPUT": path}  # fmt: skip
        if self.report_in_store.isChecked():
            params["PROJECT_GEOPACKAGE"] = self.settings.store_path
        return params

    def make_report(self) -> None:
        params = self.report_parameters()
        if params is None:
            return
        self.report_button.setEnabled(False)
        self.report_status.setText(self.tr("Making the report… (progress and Cancel in QGIS's task manager)"))
        self.report_task = run_algorithm_task("crs:report", params, self._report_made,
                                              self.tr("Making the working group's report"))  # fmt: skip

    def _report_made(self, ok: bool, results: dict, feedback) -> None:
        self.report_button.setEnabled(True)
        if not ok:
            message = (
                feedback.errors[-1] if feedback.errors else self.tr("The report failed or was cancelled.")
            )
            self.report_status.setText(message)
            self.report(self.tr("No report"), message)
            return
        message = self.tr("{} pages written to {}.").format(
            int(results.get("PAGES") or 0), results.get("OUTPUT")
        )
        if results.get("PROJECT"):
            message += " " + self.tr(
                "Project and layouts saved in the store: Project › Open From › GeoPackage."
            )
        self.report_status.setText(message)
        self.iface.messageBar().pushMessage(LOG_TAG, message, Qgis.Success, 10)

    def analysis_parameters(self, algorithm_id: str) -> dict:
        params = {}
        if self.points_layer is not None:
            params["SERVICE_POINTS"] = self.points_layer
        census = self.census.currentLayer()
        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        names = {p.name() for p in algorithm.parameterDefinitions()} if algorithm else set()
        for name in ("AREAS", "POPULATION_AREAS", "INPUT"):
            if census is not None and name in names:
                params[name] = census
        # The default distance thresholds of Settings › Options: every threshold where a dialog takes
        # several, the largest where it takes one distance (metres).
        thresholds = Settings().thresholds_km
        for name, value in (("THRESHOLDS_KM", ", ".join(f"{t:g}" for t in thresholds)),
                            ("THRESHOLD", max(thresholds) * 1000.0), ("RADIUS", max(thresholds) * 1000.0),
                            ("DISTANCE", max(thresholds) * 1000.0)):  # fmt: skip
            if name in names and not (name == "DISTANCE" and algorithm_id == "crs:colocationcandidates"):
                params[name] = value
        return params

    def open_analysis(self, algorithm_id: str):
        import processing  # Processing's GUI helpers, only needed on click

        dialog = processing.createAlgorithmDialog(algorithm_id, self.analysis_parameters(algorithm_id))
        if dialog is not None:
            dialog.show()
        return dialog

    # -- contribute ------------------------------------------------------------------------
    def _contribute_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.connection = QgsProviderConnectionComboBox("postgres")
        self.connection.setAllowEmptyConnection(True)
        # The one in Options, or none (the combo box would otherwise take the first PostgreSQL connection).
        self.connection.setConnection(self.settings.shared_store)
        form.addRow(self.tr("Shared store"), self.connection)
        self.jurisdiction = QComboBox()
        self.jurisdiction.setEditable(True)  # municipalities type their 7-digit code
        for choice in JURISDICTIONS:
            self.jurisdiction.addItem(f"{choice.code} — {choice.label(self.lang)}", choice.code)
        form.addRow(self.tr("My jurisdiction"), self.jurisdiction)
        self.checkout_file = QgsFileWidget()
        self.checkout_file.setStorageMode(QgsFileWidget.SaveFile)
        self.checkout_file.setFilter("GeoPackage (*.gpkg)")
        self.checkout_file.fileChanged.connect(self._checkout_file_chosen)
        form.addRow(self.tr("Checkout file"), self.checkout_file)
        self.contributor = QLineEdit()
        self.contributor.setPlaceholderText(self.tr("Name and e-mail"))
        form.addRow(self.tr("Contributor"), self.contributor)
        # The private key stays in QGIS's authentication database; the settings keep its configuration id.
        self.signing_key = QgsAuthConfigSelect(page)
        self.signing_key.setConfigId(self.settings.signing_key)
        self.signing_key.selectedConfigIdChanged.connect(self._signing_key_chosen)
        form.addRow(self.tr("My signing key"), self.signing_key)
        key_row = QHBoxLayout()
        self.public_key = QLineEdit()
        self.public_key.setReadOnly(True)
        self.public_key.setPlaceholderText(self.tr("Create a key, then send this public key to the DBA"))
        self.create_key_button = QPushButton(self.tr("Create my signing key"))
        self.create_key_button.clicked.connect(self.create_signing_key)
        key_row.addWidget(self.public_key)
        key_row.addWidget(self.create_key_button)
        form.addRow(self.tr("Public key"), key_row)
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder.setToolTip(
            self.tr("Teams without database access: packages go to this shared folder (signed).")
        )
        self.folder.setFilePath(self.settings.shared_folder)
        self.folder.fileChanged.connect(self._shared_folder_chosen)
        form.addRow(self.tr("…or shared folder"), self.folder)
        layout.addLayout(form)
        self._show_public_key()
        buttons = QHBoxLayout()
        self.checkout_button = QPushButton(self.tr("Check out"))
        self.checkout_button.clicked.connect(self.check_out)
        self.validate_button = QPushButton(self.tr("Validate"))
        self.validate_button.clicked.connect(self.validate)
        self.submit_button = QPushButton(self.tr("Build and submit"))
        self.submit_button.clicked.connect(self.build_and_submit)
        for button in (self.checkout_button, self.validate_button, self.submit_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.connection.connectionChanged.connect(self._contribute_mode)
        self._contribute_mode()
        self.problems = QTableWidget(0, 4)
        self.problems.setHorizontalHeaderLabels([self.tr("Severity"), self.tr("Point"), self.tr("Field"),
                                                 self.tr("Problem")])  # fmt: skip
        header = self.problems.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeToContents, QHeaderView.Interactive,
                                       QHeaderView.Interactive, QHeaderView.Stretch)):  # fmt: skip
            header.setSectionResizeMode(column, mode)
        # Narrow enough for a 400-pixel dock; the tooltip gives the whole point id and problem.
        header.resizeSection(1, 80)
        header.resizeSection(2, 80)
        self.problems.verticalHeader().hide()
        self.problems.setWordWrap(True)
        self.problems.setEditTriggers(QTableWidget.NoEditTriggers)
        self.problems.cellClicked.connect(self.zoom_to_problem)
        layout.addWidget(self.problems)
        self.contribute_status = QLabel()
        self.contribute_status.setWordWrap(True)
        layout.addWidget(self.contribute_status)
        layout.addWidget(self._review_group())
        return page

    def _review_group(self) -> QGroupBox:
        """The geomapping team's side: review a submission, decide its conflicts, apply or reject it."""
        group = QGroupBox(self.tr("Review (geomapping team)"))
        form = QFormLayout(group)
        self.submission_number = QLineEdit()
        self.submission_number.setPlaceholderText(self.tr("Submission number"))
        form.addRow(self.tr("Submission"), self.submission_number)
        self.review_package = QgsFileWidget()
        self.review_package.setFilter("Submission package (*.crs.zip)")
        form.addRow(self.tr("…or package"), self.review_package)
        self.reject_reason = QLineEdit()
        self.reject_reason.setPlaceholderText(self.tr("Why (the contributor sees it)"))
        form.addRow(self.tr("Reason for a rejection"), self.reject_reason)
        buttons = QHBoxLayout()
        self.review_button = QPushButton(self.tr("Review"))
        self.review_button.clicked.connect(self.review_submission)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.clicked.connect(lambda: self.apply_submission())
        self.apply_button.setEnabled(False)
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.clicked.connect(self.reject_submission)
        for button in (self.review_button, self.apply_button, self.reject_button):
            buttons.addWidget(button)
        form.addRow(buttons)
        self.review_status = QLabel()
        self.review_status.setWordWrap(True)
        form.addRow(self.review_status)
        self.review_dialog: ReviewDialog | None = None
        return group

    def _jurisdiction_code(self) -> str:
        data = self.jurisdiction.currentData()
        text = self.jurisdiction.currentText().split("—")[0].strip()
        return (
            data
            if data
            and self.jurisdiction.itemText(self.jurisdiction.currentIndex())
            == self.jurisdiction.currentText()
            else text
        )

    def _shared_folder_chosen(self, path: str) -> None:
        self.settings.shared_folder = path or ""

    def _checkout_file_chosen(self, path: str) -> None:
        """A checkout chosen by hand (the one the geomapping team sent, without a shared store) opens for
        editing; a new file name is only where the next checkout goes."""
        if not path or not Path(path).is_file():
            return
        if (
            self.checkout_layer is not None
            and QgsProject.instance().mapLayer(self.checkout_layer.id()) is not None
        ):
            opened = QgsProviderRegistry.instance().decodeUri("ogr", self.checkout_layer.source()).get("path")
            if opened and Path(opened) == Path(path):
                return
        self.open_checkout(path)

    def _contribute_mode(self, *_args) -> None:
        """With a shared store: check out, validate, submit to it. Without one: open the checkout file the
        geomapping team sent, validate, and submit (signed) to the shared folder."""
        connected = bool(self.connection.currentConnection())
        self.checkout_button.setEnabled(connected)
        self.checkout_file.setStorageMode(QgsFileWidget.SaveFile if connected else QgsFileWidget.GetFile)
        self.checkout_button.setToolTip("" if connected else self.tr(
            "No shared store: open the checkout file the geomapping team sent you (Checkout file), then "
            "validate and submit it to the shared folder."))  # fmt: skip

    def check_out(self) -> None:
        connection, path = self.connection.currentConnection(), self.checkout_file.filePath()
        if not connection or not path:
            self.report(
                self.tr("Check out"),
                self.tr("Choose the shared store and where to save the checkout."),
                Qgis.Info,
            )
            return
        params = {"SHARED_STORE": connection, "JURISDICTION": self._jurisdiction_code(), "OUTPUT": path}
        self.checkout_task = run_algorithm_task(
            "crs:checkout", params, self._checked_out, self.tr("Checking out")
        )

    def _checked_out(self, ok, results, feedback) -> None:
        if not self._succeeded(ok, feedback, self.tr("Check out failed")):
            return
        self.open_checkout(results["OUTPUT"])
        self.contribute_status.setText(self.tr("{} points and {} partnerships checked out (base version {}). Edit "
                                               "them, then Validate.").format(int(results["POINTS"]),
                                       int(results["PARTNERSHIPS"]), int(results["BASE_VERSION"])))  # fmt: skip

    def open_checkout(self, path: str) -> QgsVectorLayer:
        self.checkout_file.blockSignals(True)  # the file is being opened: not chosen again
        self.checkout_file.setFilePath(path)
        self.checkout_file.blockSignals(False)
        layer = QgsVectorLayer(
            f"{path}|layername={POINTS_LAYER}", self.tr("My service points (checkout)"), "ogr"
        )
        present_service_points(layer, self.lang)
        QgsProject.instance().addMapLayer(layer)
        self.checkout_layer = layer
        # The partnerships that involve these points travel with them (their form is in the file).
        partnerships = QgsVectorLayer(f"{path}|layername={PARTNERSHIPS_TABLE}", self.tr("My partnerships (checkout)"),
                                      "ogr")  # fmt: skip
        self.checkout_partnerships = partnerships if partnerships.isValid() else None
        if self.checkout_partnerships is not None:
            QgsProject.instance().addMapLayer(partnerships)
        return layer

    def validate(self) -> None:
        path = self.checkout_file.filePath()
        if not path or not Path(path).exists():
            self.report(
                self.tr("Validate"),
                self.tr("Check out your points first (or choose a checkout file)."),
                Qgis.Info,
            )
            return
        # What the user sees is checked, unsaved edits included, and nothing is saved behind their back.
        layer = self.checkout_layer
        edits = layer is not None and layer.isEditable() and layer.isModified()
        points, fids = edit_buffer_copy(layer) if edits else (f"{path}|layername={POINTS_LAYER}", None)
        self._validation_input = points  # the task reads it: keep it alive
        output = QgsProcessingUtils.generateTempFilename("crs_validation.gpkg")
        params = {"INPUT": points, "OUTPUT": output}
        if self.points_layer is not None:
            params["SHARED_POINTS"] = self.points_layer.source()
        self.validate_task = run_algorithm_task("crs:validate", params,
                                                lambda ok, r, f: self._validated(ok, r, f, output, fids),
                                                self.tr("Validating"))  # fmt: skip

    def _validated(self, ok, results, feedback, output: str, fids: dict | None = None) -> None:
        if not self._succeeded(ok, feedback, self.tr("Validation failed")):
            return
        layer = QgsVectorLayer(output, "problems", "ogr")
        rows = [
            (f["severity"], f["point_id"], f["field"], f["message"], f["fid"]) for f in layer.getFeatures()
        ]
        severities = {"error": self.tr("Error"), "warning": self.tr("Warning")}
        fields = {f.name: f.label(self.lang) for f in FIELDS}
        self.problems.setRowCount(len(rows))
        for r, (severity, point_id, field, message, fid) in enumerate(rows):
            fid = fids.get(fid, fid) if fids is not None else fid  # the edit buffer's own feature ids
            shown = (severities.get(severity, severity), point_id, fields.get(field, field), message)
            for c, value in enumerate(shown):
                item = QTableWidgetItem("" if value is None else str(value))
                item.setData(Qt.UserRole, fid)
                item.setToolTip(f"{point_id}: {message}")
                self.problems.setItem(r, c, item)
        self.problems.resizeRowsToContents()
        errors, warnings = int(results.get("ERRORS") or 0), int(results.get("WARNINGS") or 0)
        self.submit_button.setEnabled(errors == 0)
        self.contribute_status.setText(
            self.tr("{} errors, {} warnings. Click a problem to zoom to it.").format(errors, warnings) if rows
            else self.tr("No problems found: ready to submit."))  # fmt: skip

    def zoom_to_problem(self, row: int, _column: int = 0) -> None:
        item = self.problems.item(row, 0)
        layer = self.checkout_layer
        if item is None or layer is None or item.data(Qt.UserRole) is None:
            return
        fid = int(item.data(Qt.UserRole))
        layer.selectByIds([fid])
        feature = next(layer.getFeatures(QgsFeatureRequest(fid)), None)
        if feature is not None and feature.hasGeometry():
            canvas = self.iface.mapCanvas()
            canvas.setExtent(
                canvas.mapSettings().layerExtentToOutputExtent(
                    layer, feature.geometry().boundingBox().buffered(0.01)
                )
            )
            canvas.refresh()

    def _signing_key_chosen(self, authcfg: str) -> None:
        self.settings.signing_key = authcfg or ""
        self._show_public_key()

    def _show_public_key(self) -> None:
        authcfg = self.signing_key.configId()
        try:
            self.public_key.setText(public_key(authcfg) if authcfg else "")
        except CrsServicePointsError as exc:
            self.public_key.setText("")
            self.public_key.setPlaceholderText(str(exc))

    def create_signing_key(self) -> None:
        """A new key pair in QGIS's authentication database; its public key is shown for the DBA."""
        label = self.contributor.text().strip()
        if not label:
            self.report(self.tr("Signing key"), self.tr("Say who you are (Contributor) first: the key is named after "
                                                        "you."), Qgis.Info)  # fmt: skip
            return
        try:
            authcfg = create_signing_key(label)
        except CrsServicePointsError as exc:
            self.report(self.tr("Signing key"), str(exc))
            return
        self.signing_key.setConfigId(authcfg)
        self._signing_key_chosen(authcfg)
        self.contribute_status.setText(self.tr("Your signing key is in QGIS's authentication database. Send the "
                                               "public key to the shared store's DBA to have it registered."))  # fmt: skip

    def build_and_submit(self) -> None:
        path, contributor = self.checkout_file.filePath(), self.contributor.text().strip()
        if not path or not contributor:
            self.report(
                self.tr("Submit"),
                self.tr("Choose your checkout and say who you are (Contributor)."),
                Qgis.Info,
            )
            return
        if any(
            layer is not None and layer.isModified()
            for layer in (self.checkout_layer, self.checkout_partnerships)
        ):
            self.report(self.tr("Submit"), self.tr("Your checkout has unsaved edits: save them (or discard them), "
                                                   "validate, then submit."), Qgis.Info)  # fmt: skip
            return
        if not self.connection.currentConnection():
            # Without a database the package goes to the shared folder, which takes signed packages only.
            if not self.folder.filePath():
                self.report(self.tr("Submit"), self.tr("Choose the shared folder (…or shared folder), or a shared "
                                                       "store."), Qgis.Info)  # fmt: skip
                return
            if not self.signing_key.configId():
                self.report(self.tr("Submit"), self.tr("Packages sent through a shared folder are signed: create "
                                                       "your signing key (Create my signing key) first."), Qgis.Info)  # fmt: skip
                return
        package = str(Path(path).with_suffix("")) + ".crs.zip"
        params = {"CHECKOUT": path, "CONTRIBUTOR": contributor, "OUTPUT": package}
        if self.signing_key.configId():
            params["SIGNING_KEY"] = self.signing_key.configId()
        self.build_task = run_algorithm_task("crs:buildsubmission", params, lambda ok, r, f: self._built(ok, r, f, package),
                                             self.tr("Building the submission"))  # fmt: skip

    def _built(self, ok, results, feedback, package: str) -> None:
        if not self._succeeded(ok, feedback, self.tr("The submission could not be built")):
            return
        params = {"PACKAGE": package}
        if self.connection.currentConnection():
            params["SHARED_STORE"] = self.connection.currentConnection()
        else:
            params["FOLDER"] = self.folder.filePath()
        self.submit_task = run_algorithm_task("crs:submit", params, self._submitted, self.tr("Submitting"))

    def _submitted(self, ok, results, feedback) -> None:
        if not self._succeeded(ok, feedback, self.tr("The submission was not sent")):
            return
        if results.get("SENT_TO"):
            message = self.tr("Package placed in the shared folder: {}").format(results["SENT_TO"])
        else:
            message = self.tr("Submitted as number {}; the geomapping team will review it.").format(
                int(results["SUBMISSION_ID"])
            )
        self.contribute_status.setText(message)
        self.iface.messageBar().pushMessage(LOG_TAG, message, Qgis.Success, 8)

    # -- review ----------------------------------------------------------------------------
    def _review_parameters(self) -> dict | None:
        connection = self.connection.currentConnection()
        number, package = self.submission_number.text().strip(), self.review_package.filePath()
        if not connection or bool(number) == bool(package):
            self.report(self.tr("Review"), self.tr("Choose the shared store, and a submission number or a package "
                                                   "(one of them)."), Qgis.Info)  # fmt: skip
            return None
        params = {"SHARED_STORE": connection}
        if number:
            if not number.isdigit():
                self.report(self.tr("Review"), self.tr("A submission number is a whole number."), Qgis.Info)
                return None
            params["SUBMISSION_ID"] = int(number)
        else:
            params["PACKAGE"] = package
        return params

    def review_submission(self) -> None:
        """Review (writes nothing); conflicts open the dialog, whose decisions apply the submission."""
        params = self._review_parameters()
        if params is None:
            return
        output = QgsProcessingUtils.generateTempFilename("crs_review.gpkg")
        params.update(ACTION=0, OUTPUT=output)
        self.apply_button.setEnabled(False)
        self.review_task = run_algorithm_task("crs:applysubmission", params, lambda ok, r, f: self._reviewed(ok, r, f, output),
                                              self.tr("Reviewing the submission"))  # fmt: skip

    def _reviewed(self, ok, results, feedback, output: str) -> None:
        if not self._succeeded(
            ok, feedback, self.tr("The submission cannot be reviewed"), self.review_status
        ):
            return
        summary = feedback.infos[-1] if feedback.infos else ""
        self.review_status.setText(summary)
        conflicts = conflicts_from_layer(QgsVectorLayer(output, "review", "ogr"))
        self.apply_button.setEnabled(not conflicts)
        if conflicts:
            self.review_dialog = ReviewDialog(conflicts, parent=self)
            self.review_dialog.accepted.connect(
                lambda dialog=self.review_dialog: self.apply_submission(dialog.decisions_json())
            )
            self.review_dialog.open()

    def apply_submission(self, decisions: str = "") -> None:
        params = self._review_parameters()
        if params is None:
            return
        params.update(ACTION=1, DECISIONS=decisions)
        self.apply_button.setEnabled(False)
        self.apply_task = run_algorithm_task("crs:applysubmission", params, self._applied,
                                             self.tr("Applying the submission"))  # fmt: skip

    def _applied(self, ok, results, feedback) -> None:
        if not self._succeeded(ok, feedback, self.tr("The submission was not applied"), self.review_status):
            return
        message = feedback.infos[-1] if feedback.infos else ""
        self.review_status.setText(message)
        applied = not results.get("CONFLICTS")
        self.iface.messageBar().pushMessage(LOG_TAG, message, Qgis.Success if applied else Qgis.Warning, 8)

    def reject_submission(self) -> None:
        params = self._review_parameters()
        if params is None:
            return
        params.update(ACTION=2, REASON=self.reject_reason.text())
        self.reject_task = run_algorithm_task("crs:applysubmission", params, self._rejected,
                                              self.tr("Rejecting the submission"))  # fmt: skip

    def _rejected(self, ok, results, feedback) -> None:
        if not self._succeeded(ok, feedback, self.tr("The submission was not rejected"), self.review_status):
            return
        self.apply_button.setEnabled(False)
        self.review_status.setText(self.tr("Submission {} rejected.").format(int(results["SUBMISSION_ID"])))

    # -- messages --------------------------------------------------------------------------
    def _succeeded(self, ok: bool, feedback, title: str, status: QLabel | None = None) -> bool:
        if ok:
            return True
        message = feedback.errors[-1] if feedback.errors else self.tr("The task failed or was cancelled.")
        (status or self.contribute_status).setText(message)
        self.report(title, message)
        return False

    def report(self, title: str, message: str, level=Qgis.Warning) -> None:
        """Message bar and log: a sentence saying what happened and what to do next."""
        self.iface.messageBar().pushMessage(title, message, level, 10)
        QgsMessageLog.logMessage(f"{title}: {message}", LOG_TAG, level)


def edit_buffer_copy(layer: QgsVectorLayer) -> tuple[QgsVectorLayer, dict[int, int]]:
    """A memory copy of what ``layer`` shows, unsaved edits included (made on the main thread, so that
    a background task reads it safely), and each copied feature's id in ``layer``."""
    copy = QgsVectorLayer(f"Point?crs={layer.crs().authid()}", layer.name(), "memory")
    provider = copy.dataProvider()
    provider.addAttributes(layer.fields().toList())
    copy.updateFields()
    features, originals = [], []
    for feature in layer.getFeatures():
        clone = QgsFeature(copy.fields())
        clone.setAttributes(feature.attributes())
        clone.setGeometry(feature.geometry())
        features.append(clone)
        originals.append(feature.id())
    _ok, added = provider.addFeatures(features)
    return copy, {new.id(): old for new, old in zip(added, originals)}
