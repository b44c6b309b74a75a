/* Guantong page glue (classic script, works from file://):
   - the language switch keeps the query string and #anchor of the current page;
   - the catalogue's filter box hides rows that do not contain the typed text. */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a[data-gt-counterpart]");
    if (!a) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    var href = a.getAttribute("href").split("#")[0].split("?")[0];
    // Navigate ourselves and stop the event: Material's own language handler would otherwise take the
    // click and drop the query string and the #anchor.
    event.preventDefault();
    event.stopPropagation();
    window.location.href = href + window.location.search + window.location.hash;
  }, true);

  function normalise(s) {
    return (s || "").normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setupFilter(box) {
    var input = box.querySelector("input");
    var status = box.querySelector(".gt-filter__status");
    var rows = Array.prototype.slice.call(document.querySelectorAll(".gt-catalogue tbody tr"));
    var texts = rows.map(function (r) { return normalise(r.textContent); });
    function apply() {
      var q = normalise(input.value);
      var shown = 0;
      rows.forEach(function (r, i) {
        var hit = !q || texts[i].indexOf(q) !== -1;
        r.hidden = !hit;
        if (hit) shown++;
      });
      status.textContent = !q ? "" : shown === 0 ? box.getAttribute("data-none")
        : box.getAttribute("data-count").replace("{shown}", shown).replace("{total}", rows.length);
    }
    input.addEventListener("input", apply);
    var q = new URLSearchParams(window.location.search).get("filter");
    if (q) { input.value = q; apply(); }
  }

  function init() {
    document.querySelectorAll(".gt-filter").forEach(setupFilter);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
