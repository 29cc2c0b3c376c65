"""A loopback HTTP server that answers like an ArcGIS REST FeatureServer layer.

Shapes follow Esri's documented responses: layer metadata (``maxRecordCount``,
``advancedQueryCapabilities.supportsPagination``), ``query`` with ``f=geojson`` or
``f=json``, ``resultOffset``/``resultRecordCount`` paging with
``exceededTransferLimit``, ``returnIdsOnly``/``objectIds``, and errors reported as
JSON with HTTP 200. ``faults`` scripts what the next requests get (HTTP errors,
``Retry-After``, slow answers, truncated JSON, an HTML page); ``ignore_offset`` and
``endless`` reproduce misbehaving servers.
"""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs, urlsplit

from .loopback import LoopbackServer

LAYER_PATH = "/arcgis/rest/services/ServicePoints/FeatureServer/0"


def make_features(n: int) -> list[dict]:
    """Offices along a line through New Brunswick, with ArcGIS-style attribute names."""
    return [
        {
            "OBJECTID": i + 1,
            "SITE_NAME": f"Service Centre {i + 1}",
            "NOM_SITE": f"Centre de services {i + 1}",
            "CIVIC_ADDRESS": f"{100 + i} Main Street",
            "GOV_LEVEL": "Provincial" if i % 2 else "Federal",
            "x": -66.6 + (i % 500) * 0.004,
            "y": 45.9 + (i // 500) * 0.01,
        }
        for i in range(n)
    ]


class FakeArcGis(LoopbackServer):
    def __init__(self, n_features: int = 2500, max_record_count: int = 1000, pagination: bool = True) -> None:
        super().__init__()
        self.features = make_features(n_features)
        self.max_record_count = max_record_count
        self.pagination = pagination
        self.faults: list[tuple] = []
        self.ignore_offset = False
        self.endless = False
        self.supports_count = True
        self.requests: list[dict] = []

    @property
    def layer_url(self) -> str:
        return self.url + LAYER_PATH

    # -- responses -------------------------------------------------------------------

    def _metadata(self) -> dict:
        return {
            "id": 0, "name": "ServicePoints", "type": "Feature Layer", "geometryType": "esriGeometryPoint",
            "maxRecordCount": self.max_record_count, "objectIdField": "OBJECTID",
            "advancedQueryCapabilities": {"supportsPagination": self.pagination},
            "fields": [{"name": k, "type": "esriFieldTypeOID" if k == "OBJECTID" else "esriFieldTypeString",
                        "alias": k} for k in self.features[0] if k not in ("x", "y")],
            "extent": {"xmin": -67.0, "ymin": 45.0, "xmax": -64.0, "ymax": 48.0, "spatialReference": {"wkid": 4326}},
            "spatialReference": {"wkid": 4326, "latestWkid": 4326}, "capabilities": "Query",
            "supportedQueryFormats": "JSON, geoJSON",
        }  # fmt: skip

    def _query(self, q: dict) -> dict:
        f = q.get("f", "json")
        if q.get("returnCountOnly") == "true":
            if not self.supports_count:
                return {"error": {"code": 400, "message": "returnCountOnly is not supported", "details": []}}
            return {"count": len(self.features)}
        if q.get("returnIdsOnly") == "true":
            return {"objectIdFieldName": "OBJECTID", "objectIds": [r["OBJECTID"] for r in self.features]}
        if "objectIds" in q:
            wanted = {int(i) for i in q["objectIds"].split(",")}
            rows = [r for r in self.features if r["OBJECTID"] in wanted][: self.max_record_count]
            exceeded = False
        else:
            offset = 0 if self.ignore_offset else int(q.get("resultOffset", 0))
            count = min(int(q.get("resultRecordCount", self.max_record_count)), self.max_record_count)
            rows = self.features[offset : offset + count]
            if self.endless:  # keeps inventing records: never says it is done
                rows = make_features(offset + count)[offset:]
            exceeded = self.endless or offset + count < len(self.features)
        if f == "geojson":
            doc = {"type": "FeatureCollection", "features": [
                {"type": "Feature", "id": r["OBJECTID"], "geometry": {"type": "Point", "coordinates": [r["x"], r["y"]]},
                 "properties": {k: v for k, v in r.items() if k not in ("x", "y")}} for r in rows]}  # fmt: skip
            if exceeded:
                doc["properties"] = {"exceededTransferLimit": True}
            return doc
        doc = {"objectIdFieldName": "OBJECTID", "geometryType": "esriGeometryPoint",
               "spatialReference": {"wkid": 4326, "latestWkid": 4326},
               "features": [{"attributes": {k: v for k, v in r.items() if k not in ("x", "y")},
                             "geometry": {"x": r["x"], "y": r["y"]}} for r in rows]}  # fmt: skip
        if exceeded:
            doc["exceededTransferLimit"] = True
        return doc

    def handle(self, handler, path):
        parts = urlsplit(path)
        q = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.requests.append({"path": parts.path, **q})
        if self.faults:
            kind, *args = self.faults.pop(0)
            if kind == "status":
                return self.send(
                    handler, args[0], b'{"message": "busy"}', headers=args[1] if len(args) > 1 else {}
                )
            if kind == "sleep":
                time.sleep(args[0])
            if kind == "truncated":
                return self.send(handler, 200, b'{"type": "FeatureCollection", "features": [{"type": "Fea')
            if kind == "html":
                return self.send(handler, 200, b"<html><body>Service unavailable</body></html>", "text/html")
            if kind == "error200":
                body = {"error": {"code": 400, "message": "Unable to complete operation.",
                                  "details": ["Invalid query parameters."]}}  # fmt: skip
                return self.send(handler, 200, json.dumps(body).encode())
            if kind == "huge":
                return self.send(handler, 200, b'{"pad": "' + b"x" * args[0] + b'"}')
        if parts.path == LAYER_PATH:
            return self.send(handler, 200, json.dumps(self._metadata()).encode())
        if parts.path == LAYER_PATH + "/query":
            return self.send(handler, 200, json.dumps(self._query(q)).encode())
        return self.send(handler, 404, b"<html>Not found</html>", "text/html")
