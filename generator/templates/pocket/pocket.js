/* Guantong pocket edition (inlined by generator/pocket.py into one HTML file; a classic script).
 *
 * - Language: two radio buttons switch with CSS alone; this script remembers the choice, sets <html lang>
 *   and the texts of <option>s (which cannot hold both languages).
 * - Tabs: #finder, #catalogue, #committees, #check; any other #id shows the section that holds it.
 *   "#/occupations/<slug>.html" (what finder.js links to with data-base "#") shows an occupation card.
 * - Finder: lunr.js builds the finder's index from its tokens, then finder.js (kept as text in
 *   #pk-finder-js) runs once per language, each time with that language's GuantongFinder data.
 * - Check: the site's layers (check-form.js, eligibility.js, check-view.js, check-render.js) give the
 *   answer in both languages, above the form, as the answers are given. Nothing here knows a rule.
 * All user text reaches the page through textContent.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("pk-data").textContent);
  var rules = data.rules;
  var L = data.labels;
  var root = document.documentElement;
  var TABS = ["finder", "catalogue", "committees", "check"];
  var LANG_KEY = "guantong-pocket-lang";
  root.classList.add("pk-js");

  function $(id) { return document.getElementById(id); }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  var el = window.Guantong.el;  // dom.js, inlined before this script
  /* A {zh, en} pair as two spans; CSS shows the one of the current language. */
  function bi(pair, tag) {
    var frag = document.createDocumentFragment();
    ["zh", "en"].forEach(function (l) {
      var span = frag.appendChild(el(tag || "span", "pk-" + l, pair[l]));
      span.lang = l;
    });
    return frag;
  }
  function pairOf(fn) { return {zh: fn("zh"), en: fn("en")}; }

  // --- language ---------------------------------------------------------------------------------

  var radios = {zh: $("pk-lang-zh"), en: $("pk-lang-en")};
  function lang() { return radios.en.checked ? "en" : "zh"; }

  /* The check's occupation list: every occupation of the rules document, A–Z by pinyin (its slug) in
     Chinese and by English name in English. */
  var occupationSelect = $("pk-f-occupation");
  var occupationOptions = Object.keys(data.occupations).sort().map(function (slug) {
    var o = rules.occupations[slug];
    var option = el("option", null, o.zh);
    option.value = slug;
    option.setAttribute("data-zh", o.zh);
    option.setAttribute("data-en", o.en + " (" + o.zh + ")");
    return option;
  });
  function sortOccupations(l) {
    if (!occupationSelect) return;
    var chosen = occupationSelect.value;
    var sorted = occupationOptions.slice();
    if (l === "en") sorted.sort(function (a, b) { return a.getAttribute("data-en").localeCompare(b.getAttribute("data-en")); });
    sorted.forEach(function (o) { occupationSelect.appendChild(o); });
    occupationSelect.value = chosen;
  }

  function applyLang() {
    var l = lang();
    root.lang = l;
    sortOccupations(l);
    each(document.querySelectorAll("option[data-zh]"), function (o) { o.textContent = o.getAttribute("data-" + l); });
  }
  function remembered() {
    try { return window.localStorage.getItem(LANG_KEY); } catch (e) { return null; }
  }
  ["zh", "en"].forEach(function (l) {
    radios[l].addEventListener("change", function () {
      applyLang();
      try { window.localStorage.setItem(LANG_KEY, l); } catch (e) { /* a viewer without storage */ }
    });
  });
  var first = remembered() || ((navigator.language || "zh").toLowerCase().indexOf("zh") === 0 ? "zh" : "en");
  if (radios[first]) radios[first].checked = true;
  applyLang();

  // --- names ------------------------------------------------------------------------------------

  var fieldById = {};
  rules.profile_fields.forEach(function (f) { fieldById[f.id] = f; });

  /* A committee's name: the rules document's, or the display name of one 三(四)1 names only by its field. */
  function committeeName(id) {
    var c = rules.committees[id] || {};
    return pairOf(function (l) { return c[l] || data.view[l].committees[id] || id; });
  }
  function sep(l) { return l === "zh" ? "；" : "; "; }  // names may hold 、 themselves

  // --- tabs and routes --------------------------------------------------------------------------

  var sections = document.querySelectorAll(".pk-section");
  function show(tab) {
    each(sections, function (s) { s.classList.toggle("pk-active", s.id === tab); });
    each(document.querySelectorAll(".pk-tabs a"), function (a) {
      if (a.getAttribute("data-tab") === tab) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
  }
  function reveal(target) {
    var section = target.closest(".pk-section");
    if (section) show(section.id);
    target.scrollIntoView({block: "start"});
  }
  function route() {
    var hash = decodeURIComponent(window.location.hash.replace(/^#/, ""));
    var m = /^\/occupations\/([^/#]+)\.html$/.exec(hash);
    if (m && data.occupations[m[1]]) return showOccupation(m[1]);
    $("pk-occupation").hidden = true;
    m = /^\/[^#]*#(.+)$/.exec(hash);  // a link finder.js made to a part of the site: its #anchor, if here
    if (m) hash = m[1];
    if (!hash || TABS.indexOf(hash) >= 0) return show(hash || "finder");
    var target = $(hash);
    if (target) reveal(target); else show("finder");
  }
  window.addEventListener("hashchange", route);

  // --- occupation card --------------------------------------------------------------------------

  function showOccupation(slug) {
    var card = $("pk-occupation");
    var o = rules.occupations[slug], extra = data.occupations[slug];
    card.textContent = "";
    var h = card.appendChild(el("h2"));
    h.tabIndex = -1;
    h.appendChild(bi({zh: o.zh, en: o.en}));
    var zh = h.appendChild(el("span", "pk-en", " " + o.zh));
    zh.lang = "zh";
    var py = card.appendChild(el("p", "pk-kind", extra.pinyin));
    py.lang = "zh-Latn-pinyin";
    if (o.committees.length) {
      var p = card.appendChild(el("p"));
      p.appendChild(bi(pairOf(function (l) { return L.committees[l] + (l === "zh" ? "：" : ": "); }), "b"));
      p.appendChild(bi(pairOf(function (l) {
        return o.committees.map(function (c) { return committeeName(c)[l]; }).join(sep(l));
      })));
    }
    extra.rows.forEach(function (id) {
      var row = $("row-" + id);
      if (!row) return;
      var copy = row.cloneNode(true);
      copy.removeAttribute("id");
      each(copy.querySelectorAll('[data-slug="' + slug + '"]'), function (s) { s.classList.add("pk-mark"); });
      card.appendChild(copy);
    });
    var actions = card.appendChild(el("p", "pk-actions"));
    var inCatalogue = actions.appendChild(el("a"));
    inCatalogue.href = "#row-" + extra.rows[0];
    inCatalogue.appendChild(bi(L.in_catalogue));
    var check = actions.appendChild(el("a", "pk-check-this"));
    check.href = "#check";
    check.setAttribute("data-slug", slug);
    check.appendChild(bi(L.check_this));
    card.hidden = false;
    show("finder");
    h.focus();
    card.scrollIntoView({block: "start"});
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.pk-check-this");
    if (!a) return;
    e.preventDefault();
    $("pk-f-occupation").value = a.getAttribute("data-slug");
    if (window.location.hash !== "#check") window.history.pushState(null, "", "#check");
    show("check");
    update();
    $("check").scrollIntoView({block: "start"});  // the top of the check: the answer, then the form
  });

  // --- finder -----------------------------------------------------------------------------------

  /* The same index finder.py serializes: a bare lunr.Builder (no pipeline) over the same tokens. */
  function buildIndex(fields, tokens) {
    var b = new lunr.Builder();
    b.ref("ref");
    fields.forEach(function (f) { b.field(f); });
    tokens.forEach(function (t, n) {
      var doc = {ref: String(n)};
      fields.forEach(function (f) { doc[f] = t[f]; });
      b.add(doc);
    });
    return JSON.parse(JSON.stringify(b.build()));
  }

  function setupFinders() {
    var F = data.finder, src = $("pk-finder-js");
    var index = buildIndex(F.fields, F.tokens);
    var meta = document.querySelector('meta[name="guantong"]');
    var roots = document.querySelectorAll("[data-pk-finder]");
    var finders = {};
    each(roots, function (r) {
      var l = r.getAttribute("data-pk-finder");
      var d = {index: index};
      Object.keys(F.shared).forEach(function (k) { d[k] = F.shared[k]; });
      Object.keys(F.lang[l]).forEach(function (k) { d[k] = F.lang[l][k]; });
      window.GuantongFinder = finders[l] = d;
      meta.setAttribute("data-lang", l);
      each(roots, function (x) { x.classList.toggle("gt-finder", x === r); });  // finder.js takes every .gt-finder
      var s = document.createElement("script");
      s.text = src.textContent;
      document.body.appendChild(s);
    });
    each(roots, function (x) { x.classList.add("gt-finder"); });
    window.GuantongPocketFinders = finders;
  }

  // --- check ------------------------------------------------------------------------------------

  /* The same layers as the site's check page: the form layer (check-form.js) reads the answers, the engine
     (eligibility.js) evaluates, the view (check-view.js) says it and check-render.js draws it — once per
     language, both kept in the page (CSS shows one). Fields no pathway reads are hidden. */
  var G = window.Guantong;
  var form = $("pk-check");
  var out = $("pk-result");
  var live = $("pk-live");
  var said = "";
  var lastResult = null;

  function answers() {
    var given = {};
    each(form.elements, function (c) {
      if (!c.name || c.type === "submit" || c.type === "reset") return;
      var box = c.closest("[data-field]");
      if (box && box.hidden) return;
      if (c.type === "checkbox") { if (c.checked) (given[c.name] = given[c.name] || []).push(c.value); }
      else if (c.type === "radio") { if (c.checked && c.value !== "") given[c.name] = c.value; }
      else if (c.value !== "") given[c.name] = c.value;
    });
    return given;
  }

  function showFields(result) {
    var show = G.visibleFields(rules, result);
    each(form.querySelectorAll("[data-field]"), function (box) {
      var f = fieldById[box.getAttribute("data-field")];
      var always = ["skill-level", "title-level", "honours", "occupation", "school-class", "date"].indexOf(f.type) >= 0;
      box.hidden = !(always || show[f.id]);
    });
  }

  function update() {
    var all = {};
    each(form.elements, function (c) {  // first every answer: which fields a pathway still reads
      if (c.name && c.type !== "radio" && c.type !== "checkbox" && c.value !== "") all[c.name] = c.value;
      if (c.name && c.type === "radio" && c.checked && c.value !== "") all[c.name] = c.value;
    });
    showFields(G.evaluate(rules, G.form.profile(rules, all).profile));
    var state = G.form.profile(rules, answers());
    out.textContent = "";
    var answered = Object.keys(state.profile).some(function (k) { return fieldById[k] && fieldById[k].type !== "date"; });
    if (!answered) {  // the date alone (today, filled in) is no answer yet
      out.appendChild(el("p", "pk-start")).appendChild(bi(L.start));
      lastResult = null;
      return;
    }
    var result = G.evaluate(rules, state.profile);
    ["zh", "en"].forEach(function (l) {
      if (data.finder && !data.view[l].not_listed) data.view[l].not_listed = plainRefs(data.finder.lang[l].not_listed);
      var tree = G.view(rules, result, state.profile, l, data.view[l]);
      var part = out.appendChild(el("div", "pk-" + l));
      part.lang = l;
      part.appendChild(G.renderTree(tree, document));
    });
    lastResult = {result: result, profile: state.profile};
  }

  /* The finder's not-listed text for the check's view: its references as plain labels (no site pages here). */
  function plainRefs(nl) {
    return {title: nl.title, points: nl.points.map(function (p) {
      return {text: p.text, refs: p.refs.map(function (r) { return {label: r.label, href: null}; })};
    })};
  }

  /* Once per change (a choice made, a field left), never per keystroke. */
  function announce() {
    if (!lastResult) return;
    var text = G.headlineText(G.view(rules, lastResult.result, lastResult.profile, lang(), data.view[lang()]));
    if (text !== said) live.textContent = said = text;
  }

  if (form && G && G.view) {
    var date = form.elements.date;
    if (date) date.value = date.defaultValue = G.todayIn(rules.policy.timezone);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      update();
      out.scrollIntoView({block: "start"});
    });
    form.addEventListener("input", update);
    form.addEventListener("change", function () { update(); announce(); });
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    update();
  }

  function start() {
    setupFinders();
    route();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
