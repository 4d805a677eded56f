// Timeline and charts page: draws the figures of /api/stats (embedded in the page) with Chart.js.
(function () {
  var holder = document.getElementById("chart-data");
  var stats = JSON.parse(holder.dataset.stats);
  var colours = JSON.parse(holder.dataset.colours);
  var query = holder.dataset.query || "";
  var palette = ["#1f4e8c", "#c2185b", "#2e7d32", "#ef6c00", "#5e35b1", "#00838f", "#6d4c41", "#9e9d24", "#757575", "#000"];
  function label(code) { return String(code || "none").replace(/_/g, " "); }
  function eventsUrl(extra) {
    return "/events?" + (query ? query + "&" : "") + extra;
  }
  Chart.defaults.font.family = "system-ui, 'DejaVu Sans', sans-serif";
  Chart.defaults.animation = false;

  // events per month by type, stacked; months without events are filled in so time reads evenly
  var months = [], seen = {};
  stats.per_month_by_type.forEach(function (r) { seen[r.month] = true; });
  var sorted = Object.keys(seen).sort();
  if (sorted.length) {
    var y = +sorted[0].slice(0, 4), m = +sorted[0].slice(5, 7), last = sorted[sorted.length - 1];
    for (var guard = 0; guard < 1200; guard++) {
      var key = y + "-" + (m < 10 ? "0" : "") + m;
      months.push(key);
      if (key >= last) break;
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
  }
  var types = Object.keys(colours).filter(function (t) {
    return stats.per_month_by_type.some(function (r) { return r.type === t; });
  });
  new Chart(document.getElementById("chart-months"), {
    type: "bar",
    data: { labels: months, datasets: types.map(function (t) {
      var byMonth = {};
      stats.per_month_by_type.forEach(function (r) { if (r.type === t) byMonth[r.month] = r.count; });
      return { label: label(t), backgroundColor: colours[t], data: months.map(function (k) { return byMonth[k] || 0; }) };
    }) },
    options: { maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
               plugins: { legend: { position: "bottom" } } }
  });

  // sentences by charge, stacked by penalty kind
  var charges = [], penalties = [];
  stats.sentences_by_charge_and_penalty.forEach(function (r) {
    if (charges.indexOf(r.charge) < 0) charges.push(r.charge);
    if (penalties.indexOf(r.penalty) < 0) penalties.push(r.penalty);
  });
  new Chart(document.getElementById("chart-charges"), {
    type: "bar",
    data: { labels: charges.map(label), datasets: penalties.map(function (p, i) {
      return { label: label(p), backgroundColor: palette[i % palette.length], data: charges.map(function (c) {
        var hit = stats.sentences_by_charge_and_penalty.filter(function (r) { return r.charge === c && r.penalty === p; })[0];
        return hit ? hit.count : 0;
      }) };
    }) },
    options: { indexAxis: "y", maintainAspectRatio: false, scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
               plugins: { legend: { position: "bottom" } },
               onClick: function (e, els) { if (els.length) location.href = eventsUrl("type=sentence&charge=" + charges[els[0].index]); } }
  });

  new Chart(document.getElementById("chart-lengths"), {
    type: "bar",
    data: { labels: stats.sentence_lengths.map(function (r) { return r.bucket; }),
            datasets: [{ label: "sentences", backgroundColor: "#c2185b", data: stats.sentence_lengths.map(function (r) { return r.count; }) }] },
    options: { maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });

  new Chart(document.getElementById("chart-places"), {
    type: "bar",
    data: { labels: stats.top_places.map(function (r) { return r.place_name || r.place_id; }),
            datasets: [{ label: "events", backgroundColor: "#1f4e8c", data: stats.top_places.map(function (r) { return r.count; }) }] },
    options: { indexAxis: "y", maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 } } },
               onClick: function (e, els) { if (els.length) location.href = eventsUrl("place=" + stats.top_places[els[0].index].place_id); } }
  });

  var typeKeys = Object.keys(stats.by_type).sort(function (a, b) { return stats.by_type[b] - stats.by_type[a]; });
  new Chart(document.getElementById("chart-types"), {
    type: "bar",
    data: { labels: typeKeys.map(label), datasets: [{ label: "events", data: typeKeys.map(function (t) { return stats.by_type[t]; }),
            backgroundColor: typeKeys.map(function (t) { return colours[t] || "#777"; }) }] },
    options: { indexAxis: "y", maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 } } },
               onClick: function (e, els) { if (els.length) location.href = eventsUrl("type=" + typeKeys[els[0].index]); } }
  });
  holder.dataset.drawn = "1";
})();
