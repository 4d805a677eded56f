// Map page: outlines from the shipped Natural Earth data (no tiles unless a deployment sets a tile
// URL), one marker per (place, type) group from /api/map, clustered by leaflet.markercluster.
// A group whose point is only its parent's (province or city centre) is drawn hollow and dashed.
(function () {
  var el = document.getElementById("map");
  var colours = JSON.parse(el.dataset.colours || "{}");
  var query = el.dataset.query || "";
  var unit = el.dataset.unit || "event";  // "incident" with by=incident: one per occurrence
  var map = L.map(el, { preferCanvas: false, minZoom: 5, maxZoom: 13, zoomSnap: 0.5 });
  map.fitBounds([[37.6, 124.2], [43.05, 130.75]]);
  if (el.dataset.tileUrl) {
    L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.tileAttribution || "" }).addTo(map);
  }
  map.attributionControl.addAttribution("Outlines: Natural Earth");

  function outline(url, style) {
    return fetch(url).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
      if (!data) return;
      L.geoJSON(data, { style: function () { return Object.assign({ noClip: true }, style); }, interactive: false }).addTo(map);
    });
  }
  var outlines = outline("/static/vendor/outlines/neighbours.geojson",
                         { color: "#a7a9ab", weight: 1, fillColor: "#e4e2dc", fillOpacity: 1 })
    .then(function () {
      return outline("/static/vendor/outlines/kp-provinces.geojson",
                     { color: "#5b6b80", weight: 1.3, fillColor: "#fffdf5", fillOpacity: 1 });
    });

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function label(code) { return String(code || "").replace(/_/g, " "); }

  function groupIcon(g) {
    var c = colours[g.type] || "#555";
    var size = g.count > 99 ? 30 : g.count > 9 ? 24 : 18;
    var parent = g.coord_precision === "parent";
    var style = parent
      ? "background:#fff;border:2px dashed " + c + ";color:" + c
      : "background:" + c + ";border:2px solid #fff;color:#fff";
    return L.divIcon({
      className: "group-marker" + (parent ? " parent-point" : " own-point"),
      html: '<div class="cluster-icon" style="width:' + size + "px;height:" + size + "px;" + style + '">' +
            (g.count > 1 ? g.count : "") + "</div>",
      iconSize: [size, size]
    });
  }

  var clusters = L.markerClusterGroup({
    maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
    // many groups are added in slices so the page stays responsive while they load
    chunkedLoading: true,
    // (also called when the layer is added to the map, with nothing to add: ignore that call)
    chunkProgress: function (done, total) { if (total > 0 && done === total) el.dataset.loaded = String(total); },
    iconCreateFunction: function (cluster) {
      var n = 0, byType = {};
      cluster.getAllChildMarkers().forEach(function (m) {
        n += m.options.count; byType[m.options.type] = (byType[m.options.type] || 0) + m.options.count;
      });
      var top = Object.keys(byType).sort(function (a, b) { return byType[b] - byType[a]; })[0];
      var size = n > 999 ? 46 : n > 99 ? 38 : 30;
      return L.divIcon({
        className: "event-cluster",
        html: '<div class="cluster-icon" style="width:' + size + "px;height:" + size +
              "px;background:" + (colours[top] || "#555") + '">' + n.toLocaleString() + "</div>",
        iconSize: [size, size]
      });
    }
  });
  map.addLayer(clusters);

  function listUrl(g) {
    var extra = "place=" + encodeURIComponent(g.place_id) + "&type=" + encodeURIComponent(g.type);
    var base = query.replace(/(^|&)(place|type)=[^&]*/g, "").replace(/^&/, "");
    return "/events?" + (base ? base + "&" : "") + extra;
  }

  fetch("/api/map" + (query ? "?" + query : "")).then(function (r) { return r.json(); }).then(function (data) {
    var markers = data.groups.map(function (g) {
      var m = L.marker([g.lat, g.lon], { icon: groupIcon(g), count: g.count, type: g.type,
                                         title: g.place_name + ": " + g.count + " " + label(g.type) });
      var link = g.event_id ? "/events/" + encodeURIComponent(g.event_id) : listUrl(g);
      var when = g.since ? (g.since === g.until || !g.until ? g.since : g.since + " – " + g.until) : "no dates";
      m.bindPopup("<strong>" + esc(g.place_name) + "</strong> <span class='muted'>" + esc(g.place_id) + "</span><br>" +
                  esc(g.count) + " " + esc(label(g.type)) + " " + unit + (g.count > 1 ? "s" : "") + "<br>" +
                  "<span class='muted'>" + esc(when) + "</span>" +
                  (g.coord_precision === "parent" ? "<br><em>Point is the parent place's: the exact spot is not known.</em>" : "") +
                  "<br><a class='popup-link' href='" + esc(link) + "'>" + (g.event_id ? "Open the event" : "List these " + unit + "s") + " →</a>");
      return m;
    });
    if (!markers.length) el.dataset.loaded = "0";
    clusters.addLayers(markers);
    document.getElementById("map-count").textContent = data.events.toLocaleString() + " " + unit + "s on the map";
    if (data.unplaced) {
      document.getElementById("unplaced").textContent = data.unplaced.toLocaleString() + " matching " + unit + "s have no place and are not shown.";
    }
  });
})();
