// Report page: an editor selects text in the report; its character offsets (into the cleaned text
// the server stores) fill the add-event form. Offsets are counted over the text nodes, which hold
// exactly the report's characters (markup only wraps them).
(function () {
  var box = document.getElementById("report-text");
  var form = document.getElementById("add-event-form");
  if (!box || !form) return;
  var start = document.getElementById("sel-start"), end = document.getElementById("sel-end");
  var quote = document.getElementById("sel-text"), button = document.getElementById("add-event-button");

  function offsetOf(node, offset) {
    var range = document.createRange();
    range.setStart(box, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  document.addEventListener("selectionchange", function () {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    var r = sel.getRangeAt(0);
    if (!box.contains(r.startContainer) || !box.contains(r.endContainer)) return;
    var a = offsetOf(r.startContainer, r.startOffset), b = offsetOf(r.endContainer, r.endOffset);
    if (b <= a) return;
    start.value = a; end.value = b;
    quote.textContent = r.toString();
    button.disabled = false;
  });
})();

// Pointing at an event in the side list lights up its evidence in the text.
(function () {
  document.querySelectorAll("aside [data-event]").forEach(function (item) {
    var id = item.getAttribute("data-event");
    function marks() {
      return Array.prototype.filter.call(document.querySelectorAll("#report-text mark[data-events]"),
        function (m) { return m.getAttribute("data-events").split(" ").indexOf(id) >= 0; });
    }
    item.addEventListener("mouseenter", function () {
      var found = marks();
      found.forEach(function (m) { m.classList.add("hl-hover"); });
      if (found.length) found[0].scrollIntoView({ block: "nearest" });
    });
    item.addEventListener("mouseleave", function () {
      marks().forEach(function (m) { m.classList.remove("hl-hover"); });
    });
  });
})();
