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
