/* The occupation finder's search: pure (data in, answer out), no DOM. Runs in the browser (loaded with
 * lunr.js and finder-index.js; finder.js draws the answer) and in Node (tests/js/run_finder.js).
 *
 * GuantongFinderSearch(data, lunr) → {search: function (query) → answer | null, normalize}
 * data is what generator/finder.py writes (finder-index.js). An answer is a list of items, in the order
 * a reader sees them, plus the related names when nothing else matched:
 *   {items: [{kind, doc, ...}], related: [doc], query: text}
 * kinds: "clause" (a clause number: 四（五）, 4.5, IV(5)), "code" (大典 2022 code), "occupation",
 * "everyday" (an everyday name → its occupation), "trade" (a sourced 工种: 属于), "covered" (the query's
 * last word(s) are a listed name: 可能属于, 附件注1), "programme" (粤菜师傅 → the occupations it covers),
 * "row" (a catalogue row: 技工院校 实习指导教师; a programme's 其他纳入… of the agriculture row).
 *
 * The query is normalized as generator/finder.py:normalize normalizes names (the two must agree):
 * NFKC (full-width letters), lower case, traditional → simplified (a map generated from the data),
 * ü → v, no tone marks. Latin queries are tried as pinyin, as pinyin initials and as English; when
 * nothing matches, once more allowing one typo per word of 4+ letters. Chinese queries need every
 * character bigram. Ranking (see tier()): exact name, exact alias or initials, start of a name, inside a
 * name, alias only or typo; then the shorter name, lunr's score, A–Z (DECISIONS.md, D5).
 * Which listed name a query may be covered by is decided at build time (generator/covered.py, jieba);
 * here only its result is applied (data.covered: per listed name, the strings that may not precede it).
 */
