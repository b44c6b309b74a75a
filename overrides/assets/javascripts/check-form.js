/*
 * Guantong eligibility check: the shared form layer (a classic script; pure — no DOM, also loaded by Node).
 *
 * Between what a person types (or an address carries) and the engine's profile:
 * - Guantong.form.number(raw): numbers as typed — NFKC (full-width digits), trimmed, one trailing "year"
 *   character (U+5E74) allowed, digits with at most one decimal point ("4", "4 + U+5E74", full-width "4",
 *   "4.5"); {value} or {bad: true};
 *   an empty answer is null (unanswered);
 * - Guantong.form.profile(doc, answers): the raw answers of the form or the address ({field: text,
 *   "field.level": text, honours: [ids]}) → {profile, query}: numbers normalised, yes/no read; an answer
 *   that cannot be read goes to the engine as typed, whose error names its field (not_a_number …);
 *   fields the rules do not know (an address's other parameters) are left out;
 * - Guantong.form.answers(search): the answers an address carries (URLSearchParams syntax).
 * - Guantong.visibleFields(doc, result): which fields a pathway (under any reading) still reads.
 * The query written back holds the normalised numbers. Nothing here touches the page.
 */
(function (root) {
  'use strict';

  var G = root.Guantong = root.Guantong || {};
  var NUMBER = new RegExp('^[0-9]+([.][0-9]+)?$');
  var YEAR_SUFFIX = new RegExp('\\s*\u5e74$');
  var TRUE_WORDS = ['1', 'true', 'yes', 'on'];
  var FALSE_WORDS = ['0', 'false', 'no', 'off'];
  var MAPS = ['years-by-skill-level', 'years-by-title-level', 'dates-by-skill-level', 'dates-by-title-level'];

  function normal(raw) {
    var text = String(raw);
    return (text.normalize ? text.normalize('NFKC') : text).trim();
  }

  function number(raw) {
    var text = normal(raw).replace(YEAR_SUFFIX, '').trim();
    if (text === '') return null;
    return NUMBER.test(text) ? { value: Number(text) } : { bad: true };
  }

  function answers(search) {
    var out = {};
    var text = String(search || '').replace(new RegExp('^[?]'), '');
    if (!text) return out;
    text.split('&').forEach(function (pair) {
      if (!pair) return;
      var at = pair.indexOf('=');
      var key = at < 0 ? pair : pair.slice(0, at);
      var value = at < 0 ? '' : pair.slice(at + 1);
      try {
        key = decodeURIComponent(key.split('+').join(' '));
        value = decodeURIComponent(value.split('+').join(' '));
      } catch (e) {
        return;  /* a malformed escape: that answer is dropped, the others still count */
      }
      out[key] = value;
    });
    return out;
  }

  function profile(doc, given) {
    var result = {};
    var query = [];

    function put(key, value) {
      query.push(encodeURIComponent(key) + '=' + encodeURIComponent(value).split('%2C').join(','));
    }

    doc.profile_fields.forEach(function (f) {
      var name = f.id;
      if (MAPS.indexOf(f.type) >= 0) {
        var map = {}, any = false;
        Object.keys(given).sort().forEach(function (key) {
          if (key.indexOf(name + '.') !== 0) return;
          var level = key.slice(name.length + 1);
          var raw = normal(given[key]);
          if (raw === '') return;
          any = true;
          if (f.type.indexOf('years-') === 0) {
            var n = number(raw);
            map[level] = n && !n.bad ? n.value : raw;
            put(key, n && !n.bad ? String(n.value) : raw);
          } else {
            map[level] = raw;
            put(key, raw);
          }
        });
        if (any) result[name] = map;
        return;
      }
      if (!Object.prototype.hasOwnProperty.call(given, name)) return;
      var value = given[name];
      if (f.type === 'honours') {
        var ids = (Array.isArray(value) ? value : String(value).split(',')).map(normal).filter(Boolean);
        if (ids.length) {
          result[name] = ids;
          put(name, ids.join(','));
        }
        return;
      }
      var text = normal(value);
      if (text === '') return;
      if (f.type === 'years') {
        var parsed = number(text);
        if (parsed.bad) {
          result[name] = text;  /* the engine names the field: not_a_number */
          put(name, text);
        } else {
          result[name] = parsed.value;
          put(name, String(parsed.value));
        }
      } else if (f.type === 'boolean') {
        var word = text.toLowerCase();
        if (TRUE_WORDS.indexOf(word) >= 0) result[name] = true;
        else if (FALSE_WORDS.indexOf(word) >= 0) result[name] = false;
        else result[name] = text;  /* the engine names it: not_a_boolean */
        put(name, result[name] === true ? '1' : result[name] === false ? '0' : text);
      } else {
        result[name] = text;
        put(name, text);
      }
    });
    return { profile: result, query: query.join('&') };
  }

  /* A field is asked while some condition list that reads it (a pathway's, under any reading) is not false
     for another reason: false only because of this very answer (or the date that stands for it) still
     counts, so a field never hides itself. */
  function visibleFields(doc, result) {
    var ITEM = new RegExp('\\[[0-9]+\\]$');
    function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
    var show = {};
    var tests = doc.condition_tests;
    var group = {};
    doc.profile_fields.forEach(function (f) { group[f.id] = f.instead_of || f.id; });
    function groupOf(field) {
      var base = field.split('.')[0].replace(ITEM, '');
      return has(group, base) ? group[base] : base;
    }
    function consider(conditions, missing) {
      conditions.forEach(function (c) {
        (tests[c.test] || []).forEach(function (f) {
          var blocked = missing.some(function (m) { return groupOf(m.field) !== groupOf(f); });
          if (!blocked) show[f] = true;
        });
      });
    }
    doc.pathways.forEach(function (pw, i) {
      var res = result.pathways[i] || { missing: [], readings: [] };
      consider(pw.conditions, res.missing);
      (pw.readings || []).forEach(function (alt) {
        var r = res.readings.filter(function (x) { return x.decision === alt.decision && x.reading === alt.reading; })[0];
        consider(alt.conditions, r ? r.missing : res.missing);
      });
    });
    doc.exemptions.forEach(function (x) {
      if (result[x.result_field] === false) return;
      x.when.forEach(function (alt) {
        Object.keys(alt).forEach(function (k) { if (has(group, k)) show[k] = true; });
      });
    });
    return show;
  }

  G.form = { number: number, profile: profile, answers: answers };
  G.visibleFields = visibleFields;
  if (typeof module === 'object' && module && module.exports) module.exports = G;
}(typeof globalThis !== 'undefined' ? globalThis : this));
