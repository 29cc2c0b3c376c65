"""Contribute and review through the Processing algorithms, in a real QGIS, against a real PostGIS.

The round trip is the one the working group described: check out → edit 3 points,
add 2, delete 1 → validate → build → submit → apply → the shared store equals the
expected table, the audit log has 6 entries, and a second checkout sees the changes.
"""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsFieldConstraints,
    QgsProcessingException,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)

from crs_plugin.core.store import GeoPackageStore
from tests.checkout_edits import NEW_POINT, checkout_fids, edit_checkout, write_sample_checkout
from tests.conftest import store_basic_auth


def save_connection(shared, role: str, name: str) -> str:
    """A QGIS PostgreSQL connection whose password lives in QGIS's auth database."""
    authcfg = store_basic_auth(name, role, role + "-pw")
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = f"host=127.0.0.1 port={shared.cluster.port} dbname={shared.dbname} authcfg={authcfg}"
    metadata.saveConnection(metadata.createConnection(uri, {}), name)
    return name


@pytest.fixture
def connections(shared):
    return {
        role: save_connection(shared, role, f"{shared.dbname}-{role}") for role in ("nb_editor", "geomapping")
    }


def run(algorithm, params):
    import processing

    return processing.run(f"crs:{algorithm}", params)


def test_round_trip_through_the_algorithms(crs_provider, shared, connections, tmp_path):
    checkout = tmp_path / "nb.gpkg"
    result = run(
        "checkout", {"SHARED_STORE": connections["nb_editor"], "JURISDICTION": "NB", "OUTPUT": str(checkout)}
    )
    assert (result["POINTS"], result["BASE_VERSION"]) == (23, 1)
    layer = QgsVectorLayer(f"{checkout}|layername=service_points", "checkout", "ogr")
    assert layer.featureCount() == 23
    # The form came with the file: drop-downs, constraints, today's date on edit.
    channel = layer.fields().indexFromName("channel")
    assert layer.editorWidgetSetup(channel).type() == "ValueMap"
    assert (
        layer.fieldConstraints(layer.fields().indexFromName("organization"))
        & QgsFieldConstraints.ConstraintNotNull
    )
    assert layer.defaultValueDefinition(layer.fields().indexFromName("last_verified")).applyOnUpdate()
    assert layer.attributeAlias(channel) in ("Channel", "Mode de prestation")
    feature = next(layer.getFeatures())
    for name, good, bad in (("postal_code", "E3B 1A1", "12345"), ("services", "passport;sin", "passport;teleport"),
                            ("phone", "506-555-0100", "call me")):  # fmt: skip
        index = layer.fields().indexFromName(name)
        feature[name] = good
        assert QgsVectorLayerUtils.validateAttribute(layer, feature, index)[0], name
        feature[name] = bad
        assert not QgsVectorLayerUtils.validateAttribute(layer, feature, index)[0], name
    del layer

    fids = checkout_fids(checkout)
    new = [dict(NEW_POINT, point_id=f"snb_service_centres:qgis{i}", source_record_id=f"qgis{i}",
                geom=(-66.0 + i / 10, 46.2)) for i in range(2)]  # fmt: skip
    edit_checkout(checkout, {fids[0]: {"name_fr": "Centre rénové"}, fids[1]: {"hours": "Lun-Ven 8 h 30-16 h 30"},
                             fids[2]: {"geom": (-64.80, 46.09)}}, new, deletes=[fids[5]])  # fmt: skip

    problems = run("validate", {"INPUT": f"{checkout}|layername=service_points", "OUTPUT": "memory:"})
    assert problems["ERRORS"] == 0

    package = tmp_path / "nb.crs.zip"
    built = run("buildsubmission", {"CHECKOUT": str(checkout), "CONTRIBUTOR": "SNB GIS <gis@snb.ca>",
                                    "OUTPUT": str(package)})  # fmt: skip
    assert (built["INSERTS"], built["UPDATES"], built["DELETES"]) == (2, 3, 1)
    submitted = run("submit", {"PACKAGE": str(package), "SHARED_STORE": connections["nb_editor"]})

    review = run("applysubmission", {"SHARED_STORE": connections["geomapping"],
                                     "SUBMISSION_ID": submitted["SUBMISSION_ID"], "ACTION": 0, "OUTPUT": "memory:"})  # fmt: skip
    assert review["APPLIED"] == 0 and shared.admin.version() == 1  # review writes nothing
    report = review["OUTPUT"]  # one row per changed field, each still to apply
    updates = sorted((f["field"], f["result"]) for f in report.getFeatures() if f["operation"] == "update")
    assert updates == [("geom", "applied"), ("hours", "applied"), ("name_fr", "applied")]
    assert {f["result"] for f in report.getFeatures()} == {"applied"}

    applied = run("applysubmission", {"SHARED_STORE": connections["geomapping"],
                                      "SUBMISSION_ID": submitted["SUBMISSION_ID"], "ACTION": 1})  # fmt: skip
    assert (applied["APPLIED"], applied["CONFLICTS"], applied["STORE_VERSION"]) == (6, 0, 2)
    assert shared.query("SELECT count(*) FROM crs.audit_log") == [(6,)]

    points = shared.admin.points()
    base = GeoPackageStore(checkout).read_points()  # the edited checkout is now the expected table
    nb = {pid: row for pid, row in points.items() if row.values["jurisdiction"] == "NB"}
    assert sorted(nb) == sorted(base.columns["point_id"])
    for i, pid in enumerate(base.columns["point_id"]):
        for name, column in base.columns.items():
            assert nb[pid].values[name] == column[i], (pid, name)
        assert (nb[pid].x, nb[pid].y) == pytest.approx((base.lon[i], base.lat[i]), abs=1e-12)

    again = tmp_path / "again.gpkg"
    second = run(
        "checkout", {"SHARED_STORE": connections["nb_editor"], "JURISDICTION": "NB", "OUTPUT": str(again)}
    )
    assert (second["POINTS"], second["BASE_VERSION"]) == (24, 2)


