/* The public finder: search the package's service points by service and by distance from a
   place (typed coordinates or a click on the map), in English or French. Everything it shows
   is in the page's own data; it fetches nothing. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("finder-data").textContent);
  var RADII = [5, 10, 25, 50, 100, 250, 0];  // km; 0: any distance
  var MAX_LISTED = 100;
  var STRINGS = {
    en: {
      skip: "Skip to results", searchHeading: "Find a service point", serviceLabel: "Service",
      anyService: "Any service", nearLegend: "Near a location", nearHint: "Type coordinates, or click on the map.",
      latLabel: "Latitude", lonLabel: "Longitude", radiusLabel: "Within", anyDistance: "Any distance",
      km: "{n} km", searchButton: "Search", clearButton: "Clear", resultsHeading: "Results", mapHeading: "Map",
      mapHint: "Click on the map to search near that place. Call centres and online services are shown by the outline of the region they serve.",
      mapLabel: "Map of service points",
      badCoordinates: "Give a latitude between 41 and 84 and a longitude between -142 and -52 (decimal degrees), or leave both empty.",
      found: "{n} service points found.", foundOne: "1 service point found.", none: "No service point matches this search.",
      listedFirst: "The {max} nearest are listed.", listedFirstByName: "The first {max} are listed.",
      near: " within {radius} of {lat}, {lon}", away: "{d} km away", serves: "Serves: {regions}",
      servesHere: "Serves this location by {channel}", phone: "Phone: ", hours: "Hours: ", languages: "Languages: ",
      website: "Website", showOnMap: "Show on map", accessibility: "Accessibility: ",
      switchTo: "Français", switchLang: "fr", here: "Search location",
      credits: "Published by {publisher} on {created} under the {licence}. Data: Open Referral HSDS 3. Map: Leaflet.",
      allCanada: "All of Canada"
    },
    fr: {
      skip: "Passer aux résultats", searchHeading: "Trouver un point de service", serviceLabel: "Service",
      anyService: "Tous les services", nearLegend: "Près d'un lieu", nearHint: "Entrez des coordonnées ou cliquez sur la carte.",
      latLabel: "Latitude", lonLabel: "Longitude", radiusLabel: "Dans un rayon de", anyDistance: "Toute distance",
      km: "{n} km", searchButton: "Rechercher", clearButton: "Effacer", resultsHeading: "Résultats", mapHeading: "Carte",
      mapHint: "Cliquez sur la carte pour chercher près de ce lieu. Les centres d'appels et les services en ligne sont représentés par le contour de la région qu'ils desservent.",
      mapLabel: "Carte des points de service",
      badCoordinates: "Entrez une latitude entre 41 et 84 et une longitude entre -142 et -52 (degrés décimaux), ou laissez les deux vides.",
      found: "{n} points de service trouvés.", foundOne: "1 point de service trouvé.", none: "Aucun point de service ne correspond à cette recherche.",
      listedFirst: "Les {max} plus proches sont affichés.", listedFirstByName: "Les {max} premiers sont affichés.",
      near: " dans un rayon de {radius} de {lat}, {lon}", away: "à {d} km", serves: "Dessert : {regions}",
      servesHere: "Dessert ce lieu ({channel})", phone: "Téléphone : ", hours: "Heures : ", languages: "Langues : ",
      website: "Site Web", showOnMap: "Voir sur la carte", accessibility: "Accessibilité : ",
      switchTo: "English", switchLang: "en", here: "Lieu de recherche",
      credits: "Publié par {publisher} le {created} sous la {licence}. Données : Open Referral HSDS 3. Carte : Leaflet.",
      allCanada: "Tout le Canada"
    }
  };
  var PROVINCES = {
    NL: ["Newfoundland and Labrador", "Terre-Neuve-et-Labrador"], PE: ["Prince Edward Island", "Île-du-Prince-Édouard"],
    NS: ["Nova Scotia", "Nouvelle-Écosse"], NB: ["New Brunswick", "Nouveau-Brunswick"], QC: ["Quebec", "Québec"],
    ON: ["Ontario", "Ontario"], MB: ["Manitoba", "Manitoba"], SK: ["Saskatchewan", "Saskatchewan"],
    AB: ["Alberta", "Alberta"], BC: ["British Columbia", "Colombie-Britannique"], YT: ["Yukon", "Yukon"],
    NT: ["Northwest Territories", "Territoires du Nord-Ouest"], NU: ["Nunavut", "Nunavut"]
  };
  var CHANNEL_COLOURS = {call_centre: "#8a3ffc", digital: "#007d79"};
  var ORDER_COLOURS = {federal: "#b51f2e", provincial: "#1f5fa8", territorial: "#1f5fa8", municipal: "#2e7d32",
                       indigenous: "#8a5a00", other: "#555555"};

  var state = {lang: "en", results: [], near: null};
  var el = function (id) { return document.getElementById(id); };
  var lang = function () { return state.lang; };
  var t = function (key, values) {
    var text = STRINGS[lang()][key];
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  };
  var label = function (kind, code) {
    var entry = DATA.labels[kind][code];
    return entry ? entry[lang()] : code;
  };
  var number = function (value, digits) {
    return new Intl.NumberFormat(lang() === "fr" ? "fr-CA" : "en-CA",
      {maximumFractionDigits: digits, minimumFractionDigits: digits}).format(value);
  };
  var pointName = function (p) { return lang() === "fr" ? p.name_fr : p.name_en; };

  function haversineKm(lat1, lon1, lat2, lon2) {
    var rad = Math.PI / 180, dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
    var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
            Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  // -- regions (call centres, digital services) --------------------------------------------
  function inRing(lon, lat, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) { inside = !inside; }
    }
    return inside;
  }
  function inGeometry(lon, lat, geometry) {
    if (!geometry) { return false; }
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] :
                   geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    return polygons.some(function (rings) {
      return inRing(lon, lat, rings[0]) && !rings.slice(1).some(function (hole) { return inRing(lon, lat, hole); });
    });
  }
  var boundaryFeatures = (DATA.boundaries && DATA.boundaries.features) || [];
  function boundariesOf(code) {
    return boundaryFeatures.filter(function (f) { return f.properties && f.properties.code === code; });
  }
  function servesLocation(p, lat, lon) {
    if (p.region_extent && inGeometry(lon, lat, p.region_extent)) { return true; }
    return p.region.some(function (code) {
      if (code === "CA") { return true; }
      return boundariesOf(code).some(function (f) { return inGeometry(lon, lat, f.geometry); });
    });
  }
  function regionNames(p) {
    var names = p.region.map(function (code) {
      if (code === "CA") { return t("allCanada"); }
      if (PROVINCES[code]) { return PROVINCES[code][lang() === "fr" ? 1 : 0]; }
      var f = boundariesOf(code)[0];
      return f && f.properties.name ? f.properties.name : code;
    });
    if (p.region_extent) { names.push(pointName(p)); }
    return names.join(", ");
  }

  // -- search ------------------------------------------------------------------------------
  function readNear() {
    var latText = el("lat").value.trim().replace(",", "."), lonText = el("lon").value.trim().replace(",", ".");
    el("coord-error").textContent = "";
    [el("lat"), el("lon")].forEach(function (input) { input.removeAttribute("aria-invalid"); });
    if (!latText && !lonText) { return null; }
    var lat = Number(latText), lon = Number(lonText);
    if (!latText || !lonText || !isFinite(lat) || !isFinite(lon) || lat < 41 || lat > 84 || lon < -142 || lon > -52) {
      el("coord-error").textContent = t("badCoordinates");
      [el("lat"), el("lon")].forEach(function (input) { input.setAttribute("aria-invalid", "true"); });
      return undefined;
    }
    return {lat: lat, lon: lon};
  }

  function search() {
    var near = readNear();
    if (near === undefined) { el("lat").focus(); return; }
    var service = el("service").value;
    var radius = Number(el("radius").value);
    var found = [];
    DATA.points.forEach(function (p) {
      if (service && p.services.indexOf(service) < 0) { return; }
      var item = {point: p, distance: null, servesHere: false};
      if (near) {
        if (p.regional) {
          if (!servesLocation(p, near.lat, near.lon)) { return; }
          item.servesHere = true;
        } else {
          if (p.lat === null) { return; }
          item.distance = haversineKm(near.lat, near.lon, p.lat, p.lon);
          if (radius > 0 && item.distance > radius) { return; }
        }
      }
      found.push(item);
    });
    found.sort(function (a, b) {
      if (a.servesHere !== b.servesHere) { return a.servesHere ? 1 : -1; }
      if (a.distance !== null && b.distance !== null && a.distance !== b.distance) { return a.distance - b.distance; }
      return pointName(a.point).localeCompare(pointName(b.point), lang());
    });
    state.results = found;
    state.near = near;
    state.searched = true;
    render();
    showSearchLocation();
  }

  function render() {
    var list = el("results");
    list.textContent = "";
    var shown = state.results.slice(0, MAX_LISTED);
    shown.forEach(function (item) { list.appendChild(resultItem(item)); });
    var n = state.results.length;
    var text = n === 0 ? t("none") : n === 1 ? t("foundOne") : t("found", {n: number(n, 0)});
    if (n > MAX_LISTED) { text += " " + t(state.near ? "listedFirst" : "listedFirstByName", {max: MAX_LISTED}); }
    el("status").textContent = text;
    highlightMarkers();
  }

  function paragraph(className, text) {
    var p = document.createElement("p");
    if (className) { p.className = className; }
    p.textContent = text;
    return p;
  }

  function resultItem(item) {
    var p = item.point;
    var li = document.createElement("li");
    li.setAttribute("data-id", p.id);
    var heading = document.createElement("h3");
    heading.textContent = pointName(p);
    li.appendChild(heading);
    li.appendChild(paragraph("meta", [p.organization, label("point_types", p.type), label("channels", p.channel)].join(" · ")));
    if (item.distance !== null) { li.appendChild(paragraph("distance", t("away", {d: number(item.distance, 1)}))); }
    if (item.servesHere) { li.appendChild(paragraph("distance", t("servesHere", {channel: label("channels", p.channel).toLowerCase()}))); }
    var address = [p.address, p.city, p.province, p.postal_code].filter(Boolean).join(", ");
    if (address) { li.appendChild(paragraph("", address)); }
    if (p.regional && (p.region.length || p.region_extent)) { li.appendChild(paragraph("", t("serves", {regions: regionNames(p)}))); }
    if (p.services.length) {
      li.appendChild(paragraph("", p.services.map(function (s) { return label("services", s); }).join(", ")));
    }
    if (p.phone) {
      var phone = paragraph("", t("phone"));
      var a = document.createElement("a");
      a.href = "tel:" + p.phone.replace(/[^0-9+]/g, "");
      a.textContent = p.phone;
      phone.appendChild(a);
      li.appendChild(phone);
    }
    if (p.hours) { li.appendChild(paragraph("", t("hours") + p.hours)); }
    if (p.languages.length) {
      li.appendChild(paragraph("", t("languages") + p.languages.map(function (c) { return label("languages", c); }).join(", ")));
    }
    if (p.accessibility) { li.appendChild(paragraph("", t("accessibility") + p.accessibility)); }
    if (p.url && /^https?:\/\//.test(p.url)) {
      var link = document.createElement("a");
      link.href = p.url;
      link.rel = "noopener";
      link.textContent = t("website");
      var line = paragraph("", "");
      line.appendChild(link);
      li.appendChild(line);
    }
    if (markers[p.id]) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "show-on-map";
      button.textContent = t("showOnMap");
      button.addEventListener("click", function () { showOnMap(p.id); });
      li.appendChild(button);
    }
    return li;
  }

  // -- map ---------------------------------------------------------------------------------
  var map = L.map("map", {keyboard: true, zoomSnap: 0.25, attributionControl: true});
  map.attributionControl.setPrefix("Leaflet");
  map.getContainer().setAttribute("aria-label", t("mapLabel"));
  var markers = {};
  var regionLayers = [];
  var searchMarker = null;
  function fitAll() {
    var located = DATA.points.filter(function (p) { return p.lat !== null && !p.regional; });
    if (located.length) {
      map.fitBounds(L.latLngBounds(located.map(function (p) { return [p.lat, p.lon]; })), {padding: [20, 20]});
    } else {
      map.setView([56, -96], 3);
    }
  }
  fitAll();  // a view first: vector layers need one to be drawn

  if (boundaryFeatures.length) {
    L.geoJSON(DATA.boundaries, {interactive: false,
      style: {color: "#6f6f6f", weight: 1, fillColor: "#ffffff", fillOpacity: 1}}).addTo(map);
  }
  DATA.points.forEach(function (p) {
    if (p.regional) {
      var shapes = p.region_extent ? [{type: "Feature", geometry: p.region_extent, properties: {}}] : [];
      p.region.forEach(function (code) { shapes = shapes.concat(boundariesOf(code)); });
      if (shapes.length) {
        var outline = L.geoJSON({type: "FeatureCollection", features: shapes}, {
          style: {color: CHANNEL_COLOURS[p.channel] || "#555", weight: 2.5, dashArray: "6 4", fill: false}
        });
        outline.bindTooltip(pointName(p));
        outline.addTo(map);
        regionLayers.push(outline);
      }
      return;
    }
    if (p.lat === null || p.lon === null) { return; }
    var marker = L.circleMarker([p.lat, p.lon], {
      radius: 5, color: "#ffffff", weight: 1, fillColor: ORDER_COLOURS[p.order] || "#555", fillOpacity: 0.95
    });
    marker.bindTooltip(function () { return pointName(p); });
    marker.on("click", function () {
      var item = document.querySelector('#results li[data-id="' + CSS.escape(p.id) + '"]');
      if (item) { item.scrollIntoView({block: "nearest"}); item.querySelector("h3").setAttribute("tabindex", "-1"); item.querySelector("h3").focus(); }
    });
    marker.addTo(map);
    markers[p.id] = marker;
  });
  map.on("click", function (event) {
    el("lat").value = event.latlng.lat.toFixed(5);
    el("lon").value = event.latlng.lng.toFixed(5);
    search();
  });
  function showSearchLocation() {
    if (searchMarker) { map.removeLayer(searchMarker); searchMarker = null; }
    if (state.near) {
      searchMarker = L.circleMarker([state.near.lat, state.near.lon],
        {radius: 8, color: "#000", weight: 3, fillColor: "#ffbf47", fillOpacity: 1}).bindTooltip(t("here")).addTo(map);
      var radius = Number(el("radius").value);
      if (radius > 0) { map.fitBounds(L.latLng(state.near.lat, state.near.lon).toBounds(radius * 2000)); }
    }
  }
  function highlightMarkers() {
    var matched = {};
    state.results.forEach(function (item) { matched[item.point.id] = true; });
    Object.keys(markers).forEach(function (id) {
      var on = !state.searched || matched[id];
      markers[id].setStyle({fillOpacity: on ? 0.95 : 0.2, opacity: on ? 1 : 0.3});
    });
  }
  function showOnMap(id) {
    var marker = markers[id];
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), 12));
    marker.openTooltip();
    el("map").focus();
  }

  // -- language ----------------------------------------------------------------------------
  function fillSelects() {
    var service = el("service"), chosenService = service.value;
    service.textContent = "";
    var any = document.createElement("option");
    any.value = "";
    any.textContent = t("anyService");
    service.appendChild(any);
    var codes = {};
    DATA.points.forEach(function (p) { p.services.forEach(function (s) { codes[s] = true; }); });
    Object.keys(codes).sort(function (a, b) { return label("services", a).localeCompare(label("services", b), lang()); })
      .forEach(function (code) {
        var option = document.createElement("option");
        option.value = code;
        option.textContent = label("services", code);
        service.appendChild(option);
      });
    service.value = chosenService;
    var radius = el("radius"), chosenRadius = radius.value || "25";
    radius.textContent = "";
    RADII.forEach(function (r) {
      var option = document.createElement("option");
      option.value = String(r);
      option.textContent = r ? t("km", {n: r}) : t("anyDistance");
      radius.appendChild(option);
    });
    radius.value = chosenRadius;
  }

  function applyLanguage(code) {
    state.lang = code;
    document.documentElement.lang = code;
    document.title = DATA.title[code];
    el("page-title").textContent = DATA.title[code];
    el("page-description").textContent = DATA.description[code];
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (node) {
      node.textContent = t(node.getAttribute("data-i18n"));
    });
    var button = el("lang-switch");
    button.textContent = t("switchTo");
    button.setAttribute("lang", t("switchLang"));
    map.getContainer().setAttribute("aria-label", t("mapLabel"));
    el("credits").textContent = t("credits", {publisher: DATA.publisher, created: DATA.created.slice(0, 10),
                                              licence: DATA.licence[code]});
    fillSelects();
    if (state.searched) { render(); }
  }

  el("lang-switch").addEventListener("click", function () { applyLanguage(lang() === "en" ? "fr" : "en"); });
  el("search").addEventListener("submit", function (event) { event.preventDefault(); search(); });
  el("clear-button").addEventListener("click", function () {
    el("service").value = "";
    el("lat").value = "";
    el("lon").value = "";
    el("radius").value = "25";
    el("coord-error").textContent = "";
    state.results = [];
    state.near = null;
    state.searched = false;
    el("results").textContent = "";
    el("status").textContent = "";
    showSearchLocation();
    highlightMarkers();
    fitAll();
  });
  var requested = (new URLSearchParams(window.location.search)).get("lang") ||
                  (/^fr\b/i.test(navigator.language || "") ? "fr" : "en");
  applyLanguage(requested === "fr" ? "fr" : "en");
  window.crsFinder = {search: search, applyLanguage: applyLanguage};
})();
