"""The Service Points dock: browse and load the catalogue's sources, filter, analyse, contribute.

Every action runs the plugin's Processing algorithms (in a QgsTask when it may
take time), so the dock, the toolbox, models and ``qgis_process`` share one
implementation. Errors go to the message bar and the log, never to a traceback.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeatureRequest,
    QgsMapLayerProxyModel,
    QgsMessageLog,
    QgsProcessingUtils,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)
from qgis.gui import (
    QgsCheckableComboBox,
    QgsDockWidget,
    QgsFileWidget,
    QgsFilterLineEdit,
    QgsMapLayerComboBox,
    QgsProviderConnectionComboBox,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
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
from ..core.schema import CHANNELS, JURISDICTIONS, ORDERS_OF_GOVERNMENT, POINT_TYPES, SERVICES
from ..core.store import LOADS_LAYER, POINTS_LAYER
from ..toolbelt.log import LOG_TAG
from ..toolbelt.network import qgis_http_client
from ..toolbelt.settings import Settings
from ..toolbelt.styles import style_service_points
from ..toolbelt.translation import language
from .tasks import run_algorithm_task

GROUP_NAME = "CRS Service Points"
ANALYSES = (
    ("crs:nearestservice", "Nearest service"),
    ("crs:coverage", "Population covered"),
    ("crs:servicegaps", "Service gaps"),
    ("crs:accessibility", "Accessibility (2SFCA)"),
    ("crs:colocationcandidates", "Co-location candidates"),
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
        tabs = QTabWidget()
        tabs.addTab(self._sources_tab(), self.tr("Sources"))
        tabs.addTab(self._analyse_tab(), self.tr("Analyse"))
        tabs.addTab(self._contribute_tab(), self.tr("Contribute"))
        self.tabs = tabs
        self.setWidget(tabs)
        self.reload_catalogue()

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
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        layout.addWidget(self.tree)
        self.load_button = QPushButton(self.tr("Load / refresh checked sources"))
        self.load_button.clicked.connect(self.load_checked)
        layout.addWidget(self.load_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        filters = QGroupBox(self.tr("Filter loaded points"))
        form = QFormLayout(filters)
        self.filter_boxes = {}
        for key, label, choices in (("orders", self.tr("Order of government"), ORDERS_OF_GOVERNMENT),
                                    ("jurisdictions", self.tr("Jurisdiction"), JURISDICTIONS),
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
        return page

    def reload_catalogue(self) -> None:
        location = self.settings.catalogue
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
            item.setToolTip(0, entry.id)
            self._set_status(item, "loaded" if entry.id in loads else None)

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
        Path(self.settings.cache_folder).mkdir(parents=True, exist_ok=True)
        params = {
            "CATALOGUE": self.settings.catalogue,
            "SOURCE_IDS": ",".join(ids),
            "OUTPUT": self.settings.store_path,
        }
        self.load_button.setEnabled(False)
        self.status.setText(self.tr("Loading {} sources…").format(len(ids)))
        self.load_task = run_algorithm_task("crs:loadsources", params, lambda ok, r, f: self._loaded(ok, r, f, ids),
                                            self.tr("Loading service point sources"))  # fmt: skip

    def _loaded(self, ok: bool, results: dict, feedback, ids: list[str]) -> None:
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
        summary = self.tr("{} points loaded from {} sources; {} changed since last refresh.").format(
            int(results.get("POINTS_LOADED") or 0), int(results.get("SOURCES_LOADED") or 0),
            int(results.get("POINTS_CHANGED") or 0))  # fmt: skip
        if failed:
            summary += " " + self.tr("Failed: {} (their previous points are kept; see the log).").format(
                ", ".join(failed)
            )
            for error in feedback.errors:
                QgsMessageLog.logMessage(error, LOG_TAG, Qgis.Warning)
        self.status.setText(summary)
        self.iface.messageBar().pushMessage(LOG_TAG, summary, Qgis.Warning if failed else Qgis.Success, 8)

    def show_points(self, store_path: str) -> QgsVectorLayer:
        """Add the store's layer to the plugin's group (or refresh it), styled, with the filters applied."""
        project = QgsProject.instance()
        if self.points_layer is not None and project.mapLayer(self.points_layer.id()) is not None:
            self.points_layer.dataProvider().reloadData()
            self.points_layer.triggerRepaint()
            self.apply_filters()
            return self.points_layer
        layer = QgsVectorLayer(f"{store_path}|layername={POINTS_LAYER}", self.tr("Service points"), "ogr")
        style_service_points(layer, self.lang)
        project.addMapLayer(layer, False)
        root = project.layerTreeRoot()
        group = root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)
        group.addLayer(layer)
        self.points_layer = layer
        self.apply_filters()
        return layer

    def current_filter(self) -> ServiceFilter:
        return ServiceFilter(**{key: tuple(box.checkedItemsData()) for key, box in self.filter_boxes.items()})

    def apply_filters(self, *_args) -> None:
        if self.points_layer is None or QgsProject.instance().mapLayer(self.points_layer.id()) is None:
            return
        self.points_layer.setSubsetString(self.current_filter().expression())

    # -- analyse ---------------------------------------------------------------------------
    def _analyse_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.census = QgsMapLayerComboBox()
        self.census.setFilters(QgsMapLayerProxyModel.PolygonLayer | QgsMapLayerProxyModel.PointLayer)
        self.census.setAllowEmptyLayer(True)
        form.addRow(self.tr("Census population layer"), self.census)
        layout.addLayout(form)
        self.analysis_buttons = {}
        for algorithm_id, label in ANALYSES:
            button = QPushButton(self.tr(label) + "…")
            button.clicked.connect(lambda _=False, a=algorithm_id: self.open_analysis(a))
            layout.addWidget(button)
            self.analysis_buttons[algorithm_id] = button
        layout.addWidget(self._report_group())
        layout.addStretch(1)
        return page

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
        if self.settings.shared_store:
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
        form.addRow(self.tr("Checkout file"), self.checkout_file)
        self.contributor = QLineEdit()
        self.contributor.setPlaceholderText(self.tr("Name and e-mail"))
        form.addRow(self.tr("Contributor"), self.contributor)
        layout.addLayout(form)
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
        self.problems = QTableWidget(0, 4)
        self.problems.setHorizontalHeaderLabels([self.tr("Severity"), self.tr("Point"), self.tr("Field"),
                                                 self.tr("Problem")])  # fmt: skip
        header = self.problems.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeToContents, QHeaderView.Interactive,
                                       QHeaderView.ResizeToContents, QHeaderView.Stretch)):  # fmt: skip
            header.setSectionResizeMode(column, mode)
        header.resizeSection(1, 110)
        self.problems.verticalHeader().hide()
        self.problems.setWordWrap(True)
        self.problems.setEditTriggers(QTableWidget.NoEditTriggers)
        self.problems.cellClicked.connect(self.zoom_to_problem)
        layout.addWidget(self.problems)
        self.contribute_status = QLabel()
        self.contribute_status.setWordWrap(True)
        layout.addWidget(self.contribute_status)
        return page

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
        self.contribute_status.setText(self.tr("{} points checked out (base version {}). Edit them, then Validate.")
                                       .format(int(results["POINTS"]), int(results["BASE_VERSION"])))  # fmt: skip

    def open_checkout(self, path: str) -> QgsVectorLayer:
        self.checkout_file.setFilePath(path)
        layer = QgsVectorLayer(
            f"{path}|layername={POINTS_LAYER}", self.tr("My service points (checkout)"), "ogr"
        )
        style_service_points(layer, self.lang)
        QgsProject.instance().addMapLayer(layer)
        self.checkout_layer = layer
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
        if self.checkout_layer is not None and self.checkout_layer.isEditable():
            self.checkout_layer.commitChanges(False)  # validate what the user sees
        output = QgsProcessingUtils.generateTempFilename("crs_validation.gpkg")
        params = {"INPUT": f"{path}|layername={POINTS_LAYER}", "OUTPUT": output}
        if self.points_layer is not None:
            params["SHARED_POINTS"] = self.points_layer.source()
        self.validate_task = run_algorithm_task("crs:validate", params, lambda ok, r, f: self._validated(ok, r, f, output),
                                                self.tr("Validating"))  # fmt: skip

    def _validated(self, ok, results, feedback, output: str) -> None:
        if not self._succeeded(ok, feedback, self.tr("Validation failed")):
            return
        layer = QgsVectorLayer(output, "problems", "ogr")
        rows = [
            (f["severity"], f["point_id"], f["field"], f["message"], f["fid"]) for f in layer.getFeatures()
        ]
        self.problems.setRowCount(len(rows))
        for r, (severity, point_id, field, message, fid) in enumerate(rows):
            for c, value in enumerate((severity, point_id, field, message)):
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

    def build_and_submit(self) -> None:
        path, contributor = self.checkout_file.filePath(), self.contributor.text().strip()
        if not path or not contributor:
            self.report(
                self.tr("Submit"),
                self.tr("Choose your checkout and say who you are (Contributor)."),
                Qgis.Info,
            )
            return
        package = str(Path(path).with_suffix("")) + ".crs.zip"
        params = {"CHECKOUT": path, "CONTRIBUTOR": contributor, "OUTPUT": package}
        self.build_task = run_algorithm_task("crs:buildsubmission", params, lambda ok, r, f: self._built(ok, r, f, package),
                                             self.tr("Building the submission"))  # fmt: skip

    def _built(self, ok, results, feedback, package: str) -> None:
        if not self._succeeded(ok, feedback, self.tr("The submission could not be built")):
            return
        params = {"PACKAGE": package, "SHARED_STORE": self.connection.currentConnection()}
        self.submit_task = run_algorithm_task("crs:submit", params, self._submitted, self.tr("Submitting"))

    def _submitted(self, ok, results, feedback) -> None:
        if not self._succeeded(ok, feedback, self.tr("The submission was not sent")):
            return
        message = self.tr("Submitted as number {}; the geomapping team will review it.").format(
            int(results["SUBMISSION_ID"])
        )
        self.contribute_status.setText(message)
        self.iface.messageBar().pushMessage(LOG_TAG, message, Qgis.Success, 8)

    # -- messages --------------------------------------------------------------------------
    def _succeeded(self, ok: bool, feedback, title: str) -> bool:
        if ok:
            return True
        message = feedback.errors[-1] if feedback.errors else self.tr("The task failed or was cancelled.")
        self.contribute_status.setText(message)
        self.report(title, message)
        return False

    def report(self, title: str, message: str, level=Qgis.Warning) -> None:
        """Message bar and log: a sentence saying what happened and what to do next."""
        self.iface.messageBar().pushMessage(title, message, level, 10)
        QgsMessageLog.logMessage(f"{title}: {message}", LOG_TAG, level)
