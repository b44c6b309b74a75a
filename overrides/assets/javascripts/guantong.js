/* Guantong page glue: the language switch keeps the query string and #anchor of the current page. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a[data-gt-counterpart]");
    if (!a) return;
    var href = a.getAttribute("href").split("#")[0].split("?")[0];
    a.setAttribute("href", href + window.location.search + window.location.hash);
  }, true);
})();
