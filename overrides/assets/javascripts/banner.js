/* The expiry banner's script. Pages load it in <head> (render-blocking, so before any paint); it defines
   GuantongBanner(), which the banner calls from a one-line inline script right after its markup, so the
   text is replaced before the first paint: no layout shift. The pocket file inlines this file once.
   Classic script, works from file://; Node loads it to test `state` and `today` (tests/test_banner.py).
   - today: the date in the edition's zone (data-tz, Asia/Shanghai) as integers y-m-d from Intl, or from
     data-utc-offset minutes where Intl lacks the zone; never the browser's local date. Days are counted
     on the UTC calendar from those integers.
   - state: "hidden" before data-notice-from (expiry_notice_months before expiry, data-valid-to's months);
     "left" with the days left, "last-day", then "expired" after data-valid-to.
   - each [data-gt-banner-state] element gets the text of its data-left (data-left-one, where a language
     has one, for 1 day) / data-last-day / data-expired attribute, {days} filled in;
   - a dismissal (the close button) is kept in localStorage for this edition's expiring state only, so the
     banner returns once the edition has expired, and cannot be dismissed then. Storage is guarded:
     some file:// pages have none. */
(function () {
  "use strict";
  var KEY = "gt-banner-dismissed";

  function dayNumber(iso) {
    var p = String(iso).split("-");
    return Date.UTC(+p[0], p[1] - 1, +p[2]) / 864e5;
  }

  function today(timeZone, offsetMinutes, now) {
    var o = {};
    try {
      new Intl.DateTimeFormat("en-CA", { timeZone: timeZone, year: "numeric", month: "numeric", day: "numeric" })
        .formatToParts(new Date(now)).forEach(function (x) { o[x.type] = +x.value; });
    } catch (e) {
      var d = new Date(now + offsetMinutes * 6e4);
      o = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    }
    return o.year + "-" + o.month + "-" + o.day;
  }

  function state(day, b) {
    var n = dayNumber(day), end = dayNumber(b.validTo);
    if (n > end) return { kind: "expired", days: 0 };
    if (n < dayNumber(b.noticeFrom)) return { kind: "hidden", days: null };
    return n === end ? { kind: "last-day", days: 0 } : { kind: "left", days: end - n };
  }

  function storedDismissal() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function show() {
    var box = document.getElementById("gt-banner");
    if (!box) return;
    var outer = box.closest(".md-banner") || box;
    var a = function (k) { return box.getAttribute("data-" + k); };
    var mine = a("edition") + ":expiring";
    var s = state(today(a("tz"), +a("utc-offset"), Date.now()),
      { validTo: a("valid-to"), noticeFrom: a("notice-from") });
    box.setAttribute("data-state", s.kind);
    if (s.kind === "hidden" || (s.kind !== "expired" && storedDismissal() === mine)) {
      outer.hidden = true;
      return;
    }
    var attr = s.kind === "left" ? "data-left" : "data-" + s.kind;
    box.querySelectorAll("[data-gt-banner-state]").forEach(function (el) {
      var one = s.days === 1 && el.getAttribute("data-left-one");
      el.textContent = one || el.getAttribute(attr).replace("{days}", String(s.days));
    });
    var close = box.querySelector("[data-gt-banner-close]");
    if (s.kind === "expired") {
      outer.classList.add("gt-banner--expired");
      close.hidden = true;
      return;
    }
    close.addEventListener("click", function () {
      try { window.localStorage.setItem(KEY, mine); } catch (e) { /* no storage: hidden on this page only */ }
      outer.hidden = true;
    });
  }

  if (typeof module === "object" && module.exports) module.exports = { state: state, today: today };
  else window.GuantongBanner = show;
})();
