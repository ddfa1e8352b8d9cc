// Fogline: the document view's highlight panel. No framework; loaded from /static (the CSP forbids inline JS).
(function () {
  "use strict";

  function show(ids, mark) {
    var panel = document.getElementById("itempanel");
    if (!panel) return;
    var sections = panel.querySelectorAll(".item-detail");
    for (var i = 0; i < sections.length; i++) sections[i].hidden = true;
    var shown = 0;
    var hint = document.getElementById("itempanel-hint");
    for (var j = ids.length - 1; j >= 0; j--) {  // innermost item first, at the top of the panel
      var el = document.getElementById("item-" + ids[j]);
      if (el) { el.hidden = false; shown++; panel.insertBefore(el, hint ? hint.nextSibling : panel.firstChild); }
    }
    if (hint) hint.hidden = shown > 0;
    var active = document.querySelectorAll("mark.hl.active");
    for (var k = 0; k < active.length; k++) active[k].classList.remove("active");
    if (mark) mark.classList.add("active");
  }

  function onActivate(event) {
    var mark = event.target.closest ? event.target.closest("mark.hl[data-items]") : null;
    if (!mark) return;
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    show(mark.getAttribute("data-items").split(" "), mark);
  }

  function fromHash() {
    var hash = window.location.hash;
    if (hash.indexOf("#item-") !== 0) return;
    var id = decodeURIComponent(hash.slice(6));
    var marks = document.querySelectorAll("mark.hl[data-items]");
    for (var i = 0; i < marks.length; i++) {
      if (marks[i].getAttribute("data-items").split(" ").indexOf(id) >= 0) {
        show([id], marks[i]);
        marks[i].scrollIntoView({block: "center"});
        return;
      }
    }
    show([id], null);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("doctext");
    if (!text) return;
    text.addEventListener("click", onActivate);
    text.addEventListener("keydown", onActivate);
    window.addEventListener("hashchange", fromHash);
    fromHash();
  });
})();
