"""CKAN catalogues (open.canada.ca, catalogue.data.gov.bc.ca, data.ontario.ca …).

``package_show`` resolves a dataset to its best resource — GeoJSON, then CSV, then a
ZIP archive, Shapefile or GeoPackage download, then an ArcGIS REST service, then WFS
(or the resource named in the catalogue) — and the matching connector fetches it.
The resource's ``last_modified`` (or the dataset's ``metadata_modified``) is kept as
provenance. Portals mislabel files: a file resource is read as what its bytes are (a
resource labelled GeoJSON that serves CSV loads as CSV, and the load report says so);
one leading to an HTML download page instead of the file (a known CKAN pitfall) is
refused naming the resource, its label and what came back.
"""

from __future__ import annotations

from ..errors import SourceError
from ..http import HttpClient
from ..i18n import tr
from .arcgis import ArcGisSource
from .file import FileSource
from .wfs import WfsSource

#: Resource formats in order of preference, as CKAN portals spell them (lower case).
PREFERENCE = (
    ("geojson", ("geojson",)),
    ("csv", ("csv",)),
    ("zip", ("zip", "shp", "shapefile", "esri shapefile", "gpkg", "geopackage")),
    ("arcgis", ("esri rest", "arcgis geoservices rest api", "arcgis rest", "esri rest api")),
    ("wfs", ("wfs", "ogc wfs")),
)


class CkanSource:
    def __init__(
        self,
        base_url: str,
        dataset_id: str,
        source_id: str,
        resource_id: str | None = None,
        type_name: str | None = None,
        client: HttpClient | None = None,
        member: str | None = None,
        page_size: int | None = None,
        max_pages: int | None = None,
        encoding: str | None = None,
        delimiter: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.dataset_id = dataset_id
        self.source_id = source_id
        self.resource_id = resource_id
        self.type_name = type_name
        self.member = member
        #: How a text resource is read, when its bytes cannot tell (None: from the bytes).
        self.text_options = {"encoding": encoding, "delimiter": delimiter}
        #: Paging options for a service resource (ArcGIS, WFS): only those set are passed on.
        self.paging = {k: v for k, v in (("page_size", page_size), ("max_pages", max_pages)) if v is not None}
        self.client = client or HttpClient()

    def resolve(self) -> tuple[str, dict]:
        """(kind, resource) of the resource to load."""
        url = f"{self.base_url}/api/3/action/package_show"
        doc = self.client.get_json(url, {"id": self.dataset_id})
        if not doc.get("success"):
            message = (doc.get("error") or {}).get("message", "no details")
            raise SourceError(
                tr("CKAN at {base_url} could not show dataset '{dataset_id}': {message}.").format(
                    base_url=self.base_url, dataset_id=self.dataset_id, message=message
                )
            )
        resources = (doc.get("result") or {}).get("resources") or []
        if self.resource_id:
            for resource in resources:
                if resource.get("id") == self.resource_id:
                    return _kind(resource), resource
            raise SourceError(
                tr("Dataset '{dataset_id}' has no resource '{resource_id}'.").format(
                    dataset_id=self.dataset_id, resource_id=self.resource_id
                )
            )
        for kind, formats in PREFERENCE:
            for resource in resources:
                if str(resource.get("format", "")).strip().lower() in formats and resource.get("url"):
                    return kind, {**resource, "_dataset_modified": doc["result"].get("metadata_modified")}
        found = ", ".join(sorted({str(r.get("format")) for r in resources})) or "none"
        raise SourceError(
            tr(
                "Dataset '{dataset_id}' has no GeoJSON, CSV, ArcGIS or WFS resource (formats: {found})."
            ).format(dataset_id=self.dataset_id, found=found)
        )

    def fetch(self):
        kind, resource = self.resolve()
        url = resource["url"]
        if kind in ("geojson", "csv", "zip"):
            label = (
                f"CKAN resource '{resource.get('id')}' of dataset '{self.dataset_id}' (labelled "
                f"{resource.get('format')}, at {url})"
            )
            source = FileSource(
                url,
                self.source_id,
                kind,
                client=self.client,
                member=self.member,
                label=label,
                **self.text_options,
            )
        elif kind == "arcgis":
            source = ArcGisSource(url, self.source_id, client=self.client, **self.paging)
        else:
            if not self.type_name:
                raise SourceError(
                    tr(
                        "Dataset '{dataset_id}' is served by WFS: give its 'type_name' in the catalogue."
                    ).format(dataset_id=self.dataset_id)
                )
            source = WfsSource(url, self.type_name, self.source_id, client=self.client, **self.paging)
        raw, provenance = source.fetch()
        labelled = provenance.extra.pop("labelled", None)
        if labelled and labelled != "zip":
            raw.notes.append(
                tr("CKAN resource '{resource}' is labelled {format} but holds {content}: read as {content}").format(
                    resource=resource.get("id"), format=resource.get("format"), content=provenance.extra["content"])
            )  # fmt: skip
        provenance.extra.update({
            "ckan_dataset": self.dataset_id,
            "ckan_resource": resource.get("id"),
            "resource_format": resource.get("format"),
            "last_modified": resource.get("last_modified") or resource.get("_dataset_modified"),
        })  # fmt: skip
        return raw, provenance


def _kind(resource: dict) -> str:
    fmt = str(resource.get("format", "")).strip().lower()
    for kind, formats in PREFERENCE:
        if fmt in formats:
            return kind
    raise SourceError(
        tr("Resource '{resource}' has format {format!r}, which cannot be loaded.").format(
            resource=resource.get("id"), format=resource.get("format")
        )
    )
