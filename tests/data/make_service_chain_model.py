"""Build tests/data/service_chain.model3 as the graphical modeller saves it:
load sources -> nearest federal in-person point -> coverage (chained on the nearest output). In person:
the sample's federal call centres serve all of Canada by region, which is not this chain's question.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/data/make_service_chain_model.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "tests" / "data" / "service_chain.model3"


def build() -> None:
    from qgis.core import (
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterFile,
    )
    from qgis.core import QgsProcessingModelChildParameterSource as Source

    model = QgsProcessingModelAlgorithm("Service coverage chain", "CRS Service Points")
    model.addModelParameter(QgsProcessingParameterFile("catalogue", "Source catalogue", extension="json"),
                            QgsProcessingModelParameter("catalogue"))  # fmt: skip
    model.addModelParameter(
        QgsProcessingParameterFeatureSource("census", "Census areas", [QgsProcessing.TypeVectorPolygon]),
        QgsProcessingModelParameter("census"),
    )

    def child(algorithm_id, child_id, sources, outputs=()):
        step = QgsProcessingModelChildAlgorithm(algorithm_id)
        step.setChildId(child_id)
        step.setDescription(child_id.capitalize())
        for name, source in sources.items():
            step.addParameterSources(name, [source])
        declared = {}
        for output_name, child_output in outputs:
            output = QgsProcessingModelOutput(output_name, output_name.replace("_", " ").capitalize())
            output.setChildId(child_id)
            output.setChildOutputName(child_output)
            declared[output_name] = output
        step.setModelOutputs(declared)
        model.addChildAlgorithm(step)

    points = Source.fromChildOutput("load", "SERVICE_POINTS")
    child("crs:loadsources", "load", {"CATALOGUE": Source.fromModelParameter("catalogue"),
                                      "OUTPUT": Source.fromStaticValue(QgsProcessing.TEMPORARY_OUTPUT)})  # fmt: skip
    child("crs:nearestservice", "nearest",
          {"INPUT": Source.fromModelParameter("census"), "SERVICE_POINTS": points,
           "ORDERS_OF_GOVERNMENT": Source.fromStaticValue([0]), "CHANNELS": Source.fromStaticValue([0]),
           "K": Source.fromStaticValue(1),
           "PER_ORDER_OF_GOVERNMENT": Source.fromStaticValue(False)},
          [("nearest_federal", "OUTPUT")])  # fmt: skip
    child("crs:coverage", "coverage",
          {"INPUT": Source.fromChildOutput("nearest", "OUTPUT"), "SERVICE_POINTS": points,
           "ORDERS_OF_GOVERNMENT": Source.fromStaticValue([0]), "CHANNELS": Source.fromStaticValue([0]),
           "THRESHOLDS_KM": Source.fromStaticValue("5, 25, 50")},
          [("coverage", "OUTPUT"), ("summary", "SUMMARY")])  # fmt: skip
    model.updateDestinationParameters()
    valid, problems = model.validate()
    assert valid, problems
    assert model.toFile(str(MODEL))


if __name__ == "__main__":
    sys.path.append("/usr/share/qgis/python/plugins")
    sys.path.insert(0, str(ROOT))
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication

    from crs_plugin.processing.provider import CrsProvider

    app = QgsApplication([], False)
    app.initQgis()
    Processing.initialize()
    provider = CrsProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    build()
    print(MODEL)
