"""Edit a checkout the way QGIS does (through OGR), for the submission tests."""

from __future__ import annotations

from osgeo import ogr

NEW_POINT = {
    "organization": "Service New Brunswick", "order_of_government": "provincial", "jurisdiction": "NB",
    "channel": "in_person", "point_type": "service_centre", "source_id": "snb_service_centres",
    "name_en": "SNB Test Centre", "name_fr": "Centre d'essai SNB", "services": "drivers_licence;health_card",
}  # fmt: skip


def edit_checkout(path, updates=None, inserts=(), deletes=(), table="service_points") -> dict[str, int]:
    """updates: {fid: {field: value, 'geom': (x, y)}}; inserts: [{field: value, 'geom': (x, y)}] (rows of
    ``table``: the points, or the partnerships)."""
    ds = ogr.Open(str(path), update=1)
    layer = ds.GetLayerByName(table)
    key = "point_id" if table == "service_points" else "partnership_id"
    new_fids = {}
    for fid, values in (updates or {}).items():
        feat = layer.GetFeature(fid)
        _set(feat, values)
        layer.SetFeature(feat)
    for values in inserts:
        feat = ogr.Feature(layer.GetLayerDefn())
        _set(feat, values)
        layer.CreateFeature(feat)
        new_fids[values[key]] = feat.GetFID()
    for fid in deletes:
        layer.DeleteFeature(fid)
    ds = None
    return new_fids


def _set(feat, values: dict) -> None:
    for name, value in values.items():
        if name == "geom":
            geom = ogr.Geometry(ogr.wkbPoint)
            geom.AddPoint_2D(*value)
            feat.SetGeometry(geom)
        elif value is None:
            feat.SetFieldNull(name)
        else:
            feat.SetField(name, value)


def checkout_fids(path, table="service_points") -> list[int]:
    ds = ogr.Open(str(path))
    return sorted(f.GetFID() for f in ds.GetLayerByName(table))


def checkout_rows(path, table="partnerships") -> dict[int, dict]:
    """fid -> the row's fields (a partnership's, by default)."""
    ds = ogr.Open(str(path))
    return {f.GetFID(): {k: v for k, v in f.items().items()} for f in ds.GetLayerByName(table)}


def write_sample_checkout(store, path, jurisdiction: str = "NB", base_version: int = 1):
    """A checkout of the sample store's points of ``jurisdiction``, without a shared store
    (row ids are 1-based positions in the sample); returns ``path``."""
    from crs_plugin.core.store import GeoPackageStore
    from crs_plugin.core.submissions.checkout import CheckoutInfo, SharedRow, write_checkout

    points = GeoPackageStore(store).read_points()
    rows = [SharedRow(i + 1, {k: v[i] for k, v in points.columns.items()}, points.lon[i], points.lat[i])
            for i in range(len(points)) if points.columns["jurisdiction"][i] == jurisdiction]  # fmt: skip
    write_checkout(path, rows, CheckoutInfo(jurisdiction, base_version, "test"))
    return path
