# CRS Service Points: set-up, demo, tests, packaging.
# `make demo` and `make test` install everything they need on a fresh Debian 12.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PLUGIN := crs_plugin
VERSION := $(shell sed -n 's/^version=//p' $(PLUGIN)/metadata.txt)
DIST := dist
# Debian packages: QGIS and its Python bindings, a virtual X server for GUI tests,
# NumPy/SciPy/pyproj built against the same libraries as QGIS, PostgreSQL/PostGIS
# for the shared-store tests; matplotlib and the DejaVu fonts for the report's charts and layouts,
# poppler-utils (pdftotext, pdftoppm) to read the report's PDFs in the tests and the README's pages.
APT_PACKAGES := qgis python3-qgis qgis-providers xvfb python3-venv python3-scipy \
	python3-pyproj postgresql postgresql-15-postgis-3 zip qgis-server-wfs qgis-server-wfs3 python3-jsonschema python3-psycopg2 qttools5-dev-tools cgi-mapserver \
	python3-matplotlib fonts-dejavu-core poppler-utils
TS := $(PLUGIN)/i18n/crs_plugin_fr.ts
QM := $(TS:.ts=.qm)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
QGIS_PROFILE_PLUGINS ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins

export QT_QPA_PLATFORM ?= offscreen
export PYTHONPATH := $(CURDIR)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: deps apt-deps demo test lint format package deploy sample-data clean translations screenshots

deps: apt-deps $(VENV)/.installed $(QM)

apt-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: requirements.txt requirements-reference.txt | apt-deps
	test -x $(PY) || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -r requirements-reference.txt
	touch $@

# French interface: Qt's lrelease compiles the translation QGIS loads.
translations: $(QM)

$(QM): $(TS) | apt-deps
	/usr/lib/qt5/bin/lrelease -silent $< -qm $@

# Screenshots of the dock (English and French) used in the README, and of a real desktop
# session (docs/desktop_<step>_<lang>.png, taken by tests/desktop/test_desktop_session.py).
screenshots: deps
	$(PY) scripts/screenshots.py docs
	CRS_UPDATE_SCREENSHOTS=1 $(PY) -m pytest tests/desktop -q

demo: deps
	$(PY) scripts/demo.py demo_output

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