def test_build_is_blocked_by_validation_errors(crs_provider, shared, connections, tmp_path):
    checkout = tmp_path / "nb.gpkg"
    run("checkout", {"SHARED_STORE": connections["nb_editor"], "JURISDICTION": "NB", "OUTPUT": str(checkout)})
    fids = checkout_fids(checkout)
    # New Brunswick is bilingual, and Vancouver is not in New Brunswick.
    edit_checkout(checkout, {fids[0]: {"name_fr": None}, fids[1]: {"geom": (-123.1, 49.28)},
                             fids[2]: {"postal_code": "V6B 1A1"}})  # fmt: skip
    result = run("validate", {"INPUT": f"{checkout}|layername=service_points", "OUTPUT": "memory:"})
    assert (result["ERRORS"], result["WARNINGS"]) == (2, 1)
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        from qgis.core import QgsProcessingUtils

        layer = QgsProcessingUtils.mapLayerFromString(layer, None)
    codes = sorted((f["severity"], f["code"], f["fid"]) for f in layer.getFeatures())
    assert codes == [("error", "bilingual_name", fids[0]), ("error", "outside_jurisdiction", fids[1]),
                     ("warning", "postal_code_province", fids[2])]  # fmt: skip
    with pytest.raises(QgsProcessingException, match=r"2 error\(s\)"):
        run(
            "buildsubmission",
            {"CHECKOUT": str(checkout), "CONTRIBUTOR": "x", "OUTPUT": str(tmp_path / "p.crs.zip")},
        )
    assert not (tmp_path / "p.crs.zip").exists()


def signing_key_config(shared, role: str) -> str:
    """The contributor's signing key as the plugin keeps it: a configuration in QGIS's auth database."""
    return store_basic_auth(f"{shared.dbname}-{role}-signing", role, shared.signing_keys[role])


def test_folder_transport_then_apply_from_the_package(crs_provider, shared, connections, tmp_path):
    checkout = tmp_path / "nb.gpkg"
    run("checkout", {"SHARED_STORE": connections["nb_editor"], "JURISDICTION": "NB", "OUTPUT": str(checkout)})
    edit_checkout(checkout, {checkout_fids(checkout)[0]: {"phone": "506-555-0123"}})
    run("buildsubmission", {"CHECKOUT": str(checkout), "CONTRIBUTOR": "x", "OUTPUT": str(tmp_path / "p.crs.zip"),
                            "SIGNING_KEY": signing_key_config(shared, "nb_editor")})  # fmt: skip
    sent = run("submit", {"PACKAGE": str(tmp_path / "p.crs.zip"), "FOLDER": str(tmp_path / "inbox")})[
        "SENT_TO"
    ]
    for _ in range(3):  # looking writes nothing: no submission staged, whatever the policy
        for policy in range(3):
            review = run("applysubmission", {"SHARED_STORE": connections["geomapping"], "PACKAGE": sent, "ACTION": 0,
                                             "CONFLICT_POLICY": policy})  # fmt: skip
            assert review["APPLIED"] == 0
    assert shared.query("SELECT count(*) FROM crs.submissions") == [(0,)] and shared.admin.version() == 1
    applied = run(
        "applysubmission", {"SHARED_STORE": connections["geomapping"], "PACKAGE": sent, "ACTION": 1}
    )
    assert applied["APPLIED"] == 1 and applied["CONTRIBUTOR"] == "nb_editor"
    assert shared.query("SELECT count(*) FROM crs.service_points WHERE phone = '506-555-0123'") == [(1,)]
    assert shared.query("SELECT contributor_role, jurisdiction, status FROM crs.submissions") == [
        ("nb_editor", "NB", "applied")
    ]


def test_unknown_connection_is_a_clear_error(crs_provider, tmp_path):
    with pytest.raises(QgsProcessingException):
        run(
            "checkout",
            {"SHARED_STORE": "no-such-connection", "JURISDICTION": "NB", "OUTPUT": str(tmp_path / "x.gpkg")},
        )


def test_boundaries_make_the_location_check_exact(crs_provider, sample_store, tmp_path):
    """A point in Maine is inside New Brunswick's extent but not inside its boundary."""
    import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    path = write_sample_checkout(sample_store, tmp_path / "nb.gpkg")
    fids = checkout_fids(path)
    edit_checkout(path, {fids[0]: {"geom": (-68.5, 45.5)}})  # Maine
    boundary = QgsVectorLayer("Polygon?crs=EPSG:4326&field=PRUID:string", "provinces", "memory")
    feature = QgsFeature(boundary.fields())
    # A coarse New Brunswick: its western border follows the St. Croix and Saint John rivers.
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((-67.8 45.1, -67.8 47.1, -69.1 47.4, -68.3 48.1, -64.0 48.1, "
                                            "-63.8 46.0, -66.0 44.6, -67.8 45.1))"))  # fmt: skip
    feature["PRUID"] = "13"
    boundary.dataProvider().addFeature(feature)
    layer = f"{path}|layername=service_points"
    coarse = processing.run("crs:validate", {"INPUT": layer, "OUTPUT": "memory:"})
    exact = processing.run("crs:validate", {"INPUT": layer, "BOUNDARIES": boundary, "OUTPUT": "memory:"})
    assert coarse["ERRORS"] == 0
    assert exact["ERRORS"] == 1
