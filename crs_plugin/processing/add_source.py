"""crs:addsource — write a catalogue entry and its field mapping from an address and a few parameters.

The same steps as the panel's "Add source" dialog (core/source_wizard.py): the address is
recognised from its answers, the chosen layer read, its columns matched to the schema, the
rules given applied over the matched ones, everything checked, and only then written.
"""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..core.catalogue import REFRESH_CADENCES, read_catalogue_document
from ..core.i18n import translatable
from ..core.schema import ORDERS_OF_GOVERNMENT
from ..core.source_wizard import export_entry, prepare_source, save_entry
from ..toolbelt.network import qgis_http_client
from ..toolbelt.translation import language
from .base import CrsAlgorithm

_DELIMITERS = ("", ",", ";", "\t", "|")


class AddSourceAlgorithm(CrsAlgorithm):
    NAME = "addsource"
    DISPLAY_NAME = translatable("Add a source to a catalogue")
    GROUP_ID = "sources"
    TAGS = (translatable("catalogue"), translatable("source"), translatable("mapping"), "ArcGIS", "OGC API", "WFS", "CKAN",
            "CSV")  # fmt: skip

    ADDRESS = "ADDRESS"
    OFFERED = "LAYER"
    CATALOGUE_FILE = "CATALOGUE"
    EXPORT = "EXPORT"
    SOURCE_ID = "SOURCE_ID"
    TITLE_EN = "TITLE_EN"
    TITLE_FR = "TITLE_FR"
    PUBLISHER = "PUBLISHER"
    SOURCE_ORDER = "ORDER_OF_GOVERNMENT"
    SOURCE_JURISDICTION = "JURISDICTION"
    LICENCE = "LICENCE"
    REFRESH = "REFRESH"
    AUTHCFG = "AUTHCFG"
    COORDINATES_CRS = "COORDINATES_CRS"
    ENCODING = "ENCODING"
    DELIMITER = "DELIMITER"
    FIELD_RULES = "FIELD_RULES"
    REPLACE = "REPLACE"
    ADDED_ID = "ADDED_SOURCE_ID"
    WRITTEN = "CATALOGUE_WRITTEN"
    MAPPING = "MAPPING"
    RECORDS = "RECORDS"

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        lang = language()
        address = QgsProcessingParameterString(self.ADDRESS, self.tr("Address (URL or file)"))
        address.setHelp(self.tr("A CSV, GeoJSON or ZIP file (URL or path), an ArcGIS REST service or layer, an OGC API "
                                "landing page or collection, a WFS GetCapabilities URL, or a CKAN dataset page or "
                                "package_show URL."))  # fmt: skip
        self.addParameter(address)
        offered = QgsProcessingParameterString(
            self.OFFERED,
            self.tr("Layer, collection, feature type, resource or archive member"),
            optional=True,
        )
        offered.setHelp(self.tr("Its id or title, when the address offers several; the error lists them."))
        self.addParameter(offered)
        catalogue = QgsProcessingParameterFile(self.CATALOGUE_FILE, self.tr("Catalogue to write (JSON)"),
                                               extension="json")  # fmt: skip
        catalogue.setHelp(self.tr("The source is added to this catalogue (created if missing), its mapping in "
                                  "mappings/<id>.json beside it."))  # fmt: skip
        self.addParameter(catalogue)
        export = QgsProcessingParameterBoolean(
            self.EXPORT,
            self.tr("Write a catalogue of this source only (for a shared catalogue)"),
            False,
            optional=True,
        )
        export.setHelp(self.tr("The file then holds this one entry with its mapping inline, to send to the shared "
                               "catalogue's maintainers; it is replaced if it exists."))  # fmt: skip
        self.addParameter(export)
        source_id = QgsProcessingParameterString(self.SOURCE_ID, self.tr("Source id"), optional=True)
        source_id.setHelp(self.tr("Letters, digits, '_', '.' or '-'; made from the title when empty."))
        self.addParameter(source_id)
        for name, label in ((self.TITLE_EN, translatable("Title (English)")),
                            (self.TITLE_FR, translatable("Title (French)")),
                            (self.PUBLISHER, translatable("Publisher")),
                            (self.LICENCE, translatable("Licence"))):  # fmt: skip
            text = self.tr(label)  # i18n: marked
            self.addParameter(QgsProcessingParameterString(name, text, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.SOURCE_ORDER, self.tr("Order of government"), options=[c.label(lang) for c in ORDERS_OF_GOVERNMENT]))  # fmt: skip
        jurisdiction = QgsProcessingParameterString(self.SOURCE_JURISDICTION, self.tr("Jurisdiction"))
        jurisdiction.setHelp(self.tr("CA for federal sources, a province or territory code (NB, BC…), or a 7-digit "
                                     "census subdivision code."))  # fmt: skip
        self.addParameter(jurisdiction)
        self.addParameter(QgsProcessingParameterEnum(
            self.REFRESH, self.tr("Refresh cadence"), options=[c.label(lang) for c in REFRESH_CADENCES],
            optional=True))  # fmt: skip
        auth = QgsProcessingParameterAuthConfig(self.AUTHCFG, self.tr("Authentication"), optional=True)
        auth.setHelp(self.tr("A QGIS authentication configuration (Basic); its id goes in the catalogue, never the "
                             "password."))  # fmt: skip
        self.addParameter(auth)
        crs = QgsProcessingParameterCrs(
            self.COORDINATES_CRS, self.tr("CRS of the coordinate columns"), optional=True
        )
        crs.setHelp(
            self.tr("For sources that declare none (CSV columns); guessed from the coordinates when empty.")
        )
        self.addParameter(crs)
        encoding = QgsProcessingParameterString(self.ENCODING, self.tr("Text encoding"), optional=True)
        encoding.setHelp(self.tr("Only when a text file's bytes cannot tell (e.g. cp1252)."))
        self.addParameter(encoding)
        delimiter = QgsProcessingParameterEnum(
            self.DELIMITER, self.tr("Column delimiter"),
            options=[self.tr("From the file"), self.tr("Comma"), self.tr("Semicolon"), self.tr("Tab"),
                     self.tr("Vertical bar")], defaultValue=0, optional=True)  # fmt: skip
        self.addParameter(delimiter)
        rules = QgsProcessingParameterString(self.FIELD_RULES, self.tr("Field rules (JSON)"), multiLine=True,
                                             optional=True)  # fmt: skip
        rules.setHelp(self.tr('Rules replacing the matched ones, as a mapping file writes them: {"organization": '
                              '{"value": "Service BC"}, "name_en": {"column": "External Site"}, "geometry": {"x": '
                              '"X", "y": "Y"}}; null leaves a field out.'))  # fmt: skip
        self.addParameter(rules)
        self.addParameter(QgsProcessingParameterBoolean(
            self.REPLACE, self.tr("Replace the source if the catalogue has it"), False, optional=True))  # fmt: skip
        self.addOutput(QgsProcessingOutputString(self.ADDED_ID, self.tr("Source id")))
        self.addOutput(QgsProcessingOutputString(self.WRITTEN, self.tr("Catalogue written")))
        self.addOutput(QgsProcessingOutputString(self.MAPPING, self.tr("Field mapping (JSON)")))
        self.addOutput(QgsProcessingOutputNumber(self.RECORDS, self.tr("Records checked")))

    def compute(self, parameters, context, feedback):
        text = lambda name: (self.parameterAsString(parameters, name, context) or "").strip()  # noqa: E731
        path = Path(self.parameterAsFile(parameters, self.CATALOGUE_FILE, context))
        export = self.parameterAsBool(parameters, self.EXPORT, context)
        replace = self.parameterAsBool(parameters, self.REPLACE, context)
        try:
            rules = json.loads(text(self.FIELD_RULES) or "{}")
        except json.JSONDecodeError as exc:
            raise QgsProcessingException(
                self.tr("The field rules are not valid JSON: {}").format(exc)
            ) from None
        if not isinstance(rules, dict):
            raise QgsProcessingException(self.tr("The field rules must be a JSON object (field -> rule)."))
        refresh = (
            REFRESH_CADENCES[self.parameterAsEnum(parameters, self.REFRESH, context)].code
            if parameters.get(self.REFRESH) not in (None, "")
            else ""
        )
        delimiter = _DELIMITERS[self.parameterAsEnum(parameters, self.DELIMITER, context)]
        crs = self.parameterAsCrs(parameters, self.COORDINATES_CRS, context)
        taken = []
        if path.exists() and not export:
            doc = read_catalogue_document(path)
            taken = [s.get("id") for s in doc.get("sources") or [] if isinstance(s, dict)]
        authcfg = text(self.AUTHCFG)
        feedback.pushInfo(self.tr("Reading {}…").format(text(self.ADDRESS)))
        added = prepare_source(
            text(self.ADDRESS), choice=text(self.OFFERED) or None, source_id=text(self.SOURCE_ID),
            title_en=text(self.TITLE_EN), title_fr=text(self.TITLE_FR), publisher=text(self.PUBLISHER),
            order_of_government=ORDERS_OF_GOVERNMENT[self.parameterAsEnum(parameters, self.SOURCE_ORDER, context)].code,
            jurisdiction=text(self.SOURCE_JURISDICTION), licence=text(self.LICENCE), refresh=refresh, authcfg=authcfg,
            crs=crs.authid() if crs.isValid() else "", encoding=text(self.ENCODING), delimiter=delimiter,
            fields=rules, taken=[] if replace else taken, client=qgis_http_client(authcfg),
        )  # fmt: skip
        feedback.pushInfo(
            self.tr("{} recognised; loading {} ({} records).").format(
                text(self.ADDRESS), added.offer.title, len(added.preview.raw)
            )
        )
        mapping_text = json.dumps(added.mapping, ensure_ascii=False)
        feedback.pushInfo(self.tr("Field mapping: {}").format(mapping_text))
        if added.issues:
            listed = "\n".join(f"- {issue.message}" for issue in added.issues[:10])
            more = len(added.issues) - 10
            raise QgsProcessingException(
                self.tr(
                    "The source was not added: the load would stop at these problems (give rules in Field rules "
                    "to fix them):\n{}"
                ).format(listed)  # fmt: skip
                + (self.tr("\n…and {} more.").format(more) if more > 0 else "")
            )
        source_id = added.entry["id"]
        if export:
            export_entry(path, added.entry, added.mapping)
        else:
            save_entry(path, added.entry, added.mapping, replace=replace)
        feedback.pushInfo(self.tr("Source '{}' written to {}.").format(source_id, path))
        return {
            self.ADDED_ID: source_id,
            self.WRITTEN: str(path),
            self.MAPPING: mapping_text,
            self.RECORDS: len(added.preview.raw),
        }
