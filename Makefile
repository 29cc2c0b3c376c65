# CRS Service Points: set-up, demo, tests, packaging.
# `make demo` and `make test` install everything they need on a fresh Debian 12.

SHELL := /bin/bash
# Debian 12 (QGIS 3.22, numpy 1.x) or Debian 13 (QGIS 3.40 LTR, numpy 2.x, in the root that
# `make test-qgis-ltr` builds): the same targets, with the platform's packages and venv.
CODENAME := $(shell . /etc/os-release 2>/dev/null && echo $$VERSION_CODENAME)
ifeq ($(CODENAME),trixie)
VENV ?= .venv-trixie
PG_MAJOR := 17
REQUIREMENTS := requirements-trixie.txt
# Debian 13's shapely 2.1 is built on the system's GEOS, as QGIS is (requirements-trixie.txt).
PLATFORM_PACKAGES := python3-shapely
else
VENV ?= .venv
PG_MAJOR := 15
REQUIREMENTS := requirements.txt
# Debian 12's shapely is 1.8: shapely 2.0 comes from requirements.txt into the venv instead.
PLATFORM_PACKAGES :=
endif
PY := $(VENV)/bin/python
# Test-only tools (frictionless, selenium) whose dependencies would move the plugin's: their own venv.
# One per platform: its Python differs between Debian 12 and 13.
OPENDATA_VENV := .venv-opendata$(if $(filter trixie,$(CODENAME)),-trixie,)
export CRS_OPENDATA_VENV := $(CURDIR)/$(OPENDATA_VENV)
PLUGIN := crs_plugin
VERSION := $(shell sed -n 's/^version=//p' $(PLUGIN)/metadata.txt)
DIST := dist
# Debian packages: QGIS and its Python bindings, a virtual X server for GUI tests,
# NumPy/SciPy/pyproj built against the same libraries as QGIS, PostgreSQL/PostGIS
# for the shared-store tests, Chromium and its WebDriver for the finder page's tests, matplotlib
# and the DejaVu fonts for the planner's curves and the report's charts and layouts, poppler-utils
# (pdftotext, pdftoppm) to read the report's PDFs in the tests and the README's pages.
APT_PACKAGES := qgis python3-qgis qgis-providers xvfb python3-venv python3-pip python3-scipy \
	python3-pyproj postgresql postgresql-$(PG_MAJOR)-postgis-3 zip qgis-server-wfs qgis-server-wfs3 python3-jsonschema python3-psycopg2 python3-cryptography qttools5-dev-tools cgi-mapserver \
	chromium chromium-driver python3-matplotlib fonts-dejavu-core poppler-utils $(PLATFORM_PACKAGES)
TS := $(PLUGIN)/i18n/crs_plugin_fr.ts
QM := $(TS:.ts=.qm)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
QGIS_PROFILE_PLUGINS ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins

export QT_QPA_PLATFORM ?= offscreen
export PYTHONPATH := $(CURDIR)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: deps apt-deps node-deps demo test test-qgis-ltr bench-quick lint format package deploy sample-data clean translations screenshots

# Independent servers the connector tests run against, installed from the package registries
# into the gitignored .cache folder: Koop (npm) and pygeoapi (PyPI, in a virtualenv of its own).
KOOP := .cache/koop
PYGEOAPI := .cache/pygeoapi$(if $(filter trixie,$(CODENAME)),-trixie,)
export CRS_PYGEOAPI_VENV := $(CURDIR)/$(PYGEOAPI)

deps: apt-deps node-deps $(VENV)/.installed $(KOOP)/.installed $(PYGEOAPI)/.installed $(OPENDATA_VENV)/.installed $(QM)

apt-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: $(REQUIREMENTS) requirements-reference.txt | apt-deps
	test -x $(PY) || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r $(REQUIREMENTS)
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -r requirements-reference.txt
	touch $@

