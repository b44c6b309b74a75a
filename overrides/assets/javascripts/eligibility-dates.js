/*
 * Guantong eligibility: dates instead of arithmetic (a classic script; mirrors generator/eligibility/dates.py).
 *
 * A "years since" answer may be given as the date it counts from (the profile field's `instead_of` names
 * the years field it stands for). Years are counted in integer year/month/day at the profile's date,
 * never through a Date object or a time zone: N full years are complete on the N-th anniversary; a start on
 * 29 February has its anniversary on 28 February in common years.
 *
 * Sets Guantong.dates = {parse, iso, anniversary, completedYears, dateFields, apply} (one global, also under Node).
 */
(function (root) {
  'use strict';

  var G = root.Guantong = root.Guantong || {};

  function parse(text) {
    return text.split('-').map(Number);
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = '0' + s;
    return s;
  }

  function iso(ymd) {
    return pad(ymd[0], 4) + '-' + pad(ymd[1], 2) + '-' + pad(ymd[2], 2);
  }

  function leap(year) {
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  }

  /* The day `years` full years after `start` are complete (29 February → 28 February). */
  function anniversary(start, years) {
    var ymd = parse(start);
    var year = ymd[0] + years, month = ymd[1], day = ymd[2];
    if (month === 2 && day === 29 && !leap(year)) day = 28;
    return iso([year, month, day]);
  }

  /* Full years from `start` to `on` (both YYYY-MM-DD, `start` not after `on`). */
  function completedYears(start, on) {
    var years = parse(on)[0] - parse(start)[0];
    if (anniversary(start, years) > on) years -= 1;
    return years;
  }

  /* Date field id → the years field it stands for. */
  function dateFields(doc) {
    var out = {};
    doc.profile_fields.forEach(function (f) {
      if (f.instead_of) out[f.id] = f.instead_of;
    });
    return out;
  }

  function isMapping(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  /* The profile with every date turned into the years it stands for, and `dates` (years field or
     field.level → the date), from which complete_on is worked out. */
  function apply(doc, p) {
    var out = {};
    Object.keys(p).forEach(function (k) { out[k] = p[k]; });
    var dates = {};
    var fields = dateFields(doc);
    Object.keys(fields).forEach(function (field) {
      var value = out[field], yearsField = fields[field];
      if (value === null || value === undefined) return;
      if (isMapping(value)) {
        var by = {};
        Object.keys(out[yearsField] || {}).forEach(function (k) { by[k] = out[yearsField][k]; });
        Object.keys(value).forEach(function (level) {
          by[level] = completedYears(value[level], out.date);
          dates[yearsField + '.' + level] = value[level];
        });
        out[yearsField] = by;
      } else {
        out[yearsField] = completedYears(value, out.date);
        dates[yearsField] = value;
      }
    });
    out.dates = dates;
    return out;
  }

  G.dates = { parse: parse, iso: iso, anniversary: anniversary, completedYears: completedYears,
    dateFields: dateFields, apply: apply, isMapping: isMapping };
  if (typeof module === 'object' && module && module.exports) module.exports = G;
}(typeof globalThis !== 'undefined' ? globalThis : this));
