"""Drives a real QGIS desktop session for ``test_desktop_session.py``; QGIS runs it as ``PYQGIS_STARTUP``.

It records, as JSON lines in ``$CRS_DESKTOP_OUT/events.jsonl``, every Python error QGIS
sees (``qgis.utils.showException``, which QGIS's ``sys.excepthook``, plugin loading and
unloading go through; the message log's "Python error" tag; tracebacks in any log message;
exceptions in Python threads), then does what an analyst does, as an analyst does it:
buttons clicked, menu actions triggered, dialogs answered. Each step saves a screenshot
of the whole (virtual) screen in ``$CRS_DESKTOP_OUT/shots/<step>.png`` and records what
the test checks (``fact`` events). The test decides pass or fail; this script only drives
and records, and always ends by quitting QGIS.

Anything that may open a modal dialog (``exec_()``) is started from its own timer, so the
driver keeps ticking inside the dialog's event loop: it answers the dialogs a user expects
(mismatched CRS warning, "save the project?") and closes any other, recording it as an error.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import traceback
from pathlib import Path

OUT = Path(os.environ.get("CRS_DESKTOP_OUT", "."))
PLUGIN = "crs_plugin"
#: The session gives up (and quits QGIS) after this long.
BUDGET_S = float(os.environ.get("CRS_DESKTOP_BUDGET_S", "150"))
VANCOUVER = (-123.1, 49.28)  # lon, lat of downtown Vancouver


class Recorder:
    """Appends events to a JSON-lines file (one write per event: a crash loses nothing)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "events.jsonl"
        self.shots = folder / "shots"
        self.shots.mkdir(parents=True, exist_ok=True)
        self.t0 = time.monotonic()
        self.lock = threading.Lock()

    def write(self, kind: str, **data) -> None:
        data.update(kind=kind, t=round(time.monotonic() - self.t0, 2))
        line = json.dumps(data, default=str, ensure_ascii=False)
        with self.lock, open(self.path, "a", encoding="utf-8") as f:
            f.write(line + "\n")

    def error(self, source: str, message: str) -> None:
        self.write("error", source=source, message=message)

    def fact(self, key: str, value) -> None:
        self.write("fact", key=key, value=value)

    def shot(self, name: str) -> None:
        from qgis.PyQt.QtWidgets import QApplication

        path = self.shots / f"{name}.png"
        QApplication.primaryScreen().grabWindow(0).save(str(path), "PNG", 0)  # smallest file
        self.write("shot", name=name, path=str(path))


def install_error_hooks(rec: Recorder) -> None:
    """Record every Python error QGIS reports, whatever path it takes."""
    import qgis.utils
    from qgis.core import Qgis, QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication

    state = {"in_show_exception": False}
    original = qgis.utils.showException

    def show_exception(type_, value, tb, msg, messagebar=False, level=Qgis.Warning):
        text = "".join(traceback.format_exception(type_, value, tb))
        rec.error("qgis.utils.showException", f"{msg or ''}\n{text}".strip())
        state["in_show_exception"] = True
        try:  # what QGIS does with it: message bar, log, or the stack-trace dialog
            original(type_, value, tb, msg, messagebar, level)
        finally:
            state["in_show_exception"] = False

    qgis.utils.showException = show_exception

    def on_message(message, tag, level):
        level = int(level)
        rec.write("log", tag=tag, level=level, message=message[:2000])
        python_error = tag in ("Python error", QCoreApplication.translate("Python", "Python error"))
        if state["in_show_exception"]:
            return
        if python_error or "Traceback (most recent call last)" in message:
            rec.error(f"message log [{tag}]", message)
        elif tag == "CRS Service Points" and level >= int(Qgis.Critical):
            rec.error(f"message log [{tag}] critical", message)

    QgsApplication.messageLog().messageReceived.connect(on_message)

    def thread_hook(args):
        text = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
        rec.error(f"thread {getattr(args.thread, 'name', '?')}", text)

    threading.excepthook = thread_hook

    original_unload = qgis.utils.unloadPlugin

    def unload_plugin(name):
        ok = original_unload(name)
        if name == PLUGIN:
            rec.fact("unloaded", bool(ok))
        return ok

    qgis.utils.unloadPlugin = unload_plugin


