"""The Python packages the plugin needs, installed into a folder of its own with QGIS's Python.

Many QGIS installs lack shapely 2, SciPy, pyproj or pygeodiff (Debian 12's QGIS, Ubuntu,
macOS), and PEP 668 makes ``pip install --user`` fail on current Linux distributions. As the
qpip plugin does, the packages go into a folder of the plugin's own with ``pip install
--target`` run by QGIS's own Python; that folder is put on ``sys.path`` when the plugin
loads. The system Python is not touched. Packages built on numpy are installed without their
dependencies, so that the numpy QGIS was built with stays the one in use.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..core.i18n import tr

#: What to ask pip for, per requirement (name as the plugin checks it -> pip specifiers).
PIP_SPECIFIERS = {
    "shapely": ["shapely>=2,<2.1"],  # shapely 2.0's wheels carry GEOS 3.11, not newer than QGIS's
    "scipy": ["scipy"],
    "numpy": ["numpy<2"],
    "pyproj": ["pyproj", "certifi"],
    "jsonschema": ["jsonschema", "attrs", "jsonschema-specifications", "referencing", "rpds-py"],
    "pygeodiff": ["pygeodiff"],
    "psycopg2": ["psycopg2-binary"],
    "cryptography": ["cryptography", "cffi", "pycparser"],
}


def dependencies_folder() -> Path:
    """The plugin's own package folder, in the QGIS profile (kept across plugin upgrades)."""
    try:
        from qgis.core import QgsApplication

        base = Path(QgsApplication.qgisSettingsDirPath())
    except ImportError:  # pragma: no cover - outside QGIS
        base = Path.home() / ".local" / "share" / "QGIS" / "QGIS3" / "profiles" / "default"
    return base / "python" / "crs_service_points_packages"


def use_installed_dependencies(folder: Path | None = None) -> None:
    """Put the plugin's package folder first on ``sys.path`` (its shapely 2 before an older one)."""
    folder = folder or dependencies_folder()
    if folder.is_dir() and str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def qgis_python() -> str:
    """QGIS's own Python interpreter (inside QGIS, ``sys.executable`` is QGIS itself)."""
    candidates = [sys.executable] if Path(sys.executable).name.startswith("python") else []
    if os.name == "nt":
        candidates += [str(Path(sys.exec_prefix) / "python.exe"), str(Path(sys.exec_prefix) / "python3.exe")]
    else:
        version = f"{sys.version_info.major}.{sys.version_info.minor}"
        candidates += [
            str(Path(sys.exec_prefix) / "bin" / f"python{version}"),
            str(Path(sys.exec_prefix) / "bin" / "python3"),
        ]
    for candidate in candidates:
        if Path(candidate).exists():
            return candidate
    raise FileNotFoundError(tr("QGIS's Python interpreter was not found next to QGIS."))


def install_command(missing: list[str], folder: Path, python: str | None = None) -> list[str]:
    """The pip command installing the named requirements (names as the plugin checks them)."""
    names = [m.split()[0] for m in missing]
    specifiers = [s for name in names for s in PIP_SPECIFIERS.get(name, [name])]
    return [python or qgis_python(), "-m", "pip", "install", "--target", str(folder), "--upgrade", "--no-deps",
            "--disable-pip-version-check", "--no-warn-script-location", *specifiers]  # fmt: skip


def install(missing: list[str], folder: Path | None = None, python: str | None = None) -> str:
    """Install ``missing`` into the plugin's folder; pip's output. RuntimeError with pip's
    own words when it fails (no pip in QGIS's Python, no network, no wheel for this Python)."""
    folder = folder or dependencies_folder()
    folder.mkdir(parents=True, exist_ok=True)
    command = install_command(missing, folder, python)
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=900)  # noqa: S603 - fixed program
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RuntimeError(tr("pip could not be run ({error}).").format(error=exc)) from None
    if run.returncode != 0:
        words = (run.stderr or run.stdout).strip().splitlines()
        hint = ""
        if "No module named pip" in run.stderr:
            hint = " " + tr(
                "QGIS's Python has no pip: install it (Debian/Ubuntu: sudo apt install python3-pip) and try again."
            )
        raise RuntimeError(
            (words[-1] if words else tr("pip exited with {code}").format(code=run.returncode)) + hint
        )
    return run.stdout
