"""Deciding a submission's conflicts one by one: keep the store's value, take the submission's, or type one.

The dialog lists each conflict with its base (what the contributor checked out), the
shared store's value and the submitted value. A conflict about a whole point (deleted
on one side, changed on the other) is decided for the point: keep it as the store has
it, or do what the submission does. It reads the review report of
``crs:applysubmission`` (the algorithm's output, or a report the panel ran), and its
decisions go back to the same algorithm (``DECISIONS``), so the panel, the toolbox
and scripts apply them the same way.
"""

from __future__ import annotations

import json

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.submissions.changeset import GEOMETRY
from ..core.submissions.merge import (
    ADDED_BY_BOTH,
    BOTH_EDITED,
    CONFLICT,
    DELETED_IN_STORE,
    EDITED_IN_STORE,
    LINKED_POINT_GONE,
    POINT_ID_TAKEN,
    WHOLE_POINT_KINDS,
    Choice,
    Decision,
    decisions_to_json,
)
from ..toolbelt.log import LOG_TAG

#: Columns of the conflict table.
POINT, FIELD, BASE, STORE, SUBMITTED, DECISION, VALUE = range(7)
#: The report's fields the dialog reads (crs:applysubmission's OUTPUT).
READ = ("key", "table", "point_id", "name", "field", "kind", "base", "store", "submitted", "result", "other",
        "detail")  # fmt: skip
#: Conflicts whose submitted value cannot be taken as it is: keep the store's, or type another value.
NOT_TAKEN = (POINT_ID_TAKEN, LINKED_POINT_GONE)


def conflicts_from_layer(layer) -> list[dict]:
    """The conflicting rows of a review report layer (crs:applysubmission's OUTPUT)."""
    names = set(layer.fields().names())
    rows = []
    for feature in layer.getFeatures():
        row = {name: (feature[name] if name in names else None) for name in READ}
        row = {k: (None if v is None or str(v) == "NULL" else v) for k, v in row.items()}
        if row["result"] == CONFLICT:
            rows.append(row)
    return rows


def conflicts_from_report(report) -> list[dict]:
    """The conflicting outcomes of an ApplyReport, as rows of the report layer."""
    return [{"key": o.key, "table": o.table, "point_id": o.point_id, "name": o.name, "field": o.field, "kind": o.kind,
             "base": _text(o.base), "store": _text(o.store), "submitted": _text(o.submitted), "result": o.result,
             "other": o.other, "detail": o.detail} for o in report.conflicts]  # fmt: skip


class ReviewDialog(QDialog):
    """One row per decision to take; ``decisions()`` once every row has one."""

    def __init__(self, conflicts: list[dict], title: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Decide the conflicts"))
        self.setObjectName("CrsReviewDialog")
        self.resize(900, 420)
        self.groups: list[list[dict]] = []
        by_key: dict[str, list[dict]] = {}
        for row in conflicts:
            if row["key"] not in by_key:
                by_key[row["key"]] = []
                self.groups.append(by_key[row["key"]])
            by_key[row["key"]].append(row)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Each conflict shows the value the contributor started from (base), the shared "
                               "store's value now, and the submitted value. Choose for each: keep the store's, "
                               "take the submission's, or type a value."))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.groups), 7)
        self.table.setHorizontalHeaderLabels([self.tr("Point"), self.tr("Field"), self.tr("Base"),
                                              self.tr("Shared store"), self.tr("Submission"), self.tr("Decision"),
                                              self.tr("Value")])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(7):
            header.setSectionResizeMode(
                column, QHeaderView.Stretch if column == POINT else QHeaderView.Interactive
            )
        self.choices: list[QComboBox] = []
        self.values: list[QLineEdit] = []
        for r, group in enumerate(self.groups):
            self._fill_row(r, group)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.apply_button = QPushButton(self.tr("Apply with these decisions"))
        self.buttons.addButton(self.apply_button, QDialogButtonBox.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_state()

    def _fill_row(self, r: int, group: list[dict]) -> None:
        first = group[0]
        whole_point = first["kind"] in WHOLE_POINT_KINDS
        point = self.row_name(first)
        fields = ", ".join(row["field"] for row in group)
        cells = [point, fields, *(self._values(group, part) for part in ("base", "store", "submitted"))]
        if whole_point:
            cells[STORE] = self.tr("(deleted)") if first["kind"] == DELETED_IN_STORE else cells[STORE]
            cells[SUBMITTED] = self.tr("(deleted)") if first["kind"] == EDITED_IN_STORE else cells[SUBMITTED]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemIsEditable)
            item.setToolTip(self.explain(first))
            self.table.setItem(r, column, item)
        choice = QComboBox()
        choice.addItem(self.tr("— choose —"), None)
        keep, take = (self.tr("Keep the store's point"), self.tr("Take the submission's")) if whole_point else (
            self.tr("Keep the store's value"), self.tr("Take the submission's value"))  # fmt: skip
        choice.addItem(keep, Choice.STORE.value)
        if (
            first["kind"] not in NOT_TAKEN
        ):  # two points cannot share an id, nor a partnership link a point gone
            choice.addItem(take, Choice.SUBMISSION.value)
        if not whole_point and first["field"] != GEOMETRY:
            choice.addItem(self.tr("Type a value"), Choice.VALUE.value)
        choice.currentIndexChanged.connect(self._update_state)
        value = QLineEdit()
        value.setEnabled(False)
        value.textChanged.connect(self._update_state)
        self.table.setCellWidget(r, DECISION, choice)
        self.table.setCellWidget(r, VALUE, value)
        self.choices.append(choice)
        self.values.append(value)

    @staticmethod
    def _values(group: list[dict], part: str) -> str:
        shown = [f"{row['field']}: {row[part]}" if len(group) > 1 else str(row[part] or "") for row in group]
        return "\n".join(s for s in shown if s)

    def row_name(self, row: dict) -> str:
        """The point ("id (name)"), or the partnership ("Partnership id (partners)")."""
        point = row["point_id"] or ""
        if row.get("name"):
            point += f" ({row['name']})"
        if row.get("table") == "partnerships":
            point = self.tr("Partnership {}").format(point)
        return point

    def explain(self, row: dict) -> str:
        """Why this conflicts, in the interface's language."""
        point = self.row_name(row)
        text = {
            BOTH_EDITED: self.tr("{point}: {field} was changed in the shared store and in the submission."),
            DELETED_IN_STORE: self.tr("{point} was deleted in the shared store after checkout; the submission "
                                      "changes it. Keep it deleted, or restore it with the submission's changes."),
            EDITED_IN_STORE: self.tr("{point} was changed in the shared store after checkout; the submission "
                                     "deletes it. Keep the point, or delete it."),
            ADDED_BY_BOTH: self.tr("{point} was also added to the shared store by someone else; {field} differs."),
            POINT_ID_TAKEN: self.tr("The point id {submitted} is already used by {other}: keep the store's, or "
                                    "type another point id."),
            LINKED_POINT_GONE: self.tr("{point} links the service point {other}, which the shared store no longer "
                                       "has: keep the store's partnership, or type its points again."),
        }.get(row["kind"], "{point}: {field}")  # fmt: skip
        text = text.format(
            point=point, field=row["field"], submitted=row["submitted"], other=row.get("other")
        )
        return text + (f" {row['detail']}" if row.get("detail") else "")

    def _update_state(self, *_args) -> None:
        undecided = 0
        for choice, value in zip(self.choices, self.values):
            typed = choice.currentData() == Choice.VALUE.value
            value.setEnabled(typed)
            if choice.currentData() is None:
                undecided += 1
        self.apply_button.setEnabled(undecided == 0 and bool(self.groups))
        self.status.setText(
            self.tr("{} of {} conflicts still need a decision.").format(undecided, len(self.groups))
            if undecided else self.tr("Every conflict has a decision."))  # fmt: skip

    def choose(self, key: str, choice: Choice, value: str | None = None) -> None:
        """Decide conflict ``key`` (what a click does; scripts and tests call it too)."""
        r = next(i for i, group in enumerate(self.groups) if group[0]["key"] == key)
        combo = self.choices[r]
        index = combo.findData(choice.value)
        if index < 0:
            raise ValueError(f"{choice.value} is not a choice for {key}")
        combo.setCurrentIndex(index)
        if value is not None:
            self.values[r].setText(value)

    def decisions(self) -> dict[str, Decision]:
        decided = {}
        for group, choice, value in zip(self.groups, self.choices, self.values):
            data = choice.currentData()
            if data is None:
                continue
            typed = value.text() if data == Choice.VALUE.value else None
            decided[group[0]["key"]] = Decision(Choice(data), typed)
        return decided

    def decisions_json(self) -> str:
        return decisions_to_json(self.decisions())


