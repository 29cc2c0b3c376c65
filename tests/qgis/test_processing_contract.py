"""The contract QGIS relies on, for every algorithm of the provider, as QGIS calls it.

QGIS calls these methods when it builds the toolbox, after every OK in Options and when
``qgis_process`` lists algorithms: an exception in any of them is a Python error dialog
for the analyst, a blank toolbox group, or an aborted ``qgis_process --json list``.
"""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

from tests.conftest import ROOT
from tests.qgis_process import qgis_process


@pytest.fixture(params=["en", "fr"])
def interface_language(request):
    from crs_plugin.plugin import install_translator

    settings = QgsSettings()
    settings.setValue("locale/userLocale", "fr_CA" if request.param == "fr" else "en_CA")
    translator = install_translator()
    yield request.param
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    settings.remove("locale/userLocale")


EXPECTED_GROUPS = {"analysis", "sources", "contribute"}


def test_every_algorithm_answers_every_metadata_call(crs_provider, interface_language):
    algorithms = crs_provider.algorithms()
    assert len(algorithms) >= 14
    for algorithm in algorithms:
        instance = algorithm.createInstance()
        assert type(instance) is type(algorithm)
        assert instance.name() == algorithm.name() and instance.name().islower()
        assert algorithm.displayName().strip(), algorithm.id()
        assert algorithm.group().strip(), algorithm.id()
        assert algorithm.groupId() in EXPECTED_GROUPS, algorithm.id()
        assert algorithm.shortHelpString().strip(), algorithm.id()
        assert algorithm.helpUrl().startswith("https://"), algorithm.id()
        assert not algorithm.icon().isNull(), algorithm.id()
        assert isinstance(algorithm.tags(), list)
        # The parameters and outputs QGIS builds dialogs and models from.
        assert algorithm.parameterDefinitions(), algorithm.id()
        for definition in algorithm.parameterDefinitions():
            assert definition.description().strip(), (algorithm.id(), definition.name())


def test_group_ids_are_not_replaced_by_parameter_names(crs_provider):
    """A mixin's parameter-name constant once replaced the base class's group id."""
    groups = {a.id(): a.groupId() for a in crs_provider.algorithms()}
    assert groups["crs:coverage"] == "analysis"
    assert groups["crs:networkdistance"] == "analysis"
    assert groups["crs:loadsources"] == "sources"


def test_qgis_process_lists_and_describes_every_algorithm(crs_provider):
    listing = json.loads(qgis_process("--json", "list").stdout)
    ours = listing["providers"]["crs"]["algorithms"]
    assert set(ours) == {a.id() for a in crs_provider.algorithms()}
    assert {a["group"] for a in ours.values()} == {
        "Proximity and overlap", "Sources", "Contribute and review"
    }  # fmt: skip
    for algorithm_id in sorted(ours):
        described = json.loads(qgis_process("--json", "help", algorithm_id).stdout)
        assert described["algorithm_details"]["id"] == algorithm_id
        assert described["parameters"], algorithm_id


def test_help_files_exist_in_both_languages(crs_provider):
    for algorithm in crs_provider.algorithms():
        for suffix in ("", "_fr"):
            assert (ROOT / "crs_plugin" / "resources" / "help" / f"{algorithm.name()}{suffix}.md").exists()