class Wait:
    """What the session waits for before its next action."""

    def __init__(self, what: str, predicate=None, timeout: float = 30.0, seconds: float = 0.0) -> None:
        self.what = what
        start = time.monotonic()
        self.not_before = start + seconds
        self.deadline = start + max(timeout, seconds + 1)
        self.predicate = predicate or (lambda: True)

    def done(self) -> bool:
        return time.monotonic() >= self.not_before and bool(self.predicate())

    def expired(self) -> bool:
        return time.monotonic() > self.deadline


def pause(seconds: float) -> Wait:
    return Wait(f"{seconds} s", seconds=seconds)


class Driver:
    """Runs the session from a timer and answers (or closes) modal dialogs.

    Each step of the session runs in its own timer event, never inside the driver's tick:
    a step that opens a modal dialog (``exec_()``, QGIS's Python error dialog included)
    blocks only itself, and the tick, running in the dialog's event loop, answers it.
    """

    def __init__(self, rec: Recorder) -> None:
        from qgis.PyQt.QtCore import QTimer

        self.rec = rec
        self.session = None
        self.wait: Wait | None = Wait("QGIS and the plugin loaded", self._ready, timeout=90)
        self.stepping = False  # a step is running (possibly blocked in a modal dialog)
        self.finished = False
        self.expected: list = []  # (name, predicate(widget), answer(widget), screenshot?)
        self.owned_modal = None  # a modal dialog the session itself works in
        self.modal_seen = (None, 0.0)  # the modal dialog last seen, and since when
        self.answered: list = []  # dialogs answered (kept: a closing one is not answered twice)
        self.started = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    @staticmethod
    def _ready() -> bool:
        import qgis.utils

        iface = qgis.utils.iface
        return iface is not None and PLUGIN in qgis.utils.active_plugins and iface.mainWindow().isVisible()

    def later(self, function, *args) -> None:
        """Call ``function`` from its own timer event (it may open a modal dialog and block)."""
        from qgis.PyQt.QtCore import QTimer

        def call():
            try:
                function(*args)
            except Exception:
                self.rec.error("session", traceback.format_exc())

        QTimer.singleShot(0, call)

    def expect_dialog(self, name: str, predicate, answer, shot: bool = True) -> None:
        """Answer the next modal dialog ``predicate`` accepts with ``answer(dialog)``."""
        self.expected.append((name, predicate, answer, shot))

    def handle_modal(self) -> bool:
        """Answer an expected modal dialog or close an unexpected one; True when one is open."""
        from qgis.PyQt.QtWidgets import QApplication

        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible() or self.owned_modal is modal:
            return False
        if any(modal is done for done in self.answered):
            return True  # answered, closing
        if self.modal_seen[0] is not modal:  # let it appear (and paint) before answering it
            self.modal_seen = (modal, time.monotonic())
        if time.monotonic() - self.modal_seen[1] < 0.4:
            return True
        self.answered.append(modal)
        for entry in list(self.expected):
            name, predicate, answer, shot = entry
            if predicate(modal):
                self.expected.remove(entry)
                if shot:
                    self.rec.shot(f"dialog_{name}")
                self.rec.fact(f"dialog_{name}", _dialog_text(modal))
                self.later(answer, modal)
                return True
        self.rec.error("unexpected dialog", f"{type(modal).__name__}: {_dialog_text(modal)}")
        self.rec.shot(f"unexpected_dialog_{len(self.answered)}")
        self.later(modal.reject if hasattr(modal, "reject") else modal.close)
        return True

    def tick(self) -> None:
        if self.finished:
            return
        try:
            self._tick()
        except Exception:
            self.rec.error("session driver", traceback.format_exc())
            self.abort()

    def _tick(self) -> None:
        from qgis.PyQt.QtCore import QTimer

        if time.monotonic() - self.started > BUDGET_S:
            self.rec.error("session", f"the session took more than {BUDGET_S:.0f} s; giving up")
            self.abort()
            return
        if self.handle_modal() or self.stepping:
            return
        if self.wait is not None:
            if not self.wait.done():
                if self.wait.expired():
                    self.rec.error("session", f"timed out waiting for: {self.wait.what}")
                    self.abort()
                return
            self.wait = None
        self.stepping = True
        QTimer.singleShot(0, self.step)

    def step(self) -> None:
        """Run the session up to what it waits for next."""
        try:
            if self.session is None:
                self.session = session(self, self.rec)
            self.wait = next(self.session)
        except StopIteration:
            self.finished = True
            self.timer.stop()
        except Exception:
            self.rec.error("session driver", traceback.format_exc())
            self.abort()
        finally:
            self.stepping = False

    def abort(self) -> None:
        from qgis.PyQt.QtWidgets import QApplication

        if self.finished:
            return
        try:
            self.rec.shot("failure")
        except Exception:
            pass
        self.finished = True
        self.rec.write("aborted")
        QApplication.instance().exit(3)


