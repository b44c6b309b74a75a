/* The policy page's ¶ links: a click copies the clause's full address and says so.
 *
 * The link still moves to the clause (its address goes into the location bar). Where the Clipboard API is
 * allowed (https, localhost) the address is copied and a status line says "copied"; elsewhere (file://, an
 * older browser, a refused permission) the status line shows the address in a selected, read-only field to
 * copy by hand. The two texts come from the page (data-copied / data-manual on the status element), so this
 * file holds no wording. Nothing typed or taken from the address is inserted as HTML.
 */
(function () {
  "use strict";
  var status = document.querySelector(".gt-clause-status");
  if (!status) return;

  function addressOf(link) {
    var url = new URL(link.getAttribute("href"), window.location.href);
    url.search = window.location.search.replace(/([?&])h=[^&]*&?/, "$1").replace(/[?&]$/, "");
    return url.href;
  }

  function show(text, address, manual) {
    status.textContent = "";
    status.appendChild(document.createTextNode(text + " "));
    var field = document.createElement("input");
    field.type = "text";
    field.readOnly = true;
    field.value = address;
    field.className = "gt-clause-status__field";
    field.setAttribute("aria-label", text);
    status.appendChild(field);
    status.hidden = false;
    if (manual) { field.focus(); field.select(); }
  }

  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest('a.headerlink[href^="#clause-"]');
    if (!link) return;
    var address = addressOf(link);
    var copied = status.getAttribute("data-copied"), manual = status.getAttribute("data-manual");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(address).then(function () { show(copied, address, false); },
                                                  function () { show(manual, address, true); });
    } else {
      show(manual, address, true);
    }
  });
})();
