// Quality page: the figures of each extractor version's latest evaluation run, as lines over
// versions (Chart.js). The data is embedded in the page (#quality-history).
(function () {
  var holder = document.getElementById("quality-history");
  var canvas = document.getElementById("chart-versions");
  if (!holder || !canvas || typeof Chart === "undefined") return;
  var runs = JSON.parse(holder.dataset.history || "[]");
  Chart.defaults.font.family = "system-ui, 'DejaVu Sans', sans-serif";
  Chart.defaults.animation = false;
  var series = [
    ["event F1", "event_f1", "#1f4e8c"], ["strict F1", "strict_f1", "#7b3294"],
    ["places F1", "places_f1", "#2e7d32"], ["penalty kind", "penalty_kind_acc", "#c2185b"]
  ];
  new Chart(canvas, {
    type: "line",
    data: {
      labels: runs.map(function (r) { return r.extractor_version + " (" + r.n_reports + " reports)"; }),
      datasets: series.map(function (s) {
        return { label: s[0], borderColor: s[2], backgroundColor: s[2], pointRadius: 4, tension: 0,
                 data: runs.map(function (r) { return r[s[1]]; }) };
      })
    },
    options: { maintainAspectRatio: false, scales: { y: { min: 0, max: 1 } },
               plugins: { legend: { position: "bottom" } } }
  });
  canvas.dataset.drawn = "1";
})();