def offer_review(layer) -> None:
    """When QGIS shows a review report with conflicts, offer to decide them (message bar button)."""
    from qgis.utils import iface  # noqa: PLC0415 - None in qgis_process and scripts

    conflicts = conflicts_from_layer(layer)
    if iface is None or not conflicts:
        return
    bar = iface.messageBar()
    message = bar.createMessage(
        LOG_TAG,
        QCoreApplication.translate("ReviewDialog", "{} conflicts wait for a decision.").format(
            len(conflicts)
        ),
    )
    button = QPushButton(QCoreApplication.translate("ReviewDialog", "Decide…"), message)
    button.clicked.connect(lambda: open_review_from_layer(layer, iface))
    message.layout().addWidget(button)
    bar.pushWidget(message, Qgis.Warning, 0)


def open_review_from_layer(layer, iface) -> ReviewDialog | None:
    """The dialog on a loaded review report; on Apply, crs:applysubmission runs with the decisions."""
    from ..processing.apply_submission import REVIEW_PROPERTY  # noqa: PLC0415
    from .tasks import run_algorithm_task  # noqa: PLC0415

    review = json.loads(layer.customProperty(REVIEW_PROPERTY) or "{}")
    if not review.get("connection"):
        return None
    dialog = ReviewDialog(conflicts_from_layer(layer), parent=iface.mainWindow())

    def apply() -> None:
        params = {"SHARED_STORE": review["connection"], "ACTION": 1, "DECISIONS": dialog.decisions_json()}
        if review.get("submission_id"):
            params["SUBMISSION_ID"] = review["submission_id"]
        else:
            params["PACKAGE"] = review["package"]

        def done(ok, results, feedback) -> None:
            text = feedback.infos[-1] if ok and feedback.infos else (feedback.errors or [""])[-1]
            level = Qgis.Success if ok and results.get("CONFLICTS") == 0 else Qgis.Warning
            iface.messageBar().pushMessage(LOG_TAG, text, level, 10)
            QgsMessageLog.logMessage(text, LOG_TAG, level)

        dialog.task = run_algorithm_task(
            "crs:applysubmission",
            params,
            done,
            QCoreApplication.translate("ReviewDialog", "Applying the submission"),
        )

    dialog.accepted.connect(apply)
    _OPEN.append(dialog)
    dialog.finished.connect(lambda _result: _OPEN.remove(dialog) if dialog in _OPEN else None)
    dialog.open()
    return dialog


#: Dialogs opened from the message bar live until closed (QGIS holds no Python reference).
_OPEN: list[ReviewDialog] = []


def _text(value) -> str | None:
    return None if value is None else str(value)
