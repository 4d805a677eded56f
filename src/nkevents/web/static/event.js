// Event page: bring the first highlighted evidence sentence into view inside the report text.
(function () {
  var first = document.querySelector("#report-text mark.hl-evidence");
  if (first) { first.scrollIntoView({ block: "center" }); window.scrollTo(0, 0); }
})();
