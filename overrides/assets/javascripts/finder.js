/* Occupation finder: a WAI-ARIA combobox drawing the answers of finder-search.js (the pure search).
 *
 * Turns every element .gt-finder on the page into a finder (markup: generator/templates/_finder.md.j2).
 * Loader: once the page has loaded and the browser is idle (requestIdleCallback), it fetches lunr.js,
 * finder-search.js, finder-index.js and finder-lang.js (the finder's data) — never before the load event, so
 * the first view stays small; a reader who types first starts the fetch at once. Until the data is there the status says
 * it is loading; what was typed meanwhile, and Enter, are answered as soon as it arrives. Where the scripts
 * are already on the page (the pocket file inlines them), the finder starts at once.
 * User text only ever reaches the page through textContent.
 */
(function () {
"use strict";

var meta = document.querySelector('meta[name="guantong"]');
var base = ((meta && meta.getAttribute("data-base")) || ".").replace(/\/$/, "");
// Where the language-neutral scripts are: the site's root, or in the offline copy's English pages the
// Chinese root, whose copy both languages share (generator/offline_share.py).
var assets = ((meta && meta.getAttribute("data-assets")) || base).replace(/\/$/, "");
var dirUrls = !meta || meta.getAttribute("data-dir-urls") !== "false";
var lang = (meta && meta.getAttribute("data-lang")) || "zh";
var data = null, engine = null, labels = {}, finders = [], started = false;
var inlined = window.GuantongFinder;  // the pocket file sets the data before running this script per language
var el = window.Guantong.el, fill = window.Guantong.fill;  // dom.js, loaded before this script

function script(src, done) {
  var s = document.createElement("script");
  s.src = src;
  s.async = false;  // run in the order added
  if (done) s.onload = done;
  document.head.appendChild(s);
}

function ready() {
  data = inlined || window.GuantongFinder;
  labels = data.labels;
  engine = window.GuantongFinderSearch(data, window.lunr);
  data.search = engine.search;  // for tests and the benchmark: the answer to a query
  finders.forEach(function (f) { f.ready(); });
  idle(engine.warm);  // deserialize the index before the first query needs it
}

function start() {
  if (started) return;
  started = true;
  if (inlined && window.lunr && window.GuantongFinderSearch) { ready(); return; }
  var shared = assets + "/assets/javascripts/";
  script(shared + "lunr.js");
  script(shared + "finder-search.js");
  script(shared + "finder-index.js");
  script(base + "/assets/javascripts/finder-lang.js", ready);
}

function idle(fn, most) {
  if (window.requestIdleCallback) window.requestIdleCallback(fn, {timeout: most || 3000});
  else window.setTimeout(fn, 200);
}

/* After the load event, as soon as the browser is idle, but at most 300 ms later: the data is on its way
   before the page counts as settled (no request left to cut off by a quick next navigation). */
function whenIdle() { idle(start, 300); }

// --- URLs and nodes ---------------------------------------------------------------------------

/* "occupations/hangong.md" → "<base>/occupations/hangong/" (or "….html" without directory URLs). */
function pageUrl(mdPath) {
  var hash = "", k = mdPath.indexOf("#");
  if (k >= 0) { hash = mdPath.slice(k); mdPath = mdPath.slice(0, k); }
  var p = mdPath.replace(/\.md$/, "");
  if (p === "index" || /\/index$/.test(p)) p = p.replace(/index$/, dirUrls ? "" : "index.html");
  else p += dirUrls ? "/" : ".html";
  return base + "/" + p + hash;
}

/* A label with {placeholders}, as nodes: every value is text, never markup; {query} is quoted. */
function fillNodes(template, values) {
  var frag = document.createDocumentFragment();
  template.split(/(\{\w+\})/).forEach(function (part) {
    var m = /^\{(\w+)\}$/.exec(part);
    if (m && m[1] === "query") frag.appendChild(el("q", "gt-finder__query", values.query));
    else if (m && m[1] in values) frag.appendChild(document.createTextNode(values[m[1]]));
    else if (part) frag.appendChild(document.createTextNode(part));
  });
  return frag;
}

function tr(obj) { return obj ? (obj[lang] || obj.zh) : ""; }
function sep() { return lang === "zh" ? "；" : "; "; }

// --- one answer item as an option -------------------------------------------------------------

function nameNode(d) {
  var head = el("span", "gt-finder__head");
  head.appendChild(el("span", "gt-finder__name", lang === "zh" ? d.zh : d.en));
  if (lang !== "zh") {
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("span", "gt-finder__zh", d.zh)).setAttribute("lang", "zh");
  }
  if (d.pinyin) {
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("span", "gt-finder__pinyin", d.pinyin)).setAttribute("lang", "zh-Latn-pinyin");
  }
  return head;
}

