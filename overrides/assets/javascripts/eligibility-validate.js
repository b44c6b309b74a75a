/*
 * Guantong eligibility: checking a profile before the engine evaluates it (a classic script; mirrors
 * generator/eligibility/validate.py function for function).
 *
 * Every problem, each naming its field: field by field against `profile_fields` of the rules document
 * (type, allowed ids, 0 ≤ years ≤ limits.max_years, dates valid, not after the date of the check and at
 * most max_years before it), then across fields (a date and years for the same thing; years against the
 * cumulative working years, the level held and each other; a lower level's date not after a higher one's).
 * Each error is {field, code, params, message: {zh, en}}, the message filled in from messages.errors.
 *
 * Sets Guantong.validateProfile, Guantong.fill, Guantong.rank (one global, also under Node).
 */
(function (root) {
  'use strict';

  var G = root.Guantong = root.Guantong || {};
  if (typeof module === 'object' && module && module.exports && !G.dates) require('./eligibility-dates.js');

  var DATE = new RegExp('^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
  var PLACEHOLDER = new RegExp('\\{([a-z_]+)\\}', 'g');
  var KIND_OF_TYPE = {
    'skill-level': 'skill', 'title-level': 'title', 'years-by-skill-level': 'skill',
    'years-by-title-level': 'title', 'dates-by-skill-level': 'skill', 'dates-by-title-level': 'title'
  };

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  /* The value of an own property, or null when it is absent or null (Python's dict.get). */
  function get(obj, key) {
    return has(obj, key) && obj[key] !== undefined ? obj[key] : null;
  }

  /* Position of a level in its order, lowest first; -1 for none or an unknown level. */
  function rank(order, level) {
    return order.indexOf(level);
  }

  function fill(template, params) {
    return template.replace(PLACEHOLDER, function (whole, name) {
      return has(params, name) ? params[name] : whole;
    });
  }

  function yearsCode(value, maxYears) {
    if (typeof value !== 'number' || value !== value) return 'not_a_number';
    if (value < 0) return 'negative';
    if (value > maxYears) return 'too_large';
    return null;
  }

  function dateOk(value) {
    if (typeof value !== 'string' || !DATE.test(value)) return false;
    var parts = G.dates.parse(value);
    var year = parts.shift(), month = parts.shift(), day = parts.shift();
    if (year < 1) return false;
    var d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  }

  function options(doc, fieldType) {
    if (has(KIND_OF_TYPE, fieldType)) return doc.levels[KIND_OF_TYPE[fieldType]].map(function (l) { return l.id; });
    if (fieldType === 'honours') return doc.honours.map(function (h) { return h.id; });
    return doc.education_equivalence.classes.map(function (c) { return c.id; });
  }

  function validateProfile(doc, profile, today) {
    var errors = [];
    var messages = doc.messages.errors;

    function add(field, code, extra) {
      var params = { field: field };
      Object.keys(extra || {}).forEach(function (k) { params[k] = extra[k]; });
      errors.push({ field: field, code: code, params: params, message: {
        zh: fill(messages[code].zh, params), en: fill(messages[code].en, params) } });
    }

    if (!G.dates.isMapping(profile)) {
      add('profile', 'not_an_object');
      return errors;
    }
    var fields = doc.profile_fields;
    var known = fields.map(function (f) { return f.id; });
    Object.keys(profile).filter(function (k) { return known.indexOf(k) < 0; }).sort().forEach(function (key) {
      add(key, 'unknown_field', { options: known.join(', ') });
    });
    var maxYears = doc.limits.max_years;
    var checkDate = dateOk(get(profile, 'date')) ? profile.date : (today || null);
    var valid = {};
    fields.forEach(function (f) {
      var name = f.id, kind = f.type, value = get(profile, f.id);
      if (value === null) return;
      if (kind === 'skill-level' || kind === 'title-level' || kind === 'school-class') {
        var opts = options(doc, kind);
        if (typeof value === 'string' && opts.indexOf(value) >= 0) valid[name] = value;
        else add(name, 'unknown_id', { options: opts.join(', ') });
      } else if (kind === 'occupation') {
        if (typeof value === 'string' && has(doc.occupations, value)) valid[name] = value;
        else add(name, 'unknown_occupation');
      } else if (kind === 'years') {
        var code = yearsCode(value, maxYears);
        if (code === null) valid[name] = value;
        else add(name, code, { max: String(maxYears) });
      } else if (kind === 'boolean') {
        if (typeof value === 'boolean') valid[name] = value;
        else add(name, 'not_a_boolean');
      } else if (kind === 'honours') {
        if (!Array.isArray(value)) {
          add(name, 'not_a_list');
          return;
        }
        var honours = options(doc, 'honours');
        value.forEach(function (item, i) {
          if (typeof item !== 'string' || honours.indexOf(item) < 0) {
            add(name + '[' + i + ']', 'unknown_id', { options: honours.join(', ') });
          }
        });
      } else if (kind === 'date') {
        if (!dateOk(value)) add(name, 'invalid_date');
      } else if (kind === 'since-date') {
        if (sinceDateOk(name, value, checkDate, maxYears, add)) valid[name] = value;
      } else if (has(KIND_OF_TYPE, kind)) {
        if (!G.dates.isMapping(value)) {
          add(name, 'not_a_mapping');
          return;
        }
        var levels = options(doc, kind);
        var entries = {};
        levels.forEach(function (level) {
          if (!has(value, level)) return;
          if (kind.indexOf('dates-') === 0) {
            if (sinceDateOk(name + '.' + level, value[level], checkDate, maxYears, add)) entries[level] = value[level];
            return;
          }
          var c = yearsCode(value[level], maxYears);
          if (c === null) entries[level] = value[level];
          else add(name + '.' + level, c, { max: String(maxYears) });
        });
        Object.keys(value).filter(function (k) { return levels.indexOf(k) < 0; }).sort().forEach(function (key) {
          add(name + '.' + key, 'unknown_id', { options: levels.join(', ') });
        });
        valid[name] = entries;
      }
    });
    checkBothGiven(doc, profile, add);
    ['skill', 'title'].forEach(function (kind) {
      checkYearsAcross(doc, valid, kind, add, get(profile, kind + '_level') !== null);
    });
    return errors;
  }

  function sinceDateOk(field, value, checkDate, maxYears, add) {
    if (!dateOk(value)) {
      add(field, 'invalid_date');
      return false;
    }
    if (checkDate === null) return true;
    if (value > checkDate) {
      add(field, 'date_after_check_date', { date: checkDate });
      return false;
    }
    if (G.dates.completedYears(value, checkDate) > maxYears) {
      add(field, 'too_large', { max: String(maxYears) });
      return false;
    }
    return true;
  }

  function checkBothGiven(doc, profile, add) {
    doc.profile_fields.forEach(function (f) {
      var other = get(f, 'instead_of');
      if (other === null || get(profile, f.id) === null || get(profile, other) === null) return;
      var mine = profile[f.id], theirs = profile[other];
      var mineMap = G.dates.isMapping(mine), theirsMap = G.dates.isMapping(theirs);
      if (mineMap && theirsMap) {
        Object.keys(mine).filter(function (k) { return has(theirs, k); }).sort().forEach(function (level) {
          add(f.id + '.' + level, 'both_given', { other: other + '.' + level });
        });
      } else if (!mineMap && !theirsMap) {
        add(f.id, 'both_given', { other: other });
      }
    });
  }

  function checkYearsAcross(doc, valid, kind, add, levelGiven) {
    var levels = options(doc, kind + '-level');
    var heldField = kind + '_level', sinceField = 'years_since_' + kind + '_level';
    var work = get(valid, 'cumulative_work_years');
    var since = get(valid, sinceField);
    if (work !== null && since !== null && since > work) add(sinceField, 'exceeds_work_years');
    if (levelGiven && !has(valid, heldField)) return;
    var heldLevel = get(valid, heldField);
    var held = rank(levels, heldLevel);
    [{ by: 'years_by_' + kind + '_level', since: sinceField, lowerIsLess: true },
      { by: 'dates_by_' + kind + '_level', since: kind + '_level_date', lowerIsLess: false }].forEach(function (spec) {
      var byField = spec.by, sinceName = spec.since, lowerIsLess = spec.lowerIsLess;
      var entries = get(valid, byField) || {};
      var heldValue = get(valid, sinceName);
      levels.forEach(function (level) {
        if (!has(entries, level)) return;
        var field = byField + '.' + level, value = entries[level];
        if (rank(levels, level) > held) {
          add(field, 'level_not_held', { other: heldField });
          return;
        }
        if (lowerIsLess && work !== null && value > work) add(field, 'exceeds_work_years');
        if (level === heldLevel) {
          if (heldValue !== null && value !== heldValue) add(field, 'contradicts', { other: sinceName });
          return;
        }
        var higherLevels = levels.slice(rank(levels, level) + 1, held + 1);
        for (var i = 0; i < higherLevels.length; i++) {
          var higher = higherLevels[i], other, otherValue;
          if (has(entries, higher)) {
            other = byField + '.' + higher;
            otherValue = entries[higher];
          } else if (higher === heldLevel && heldValue !== null) {
            other = sinceName;
            otherValue = heldValue;
          } else {
            continue;
          }
          if (lowerIsLess && value < otherValue) add(field, 'out_of_order', { other: other });
          if (!lowerIsLess && value > otherValue) add(field, 'dates_out_of_order', { other: other });
          break;
        }
      });
    });
  }

  G.validateProfile = validateProfile;
  G.dateOk = dateOk;
  G.fill = fill;
  G.rank = rank;
  G.has = has;
  G.get = get;
  if (typeof module === 'object' && module && module.exports) module.exports = G;
}(typeof globalThis !== 'undefined' ? globalThis : this));
