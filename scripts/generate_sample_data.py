"""Generate the embedded sample data, deterministically (fixed seed).

    python scripts/generate_sample_data.py [OUTPUT_DIR]

Writes to ``crs_plugin/data/sample/`` by default. Everything is synthetic but
shaped like the real sources described in ``shared/SOURCES.md``: real city
locations in British Columbia and New Brunswick, source files with each
publisher's own column names, and dissemination-area-like polygons (Voronoi
cells around settlement-weighted seeds, clipped to a simplified province
outline) in Statistics Canada Lambert (EPSG:3347) with 2021-style DAUID/DGUID
codes and randomly rounded populations, some zero and some suppressed.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import shapely  # noqa: E402
from osgeo import ogr, osr  # noqa: E402

from crs_plugin.core.crs import transform_xy  # noqa: E402

ogr.UseExceptions()
SEED = 20181024  # the MSDO conference, October 2018

# name, lon, lat, weight (relative population), CSD code (Statistics Canada style)
BC_CITIES = [
    ("Vancouver", -123.116, 49.283, 60, "5915022"), ("Surrey", -122.849, 49.104, 50, "5915004"),
    ("Burnaby", -122.980, 49.249, 22, "5915025"), ("Richmond", -123.137, 49.166, 20, "5915015"),
    ("Abbotsford", -122.305, 49.050, 14, "5909052"), ("Victoria", -123.366, 48.428, 25, "5917034"),
    ("Kelowna", -119.496, 49.888, 14, "5935010"), ("Kamloops", -120.327, 50.676, 9, "5933042"),
    ("Nanaimo", -123.940, 49.166, 9, "5921007"), ("Prince George", -122.749, 53.917, 7, "5953023"),
    ("Chilliwack", -121.951, 49.158, 8, "5909020"), ("Vernon", -119.272, 50.267, 4, "5937014"),
    ("Penticton", -119.593, 49.499, 3, "5907041"), ("Cranbrook", -115.769, 49.512, 2, "5901022"),
    ("Fort St. John", -120.847, 56.252, 2, "5955034"), ("Terrace", -128.603, 54.517, 1, "5949011"),
    ("Prince Rupert", -130.320, 54.315, 1, "5947012"), ("Williams Lake", -122.142, 52.141, 1, "5941013"),
    ("Quesnel", -122.493, 52.978, 1, "5941005"), ("Nelson", -117.295, 49.493, 1, "5903015"),
    ("Campbell River", -125.244, 50.024, 3, "5924034"), ("Courtenay", -124.993, 49.687, 3, "5926010"),
    ("Dawson Creek", -120.236, 55.760, 1, "5955014"), ("Smithers", -127.176, 54.781, 1, "5951043"),
    ("100 Mile House", -121.297, 51.644, 1, "5941009"), ("Powell River", -124.525, 49.835, 1, "5927008"),
    ("Salmon Arm", -119.283, 50.700, 2, "5939032"), ("Squamish", -123.155, 49.702, 2, "5931006"),
    ("Fort Nelson", -122.697, 58.806, 1, "5959007"), ("Revelstoke", -118.196, 50.998, 1, "5939019"),
]  # fmt: skip
NB_CITIES = [
    ("Moncton", -64.779, 46.088, 12, "1307022"), ("Saint John", -66.063, 45.273, 11, "1301006"),
    ("Fredericton", -66.643, 45.964, 10, "1310032"), ("Dieppe", -64.687, 46.098, 4, "1307045"),
    ("Riverview", -64.806, 46.061, 3, "1306020"), ("Miramichi", -65.466, 47.029, 3, "1309050"),
    ("Edmundston", -68.322, 47.373, 3, "1313027"), ("Bathurst", -65.651, 47.618, 2, "1315011"),
    ("Campbellton", -66.677, 48.005, 1, "1314014"), ("Oromocto", -66.479, 45.849, 2, "1303012"),
    ("Grand Falls", -67.739, 47.047, 1, "1312019"), ("Woodstock", -67.576, 46.152, 1, "1311027"),
    ("Sackville", -64.373, 45.896, 1, "1307013"), ("Shediac", -64.535, 46.219, 1, "1307009"),
    ("Caraquet", -64.943, 47.794, 1, "1315028"), ("Shippagan", -64.707, 47.744, 1, "1315036"),
    ("Sussex", -65.507, 45.724, 1, "1305014"), ("St. Stephen", -67.276, 45.193, 1, "1302037"),
    ("Tracadie", -64.906, 47.513, 1, "1315051"), ("Richibucto", -64.880, 46.681, 1, "1308012"),
    ("Saint-Quentin", -67.391, 47.512, 1, "1313002"), ("Quispamsis", -65.946, 45.432, 3, "1305045"),
    ("Perth-Andover", -67.704, 46.746, 1, "1312008"),
]  # fmt: skip
# Smaller communities: a village office each, Service Canada outreach in some.
SMALL_TOWNS = [
    ("Hope", -121.442, 49.380, "BC", "5909009"), ("Golden", -116.963, 51.298, "BC", "5939011"),
    ("Merritt", -120.789, 50.112, "BC", "5933006"), ("Port Hardy", -127.419, 50.722, "BC", "5943017"),
    ("Sechelt", -123.754, 49.474, "BC", "5929005"), ("Trail", -117.705, 49.095, "BC", "5905014"),
    ("Creston", -116.513, 49.096, "BC", "5903004"), ("Invermere", -116.030, 50.507, "BC", "5901039"),
    ("Vanderhoof", -124.004, 54.017, "BC", "5951007"), ("Burns Lake", -125.764, 54.230, "BC", "5951028"),
    ("Hazelton", -127.671, 55.256, "BC", "5949018"), ("Lillooet", -121.937, 50.686, "BC", "5931012"),
    ("Clearwater", -120.038, 51.649, "BC", "5933080"), ("Fernie", -115.063, 49.504, "BC", "5901012"),
    ("Grand Forks", -118.445, 49.030, "BC", "5905032"), ("Port Alberni", -124.805, 49.234, "BC", "5923008"),
    ("Duncan", -123.708, 48.779, "BC", "5919012"), ("Mackenzie", -123.094, 55.338, "BC", "5953033"),
    ("Chetwynd", -121.630, 55.697, "BC", "5955010"), ("Valemount", -119.266, 52.831, "BC", "5953007"),
    ("Kitimat", -128.651, 54.053, "BC", "5949005"), ("Ucluelet", -125.545, 48.942, "BC", "5923025"),
    ("Princeton", -120.510, 49.459, "BC", "5907005"), ("Osoyoos", -119.468, 49.032, "BC", "5907014"),
    ("Castlegar", -117.659, 49.325, "BC", "5903045"), ("Sicamous", -118.980, 50.837, "BC", "5939007"),
    ("Grand Manan", -66.822, 44.713, "NB", "1302004"), ("Saint-Léonard", -67.925, 47.163, "NB", "1312006"),
    ("Kedgwick", -67.340, 47.645, "NB", "1314022"), ("Bouctouche", -64.727, 46.468, "NB", "1308004"),
    ("Neguac", -65.065, 47.243, "NB", "1309024"), ("Plaster Rock", -67.398, 46.910, "NB", "1312024"),
    ("McAdam", -67.326, 45.594, "NB", "1310004"), ("Hartland", -67.521, 46.298, "NB", "1311014"),
    ("St. Andrews", -67.054, 45.074, "NB", "1302011"), ("Rexton", -64.876, 46.648, "NB", "1308014"),
    ("Nackawic", -67.240, 45.995, "NB", "1310054"), ("Chipman", -65.882, 46.170, "NB", "1304012"),
    ("Dalhousie", -66.373, 48.065, "NB", "1314025"), ("Lamèque", -64.655, 47.794, "NB", "1315042"),
    ("Florenceville-Bristol", -67.615, 46.444, "NB", "1311018"), ("Memramcook", -64.561, 46.003, "NB", "1307040"),
]  # fmt: skip
# Simplified province outlines (lon, lat): coarse but with the right shape and extent.
BC_OUTLINE = [
    (-139.05, 60.0), (-120.0, 60.0), (-120.0, 53.8), (-117.5, 52.2), (-115.6, 50.6), (-114.07, 49.0),
    (-123.05, 49.0), (-123.2, 48.3), (-124.7, 48.4), (-125.8, 49.0), (-127.9, 50.1), (-128.5, 50.8),
    (-127.9, 51.6), (-128.3, 52.3), (-130.0, 53.5), (-130.6, 54.7), (-130.0, 55.9), (-131.8, 56.6),
    (-133.5, 58.4), (-135.5, 59.8), (-137.5, 59.2),
]  # fmt: skip
NB_OUTLINE = [
    (-67.8, 45.6), (-67.79, 47.07), (-68.2, 47.35), (-69.05, 47.45), (-68.3, 47.92), (-67.6, 47.99),
    (-66.3, 48.05), (-65.2, 47.85), (-64.5, 47.85), (-64.8, 47.3), (-64.9, 46.7), (-64.5, 46.25),
    (-63.8, 46.0), (-64.3, 45.8), (-64.8, 45.6), (-65.9, 45.2), (-66.5, 45.05), (-67.0, 45.05),
    (-67.3, 45.2),
]  # fmt: skip
STREETS_EN = ["Main St", "Victoria St", "Queen St", "King St", "Water St", "1st Ave", "3rd Ave",
              "Government St", "Columbia St", "George St", "Park Ave", "Centre St"]  # fmt: skip
STREETS_FR = ["rue Principale", "rue du Moulin", "boulevard Saint-Pierre", "rue de l'Église",
              "avenue des Pionniers", "rue Champlain"]  # fmt: skip
LETTERS = "ABCEGHJKLMNPRSTVWXYZ"


class Gen:
    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)

    def jitter(self, lon: float, lat: float, metres: float) -> tuple[float, float]:
        dx, dy = self.rng.normal(0, metres, 2)
        return (round(lon + dx / (111320 * np.cos(np.radians(lat))), 6), round(lat + dy / 110540, 6))

    def postal(self, first: str) -> str:
        r = self.rng
        return f"{first}{r.integers(0, 10)}{r.choice(list(LETTERS))} {r.integers(0, 10)}{r.choice(list(LETTERS))}{r.integers(0, 10)}"

    def address(self, french: bool = False) -> str:
        street = self.rng.choice(STREETS_FR if french else STREETS_EN)
        return f"{self.rng.integers(10, 2999)} {street}"

    def phone(self, area: str) -> str:
        return f"{area} {self.rng.integers(200, 999)}-{self.rng.integers(1000, 9999)}"


def service_canada(g: Gen) -> list[dict]:
    rows = []
    code = 5900
    for prov, cities in (("BC", BC_CITIES), ("NB", NB_CITIES)):
        for name, lon, lat, weight, _csd in cities:
            code += 1
            french = prov == "NB" and name in ("Dieppe", "Edmundston", "Caraquet", "Shippagan",
                                               "Tracadie", "Saint-Quentin", "Bathurst", "Moncton")  # fmt: skip
            if weight >= 2 or prov == "NB":
                kind = (
                    "Service Canada Centre and Passport Office (consolidated)"
                    if weight >= 20
                    else "Service Canada Centre"
                )
                services = "EI|SIN|CPP/OAS|Passport" if weight >= 20 else "EI|SIN|CPP/OAS"
                x, y = g.jitter(lon, lat, 600)
                rows.append(_sc_row(g, str(code), name, prov, kind, services, x, y, french))
                if weight >= 25:  # a second centre in the largest cities
                    x, y = g.jitter(lon, lat, 3000)
                    rows.append(
                        _sc_row(
                            g,
                            f"{code}-2",
                            name,
                            prov,
                            "Service Canada Centre",
                            "EI|SIN|CPP/OAS",
                            x,
                            y,
                            french,
                        )
                    )
            else:
                x, y = g.jitter(lon, lat, 400)
                rows.append(
                    _sc_row(
                        g,
                        f"{prov}-{name[:3].upper()}",
                        name,
                        prov,
                        "Scheduled Outreach Site",
                        "EI|SIN|CPP/OAS",
                        x,
                        y,
                        False,
                    )
                )
    for i, (name, lon, lat, prov, _csd) in enumerate(SMALL_TOWNS):
        if i % 2 == 0:
            x, y = g.jitter(lon, lat, 300)
            rows.append(_sc_row(g, f"{prov}-{name[:4].upper()}{i}", name, prov, "Scheduled Outreach Site",
                                "EI|SIN|CPP/OAS", x, y, prov == "NB"))  # fmt: skip
    # Call centres (channel call_centre) where ESDC runs them.
    for name, lon, lat, prov in (("Bathurst", -65.651, 47.618, "NB"), ("Vancouver", -123.116, 49.283, "BC")):
        x, y = g.jitter(lon, lat, 800)
        row = _sc_row(
            g, f"CC-{name[:3].upper()}", name, prov, "Call Centre", "EI|CPP/OAS", x, y, prov == "NB"
        )
        rows.append(row)
    return rows


#: British Columbia cities whose Service Canada centres serve in English and French (offices
#: designated bilingual under the Official Languages regulations in the largest cities).
BC_BILINGUAL = ("Vancouver", "Surrey", "Burnaby", "Richmond", "Victoria", "Kelowna", "Prince George")


def _sc_row(g, code, city, prov, kind, services, x, y, french) -> dict:
    site = f"{city} East" if code.endswith("-2") else city
    bilingual = prov == "NB" or french or (city in BC_BILINGUAL and kind != "Call Centre")
    return {
        "Office Code": code,
        "Office Name": f"Scheduled Outreach Site - {site}"
        if kind == "Scheduled Outreach Site"
        else f"Service Canada Centre - {site}",
        "Nom du bureau": f"Site de services mobiles prévus - {site}"
        if kind == "Scheduled Outreach Site"
        else f"Centre Service Canada - {site}",
        "Centre Type": kind,
        "Address": g.address(french),
        "City": city,
        "Province": prov,
        "Postal Code": g.postal("V" if prov == "BC" else "E"),
        "Latitude": y,
        "Longitude": x,
        "Language of Service": "Services offered in English and French"
        if bilingual
        else "Services offered in English",
        "Services": services,
    }


def service_bc(g: Gen) -> list[dict]:
    rows = []
    for code, (name, lon, lat, weight, _csd) in enumerate(BC_CITIES, start=61):
        for k in range(1 + weight // 20):
            x, y = g.jitter(lon, lat, 900 + 1500 * k)
            suffix = "" if k == 0 else f" {['', 'North', 'South', 'Central'][k]}"
            rows.append({
                "External Site": f"Service BC - {name}{suffix}",
                "Address": g.address(),
                "Locality": name,
                "Site_Phone_No": g.phone("250" if weight < 20 else "604"),
                "Site_Fax_no": g.phone("250"),
                "Website_URL": f"https://www2.gov.bc.ca/gov/content/governments/organizational-structure/ministries-organizations/ministries/citizens-services/servicebc/locations/{name.lower().replace(' ', '-')}",
                "Site_Email": "ServiceBC@gov.bc.ca",
                "Latitude": y,
                "Longitude": x,
                "Office Code": f"{code}{'' if k == 0 else chr(96 + k)}",
                "Item Type": "Service BC Centre" if weight >= 2 else "Service BC Counter",
                "Path": "/servicebc/locations",
                "Site": f"{name}{suffix}",
            })  # fmt: skip
    # A few more counters in small communities, to reach the real network's size (~65).
    extra = [("Hope", -121.442, 49.380), ("Golden", -116.963, 51.298), ("Merritt", -120.789, 50.112),
             ("Port Hardy", -127.419, 50.722), ("Sechelt", -123.754, 49.474), ("Trail", -117.705, 49.095),
             ("Creston", -116.513, 49.096), ("Invermere", -116.030, 50.507), ("Vanderhoof", -124.004, 54.017),
             ("Burns Lake", -125.764, 54.230), ("Hazelton", -127.671, 55.256), ("Dease Lake", -130.027, 58.437),
             ("Atlin", -133.683, 59.578), ("Lillooet", -121.937, 50.686), ("Clearwater", -120.038, 51.649),
             ("Fernie", -115.063, 49.504), ("Grand Forks", -118.445, 49.030), ("Ganges", -123.498, 48.855),
             ("Port Alberni", -124.805, 49.234), ("Duncan", -123.708, 48.779), ("Mackenzie", -123.094, 55.338),
             ("Chetwynd", -121.630, 55.697), ("Valemount", -119.266, 52.831), ("Bella Coola", -126.757, 52.373),
             ("Queen Charlotte", -132.074, 53.254), ("Kitimat", -128.651, 54.053), ("Ucluelet", -125.545, 48.942),
             ("Gold River", -126.052, 49.777), ("Princeton", -120.510, 49.459), ("Osoyoos", -119.468, 49.032)]  # fmt: skip
    for code, (name, lon, lat) in enumerate(extra, start=140):
        x, y = g.jitter(lon, lat, 300)
        rows.append({
            "External Site": f"Service BC - {name}", "Address": g.address(), "Locality": name,
            "Site_Phone_No": g.phone("250"), "Site_Fax_no": "", "Website_URL": "", "Site_Email": "",
            "Latitude": y, "Longitude": x, "Office Code": str(code), "Item Type": "Service BC Counter",
            "Path": "/servicebc/locations", "Site": name,
        })  # fmt: skip
    return rows


def service_new_brunswick(g: Gen, sc_rows: list[dict]) -> list[dict]:
    """SNB centres; x/y in NB Stereographic (EPSG:2953) as GeoNB publishes them."""
    rows = []
    sc_by_city = {
        r["City"]: r for r in sc_rows if r["Province"] == "NB" and r["Centre Type"] != "Call Centre"
    }
    for code, (name, lon, lat, weight, csd) in enumerate(NB_CITIES, start=1):
        french = name in ("Dieppe", "Edmundston", "Caraquet", "Shippagan", "Tracadie", "Saint-Quentin")
        shared = code % 4 == 0 and name in sc_by_city  # co-located with Service Canada: same building
        if shared:
            lon_, lat_ = g.jitter(sc_by_city[name]["Longitude"], sc_by_city[name]["Latitude"], 15)
            address = sc_by_city[name]["Address"]
        else:
            lon_, lat_ = g.jitter(lon, lat, 700)
            address = g.address(french)
        x, y = transform_xy([lon_], [lat_], "EPSG:4326", "EPSG:2953")
        rows.append({
            "SITE_ID": f"SNB{code:03d}",
            "NAME_E": f"Service New Brunswick - {name}",
            "NAME_F": f"Service Nouveau-Brunswick - {name}",
            "CIVIC_ADDR": address,
            "COMMUNITY": name,
            "POSTAL": g.postal("E"),
            "PHONE": "1-888-762-8600",
            "SERVICES": "Permis de conduire / Driver's licence;Carte santé / Health card;Impôt foncier / Property tax"
            + (";Chasse et pêche / Hunting and fishing" if weight <= 2 else ""),
            "X_2953": round(float(x[0]), 2),
            "Y_2953": round(float(y[0]), 2),
            "CSD_CODE": csd,
        })  # fmt: skip
    return rows


def local_offices(g: Gen) -> list[dict]:
    """Municipal halls and First Nation band offices, as a GeoJSON FeatureCollection."""
    features = []
    for prov, cities in (("BC", BC_CITIES), ("NB", NB_CITIES)):
        for name, lon, lat, weight, csd in cities:
            x, y = g.jitter(lon, lat, 250)
            hall = "City Hall" if weight >= 3 else "Municipal Office"
            features.append(_office_feature(g, f"{csd}-HALL", "Municipality", f"{name} {hall}",
                                            f"Hôtel de ville de {name}", name, prov, csd, x, y))  # fmt: skip
    for name, lon, lat, prov, csd in SMALL_TOWNS:
        x, y = g.jitter(lon, lat, 200)
        features.append(_office_feature(g, f"{csd}-HALL", "Municipality", f"{name} Village Office",
                                        f"Bureau municipal de {name}", name, prov, csd, x, y))  # fmt: skip
    bands = [("Musqueam", -123.195, 49.228, "BC", "5915803"), ("Tk'emlúps te Secwépemc", -120.300, 50.690, "BC", "5933880"),
             ("Lheidli T'enneh", -122.690, 53.880, "BC", "5953802"), ("Cowichan Tribes", -123.690, 48.770, "BC", "5919804"),
             ("Westbank First Nation", -119.620, 49.860, "BC", "5935801"), ("Elsipogtog", -65.010, 46.570, "NB", "1308802"),
             ("Tobique", -67.680, 46.780, "NB", "1312803"), ("Esgenoôpetitj", -65.030, 47.230, "NB", "1309804"),
             ("Sitansisk (St. Mary's)", -66.610, 45.970, "NB", "1310801"), ("Neqotkuk", -67.700, 46.790, "NB", "1312801")]  # fmt: skip
    for name, lon, lat, prov, csd in bands:
        x, y = g.jitter(lon, lat, 200)
        features.append(_office_feature(g, f"{csd}-BAND", "First Nation", f"{name} Band Office",
                                        f"Bureau de bande {name}", name, prov, csd, x, y))  # fmt: skip
    return features


def _office_feature(g, oid, level, name_en, name_fr, town, prov, csd, x, y) -> dict:
    return {
        "type": "Feature",
        "id": oid,
        "geometry": {"type": "Point", "coordinates": [x, y]},
        "properties": {
            "office_name": name_en,
            "nom_bureau": name_fr,
            "gov_level": level,
            "municipality": town,
            "prov": prov,
            "csd_uid": csd,
            "street": g.address(
                prov == "NB"
                and town in ("Dieppe", "Edmundston", "Caraquet", "Shippagan", "Tracadie", "Saint-Quentin")
            ),
            "postal_code": g.postal("V" if prov == "BC" else "E"),
            "telephone": g.phone("506" if prov == "NB" else "250"),
            "services_offered": "Property tax, Permits, General information"
            if level == "Municipality"
            else "General information",
            "updated": f"2024-0{g.rng.integers(1, 10)}-1{g.rng.integers(0, 10)}",
        },
    }


def dissemination_areas(g: Gen) -> list[dict]:
    """DA-like polygons in EPSG:3347 with population counts."""
    out = []
    for prov, pruid, cities, outline, rural in (("BC", "59", BC_CITIES, BC_OUTLINE, 260),
                                                 ("NB", "13", NB_CITIES, NB_OUTLINE, 160)):  # fmt: skip
        lon, lat = np.array(outline).T
        ox, oy = transform_xy(lon, lat, "EPSG:4326", "EPSG:3347")
        province = shapely.Polygon(np.column_stack([ox, oy]))
        seeds = []
        for _name, clon, clat, weight, _csd in cities:
            cx, cy = transform_xy([clon], [clat], "EPSG:4326", "EPSG:3347")
            count = int(8 + weight * 9)
            spread = 1500 + 700 * np.sqrt(weight)
            seeds.append(
                np.column_stack([g.rng.normal(cx[0], spread, count), g.rng.normal(cy[0], spread, count)])
            )
        minx, miny, maxx, maxy = province.bounds
        cand = np.column_stack([g.rng.uniform(minx, maxx, rural * 4), g.rng.uniform(miny, maxy, rural * 4)])
        cand = cand[shapely.contains_xy(province, cand[:, 0], cand[:, 1])][:rural]
        seeds.append(cand)
        pts = np.vstack(seeds)
        pts = pts[shapely.contains_xy(province, pts[:, 0], pts[:, 1])]
        cells = shapely.get_parts(shapely.voronoi_polygons(shapely.MultiPoint(pts), extend_to=province))
        cells = shapely.intersection(cells, province)
        cells = cells[~shapely.is_empty(cells) & (shapely.area(cells) > 1e4)]
        # Order cells west-to-east, south-to-north so DA numbers are stable and readable.
        c = shapely.centroid(cells)
        order = np.lexsort((np.round(shapely.get_y(c), -3), np.round(shapely.get_x(c), -3)))
        cells = shapely.set_precision(cells[order], 0.01)
        area_km2 = shapely.area(cells) / 1e6
        for i, (cell, area) in enumerate(zip(cells, area_km2)):
            urban = area < 50
            pop = int(g.rng.integers(380, 900)) if urban else int(g.rng.integers(150, 700))
            pop = int(5 * round(pop / 5))  # random rounding to multiples of 5, as in the census
            flag = ""
            draw = g.rng.random()
            if draw < 0.03:
                pop = 0  # parks, industrial land
            elif draw < 0.05:
                pop, flag = None, "x"  # suppressed
            dauid = f"{pruid}{(i // 400) + 1:02d}{i % 400 + 1:04d}"
            out.append({"DAUID": dauid, "DGUID": f"2021S0512{dauid}", "PRUID": pruid, "PROV": prov,
                        "LANDAREA": round(float(area), 4), "POP2021": pop, "POP_FLAG": flag, "geom": cell})  # fmt: skip
    return out


#: Francophone communities of New Brunswick: (lon, lat, share of the population whose first
#: official language spoken is French near them). Provincial share: about 31 %.
NB_FRANCOPHONE = [
    (-68.322, 47.373, 0.93), (-64.943, 47.794, 0.96), (-64.707, 47.744, 0.95), (-64.906, 47.513, 0.90),
    (-67.391, 47.512, 0.95), (-64.687, 46.098, 0.72), (-64.779, 46.088, 0.32), (-65.651, 47.618, 0.50),
    (-66.677, 48.005, 0.55), (-64.727, 46.468, 0.85), (-64.880, 46.681, 0.55), (-64.535, 46.219, 0.72),
    (-67.739, 47.047, 0.75), (-67.925, 47.163, 0.80), (-67.340, 47.645, 0.95), (-65.065, 47.243, 0.90),
    (-64.655, 47.794, 0.95), (-64.561, 46.003, 0.75),
]  # fmt: skip
CENSUS_SEED = SEED + 2021  # its own stream: the areas and their populations stay as they were


def census_characteristics(das: list[dict]) -> None:
    """Age, first official language spoken and low income of each area, drawn consistently with its
    population (counts of the same universe add up; random rounding to multiples of 5; NULL where the
    population is suppressed or nobody lives, and low income suppressed in a few more, as the census does).

    Shares follow the 2021 Census for the two provinces: 65 and over about 20 % (BC) and 22 % (NB),
    older in rural areas; first official language French about 31 % in NB, concentrated in the north
    and east, 1.4 % in BC, neither official language about 2 % in BC; low income (LIM-AT) about 12 %
    (BC) and 14 % (NB), higher in rural areas.
    """
    rng = np.random.default_rng(CENSUS_SEED)
    lon, lat = np.array(NB_FRANCOPHONE)[:, :2].T
    fx, fy = transform_xy(lon, lat, "EPSG:4326", "EPSG:3347")
    french_near = np.array(NB_FRANCOPHONE)[:, 2]

    def rounded(value):
        return int(5 * round(value / 5))

    for da in das:
        pop, nb = da["POP2021"], da["PROV"] == "NB"
        rural = da["LANDAREA"] >= 50
        centre = da["geom"].centroid
        draws = rng.random(8)
        if not pop:
            da.update({k: None for k in CENSUS_FIELDS})
            continue
        old = min(0.45, max(0.05, rng.normal((0.22 if nb else 0.20) + (0.04 if rural else 0.0), 0.05)))
        age_65 = min(pop, rounded(pop * old))
        if nb:
            d = np.hypot(fx - centre.x, fy - centre.y)
            weight = np.exp(-((d / 25_000.0) ** 2))
            french = float((weight * french_near).sum() / (weight.sum() + 0.3))
            french = min(0.97, max(0.01, french + rng.normal(0, 0.04)))
            neither = 0.003
        else:
            french = min(0.2, max(0.0, rng.normal(0.014, 0.008)))
            neither = min(0.1, max(0.0, rng.normal(0.02 if not rural else 0.005, 0.01)))
        both = 0.004 + 0.01 * draws[0]
        fols_fr, fols_en_fr, fols_none = rounded(pop * french), rounded(pop * both), rounded(pop * neither)
        fols_en = max(0, pop - fols_fr - fols_en_fr - fols_none)
        low = min(0.6, max(0.02, rng.normal((0.14 if nb else 0.12) + (0.03 if rural else 0.0), 0.04)))
        lim_total = max(0, pop - rounded(pop * 0.01 * draws[1]))  # institutional residents are outside it
        lim_at = min(lim_total, rounded(lim_total * low))
        da.update({"age_total": pop, "age_65_plus": age_65, "fols_total": pop, "fols_en": fols_en, "fols_fr": fols_fr,
                   "fols_en_fr": fols_en_fr, "fols_none": fols_none, "lim_total": lim_total, "lim_at": lim_at,
                   "lim_at_pct": round(100.0 * lim_at / lim_total, 1) if lim_total else None})  # fmt: skip
        if draws[2] < 0.03:  # income suppressed (fewer than 40 private households)
            da.update({"lim_total": None, "lim_at": None, "lim_at_pct": None})


CENSUS_FIELDS = ("age_total", "age_65_plus", "fols_total", "fols_en", "fols_fr", "fols_en_fr", "fols_none",
                 "lim_total", "lim_at", "lim_at_pct")  # fmt: skip


def write_csv(path: Path, rows: list[dict], encoding: str = "utf-8") -> None:
    with path.open("w", newline="", encoding=encoding) as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def write_geojson(path: Path, features: list[dict]) -> None:
    doc = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_das(path: Path, das: list[dict]) -> None:
    if path.exists():
        path.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3347)
    layer = ds.CreateLayer("dissemination_areas", srs, ogr.wkbMultiPolygon, options=["GEOMETRY_NAME=geom"])
    for name, ftype in (("DAUID", ogr.OFTString), ("DGUID", ogr.OFTString), ("PRUID", ogr.OFTString),
                        ("PROV", ogr.OFTString), ("LANDAREA", ogr.OFTReal), ("POP2021", ogr.OFTInteger),
                        ("POP_FLAG", ogr.OFTString)):  # fmt: skip
        layer.CreateField(ogr.FieldDefn(name, ftype))
    for name in CENSUS_FIELDS:  # named as crs:importcensus names them
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal if name.endswith("_pct") else ogr.OFTInteger))
    ds.StartTransaction()
    for da in das:
        feat = ogr.Feature(layer.GetLayerDefn())
        for k, v in da.items():
            if k != "geom" and v is not None:
                feat.SetField(k, v)
        geom = da["geom"]
        if geom.geom_type == "Polygon":
            geom = shapely.MultiPolygon([geom])
        feat.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom)))
        layer.CreateFeature(feat)
    ds.CommitTransaction()


# Moncton, Dieppe and Riverview: the area a shared 311 line answers for (lon, lat ring).
GREATER_MONCTON = [(-64.98, 46.02), (-64.60, 46.02), (-64.58, 46.17), (-64.78, 46.20), (-64.98, 46.14),
                   (-64.98, 46.02)]  # fmt: skip
VANCOUVER = [(-123.23, 49.20), (-123.02, 49.20), (-123.02, 49.32), (-123.23, 49.32), (-123.23, 49.20)]


def contact_centres() -> list[dict]:
    """Call centres and digital services: no counter, a service region (codes or a polygon)."""

    def polygon(ring) -> str:
        return json.dumps({"type": "Polygon", "coordinates": [[list(p) for p in ring]]})

    rows = [
        ("SC-EI-CC", "Employment Insurance contact centre", "Centre d'appels de l'assurance-emploi", "Service Canada",
         "federal", "CA", "call_centre", "employment_insurance", "1-800-206-7218", "", "Mo-Fr 08:30-16:30", "",
         "en;fr", "CA", ""),
        ("SC-PEN-CC", "Canada Pension Plan and Old Age Security contact centre",
         "Centre d'appels du Régime de pensions du Canada et de la Sécurité de la vieillesse", "Service Canada",
         "federal", "CA", "call_centre", "pensions", "1-800-277-9914", "", "Mo-Fr 08:30-16:30", "", "en;fr", "CA", ""),
        ("SBC-CC", "Service BC contact centre", "", "Service BC", "provincial", "BC", "call_centre",
         "general_information;vital_statistics;health_card", "1-800-663-7867", "", "Mo-Fr 07:30-17:00",
         "America/Vancouver", "en;other", "BC", ""),
        ("SBC-ONLINE", "BC Registries online", "", "Service BC", "provincial", "BC", "digital",
         "business_registration", "", "https://www.bcregistry.gov.bc.ca", "", "America/Vancouver", "en", "BC", ""),
        ("SNB-TEL", "Service New Brunswick TeleServices", "TéléServices de Services Nouveau-Brunswick",
         "Service New Brunswick", "provincial", "NB", "call_centre", "general_information;health_card;drivers_licence",
         "1-888-762-8600", "", "Mo-Fr 08:00-17:00", "America/Moncton", "en;fr", "NB", ""),
        ("SNB-ONLINE", "Service New Brunswick online services", "Services en ligne de Services Nouveau-Brunswick",
         "Service New Brunswick", "provincial", "NB", "digital", "property_tax;vital_statistics;drivers_licence", "",
         "https://www2.snb.ca", "", "America/Moncton", "en;fr", "NB", ""),
        ("MONCTON-311", "Greater Moncton 311", "311 du Grand Moncton", "City of Moncton", "municipal", "1307022",
         "call_centre", "property_tax;permits;general_information", "506-853-3333", "", "Mo-Fr 08:00-20:00; Sa 09:00-17:00",
         "America/Moncton", "en;fr", "", polygon(GREATER_MONCTON)),
        ("VANCOUVER-311", "Vancouver 3-1-1", "", "City of Vancouver", "municipal", "5915022", "call_centre",
         "property_tax;permits;general_information", "604-873-7000", "", "Mo-Su 07:00-22:00", "America/Vancouver",
         "en;other", "5915022", polygon(VANCOUVER)),
    ]  # fmt: skip
    columns = ("Record ID", "Name", "Nom", "Organization", "Level", "Jurisdiction", "Channel", "Services", "Phone",
               "Website", "Hours", "Time zone", "Languages", "Region", "Region polygon")  # fmt: skip
    return [{**dict(zip(columns, row)), "Latitude": "", "Longitude": ""} for row in rows]


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    g = Gen(SEED)
    sc = service_canada(g)
    write_csv(out_dir / "service_canada_offices.csv", sc)
    bc = service_bc(g)
    write_csv(out_dir / "service_bc_offices.csv", bc)
    bc_features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["Longitude"], r["Latitude"]]},
         "properties": {k: v for k, v in r.items() if k not in ("Latitude", "Longitude")}}
        for r in bc
    ]  # fmt: skip
    write_geojson(out_dir / "service_bc_offices.geojson", bc_features)
    # Saved by a spreadsheet on Windows: cp1252, semicolons (French accents must survive).
    snb = service_new_brunswick(g, sc)
    with (out_dir / "snb_service_centres.csv").open("w", newline="", encoding="cp1252") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(snb[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(snb)
    write_geojson(out_dir / "local_government_offices.geojson", local_offices(g))
    write_csv(out_dir / "contact_centres_digital.csv", contact_centres())
    das = dissemination_areas(g)
    census_characteristics(das)
    write_das(out_dir / "census_population.gpkg", das)
    print(f"sample data written to {out_dir}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "crs_plugin" / "data" / "sample")