(function (root) {
"use strict";

var CJK = /[\u3400-\u9fff]/;
var KEEP = /[^0-9a-z\u3400-\u9fff]+/g;
var NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10};
var ROMAN = {i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10};
var MAX_RELATED = 5;

function create(data, lunr) {
  var REQUIRED = lunr.Query.presence.REQUIRED;
  var TRAILING = lunr.Query.wildcard.TRAILING;
  var docs = data.docs;
  docs.forEach(function (d) {
    if (!d.kind) d.kind = "occupation";  // generator/finder.py leaves out what it can derive
    var keys = [d.zh, d.pinyin, d.en].map(function (t) { return normalize(t).replace(/ /g, ""); });
    d.exact = keys.filter(function (k, i) { return k && keys.indexOf(k) === i; }).sort();  // finder.py: exact_keys
  });
  var index = null;
  var listed = docs.filter(function (d) { return d.kind === "occupation"; });
  var byName = {};
  listed.forEach(function (d) { byName[d.zh] = d; });
  var longestFirst = Object.keys(byName).sort(function (a, b) { return b.length - a.length || (a < b ? -1 : 1); });

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
      if ((doc.alias && doc.alias.indexOf(k) >= 0) || names(doc).ini === k) consider([1, 0]);
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

  /* The ranked direct hits of a query. */
  function ranked(q) {
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
      return a.tier - b.tier || (a.doc.kind !== "occupation") - (b.doc.kind !== "occupation") ||
        a.length - b.length || a.name - b.name ||
        a.doc.zh.length - b.doc.zh.length || b.score - a.score || a.order - b.order;
    });
  }

  // --- clause numbers and codes -----------------------------------------------------------------

  function number(s) {
    if (/^\d+$/.test(s)) return Number(s);
    if (s in ROMAN) return ROMAN[s];
    if (s.length === 1 && s in NUM) return NUM[s];
    if (/^十[一二三四五六七八九]$/.test(s)) return 10 + NUM[s.charAt(1)];
    return 0;
  }

  /* The clause ids a typed clause number may mean: 四（五）, 四、（五）1, 4.5, 4.5.1, IV(5), iv(5)1, 注1, note 1. */
  function clauseIds(raw) {
    var s = String(raw).normalize("NFKC").toLowerCase().replace(/\s+/g, "");
    var m = /^(?:注|note)(\d+)\.?$/.exec(s);
    if (m) return ["note." + m[1]];
    m = /^([一二三四五六七八九十]+|[ivx]+)[、.]?\(([一二三四五六七八九十]+|\d+)\)(\d+)?\.?$/.exec(s) ||
        /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(s) ||
        /^([一二三四五六七八九十]+)、$/.exec(s);
    if (!m) return [];
    var parts = [m[1], m[2], m[3]].filter(Boolean).map(number);
    if (parts.some(function (n) { return !n; })) return [];
    return [parts.join(".")];
  }

  function codeQuery(compactText, raw) {
    var s = String(raw).normalize("NFKC").replace(/\s+/g, "");
    if (!/^[1-8](-\d{1,2}){1,3}$/.test(s) && !/^[1-8]\d{2,6}$/.test(s)) return [];
    var digits = s.replace(/-/g, "");
    return listed.filter(function (d) { return d.code && d.code.replace(/-/g, "").indexOf(digits) === 0; });
  }

  // --- covered by, related ----------------------------------------------------------------------

  function blocked(prefix, entry) {
    var x = typeof entry === "string" ? entry : entry[0];
    var keep = typeof entry === "string" ? [] : entry.slice(1);
    if (prefix.slice(-x.length) !== x) return false;
    return !keep.some(function (w) { return prefix.slice(-w.length) === w; });
  }

  /* The listed name the query's last word(s) are, the longest one (generator/covered.py:covered_by). */
  function coveredBy(compactText) {
    for (var i = 0; i < longestFirst.length; i++) {
      var name = longestFirst[i];
      if (compactText.length > name.length && compactText.slice(-name.length) === name) {
        var prefix = compactText.slice(0, -name.length);
        if (!(data.covered[name] || []).some(function (b) { return blocked(prefix, b); })) return byName[name];
      }
    }
    return null;
  }

  /* Everyday words first (焊接 → 焊工), then listed names sharing a character that is not generic. */
  function related(q) {
    var out = [], seen = {};
    function add(d) { if (!seen[d.slug] && out.length < MAX_RELATED) { seen[d.slug] = true; out.push(d); } }
    data.words.forEach(function (w) {
      if (q.compact.indexOf(w.word) >= 0 || (q.compact.length >= 2 && w.word.indexOf(q.compact) >= 0)) {
        w.refs.forEach(function (r) { add(docs[r]); });
      }
    });
    if (!q.cjk) return out;
    var chars = Array.from(new Set(Array.from(q.compact))).filter(function (c) {
      return CJK.test(c) && data.generic.indexOf(c) < 0;
    });
    listed.map(function (d, n) {
      var shared = chars.filter(function (c) { return d.zh.indexOf(c) >= 0; }).length;
      return {doc: d, shared: shared, n: n};
    }).filter(function (x) { return x.shared > 0; }).sort(function (a, b) {
      return b.shared - a.shared || a.doc.zh.length - b.doc.zh.length || a.n - b.n;
    }).forEach(function (x) { add(x.doc); });
    return out;
  }

  // --- the answer -------------------------------------------------------------------------------

  /* A direct hit as the items it shows: a programme shows the occupations it covers, then its row. */
  function expand(hit) {
    var d = hit.doc;
    if (d.kind === "programme") {
      return d.refs.map(function (r) { return {kind: "programme", doc: docs[r], via: d}; })
        .concat([{kind: "row", doc: d, row: data.rows[d.row], via: d}]);
    }
    if (d.kind === "row") return [{kind: "row", doc: d, row: data.rows[d.row]}];
    if (d.kind === "everyday" || d.kind === "trade") return [{kind: d.kind, doc: docs[d.ref], via: d}];
    return [{kind: "occupation", doc: d}];
  }

  function search(raw) {
    var q = parse(raw);
    if (!q.compact) return null;
    var items = [];
    clauseIds(raw).forEach(function (id) {
      if (data.clauses[id]) items.push({kind: "clause", clause: data.clauses[id], id: id});
    });
    codeQuery(q.compact, raw).forEach(function (d) { items.push({kind: "code", doc: d}); });
    var hits = ranked(q);
    var exact = hits.length && hits[0].tier <= 1;
    if (q.cjk && !exact) {
      var cover = coveredBy(q.compact);
      if (cover) items.push({kind: "covered", doc: cover});
    }
    var seen = {};
    items.forEach(function (it) { if (it.doc) seen[it.kind + it.doc.slug] = true; });
    hits.forEach(function (h) {
      expand(h).forEach(function (it) {
        var key = (it.via ? it.via.zh : "") + it.kind + (it.doc.slug || it.doc.zh);
        if (!seen[key]) { seen[key] = true; items.push(it); }
      });
    });
    return {query: q.text, items: items, related: items.length ? [] : related(q)};
  }

  return {search: search, normalize: normalize, clauseIds: clauseIds, warm: getIndex};
}

if (typeof module === "object" && module.exports) module.exports = create;
else root.GuantongFinderSearch = create;
})(typeof globalThis !== "undefined" ? globalThis : this);