function committeeNode(ids) {
  var names = ids.map(function (id) { return data.committees[id]; });
  var com = el("span", "gt-finder__committee");
  com.appendChild(el("span", "gt-finder__committee-label", labels.committee + (lang === "zh" ? "：" : ": ")));
  com.appendChild(document.createTextNode(names.join(sep())));
  return com;
}

function note(li, node) {
  var n = li.appendChild(el("span", "gt-finder__note"));
  n.appendChild(node);
}

/* What an item shows: a note saying how it answers the query (when not by name), the name, the committee. */
function drawItem(li, it, query) {
  var d = it.doc, v = it.via;
  if (it.kind === "clause") {
    li.setAttribute("data-href", pageUrl(it.clause.href));
    li.setAttribute("data-clause", it.id);
    var h = li.appendChild(el("span", "gt-finder__head"));
    h.appendChild(el("span", "gt-finder__name", labels.clause + " " + it.clause.label));
    if (it.clause.text) {
      h.appendChild(document.createTextNode(" "));
      h.appendChild(el("span", "gt-finder__pinyin", it.clause.text));
    }
    return;
  }
  if (it.kind === "row") {
    li.setAttribute("data-href", pageUrl(it.row.href));
    li.setAttribute("data-row", it.row.id);
    if (v) note(li, document.createTextNode(fill(labels.programme_row, {programme: tr({zh: v.zh, en: v.en})})));
    else note(li, document.createTextNode(labels.row));
    var rh = li.appendChild(el("span", "gt-finder__head"));
    rh.appendChild(el("span", "gt-finder__name", tr(it.row.label)));
    if (it.row.text) li.appendChild(el("span", "gt-finder__text", tr(it.row.text)));
    li.appendChild(committeeNode(it.row.committees));
    return;
  }
  li.setAttribute("data-href", pageUrl(fill(data.occupation_page, {slug: d.slug})));
  li.setAttribute("data-slug", d.slug);
  li.setAttribute("data-kind", it.kind);
  var name = lang === "zh" ? d.zh : d.en;
  if (it.kind === "covered") note(li, fillNodes(labels.covered, {name: name}));
  if (it.kind === "everyday") note(li, fillNodes(labels.everyday, {query: v.zh, reason: tr(v.reason)}));
  if (it.kind === "trade") {
    note(li, fillNodes(labels.trade, {query: v.zh, trade: v.en, name: name, source: tr(data.sources[v.source])}));
  }
  if (it.kind === "programme") {
    note(li, fillNodes(labels.programme, {programme: tr({zh: v.zh, en: v.en}), source: tr(data.sources[v.source])}));
  }
  if (d.only) note(li, document.createTextNode(fill(labels.only_in, {numbers: tr(d.only)})));  // another edition's
  li.appendChild(nameNode(d));
  if (d.code && (it.kind === "code" || /\d-\d/.test(query))) {
    var code = labels.code + " " + d.code + (d.dadian_name ? " · " + fill(labels.dadian_name, {name: d.dadian_name}) : "");
    li.appendChild(el("span", "gt-finder__code", code));
  }
  if (d.committees.length) li.appendChild(committeeNode(d.committees));
}

// --- the not-listed answer --------------------------------------------------------------------

function notListed() {
  var nl = data.not_listed;
  var box = el("div", "gt-finder__none");
  box.appendChild(el("p", "gt-finder__none-title", nl.title));
  var ul = box.appendChild(el("ul", "gt-finder__none-points"));
  nl.points.forEach(function (pt) {
    var li = ul.appendChild(el("li"));
    li.setAttribute("data-point", pt.id);
    li.appendChild(document.createTextNode(pt.text + " "));
    pt.refs.forEach(function (r, i) {
      if (i) li.appendChild(document.createTextNode(" · "));
      var a = li.appendChild(el("a", "gt-finder__ref", r.label));
      a.href = pageUrl(r.href);
    });
    if (pt.link) {
      li.appendChild(document.createTextNode(" "));
      var a = li.appendChild(el("a", "gt-finder__link", pt.link.label));
      a.href = pageUrl(pt.link.href);
    }
  });
  return box;
}

// --- the widget -------------------------------------------------------------------------------

var counter = 0;