def _identify_an_office(points, iface, canvas, project, rec, idle):
    """Click a federal in-person office that issues passports with the Identify tool; record what the
    Identify Results panel shows (field label -> value) and take its picture."""
    from qgis.core import QgsCoordinateTransform
    from qgis.PyQt.QtCore import QPoint, Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QDockWidget, QTreeWidget

    office = next(f for f in points.getFeatures() if f["order_of_government"] == "federal"
                  and f["channel"] == "in_person" and "passport" in str(f["services"] or "").split(";"))  # fmt: skip
    where = QgsCoordinateTransform(points.crs(), project.crs(), project).transform(
        office.geometry().asPoint()
    )
    iface.setActiveLayer(points)
    canvas.setCenter(where)
    canvas.zoomScale(60_000)  # close enough for the points' names
    canvas.refresh()
    yield Wait("the map to draw", idle, timeout=20, seconds=0.5)
    iface.actionIdentify().trigger()
    pixel = canvas.getCoordinateTransform().transform(where)
    QTest.mouseClick(
        canvas.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(round(pixel.x()), round(pixel.y()))
    )

    def results():
        trees = [t for t in iface.mainWindow().findChildren(QTreeWidget, "lstResults") if t.isVisible()]
        return trees[0] if trees and trees[0].topLevelItemCount() else None

    yield Wait("the identify results", lambda: results() is not None, timeout=20, seconds=1.0)
    tree = results()
    tree.collapseAll()
    for i in range(tree.topLevelItemCount()):  # the layer and its features, not "(Derived)" and "(Actions)"
        layer_item = tree.topLevelItem(i)
        layer_item.setExpanded(True)
        for j in range(layer_item.childCount()):
            layer_item.child(j).setExpanded(j == 0)
    tree.resizeColumnToContents(0)  # whole field labels
    panel = tree.parentWidget()
    while panel is not None and not isinstance(panel, QDockWidget):
        panel = panel.parentWidget()
    panels = iface.mainWindow().findChildren(QDockWidget, "CrsServicePointsDock")
    if panel is not None and panels:  # the whole right side, to read the attributes in the picture
        iface.mainWindow().tabifyDockWidget(panels[0], panel)
        panel.raise_()
    yield pause(0.5)
    shown = {}
    stack = [results().topLevelItem(i) for i in range(results().topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        if item.text(0) and item.text(1) and item.text(0) not in shown:
            shown[item.text(0)] = item.text(1)
        stack.extend(item.child(i) for i in range(item.childCount()))
    rec.fact("identify", shown)
    rec.shot("identify")
    if panel is not None:
        panel.close()
    if panels:
        panels[0].raise_()
    iface.actionPan().trigger()
    rec.write("step", name="identify")


def _dialog_text(widget) -> str:
    from qgis.PyQt.QtWidgets import QMessageBox

    if isinstance(widget, QMessageBox):
        return f"{widget.windowTitle()}: {widget.text()}"
    return f"{widget.windowTitle()} ({type(widget).__name__} {widget.objectName()})"


def _message_box_button(button):
    """An answer clicking a standard button of a message box."""

    def answer(box):
        box.button(button).click()

    return answer


def _call(rec: Recorder, method):
    """``method()``, or None with the error recorded (the session goes on to find the others)."""
    try:
        return method()
    except Exception:
        rec.error(f"{getattr(method, '__qualname__', method)}()", traceback.format_exc())
        return None


def _accept(dialog):
    dialog.accept()


def _value(v):
    from qgis.core import NULL

    return None if v is None or v == NULL else v


def session(driver: Driver, rec: Recorder):
    """The analyst's session, step by step; yields what to wait for between actions."""
    import processing
    import qgis.utils
    from qgis.core import QgsApplication, QgsProject
    from qgis.PyQt.QtWidgets import (
        QAction,
        QApplication,
        QDialogButtonBox,
        QDockWidget,
        QMessageBox,
        QTableView,
    )

    iface = qgis.utils.iface
    window = iface.mainWindow()
    window.setGeometry(QApplication.primaryScreen().availableGeometry())
    canvas = iface.mapCanvas()
    project = QgsProject.instance()

    def idle():
        return not canvas.isDrawing() and QgsApplication.taskManager().countActiveTasks() == 0

    # 1. Start-up: the plugin loaded, its provider and algorithms registered.
    yield Wait("the main window to settle", idle, timeout=30, seconds=1.0)
    provider = QgsApplication.processingRegistry().providerById("crs")
    rec.fact("provider", provider is not None)
    algorithms = sorted(a.id() for a in provider.algorithms()) if provider else []
    rec.fact("algorithms", algorithms)
    rec.fact("groups", {a.id(): _call(rec, a.group) for a in provider.algorithms()} if provider else {})
    dock = window.findChild(QDockWidget, "CrsServicePointsDock")
    action = window.findChild(QAction, "crsServicePointsDockAction")
    rec.fact("dock_visible_at_start", bool(dock and dock.isVisible()))
    rec.shot("startup")
    rec.write("step", name="startup")

    # 2. The panel: closed if QGIS shows it at start, then opened with its toolbar button.
    rec.fact("dock_action_checked_at_start", action.isChecked())
    if dock.isVisible():
        dock.close()
        yield Wait("the panel to close", lambda: not dock.isVisible(), timeout=10, seconds=0.3)
    iface.pluginToolBar().widgetForAction(action).click()
    yield Wait("the panel to open from its toolbar button", dock.isVisible, timeout=10, seconds=0.3)
    rec.fact("dock_tabs", [dock.tabs.tabText(i) for i in range(dock.tabs.count())])
    rec.fact("catalogue_sources", len(dock.source_items()))
    rec.shot("panel")
    rec.write("step", name="panel")

    # 3. The sample catalogue loaded with the panel's button, in a background task.
    dock.tabs.setCurrentIndex(0)
    dock.load_button.click()
    yield Wait(
        "the sample sources to load",
        lambda: dock.load_button.isEnabled() and dock.points_layer is not None and idle(),
        timeout=90,
        seconds=0.5,
    )
    rec.fact("points_loaded", dock.points_layer.featureCount())
    regions = dock.regions_layer
    rec.fact("region_outlines", regions.featureCount() if regions is not None else None)
    rec.fact("load_status", dock.status.text())
    rec.fact("project_crs", project.crs().authid())
    yield Wait("the map to draw", idle, timeout=20, seconds=0.5)
    rec.shot("catalogue")
    rec.write("step", name="catalogue")

    # 3b. A federal office identified on the map: labels, not codes, in the interface language.
    yield from _identify_an_office(dock.points_layer, iface, canvas, project, rec, idle)

    # 4. Settings › Options, the plugin's page shown, then OK (QGIS re-reads the
    #    Processing providers on OK).
    options = {}

    def keep_options(dialog):
        options["dialog"] = driver.owned_modal = dialog

    driver.expect_dialog("options", lambda w: w.objectName() == "QgsOptionsBase", keep_options, shot=False)
    driver.later(iface.actionOptions().trigger)
    yield Wait("the Options dialog", lambda: "dialog" in options, timeout=30, seconds=0.3)
    dialog = options["dialog"]
    rec.fact("options_pages_with_plugin", _options_pages(dialog, "CRS Service Points"))
    yield pause(0.5)
    rec.shot("options")
    dialog.finished.connect(lambda *_: options.update(closed=True))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
    yield Wait("the Options dialog to close", lambda: "closed" in options, timeout=30, seconds=1.0)
    driver.owned_modal = None
    yield Wait("QGIS to settle after Options", idle, timeout=30, seconds=1.0)
    rec.fact("algorithms_after_options", sorted(a.id() for a in provider.algorithms()))
    rec.write("step", name="options")

    # 5. The Processing toolbox, opened from its toolbar button, the plugin's provider expanded.
    toolbox_action = window.findChild(QAction, "toolboxAction")
    if toolbox_action is not None and not toolbox_action.isChecked():
        toolbox_action.trigger()
    toolbox = qgis.utils.plugins["processing"].toolbox
    yield Wait("the toolbox", toolbox.isVisible, timeout=10, seconds=0.3)
    rec.fact("toolbox_algorithms", _expand_provider(toolbox.algorithmTree, "crs"))
    window.tabifyDockWidget(dock, toolbox)  # as a user would, to give the map some room
    toolbox.raise_()
    yield pause(0.5)
    rec.shot("toolbox")
    rec.write("step", name="toolbox")

    # 6. Each algorithm's dialog, opened and closed.
    dialogs = {}
    for algorithm_id in algorithms:
        dialog = processing.createAlgorithmDialog(algorithm_id, {})
        if dialog is None:
            rec.error("algorithm dialog", f"no dialog for {algorithm_id}")
            continue
        dialog.show()
        yield Wait(f"the {algorithm_id} dialog", dialog.isVisible, timeout=10, seconds=0.3)
        dialogs[algorithm_id] = _dialog_facts(rec, dialog)
        if algorithm_id in ("crs:nearestservice", "crs:coverage"):
            rec.shot(f"dialog_{algorithm_id.split(':')[1]}")
        dialog.close()
        dialog.deleteLater()
        yield pause(0.1)
    rec.fact("algorithm_dialogs", dialogs)
    rec.write("step", name="algorithm_dialogs")

    # 7. Nearest service and coverage, from the panel's Analyse tab, on the sample census.
    dock.raise_()
    census_path = Path(qgis.utils.pluginDirectory(PLUGIN)) / "data" / "sample" / "census_population.gpkg"
    added = {}

    def add_census():  # as Layer › Add Layer does; QGIS may ask which transformation to use
        added["census"] = iface.addVectorLayer(
            f"{census_path}|layername=dissemination_areas", "Census 2021", "ogr"
        )

    driver.expect_dialog(
        "transformation", lambda w: "Transform" in type(w).__name__ + w.objectName(), _accept
    )
    driver.later(add_census)
    yield Wait("the census layer", lambda: "census" in added and idle(), timeout=30, seconds=0.5)
    census = added["census"]
    iface.setActiveLayer(census)
    iface.zoomToActiveLayer()
    yield Wait("the census layer to draw", idle, timeout=20, seconds=0.5)
    rec.fact("census_areas", census.featureCount() if census else None)
    dock.tabs.setCurrentIndex(1)
    dock.census.setLayer(census)
    yield pause(0.3)
    regions = dock.regions_layer  # the census boundaries outline the regions listed by province
    rec.fact("region_outlines_with_census", regions.featureCount() if regions is not None else None)
    rec.shot("analyse")
    for algorithm_id in ("crs:nearestservice", "crs:coverage"):
        name = algorithm_id.split(":")[1]
        before = set(project.mapLayers())
        dock.analysis_buttons[algorithm_id].click()
        found = {}

        def dialog_open(algorithm_id=algorithm_id, found=found):
            for widget in QApplication.topLevelWidgets():
                algorithm = getattr(widget, "algorithm", None)
                if widget.isVisible() and callable(algorithm) and algorithm() is not None:
                    if algorithm().id() == algorithm_id:
                        found["dialog"] = widget
                        return True
            return False

        yield Wait(f"the {algorithm_id} dialog from the panel", dialog_open, timeout=10, seconds=0.3)
        dialog = found["dialog"]
        rec.fact(f"{name}_prefilled", _prefilled(dialog))
        rec.shot(f"{name}_dialog")
        outcome = {}
        dialog.algorithmFinished.connect(
            lambda ok, results, outcome=outcome: outcome.update(ok=ok, results=results)
        )
        # Census areas in EPSG:3347, points in EPSG:4326: if Processing warns that the CRSs
        # differ, go on, as an analyst would (the algorithms reproject).
        driver.expect_dialog(
            f"{name}_crs_warning",
            lambda w: isinstance(w, QMessageBox) and w.button(QMessageBox.Yes) is not None,
            _message_box_button(QMessageBox.Yes),
        )
        driver.later(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click)
        yield Wait(
            f"{algorithm_id} to finish", lambda outcome=outcome: "ok" in outcome, timeout=90, seconds=0.5
        )
        yield Wait("the results to draw", idle, timeout=30, seconds=0.5)
        driver.expected = [e for e in driver.expected if not e[0].endswith("_crs_warning")]
        rec.fact(f"{name}_ok", bool(outcome["ok"]))
        log = _dialog_log(dialog)
        rec.fact(f"{name}_log", log)
        if "Traceback" in log:
            rec.error(f"{algorithm_id} log", log)
        rec.shot(f"{name}_log")
        dialog.close()
        dialog.deleteLater()
        added = [project.mapLayer(i) for i in project.mapLayers() if i not in before]
        rec.fact(f"{name}_layers", [_layer_facts(layer) for layer in added])
        canvas.setExtent(_southern_bc(project.crs()))
        canvas.refresh()
        yield Wait("the map to draw", idle, timeout=30, seconds=1.0)
        rec.shot(f"{name}_result")
        for layer in added:
            if not layer.isSpatial():  # a summary table: opened as the analyst would read it
                table = iface.showAttributeTable(layer)
                yield pause(1.0)
                for view in table.findChildren(QTableView):  # the place and the headline in full
                    view.resizeColumnToContents(0)
                    view.resizeColumnToContents(1)
                yield pause(0.3)
                rec.shot(f"{name}_table")
                table.close()
        rec.write("step", name=name)
        for layer in added:  # one analysis on the map at a time, as in the README's screenshots
            iface.layerTreeView().layerTreeModel().rootGroup().findLayer(layer.id()).setItemVisibilityChecked(
                False
            )

    # 8. Closing QGIS: Project › Exit QGIS; QGIS asks about the unsaved project and the
    #    temporary (memory) outputs.
    driver.expect_dialog(
        "save_project",
        lambda w: isinstance(w, QMessageBox) and w.button(QMessageBox.Discard) is not None,
        _message_box_button(QMessageBox.Discard),
    )
    driver.expect_dialog(
        "scratch_layers",
        lambda w: isinstance(w, QMessageBox) and w.button(QMessageBox.Yes) is not None,
        _message_box_button(QMessageBox.Yes),
    )
    rec.write("step", name="exit")
    driver.later(iface.actionExit().trigger)
    yield Wait("QGIS to exit", lambda: False, timeout=30)


def _southern_bc(crs):
    """Southern British Columbia (Vancouver, Victoria, the Okanagan) in ``crs``."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
        QgsRectangle,
    )

    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    transform = QgsCoordinateTransform(wgs84, crs, QgsCoordinateTransformContext())
    return transform.transformBoundingBox(QgsRectangle(-126.0, 48.2, -118.0, 51.2))


def _options_pages(dialog, title: str) -> list[str]:
    """Select the Options page titled ``title``; the names of the lists that have one."""
    from qgis.PyQt.QtWidgets import QAbstractItemView

    found = []
    for view in dialog.findChildren(QAbstractItemView):
        if not view.objectName().startswith("mOpt"):  # mOptionsTreeView (3.22), mOptionsListWidget
            continue
        model = view.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data() == title:
                view.setCurrentIndex(model.index(row, 0))
                found.append(view.objectName())
    return found


def _expand_provider(tree, provider_id: str) -> list[str]:
    """Expand the toolbox nodes holding a provider's algorithms; the ids of those listed."""
    from qgis.gui import QgsProcessingToolboxModel

    model = tree.model()
    role = QgsProcessingToolboxModel.RoleAlgorithmId
    prefix = provider_id + ":"

    def walk(parent) -> list[str]:
        ids = []
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            algorithm_id = index.data(role)
            if algorithm_id and str(algorithm_id).startswith(prefix):
                ids.append(algorithm_id)
            below = walk(index)
            if below:
                tree.expand(index)
            ids += below
        return ids

    ids = walk(tree.rootIndex())
    for row in range(model.rowCount(tree.rootIndex())):
        index = model.index(row, 0, tree.rootIndex())
        if tree.isExpanded(index):
            tree.scrollTo(index, tree.PositionAtTop)
    tree.horizontalScrollBar().setValue(0)
    return sorted(ids)


def _distance_unit_names() -> set[str]:
    """How QGIS names distance units on screen (in its interface language)."""
    from qgis.core import QgsUnitTypes

    names = ("Meters", "Kilometers", "Feet", "NauticalMiles", "Yards", "Miles", "Degrees", "Centimeters")
    return {QgsUnitTypes.toString(getattr(QgsUnitTypes, f"Distance{name}")) for name in names}


def _dialog_facts(rec: Recorder, dialog) -> dict:
    from qgis.core import QgsUnitTypes
    from qgis.PyQt.QtWidgets import QLabel, QTextBrowser

    algorithm = dialog.algorithm()
    helps = [b.toPlainText() for b in dialog.findChildren(QTextBrowser)]
    # A distance parameter shows its unit next to its value (and a warning when in degrees).
    units = _distance_unit_names()
    shown = sorted({w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and w.text() in units})
    return {
        "title": dialog.windowTitle(),
        "display_name": algorithm.displayName(),
        "group": _call(rec, algorithm.group),
        "parameters": [p.name() for p in algorithm.parameterDefinitions()],
        "help": max(helps, key=len)[:3000] if helps else "",
        "help_shows_raw_markdown": any("**" in h for h in helps),
        "distance_units_shown": shown,
        "degrees": QgsUnitTypes.toString(QgsUnitTypes.DistanceDegrees),
    }


def _prefilled(dialog) -> dict:
    """The layers a dialog opened from the panel has for its inputs, by name."""
    from qgis.core import QgsMapLayer, QgsProject

    names = {}
    for key, value in dialog.createProcessingParameters().items():
        if key in ("INPUT", "SERVICE_POINTS"):
            layer = value if isinstance(value, QgsMapLayer) else QgsProject.instance().mapLayer(str(value))
            names[key] = layer.name() if layer is not None else str(value)
    return names


def _dialog_log(dialog) -> str:
    from qgis.PyQt.QtWidgets import QTextEdit

    log = dialog.findChild(QTextEdit, "txtLog")
    return log.toPlainText() if log is not None else ""


def _layer_facts(layer) -> dict:
    """What the test checks of an output layer: size, fields, and the values that matter."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
        QgsFeatureRequest,
        QgsGeometry,
        QgsPointXY,
        QgsRectangle,
    )

    names = layer.fields().names()
    facts = {"name": layer.name(), "features": layer.featureCount(), "fields": names}
    if layer.isSpatial():
        facts["crs"] = layer.crs().authid()
    if "nearest_name" in names:
        facts["null_nearest_names"] = sum(1 for f in layer.getFeatures() if _value(f["nearest_name"]) is None)
    if "distance_m" in names:
        distances = [_value(f["distance_m"]) for f in layer.getFeatures()]
        known = sorted(d for d in distances if d is not None)
        facts["null_distances"] = len(distances) - len(known)
        facts["median_distance_m"] = known[len(known) // 2] if known else None
    if layer.isSpatial() and "distance_m" in names:
        # The area under downtown Vancouver, found with a plain transformation (no project context).
        to_layer = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4326"), layer.crs(), QgsCoordinateTransformContext()
        )
        where = to_layer.transform(QgsPointXY(*VANCOUVER))
        box = QgsRectangle(where.x() - 1, where.y() - 1, where.x() + 1, where.y() + 1)
        point = QgsGeometry.fromPointXY(where)
        for feature in layer.getFeatures(QgsFeatureRequest().setFilterRect(box)):
            if feature.geometry().contains(point):
                facts["vancouver"] = {n: _value(feature[n]) for n in names if not n.startswith("fid")}
                break
    if "share_within_50km" in names:
        facts["rows"] = [{n: _value(f[n]) for n in names} for f in layer.getFeatures()]
    return facts


def _start() -> None:
    from qgis.PyQt.QtCore import QTimer

    OUT.mkdir(parents=True, exist_ok=True)
    rec = Recorder(OUT)
    rec.write("started", argv=sys.argv, python=sys.version)
    install_error_hooks(rec)

    def begin():
        from qgis.PyQt.QtWidgets import QApplication

        sys._crs_desktop_driver = Driver(rec)  # kept alive for the whole session
        QApplication.instance().aboutToQuit.connect(lambda: rec.write("quitting"))

    QTimer.singleShot(0, begin)


# QGIS 3.22 runs the start-up script twice in the same interpreter: start once.
if not getattr(sys, "_crs_desktop_started", False):
    sys._crs_desktop_started = True
    _start()
