"""crs:importcensus — Statistics Canada boundaries + Census Profile -> a census layer in the store."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ..core.census.catalogue import load_characteristics
from ..core.census.importer import import_census
from ..core.i18n import translatable
from ..core.schema import PRUID
from ..toolbelt.translation import language
from .base import CrsAlgorithm


class ImportCensusAlgorithm(CrsAlgorithm):
    NAME = "importcensus"
    DISPLAY_NAME = translatable("Import census characteristics (Statistics Canada files)")
    GROUP_ID = "sources"
    TAGS = (translatable("census"), translatable("Statistics Canada"), translatable("Census Profile"),
            translatable("dissemination area"))  # fmt: skip

    BOUNDARIES = "BOUNDARIES"
    PROFILES = "PROFILES"
    GEO_INDEXES = "GEO_STARTING_ROWS"
    SDMX = "SDMX"
    GAF = "GEOGRAPHIC_ATTRIBUTES"
    BLOCKS = "BLOCKS"
    PROVINCES = "PROVINCES"
    CHARACTERISTICS = "CHARACTERISTICS"
    LAYER_NAME = "LAYER_NAME"
    OUTPUT = "OUTPUT"
    CENSUS = "CENSUS_LAYER"
    AREAS_COUNT = "AREAS"
    JOINED = "AREAS_JOINED"
    REPORT = "REPORT"

    def initAlgorithm(self, config=None):
        boundaries = QgsProcessingParameterFile(
            self.BOUNDARIES,
            self.tr("Boundary file (dissemination areas or blocks: ZIP, Shapefile or GeoPackage)"),
            fileFilter="Boundary files (*.zip *.shp *.gpkg);;All files (*.*)",
        )
        boundaries.setHelp(self.tr("As published, e.g. lda_000b21a_e.zip: it is read inside the ZIP."))
        self.addParameter(boundaries)
        profiles = QgsProcessingParameterMultipleLayers(
            self.PROFILES, self.tr("Census Profile CSV files (98-401-X2021006)"), QgsProcessing.TypeFile,
            optional=True,
        )  # fmt: skip
        profiles.setHelp(
            self.tr(
                "The regional comprehensive files. Each file's Geo_starting_row file is found beside it "
                "and used to skip to the wanted areas."
            )
        )
        self.addParameter(profiles)
        indexes = QgsProcessingParameterMultipleLayers(
            self.GEO_INDEXES, self.tr("Geo_starting_row files (when not beside the profiles)"),
            QgsProcessing.TypeFile, optional=True,
        )  # fmt: skip
        self.addParameter(indexes)
        sdmx = QgsProcessingParameterMultipleLayers(
            self.SDMX, self.tr("Census Profile web service answers (SDMX CSV)"), QgsProcessing.TypeFile,
            optional=True,
        )  # fmt: skip
        self.addParameter(sdmx)
        gaf = QgsProcessingParameterFile(
            self.GAF, self.tr("Geographic Attribute File (92-151-X), for population-weighted points"), optional=True,
            fileFilter="CSV (*.csv *.CSV);;All files (*.*)",
        )  # fmt: skip
        gaf.setHelp(
            self.tr(
                "With it, each area is placed where its people live: at the population-weighted mean of its "
                "blocks (with the block boundary file below) or at its published representative point."
            )
        )
        self.addParameter(gaf)
        blocks = QgsProcessingParameterFile(
            self.BLOCKS, self.tr("Dissemination block boundary file (for block-weighted points)"), optional=True,
            fileFilter="Boundary files (*.zip *.shp *.gpkg);;All files (*.*)",
        )  # fmt: skip
        self.addParameter(blocks)
        provinces = QgsProcessingParameterString(
            self.PROVINCES, self.tr("Only these provinces/territories (codes such as NB, QC or 13, 24)"),
            optional=True,
        )  # fmt: skip
        self.addParameter(provinces)
        lang = language()
        self.addParameter(
            QgsProcessingParameterEnum(
                self.CHARACTERISTICS,
                self.tr("Characteristics (empty: all those of the catalogue)"),
                options=[c.label(lang) for c in load_characteristics().characteristics],
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.LAYER_NAME, self.tr("Census layer name"), "census_population")
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("GeoPackage store"), "GeoPackage (*.gpkg)"
            )
        )
        self.addOutput(QgsProcessingOutputVectorLayer(self.CENSUS, self.tr("Census layer")))
        self.addOutput(QgsProcessingOutputNumber(self.AREAS_COUNT, self.tr("Areas")))
        self.addOutput(QgsProcessingOutputNumber(self.JOINED, self.tr("Areas joined to the profile")))
        self.addOutput(QgsProcessingOutputString(self.REPORT, self.tr("What was joined and what is NULL")))

    def provinces(self, parameters, context) -> tuple[str, ...]:
        text = self.parameterAsString(parameters, self.PROVINCES, context) or ""
        codes = []
        for part in text.replace(";", ",").split(","):
            part = part.strip().upper()
            if not part:
                continue
            code = PRUID.get(part, part)
            if code not in PRUID.values():
                raise QgsProcessingException(
                    self.tr("'{}' is not a province or territory code (NB, QC… or 13, 24…).").format(part)
                )
            codes.append(code)
        return tuple(codes)

    def compute(self, parameters, context, feedback):
        catalogue = load_characteristics()
        chosen = self.parameterAsEnums(parameters, self.CHARACTERISTICS, context)
        fields = (
            [catalogue.characteristics[i].field for i in chosen]
            if parameters.get(self.CHARACTERISTICS)
            else None
        )
        profiles = self.files(parameters, self.PROFILES, context)
        indexes = self.files(parameters, self.GEO_INDEXES, context)
        pairs = [(p, self._index_for(p, indexes)) for p in profiles]
        store = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        layer_name = self.parameterAsString(parameters, self.LAYER_NAME, context) or "census_population"
        report = import_census(
            store,
            self.parameterAsFile(parameters, self.BOUNDARIES, context),
            profiles=pairs,
            sdmx=self.files(parameters, self.SDMX, context),
            gaf=self.parameterAsFile(parameters, self.GAF, context) or None,
            blocks=self.parameterAsFile(parameters, self.BLOCKS, context) or None,
            fields=fields,
            provinces=self.provinces(parameters, context),
            layer_name=layer_name,
            feedback=feedback,
            language=language(),
        )
        lines = report.lines()
        for line in lines:
            feedback.pushInfo(line)
        return {
            self.OUTPUT: store,
            self.CENSUS: f"{store}|layername={layer_name}",
            self.AREAS_COUNT: report.areas,
            self.JOINED: report.joined,
            self.REPORT: "\n".join(lines),
        }

    def files(self, parameters, name: str, context) -> list[str]:
        """The files of a multiple-file parameter (none when it is left empty)."""
        if parameters.get(name) in (None, "", []):
            return []
        paths = [p for p in self.parameterAsFileList(parameters, name, context) if p]
        missing = [p for p in paths if not Path(p).is_file()]
        if missing:
            raise QgsProcessingException(self.tr("No such file: {}").format(", ".join(missing)))
        return paths

    @staticmethod
    def _index_for(profile: str, indexes: list[str]) -> str | None:
        """The given Geo_starting_row file for a profile: the one named for the same region, or
        the only one given (None: looked for beside the profile)."""
        if not indexes:
            return None
        stem = Path(profile).stem.lower()
        region = stem.split("_csv_data")[-1]
        for index in indexes:
            if region and Path(index).stem.lower().endswith(region):
                return index
        return indexes[0] if len(indexes) == 1 else None
