"""The algorithms inside a graphical model, as analysts chain them in the modeller."""

from __future__ import annotations

import csv

import processing
import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelOutput,
    QgsVectorLayer,
)
from qgis.core import QgsProcessingModelChildParameterSource as Source

from crs_plugin.core.catalogue import SAMPLE_CATALOGUE
from tests.conftest import N_AREAS, ROOT
from tests.qgis.test_inputs_as_users_give_them import ALGORITHMS, files, parameters, run  # noqa: F401 - fixture

MODEL = ROOT / "tests" / "data" / "service_chain.model3"


def output_name(model, name: str) -> str:
    """A model output's parameter name: 'child:name' on QGIS 3.22, 'name' when unique on 3.40."""
    names = [d.name() for d in model.destinationParameterDefinitions()]
    return next(n for n in names if n == name or n.endswith(":" + name))


def test_a_saved_model_chains_load_nearest_and_coverage(crs_provider, census_copy, tmp_path):
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    assert {c.algorithmId() for c in model.childAlgorithms().values()} == {
        "crs:loadsources", "crs:nearestservice", "crs:coverage"
    }  # fmt: skip
    valid, problems = model.validate()
    assert valid, problems
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    outputs = processing.run(model, {
        "catalogue": str(SAMPLE_CATALOGUE),
        "census": f"{census_copy}|layername=dissemination_areas",
        output_name(model, "nearest_federal"): str(tmp_path / "nearest.gpkg"),
        output_name(model, "coverage"): str(tmp_path / "coverage.gpkg"),
        output_name(model, "summary"): str(tmp_path / "summary.csv"),
    }, context=context, feedback=feedback)  # fmt: skip
    nearest = QgsVectorLayer(outputs[output_name(model, "nearest_federal")], "nearest", "ogr")
    coverage = QgsVectorLayer(outputs[output_name(model, "coverage")], "coverage", "ogr")
    assert nearest.featureCount() == coverage.featureCount() == N_AREAS
    orders = {f["nearest_order"] for f in nearest.getFeatures()}
    assert orders == {"federal"}
    # Coverage ran on nearest's output: its distance to the nearest federal point is the same.
    by_area = {f["DAUID"]: f["distance_m"] for f in nearest.getFeatures()}
    for feature in coverage.getFeatures():
        assert abs(feature["distance_m"] - by_area[feature["DAUID"]]) < 1e-6
        assert feature["within_50km"] == (feature["distance_m"] <= 50_000)
    rows = {
        r["jurisdiction"]: r
        for r in csv.DictReader(open(outputs[output_name(model, "summary")], encoding="utf-8"))
    }
    assert set(rows) == {"13", "59", "all"} and all(
        0.9 < float(r["share_within_50km"]) <= 1 for r in rows.values()
    )


@pytest.mark.parametrize("algorithm_id", ALGORITHMS)
def test_every_analysis_algorithm_runs_as_a_model_step(crs_provider, files, algorithm_id):  # noqa: F811 - fixture
    """Each algorithm as one step of a model, its inputs given as the modeller stores them
    (static values), equals the same algorithm run directly."""
    params = parameters(algorithm_id, files["areas"], files["points"])
    model = QgsProcessingModelAlgorithm("one step", "tests")
    step = QgsProcessingModelChildAlgorithm(algorithm_id)
    step.setChildId("step")
    for name, value in params.items():
        if name == "OUTPUT" or value == "memory:":
            continue
        step.addParameterSources(name, [Source.fromStaticValue(value)])
    output = QgsProcessingModelOutput("result", "Result")
    output.setChildId("step")
    output.setChildOutputName("OUTPUT")
    step.setModelOutputs({"result": output})
    model.addChildAlgorithm(step)
    model.updateDestinationParameters()
    context = QgsProcessingContext()
    outputs = processing.run(
        model, {output_name(model, "result"): "memory:"}, context=context, feedback=QgsProcessingFeedback()
    )
    layer = outputs[output_name(model, "result")]
    layer = context.getMapLayer(layer) if isinstance(layer, str) else layer
    direct = run(algorithm_id, params)["OUTPUT"]
    assert len(direct) > 0 and layer.featureCount() == len(direct)
