/* Occupation finder: a WAI-ARIA combobox over the prebuilt lunr index of assets/javascripts/finder-index.js.
 *
 * Loads lunr.js and finder-index.js itself when a reader reaches for the finder (see the loader below). Turns every
 * element .gt-finder on the page into a finder (markup: generator/templates/_finder.md.j2).
 * The query is normalized as generator/finder.py:normalize normalizes names (the two must agree):
 * NFKC (full-width letters), lower case, traditional → simplified (a map generated from the data),
 * ü → v, no tone marks. Latin queries are tried as pinyin, as pinyin initials and as English; when
 * nothing matches, once more allowing one typo per word of 4+ letters. Chinese queries need every
 * character bigram. Ranking (see tier()): exact name, exact alias or initials, start of a name, inside a
 * name, alias only or typo; then the shorter name, lunr's score, A–Z (DECISIONS.md, D5).
 * User text only ever reaches the page through textContent.
 */

(function () {
/* Loader: lunr.js and the index (finder-index.js, the biggest file of a page) are fetched only when a
 * reader reaches for the finder (pointer over it, touch, or focus), not with the first view. Where they
 * are already on the page (the pocket file inlines them), the finder starts at once. */
(function () {
  "use strict";
  var started = false;

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  function script(src, done) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = done;
    document.head.appendChild(s);
  }

  function start() {
    if (started) return;
    started = true;
    if (window.GuantongFinder && window.lunr) { finderMain(); return; }
    var meta = document.querySelector('meta[name="guantong"]');
    var base = (meta ? meta.getAttribute("data-base") : ".").replace(/\/$/, "") + "/assets/javascripts/";
    script(base + "lunr.js", function () { script(base + "finder-index.js", finderMain); });
  }

  ready(function () {
    var roots = document.querySelectorAll(".gt-finder");
    if (!roots.length) return;
    if (window.GuantongFinder && window.lunr) { start(); return; }
    Array.prototype.forEach.call(roots, function (root) {
      var box = root.querySelector(".gt-finder__box");
      if (box) box.hidden = false;  // typing may begin before the index arrives: it is searched on arrival
      ["focusin", "pointerover", "touchstart"].forEach(function (type) {
        root.addEventListener(type, start, { passive: true });
      });
    });
  });
})();

function finderMain() {
  "use strict";

  var data = window.GuantongFinder;

  var MAX_SHOWN = 10;
  var CJK = /[\u3400-\u9fff]/;
  var KEEP = /[^0-9a-z\u3400-\u9fff]+/g;
  var REQUIRED = lunr.Query.presence.REQUIRED;
  var TRAILING = lunr.Query.wildcard.TRAILING;
  var labels = data.labels;
  var docs = data.docs;
  var index = null;

  function getIndex() {
    if (!index) index = lunr.Index.load(data.index);
    return index;
  }

  // --- the query ------------------------------------------------------------------------------

  function normalize(raw) {
    var s = String(raw).normalize("NFKC").toLowerCase();
    s = Array.from(s).map(function (ch) { return data.trad[ch] || ch; }).join("");
    s = s.replace(/[ǖǘǚǜü]/g, "v").replace(/u:/g, "v");
    s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return s.replace(KEEP, " ").trim();
  }

  function bigrams(s) {
    if (s.length === 1) return [s];
    var out = [];
    for (var i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
    return out;
  }

  function stem(word) {
    return lunr.stemmer(new lunr.Token(word)).toString();
  }

  /* One lunr query in which every term is required; adds each hit's score to `found` (best score kept). */
  function run(found, terms) {
    var results = getIndex().query(function (q) {
      terms.forEach(function (t) {
        var options = {fields: t.fields, presence: REQUIRED, usePipeline: false};
        if (t.prefix) options.wildcard = TRAILING;
        if (t.fuzzy) options.editDistance = 1;  // lunr checks for the key, not its value
        q.term(t.term, options);
      });
    });
    results.forEach(function (r) {
      if (!(r.ref in found) || found[r.ref] < r.score) found[r.ref] = r.score;
    });
  }

  function clause(term, fields, prefix, fuzzy) {
    return {term: term, fields: fields, prefix: prefix && !fuzzy, fuzzy: fuzzy};
  }

  /* A Latin query tried as pinyin, as initials and as English words (the last one may be unfinished). */
  function latin(found, q, fuzzy) {
    if (q.pinyin && (!fuzzy || q.pinyin.length >= 4)) {
      run(found, [clause(q.pinyin, ["py"], true, fuzzy)]);
      if (!fuzzy) run(found, [clause(q.pinyin, ["ini"], true, false)]);
    }
    run(found, q.words.map(function (w, i) {
      return fuzzy ? clause(w, ["en"], true, w.length >= 4) : clause(q.stems[i], ["en"], true, false);
    }));
  }

  /* A document's names as the ranking compares them (computed once, on first use). */
  function names(doc) {
    if (!doc.names) {
      var syl = normalize(doc.pinyin).split(" ");
      var words = normalize(doc.en).split(" ");
      doc.names = {
        zh: normalize(doc.zh).replace(/ /g, ""), py: syl.join(""), syllables: syl.length, words: words.length,
        ini: syl.map(function (x) { return x.charAt(0); }).join(""),
        en: words.concat(words.map(stem))
      };
    }
    return doc.names;
  }

  /* How long the name is that contains the query (characters, syllables or words); 0 if none does. */
  function nameLength(doc, q) {
    var n = names(doc), best = 0;
    function take(len) { if (!best || len < best) best = len; }
    if (q.cjk) {
      if (n.zh.indexOf(q.compact) >= 0) take(doc.zh.length);
      return best;
    }
    if (q.pinyin && (n.py.indexOf(q.pinyin) >= 0 || n.ini.indexOf(q.pinyin) >= 0)) take(n.syllables);
    if (q.stems.every(function (s) { return n.en.some(function (w) { return w.indexOf(s) === 0; }); })) {
      take(n.words);
    }
    return best;
  }

  /* [tier, length]: 0 an exact name; 1 an exact alias or the initials; 2 the start of a name (the shorter
     name first: the reader may still be typing it); 3 inside a name; 4 only in an alias, or by a typo. */
  function tier(doc, q) {
    var best = [4, 0];
    function consider(t) {
      if (t[0] < best[0] || (t[0] === best[0] && t[1] < best[1])) best = t;
    }
    q.keys.forEach(function (k) {
      if (doc.exact.indexOf(k) >= 0) consider([0, 0]);
      if (doc.alias.indexOf(k) >= 0) consider([1, 0]);
      doc.exact.forEach(function (e) { if (e.indexOf(k) === 0) consider([2, e.length]); });
    });
    var len = nameLength(doc, q);
    if (len) consider([3, len]);
    return best.concat([len || Infinity]);
  }

  function parse(raw) {
    var s = normalize(raw);
    var compact = s.replace(/ /g, "");
    var pinyin = compact.replace(/([a-z])[1-5]/g, "$1");  // han4gong1 → hangong
    var words = s.split(" ");
    return {text: s, compact: compact, cjk: CJK.test(compact), pinyin: pinyin, words: words,
            stems: words.map(stem), keys: compact === pinyin ? [compact] : [compact, pinyin]};
  }

  /* The ranked hits for a query ([] for no hit, null for an empty query). */
  function search(raw) {
    var q = parse(raw);
    if (!q.compact) return null;
    var found = {};
    if (q.cjk) {
      run(found, bigrams(q.compact).map(function (g) { return clause(g, ["zh"], false, false); }));
    } else {
      latin(found, q, false);
      if (!Object.keys(found).length) latin(found, q, true);
    }
    return Object.keys(found).map(function (ref) {
      var doc = docs[Number(ref)], t = tier(doc, q);
      return {doc: doc, order: Number(ref), tier: t[0], length: t[1], name: t[2], score: found[ref]};
    }).sort(function (a, b) {
      return a.tier - b.tier || a.length - b.length || a.name - b.name ||
        a.doc.zh.length - b.doc.zh.length || b.score - a.score || a.order - b.order;
    });
  }

  // --- URLs -------------------------------------------------------------------------------------

  var meta = document.querySelector('meta[name="guantong"]');
  var base = ((meta && meta.getAttribute("data-base")) || ".").replace(/\/$/, "");
  var dirUrls = !meta || meta.getAttribute("data-dir-urls") !== "false";
  var lang = (meta && meta.getAttribute("data-lang")) || data.lang;

  /* "occupations/hangong.md" → "<base>/occupations/hangong/" (or "….html" without directory URLs). */
  function pageUrl(mdPath) {
    var hash = "", k = mdPath.indexOf("#");
    if (k >= 0) { hash = mdPath.slice(k); mdPath = mdPath.slice(0, k); }
    var p = mdPath.replace(/\.md$/, "");
    if (p === "index" || /\/index$/.test(p)) p = p.replace(/index$/, dirUrls ? "" : "index.html");
    else p += dirUrls ? "/" : ".html";
    return base + "/" + p + hash;
  }

  // --- the widget -------------------------------------------------------------------------------

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  /* A label with {query} in it, as nodes: the query is text, never markup. */
  function withQuery(template, query) {
    var frag = document.createDocumentFragment();
    template.split("{query}").forEach(function (part, i) {
      if (i > 0) frag.appendChild(el("q", "gt-finder__query", query));
      frag.appendChild(document.createTextNode(part));
    });
    return frag;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  var counter = 0;

  function Finder(root) {
    var n = counter++;
    var box = root.querySelector(".gt-finder__box") || root.appendChild(el("div", "gt-finder__box"));
    var input = box.querySelector("input");
    if (!input) {
      var label = box.appendChild(el("label", "gt-finder__label", labels.label));
      input = box.appendChild(el("input", "gt-finder__input"));
      input.id = "gt-finder-input-" + n;
      label.htmlFor = input.id;
    }
    var list = box.querySelector("[role=listbox]") || box.appendChild(el("ul", "gt-finder__list"));
    var status = box.querySelector(".gt-finder__status") || box.appendChild(el("div", "gt-finder__status"));
    if (!list.id) list.id = "gt-finder-list-" + n;
    list.setAttribute("role", "listbox");
    if (!list.hasAttribute("aria-label")) list.setAttribute("aria-label", labels.results);
    status.setAttribute("role", "status");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");

    var hits = [];     // shown hits
    var active = -1;   // index of the highlighted option, -1 for none
    var open = false;

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
      open = value && hits.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      if (!open) setActive(-1);
    }

    function option(hit, i) {
      var d = hit.doc;
      var li = el("li", "gt-finder__hit");
      li.id = list.id + "-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.setAttribute("data-href", pageUrl(d.path));
      li.setAttribute("data-slug", d.slug);
      var head = li.appendChild(el("span", "gt-finder__head"));
      head.appendChild(el("span", "gt-finder__name", lang === "zh" ? d.zh : d.en));
      if (lang !== "zh") {
        head.appendChild(document.createTextNode(" "));
        head.appendChild(el("span", "gt-finder__zh", d.zh)).setAttribute("lang", "zh");
      }
      head.appendChild(document.createTextNode(" "));
      head.appendChild(el("span", "gt-finder__pinyin", d.pinyin)).setAttribute("lang", "zh-Latn-pinyin");
      var names = d.committees.map(function (id) { return data.committees[id].text; });
      if (names.length) {
        var com = li.appendChild(el("span", "gt-finder__committee"));
        com.appendChild(el("span", "gt-finder__committee-label", labels.committee + (lang === "zh" ? "：" : ": ")));
        com.appendChild(document.createTextNode(names.join(lang === "zh" ? "；" : "; ")));
      }
      return li;
    }

    function noHit(query) {
      var p = el("p", "gt-finder__none");
      p.appendChild(withQuery(labels.none, query));
      p.appendChild(document.createTextNode(" " + labels.none_rule + " "));
      var a = p.appendChild(el("a", "gt-finder__rule", labels.none_link));
      a.href = pageUrl(labels.none_href);
      return p;
    }

    function update() {
      var query = input.value;
      var ranked = search(query);
      list.textContent = "";
      status.textContent = "";
      hits = (ranked || []).slice(0, MAX_SHOWN);
      hits.forEach(function (h, i) { list.appendChild(option(h, i)); });
      if (ranked && !ranked.length) status.appendChild(noHit(query.trim()));
      else if (ranked) {
        var t = ranked.length === 1 ? labels.count_one : ranked.length > hits.length ? labels.count_more : labels.count;
        status.textContent = fill(t, {total: ranked.length, shown: hits.length});
      }
      active = -1;
      setOpen(true);
    }

    function go(i) {
      var opt = options()[i];
      if (opt) window.location.href = opt.getAttribute("data-href");
    }

    input.addEventListener("input", update);
    input.addEventListener("focus", function () { if (hits.length) setOpen(true); });
    input.addEventListener("keydown", function (e) {
      if (e.isComposing || e.keyCode === 229) return;  // an IME is composing: its keys are its own
      var count = hits.length;
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
    root.classList.add("gt-finder--ready");
    if (input.value) update(); else setOpen(false);
  }

  function init() {
    var roots = document.querySelectorAll(".gt-finder");
    Array.prototype.forEach.call(roots, Finder);
    // Load the index while the reader is still reading, so the first keystroke does not wait for it.
    if (roots.length) (window.requestIdleCallback || window.setTimeout)(getIndex);
  }

  window.GuantongFinder.search = search;  // for tests and the benchmark: the ranked hits of a query
  init();
}
})();
