"""Run the plugin's Processing algorithms in the background (QgsTask), so the interface never freezes.

The dock's buttons call exactly what the toolbox, models and ``qgis_process`` call.
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsTask,
)


class CollectingFeedback(QgsProcessingFeedback):
    """Keeps the messages an algorithm reports, to show the user the one that matters."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []
        self.infos: list[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803 - QGIS API
        self.errors.append(error)
        super().reportError(error, fatalError)

    def pushInfo(self, info: str) -> None:  # noqa: N802 - QGIS API
        self.infos.append(info)
        super().pushInfo(info)


#: Tasks and their context/feedback live until they finish (QGIS holds no Python reference).
_RUNNING: dict[int, tuple] = {}


def run_algorithm_task(
    algorithm_id: str,
    parameters: dict,
    on_done: Callable[[bool, dict, CollectingFeedback], None],
    description: str | None = None,
) -> QgsProcessingAlgRunnerTask:
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    if algorithm is None:
        raise RuntimeError(f"The Processing algorithm {algorithm_id} is not available.")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = CollectingFeedback()
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    if description:
        task.setDescription(description)
    key = id(task)

    def finished(ok: bool, results: dict) -> None:
        _RUNNING.pop(key, None)
        on_done(ok, results or {}, feedback)

    task.executed.connect(finished)
    _RUNNING[key] = (task, context, feedback, algorithm)
    QgsApplication.taskManager().addTask(task)
    return task


def run_function_task(
    description: str, function: Callable, on_done: Callable[[Exception | None, object], None]
) -> QgsTask:
    """``function()`` in the background (no GUI work in it); ``on_done(exception, result)`` on the
    interface thread once it has finished, failed or been cancelled."""
    key_holder = []

    def work(_task):
        return (function(),)  # always truthy: QGIS's wrapper drops a falsy result (an empty list)

    def finished(exception, wrapped=None) -> None:
        _RUNNING.pop(key_holder[0], None)
        on_done(exception, wrapped[0] if wrapped else None)

    task = QgsTask.fromFunction(description, work, on_finished=finished)
    key_holder.append(id(task))
    _RUNNING[id(task)] = (task,)
    QgsApplication.taskManager().addTask(task)
    return task


def running_tasks() -> int:
    return len(_RUNNING)
