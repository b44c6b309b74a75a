/* Guantong pocket edition (inlined by generator/pocket.py into one HTML file; a classic script).
 *
 * - Language: two radio buttons switch with CSS alone; this script remembers the choice, sets <html lang>
 *   and the texts of <option>s (which cannot hold both languages).
 * - Tabs: #finder, #catalogue, #committees, #check; any other #id shows the section that holds it.
 *   "#/occupations/<slug>.html" (what finder.js links to with data-base "#") shows an occupation card.
 * - Finder: lunr.js builds the finder's index from its tokens, then finder.js (kept as text in
 *   #pk-finder-js) runs once per language, each time with that language's GuantongFinder data.
 * - Check: the form's answers become a profile for Guantong.evaluate (eligibility.js) and the result is
 *   written in both languages from the rules document's messages. Nothing here knows a rule.
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
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }
  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in params ? params[k] : m; });
  }
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

  var levelById = {};
  rules.levels.skill.concat(rules.levels.title).forEach(function (lv) { levelById[lv.id] = lv; });
  var honourById = {};
  rules.honours.forEach(function (h) { honourById[h.id] = h; });
  var educationById = {};
  rules.education_levels.forEach(function (e) { educationById[e.id] = e; });
  var fieldById = {};
  rules.profile_fields.forEach(function (f) { fieldById[f.id] = f; });

  function clauseLabel(id) { return data.clauses[id] || {zh: id, en: id}; }
  function committeeName(id) { return data.committees[id] || {zh: id, en: id}; }
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
    $("pk-f-occupation").value = a.getAttribute("data-slug");
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
    if (!F || !src || !window.lunr) return;
    var index = buildIndex(F.fields, F.tokens);
    var meta = document.querySelector('meta[name="guantong"]');
    var roots = document.querySelectorAll("[data-pk-finder]");
    var finders = {};
    each(roots, function (r) {
      var l = r.getAttribute("data-pk-finder");
      var d = {index: index};
      Object.keys(F.shared).forEach(function (k) { d[k] = F.shared[k]; });
      Object.keys(F.lang[l]).forEach(function (k) { d[k] = F.lang[l][k]; });
      d.docs = d.docs.map(function (doc) {
        var copy = doc.slug ? {path: "occupations/" + doc.slug + ".md"} : {};
        Object.keys(doc).forEach(function (k) { copy[k] = doc[k]; });
        return copy;
      });
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

  var form = $("pk-check");
  var out = $("pk-result");
  var checked = false;

  function profile() {
    var p = {};
    rules.profile_fields.forEach(function (f) {
      var id = f.id;
      if (f.type === "boolean") {
        p[id] = form.elements[id].checked;
      } else if (f.type === "honours") {
        p[id] = Array.prototype.map.call(form.querySelectorAll('input[name="' + id + '"]:checked'),
          function (i) { return i.value; });
      } else if (f.type === "years-by-skill-level") {
        var map = {}, any = false;
        each(form.querySelectorAll('input[data-map="' + id + '"]'), function (i) {
          if (i.value !== "") { map[i.getAttribute("data-key")] = Number(i.value); any = true; }
        });
        if (any) p[id] = map;
      } else {
        var v = form.elements[id].value;
        if (v !== "") p[id] = f.type === "years" ? Number(v) : v;
      }
    });
    return p;
  }

  function fieldLabel(id, l) {
    var parts = id.split(".");
    var f = fieldById[parts[0].replace(/\[\d+\]$/, "")];
    if (!f) return id;
    return f.label[l] + (parts[1] && levelById[parts[1]] ? " (" + levelById[parts[1]][l] + ")" : "");
  }

  function errorText(err, l) {
    var text = err.message[l].split(err.field).join("“" + fieldLabel(err.field, l) + "”");
    return text.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, function (id) {
      return fieldById[id] ? "“" + fieldLabel(id, l) + "”" : id;
    });
  }

  function shown(value, l) {
    if (value === null || value === undefined) return rules.messages.none[l];
    if (Array.isArray(value)) {
      return value.map(function (id) { return honourById[id] ? honourById[id][l] : id; }).join(sep(l)) ||
        rules.messages.none[l];
    }
    if (typeof value === "string" && levelById[value]) return levelById[value][l];
    return String(value);
  }

  function missingText(item) {
    var M = rules.messages.missing;
    var template = item.condition === "skill-years" && !("level" in item) ? M["skill-level-at-least"] : M[item.condition];
    return pairOf(function (l) {
      var params = {};
      ["needed", "has", "level"].forEach(function (k) { if (k in item) params[k] = shown(item[k], l); });
      return fill(template[l], params);
    });
  }

  function line(parent, pair, className) {
    return parent.appendChild(el("p", className)).appendChild(bi(pair));
  }

  function withClause(pair, clause) {
    var c = clauseLabel(clause);
    return pairOf(function (l) { return pair[l] + (l === "zh" ? "（" + c.zh + "）" : " (" + c.en + ")"); });
  }

  function pathwayList(parent, pathways) {
    if (!pathways.length) return;
    var R = rules.messages.result;
    var list = parent.appendChild(el("ul", "pk-pathways"));
    pathways.forEach(function (pw) {
      var li = list.appendChild(el("li"));
      li.setAttribute("data-pathway", pw.id);
      li.appendChild(el("span", pw.met ? "pk-met" : "pk-unmet")).appendChild(bi(pw.met ? R.met : R.unmet));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(bi(withClause(pairOf(function (l) {
        return rules.messages.kinds[pw.kind][l] + (l === "zh" ? "：" : ": ") + levelById[pw.target][l];
      }), pw.clause)));
      if (pw.missing.length) {
        var miss = li.appendChild(el("ul"));
        pw.missing.forEach(function (item) { miss.appendChild(el("li")).appendChild(bi(missingText(item))); });
      }
    });
  }

  function render(result) {
    var R = rules.messages.result;
    out.textContent = "";
    if (result.errors.length) {
      out.appendChild(el("h3")).appendChild(bi(L.errors));
      var ul = out.appendChild(el("ul", "pk-errors"));
      result.errors.forEach(function (err) {
        ul.appendChild(el("li")).appendChild(bi(pairOf(function (l) { return errorText(err, l); })));
      });
      return;
    }
    line(out, pairOf(function (l) {
      return (result.policy_in_force ? R.policy_in_force : R.policy_not_in_force)[l] + " (" + result.date + ")";
    }));
    line(out, pairOf(function (l) { return fill(R.applied_edition[l], rules.policy.edition); }), "pk-edition");
    ["title", "skill"].forEach(function (kind) {
      var best = result[kind].highest;
      line(out, pairOf(function (l) {
        return best ? fill(R[kind + "_highest"][l], {level: levelById[best][l]}) : R[kind + "_none"][l];
      }), "pk-highest");
    });
    if (result.education_equivalent) {
      var edu = educationById[result.education_equivalent.equivalent];
      line(out, withClause(pairOf(function (l) { return fill(R.education_equivalent[l], {education: edu[l]}); }),
        result.education_equivalent.clause));
    }
    rules.exemptions.forEach(function (x) {
      if (result[x.result_field] === true && R[x.result_field]) line(out, withClause(R[x.result_field], x.clause));
    });
    if (result.committees.length) {
      line(out, pairOf(function (l) {
        return R.committees[l] + (l === "zh" ? "：" : ": ") +
          result.committees.map(function (c) { return committeeName(c)[l]; }).join(sep(l));
      }));
    }
    out.appendChild(el("h3")).appendChild(bi(L.pathways));
    var met = result.pathways.filter(function (pw) { return pw.met; });
    var unmet = result.pathways.filter(function (pw) { return !pw.met; });
    pathwayList(out, met);
    if (unmet.length) {  // the pathways not met, with what each still needs, folded away on a phone
      var more = out.appendChild(el("details"));
      more.appendChild(el("summary")).appendChild(bi(pairOf(function (l) { return fill(L.unmet[l], {n: unmet.length}); })));
      pathwayList(more, unmet);
    }
    if (result.reminders.length) {
      out.appendChild(el("h3")).appendChild(bi(L.reminders));
      var rem = out.appendChild(el("ul"));
      result.reminders.forEach(function (r) {
        var text = rules.reminders.filter(function (x) { return x.id === r.id; })[0].text;
        rem.appendChild(el("li")).appendChild(bi(withClause(text, r.clause)));
      });
    }
  }

  function evaluate() {
    render(window.Guantong.evaluate(rules, profile()));
    checked = true;
  }

  if (form && window.Guantong) {
    var date = form.elements.date;
    if (date) date.value = date.defaultValue = window.Guantong.todayIn(rules.policy.timezone);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      evaluate();
      out.scrollIntoView({block: "nearest"});
    });
    form.addEventListener("change", function () { if (checked) evaluate(); });
    form.addEventListener("reset", function () { checked = false; out.textContent = ""; });
  }

  function start() {
    setupFinders();
    route();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
