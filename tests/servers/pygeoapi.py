"""pygeoapi (OGC API Features, the OSGeo project's Python server) on loopback.

Installed by ``make deps`` into a virtualenv of its own (``.cache/pygeoapi``, pinned by
``tests/servers/pygeoapi-requirements.txt``) so that its dependencies never move the
plugin's. ``PygeoapiServer`` writes a configuration with the given collections (each a
pygeoapi provider definition), generates its OpenAPI document and serves it with
pygeoapi's Flask application in a process of its own. pygeoapi caps ``limit`` at
``max_items`` (10 unless told otherwise), as many servers do. It runs under gunicorn, as
pygeoapi is deployed, with ``workers`` processes.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# One virtualenv per platform (its Python differs between Debian 12 and 13): make deps says where.
VENV = Path(os.environ.get("CRS_PYGEOAPI_VENV", ROOT / ".cache" / "pygeoapi"))
PYTHON = VENV / "bin" / "python"
_METADATA = {
    "identification": {"title": "CRS Service Points test API", "description": "Loopback test server",
                       "keywords": ["test"], "keywords_type": "theme", "terms_of_service": "none",
                       "url": "http://127.0.0.1"},
    "license": {"name": "CC-BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "provider": {"name": "CRS Service Points tests", "url": "http://127.0.0.1"},
    "contact": {"name": "tests", "position": "tests", "address": "none", "city": "none", "stateorprovince": "none",
                "postalcode": "none", "country": "CA", "phone": "0", "fax": "0", "email": "tests@example.org",
                "url": "http://127.0.0.1", "hours": "none", "instructions": "none", "role": "pointOfContact"},
}  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PygeoapiServer:
    def __init__(self, collections: dict[str, dict], max_items: int = 10, workers: int = 2) -> None:
        """``collections``: id -> pygeoapi provider definition (``{"name": "GeoJSON", "data": …, "id_field": …}``)."""
        if not PYTHON.exists():
            raise RuntimeError(f"pygeoapi is not installed in {VENV}: run `make deps`.")
        self._dir = Path(tempfile.mkdtemp(prefix="crs_pygeoapi_"))
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        resources = {
            cid: {"type": "collection", "title": cid.replace("_", " ").title(), "description": cid, "keywords": [cid],
                  "links": [], "extents": {"spatial": {"bbox": [-180, -90, 180, 90],
                                                       "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}},
                  "providers": [{"type": "feature", **provider}]}
            for cid, provider in collections.items()
        }  # fmt: skip
        config = {
            "server": {"bind": {"host": "127.0.0.1", "port": self.port}, "url": self.url,
                       "mimetype": "application/json; charset=UTF-8", "encoding": "utf-8", "languages": ["en-US"],
                       "limits": {"default_items": 10, "max_items": max_items},
                       "map": {"url": "http://127.0.0.1/{z}/{x}/{y}.png", "attribution": "none"}},
            "logging": {"level": "ERROR"},
            "metadata": _METADATA,
            "resources": resources,
        }  # fmt: skip
        self._config = self._dir / "config.yml"
        self._config.write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
        self._env = {"PATH": f"{VENV / 'bin'}:/usr/bin:/bin", "PYGEOAPI_CONFIG": str(self._config),
                     "PYGEOAPI_OPENAPI": str(self._dir / "openapi.yml")}  # fmt: skip
        self.workers = workers
        self._process = None

    def __enter__(self):
        subprocess.run(
            [str(VENV / "bin" / "pygeoapi"), "openapi", "generate", str(self._config), "--output-file",
             self._env["PYGEOAPI_OPENAPI"]], env=self._env, check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        self._process = subprocess.Popen(
            [str(VENV / "bin" / "gunicorn"), "--workers", str(self.workers), "--bind", f"127.0.0.1:{self.port}",
             "--log-level", "error", "pygeoapi.flask_app:APP"], env=self._env, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"pygeoapi did not start: {self._process.stderr.read()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/conformance?f=json", timeout=5):  # noqa: S310 - loopback
                    return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("pygeoapi did not answer within 60 s.")

    def __exit__(self, *exc):
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown (SIGTERM waits for workers)
            self._process.wait(timeout=10)
        shutil.rmtree(self._dir, ignore_errors=True)
