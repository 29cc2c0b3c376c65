"""Missing packages installed into the plugin's own folder with QGIS's Python, as an analyst's
QGIS without shapely 2 or pygeodiff does it: pip --target, nothing in the system Python."""

from __future__ import annotations

import subprocess
import sys

from crs_plugin.toolbelt.dependencies import install, install_command, qgis_python, use_installed_dependencies

SYSTEM_PYTHON = "/usr/bin/python3"  # QGIS's own Python on Debian


def test_install_into_a_folder_of_its_own_and_import_from_there(tmp_path):
    folder = tmp_path / "packages"
    output = install(["pygeodiff >= 2.0"], folder=folder, python=SYSTEM_PYTHON)
    assert "pygeodiff" in output
    found = subprocess.run([SYSTEM_PYTHON, "-c", "import sys; sys.path.insert(0, sys.argv[1]); import pygeodiff; "
                            "print(pygeodiff.__file__)", str(folder)], capture_output=True, text=True, check=True)  # fmt: skip
    assert found.stdout.strip().startswith(str(folder))
    system = subprocess.run([SYSTEM_PYTHON, "-c", "import importlib.util as u; print(u.find_spec('pygeodiff'))"],
                            capture_output=True, text=True, check=True)  # fmt: skip
    assert str(folder) not in system.stdout  # the system Python is left as it was


def test_packages_built_on_numpy_keep_qgis_numpy(tmp_path):
    command = install_command(["shapely >= 2.0", "scipy >= 1.5"], tmp_path, python=SYSTEM_PYTHON)
    assert "--no-deps" in command and "--target" in command
    assert "shapely>=2,<2.1" in command and not any(c.startswith("numpy") for c in command)


def test_the_folder_goes_first_on_the_path(tmp_path, monkeypatch):
    (tmp_path / "crs_probe_module.py").write_text("WHERE = 'plugin folder'\n")
    monkeypatch.setattr(sys, "path", list(sys.path))
    use_installed_dependencies(tmp_path)
    assert sys.path[0] == str(tmp_path)
    import crs_probe_module

    assert crs_probe_module.WHERE == "plugin folder"


def test_qgis_python_is_an_interpreter():
    assert subprocess.run([qgis_python(), "-c", "pass"], check=True).returncode == 0