# Node.js and npm for Koop: Debian's packages when the machine has no node of its own.
node-deps:
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends nodejs npm; \
	fi

# Koop with its GeoJSON file provider, as pinned by the lock file (install scripts are not needed).
$(KOOP)/.installed: tests/servers/koop/package.json tests/servers/koop/package-lock.json | node-deps
	mkdir -p $(KOOP)
	cp tests/servers/koop/package.json tests/servers/koop/package-lock.json $(KOOP)/
	cd $(KOOP) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# pygeoapi in its own virtualenv: its numpy 2 and shapely 2.2 stay out of the plugin's .venv.
$(PYGEOAPI)/.installed: tests/servers/pygeoapi-requirements.txt | apt-deps
	test -x $(PYGEOAPI)/bin/python || /usr/bin/python3 -m venv $(PYGEOAPI)
	$(PYGEOAPI)/bin/python -m pip install -q --disable-pip-version-check -r $<
$(OPENDATA_VENV)/.installed: requirements-opendata.txt | apt-deps
	test -x $(OPENDATA_VENV)/bin/python || /usr/bin/python3 -m venv $(OPENDATA_VENV)
	$(OPENDATA_VENV)/bin/python -m pip install -q --disable-pip-version-check --no-deps -r requirements-opendata.txt
	touch $@

# French interface: Qt's lrelease compiles the translation QGIS loads.
translations: $(QM)

$(QM): $(TS) | apt-deps
	/usr/lib/qt5/bin/lrelease -silent $< -qm $@

# Screenshots of the dock (English and French) used in the README, of a real desktop
# session (docs/desktop_<step>_<lang>.png, taken by tests/desktop/test_desktop_session.py), and
# of each step of the Add source dialog (docs/add_source_<step>_<lang>.png).
screenshots: deps
	$(PY) scripts/screenshots.py docs
	CRS_UPDATE_SCREENSHOTS=1 $(PY) -m pytest tests/desktop -q
	CRS_UPDATE_SCREENSHOTS=1 $(PY) -m pytest tests/qgis/test_add_source_dialog.py -q -k step_by_step

demo: deps
	$(PY) scripts/demo.py demo_output

# Every benchmark at its quick size on this machine's QGIS, for the README's table of releases
# (`scripts/qgis_ltr.sh bench-quick` on 3.40; `python scripts/benchmark_table.py table` prints it).
bench-quick: deps
	$(PY) scripts/benchmark_table.py run

# The whole test suite again on QGIS 3.40 LTR (Debian 13), in a root built once and kept.
test-qgis-ltr:
	scripts/qgis_ltr.sh test

test: deps
	$(PY) -m pytest tests; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing on purpose"; exit 1; fi; \
	exit $$rc

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: deps
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

sample-data: deps
	$(PY) scripts/generate_sample_data.py

# A zip for QGIS's "Install from ZIP": the package only, without caches.
package: $(QM)
	mkdir -p $(DIST)
	rm -f $(DIST)/$(PLUGIN)-$(VERSION).zip
	zip -qr $(DIST)/$(PLUGIN)-$(VERSION).zip $(PLUGIN) -x '*__pycache__*' '*.pyc' '*.ts'
	@echo "$(DIST)/$(PLUGIN)-$(VERSION).zip"

deploy:
	mkdir -p "$(QGIS_PROFILE_PLUGINS)"
	rm -rf "$(QGIS_PROFILE_PLUGINS)/$(PLUGIN)"
	cp -r $(PLUGIN) "$(QGIS_PROFILE_PLUGINS)/"
	find "$(QGIS_PROFILE_PLUGINS)/$(PLUGIN)" -name __pycache__ -prune -exec rm -rf {} +
	@echo "Deployed to $(QGIS_PROFILE_PLUGINS)/$(PLUGIN); enable it in Plugins > Manage and Install Plugins."

clean:
	rm -rf $(DIST) demo_output .pytest_cache
