"""A loopback WFS 2.0 answering GetFeature like servers seen in the wild: ``COUNT`` capped
below what was asked (``cap``), ``numberMatched`` sent or not (``send_matched``) and
possibly wrong (``matched_error``), GeoJSON with a legacy ``crs`` member or GML with a
``srsName``, in BC Albers (EPSG:3005, GeoServer's default for the BC layers) when
``albers`` is set."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from .loopback import LoopbackServer

#: (lon, lat) of each feature and its EPSG:3005 (BC Albers) coordinates, computed once with PROJ.
LON_LAT = [(-123.1 + i * 0.001, 49.28) for i in range(95)]


def _albers(points):
    from osgeo import osr

    wgs84, albers = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    albers.ImportFromEPSG(3005)
    for srs in (wgs84, albers):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(wgs84, albers)
    return [transform.TransformPoint(x, y)[:2] for x, y in points]


class FakeWfs(LoopbackServer):
    def __init__(self, cap: int = 1000, send_matched: bool = True, albers: bool = False) -> None:
        super().__init__()
        self.cap, self.send_matched, self.albers = cap, send_matched, albers
        self.matched_error = 0
        self.xy = _albers(LON_LAT) if albers else LON_LAT
        self.requests: list[dict] = []

    def handle(self, handler, path):
        q = {k.upper(): v[-1] for k, v in parse_qs(urlsplit(path).query).items()}
        self.requests.append(q)
        start, count = int(q.get("STARTINDEX", 0)), min(int(q.get("COUNT", 1000)), self.cap)
        ids = range(start, min(start + count, len(self.xy)))
        matched = len(self.xy) + self.matched_error
        if q.get("OUTPUTFORMAT") == "application/json":
            doc = {"type": "FeatureCollection", "features": [
                {"type": "Feature", "id": f"OFFICES.{i}", "properties": {"NAME": f"Office {i}"},
                 "geometry": {"type": "Point", "coordinates": list(self.xy[i])}} for i in ids]}  # fmt: skip
            if self.send_matched:
                doc.update(numberMatched=matched, numberReturned=len(ids))
            if self.albers:
                doc["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3005"}}
            return self.send(handler, 200, json.dumps(doc).encode())
        srs = "urn:ogc:def:crs:EPSG::3005" if self.albers else "urn:ogc:def:crs:EPSG::4326"
        members = "".join(
            f'<wfs:member><pub:OFFICES gml:id="OFFICES.{i}"><pub:NAME>Office {i}</pub:NAME><pub:SHAPE>'
            f'<gml:Point srsName="{srs}"><gml:pos>'
            + (f"{self.xy[i][0]} {self.xy[i][1]}" if self.albers else f"{self.xy[i][1]} {self.xy[i][0]}")
            + "</gml:pos></gml:Point></pub:SHAPE></pub:OFFICES></wfs:member>"
            for i in ids
        )
        matched_attr = f'numberMatched="{matched}"' if self.send_matched else 'numberMatched="unknown"'
        body = (
            '<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" '
            'xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:pub="http://example.org/pub" '
            f'{matched_attr} numberReturned="{len(ids)}">{members}</wfs:FeatureCollection>'
        )
        self.send(handler, 200, body.encode(), "application/gml+xml; version=3.2")