function Finder(root) {
  var n = counter++;
  var box = root.querySelector(".gt-finder__box") || root.appendChild(el("div", "gt-finder__box"));
  var input = box.querySelector("input");
  if (!input) {
    var label = box.appendChild(el("label", "gt-finder__label", labels.label || ""));
    input = box.appendChild(el("input", "gt-finder__input"));
    input.id = "gt-finder-input-" + n;
    label.htmlFor = input.id;
  }
  var list = box.querySelector("[role=listbox]") || box.appendChild(el("ul", "gt-finder__list"));
  var status = box.querySelector(".gt-finder__status") || box.appendChild(el("div", "gt-finder__status"));
  var more = box.querySelector(".gt-finder__more") || box.insertBefore(el("div", "gt-finder__more"), list.nextSibling);
  if (!list.id) list.id = "gt-finder-list-" + n;
  list.setAttribute("role", "listbox");
  status.setAttribute("role", "status");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("autocomplete", "off");
  input.setAttribute("spellcheck", "false");

  var items = [];    // shown options
  var active = -1;   // index of the highlighted option, -1 for none
  var open = false;
  var pendingEnter = false;

  function options() { return list.querySelectorAll("[role=option]"); }

  function setActive(i) {
    var opts = options();
    if (active >= 0 && opts[active]) opts[active].setAttribute("aria-selected", "false");
    active = i;
    if (i >= 0 && opts[i]) {
      opts[i].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", opts[i].id);
      opts[i].scrollIntoView({block: "nearest"});
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function setOpen(value) {
    open = value && items.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) setActive(-1);
  }

  function option(it, i, query) {
    var li = el("li", "gt-finder__hit gt-finder__hit--" + it.kind);
    li.id = list.id + "-" + i;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    drawItem(li, it, query);
    return li;
  }

  function update() {
    var query = input.value;
    list.textContent = "";
    more.textContent = "";
    status.textContent = "";
    if (!engine) {
      if (query.trim()) status.textContent = status.getAttribute("data-loading") || "…";
      items = [];
      setOpen(false);
      start();
      return;
    }
    var answer = engine.search(query);
    items = [];
    if (answer) {
      items = answer.items.slice(0, MAX_SHOWN);
      if (!answer.items.length) {  // "not found", the related names first, then what to do
        items = answer.related.map(function (d) { return {kind: "related", doc: d}; });
        var head = status.appendChild(el("p", "gt-finder__none-head"));
        head.appendChild(fillNodes(labels.none, {query: query.trim()}));
        if (items.length) head.appendChild(el("span", "gt-finder__related-label", " " + labels.related + (lang === "zh" ? "：" : ":")));
        more.appendChild(notListed());
      } else {
        var total = answer.items.length;
        var t = total === 1 ? labels.count_one : total > items.length ? labels.count_more : labels.count;
        status.textContent = fill(t, {total: total, shown: items.length});
      }
    }
    items.forEach(function (it, i) { list.appendChild(option(it, i, query)); });
    if (answer && !answer.items.length && items.length) list.setAttribute("aria-label", labels.related);
    else list.setAttribute("aria-label", labels.results);
    active = -1;
    setOpen(true);
    if (pendingEnter) { pendingEnter = false; if (items.length) go(0); }
  }

  function go(i) {
    var opt = options()[i];
    if (!opt) return;
    if (root.hasAttribute("data-gt-pick") && opt.getAttribute("data-slug")) {  // a form field (the check's occupation)
      root.dispatchEvent(new CustomEvent("gt-finder-pick", {bubbles: true, detail: {slug: opt.getAttribute("data-slug")}}));
      setOpen(false);
      return;
    }
    window.location.href = opt.getAttribute("data-href");
  }

  // An Enter pressed while the data loads answers the query it was pressed on: typing on cancels it.
  input.addEventListener("input", function () { pendingEnter = false; update(); });
  input.addEventListener("focus", function () { if (items.length) setOpen(true); });
  input.addEventListener("keydown", function (e) {
    if (e.isComposing || e.keyCode === 229) return;  // an IME is composing: its keys are its own
    var count = items.length;
    if (e.key === "ArrowDown" || e.key === "Down") {
      if (!count) return;
      e.preventDefault();
      if (!open) setOpen(true);
      setActive(active + 1 >= count ? 0 : active + 1);
    } else if (e.key === "ArrowUp" || e.key === "Up") {
      if (!count) return;
      e.preventDefault();
      if (!open) setOpen(true);
      setActive(active <= 0 ? count - 1 : active - 1);
    } else if (e.key === "Enter") {
      if (!engine && input.value.trim()) { e.preventDefault(); pendingEnter = true; start(); return; }
      if (!open || !count) return;
      e.preventDefault();
      go(active >= 0 ? active : 0);
    } else if (e.key === "Escape" || e.key === "Esc") {
      if (open) { e.preventDefault(); setOpen(false); }
      else if (input.value) { e.preventDefault(); input.value = ""; update(); }
    }
  });
  list.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep focus in the input
  list.addEventListener("click", function (e) {
    var li = e.target.closest("[role=option]");
    if (li) go(Array.prototype.indexOf.call(options(), li));
  });
  root.addEventListener("focusout", function (e) {
    if (!root.contains(e.relatedTarget)) setOpen(false);
  });

  box.hidden = false;
  setOpen(false);
  return {
    ready: function () {
      root.classList.add("gt-finder--ready");
      if (input.value) update();
    }
  };
}

var MAX_SHOWN = 10;

function init() {
  var roots = document.querySelectorAll(".gt-finder");
  if (!roots.length) return;
  finders = Array.prototype.map.call(roots, Finder);
  if (inlined && window.lunr && window.GuantongFinderSearch) start();
  else if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
})();
