/*
 * Guantong eligibility check: everyday title names (a classic script; pure — no DOM, also loaded by Node).
 *
 * Guantong.titleNames(doc, lang, s, committees) picks, from the rules document's `title_names` (built from
 * data/title-names.yaml, each list with its national document), the lists that apply to the answer's
 * committees (`doc.committees[id].names` holds their indexes) and returns
 *   names(level)    the level's names in `lang` — one name, or a category's names after the category — or '' when none
 *   sources(levels) the documents of the names of these levels, once each: [{id, number, number_en}]
 * `s` is the view's words (check_v_names_sep, check_v_names_for, check_v_list_sep). check-view.js shows them.
 */
(function (root) {
  'use strict';

  var G = root.Guantong = root.Guantong || {};

  G.titleNames = function (doc, lang, s, committees) {
    var ix = [];
    (committees || []).forEach(function (id) {
      ((doc.committees[id] || {}).names || []).forEach(function (i) { if (ix.indexOf(i) < 0) ix.push(i); });
    });
    var sets = ix.sort(function (a, b) { return a - b; }).map(function (i) { return doc.title_names[i]; });
    function join(list) { return list.map(function (n) { return n[lang]; }).join(s.names_sep); }
    function having(levels) { return sets.filter(function (t) { return levels.some(function (l) { return t.levels[l]; }); }); }
    return {
      names: function (level) {
        return having([level]).map(function (t) {
          return (t.categories ? join(t.categories) + s.names_for : '') + join(t.levels[level]);
        }).join(s.list_sep);
      },
      sources: function (levels) {
        return having(levels).map(function (t) { return t.document; })
          .filter(function (d, i, all) { return all.indexOf(d) === i; });
      }
    };
  };

  if (typeof module === 'object' && module && module.exports) module.exports = G;
}(typeof globalThis !== 'undefined' ? globalThis : this));
