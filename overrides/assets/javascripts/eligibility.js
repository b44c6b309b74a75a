/*
 * Guantong eligibility engine (JavaScript): the rules document and a profile in, a result out.
 *
 * A classic script (no modules, no fetch) so that it runs from file:// as well as over HTTP.
 * It mirrors generator/eligibility/validate.py and engine.py function for function and must give the
 * same result for every profile (tests/test_eligibility_cases.py and tests/test_eligibility_property.py
 * run both). Every year count, level, honour and text comes from the rules document, never from here.
 *
 * In a page: Guantong.evaluate(rules, profile[, today]) and Guantong.validateProfile(rules, profile).
 * Under Node: require('./eligibility.js').evaluate / .validateProfile.
 */
(function (root) {
  'use strict';

  var DATE = new RegExp('^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
  var PLACEHOLDER = new RegExp('\\{([a-z_]+)\\}', 'g');

  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  /* The value of an own property, or null when it is absent or null (Python's dict.get). */
  function get(obj, key) {
    return has(obj, key) && obj[key] !== undefined ? obj[key] : null;
  }

  function isMapping(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
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

  function todayIn(timeZone) {
    var parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone, year: 'numeric', month: '2-digit', day: '2-digit'
    }).formatToParts(new Date());
    var at = {};
    parts.forEach(function (part) { at[part.type] = part.value; });
    return at.year + '-' + at.month + '-' + at.day;
  }

  function order(doc, kind) {
    return doc.levels[kind].map(function (level) { return level.id; });
  }

  /* ---- validation (validate.py) ---- */

  function fieldDefaults(doc, today) {
    var byType = { 'boolean': false, 'honours': [], 'years-by-skill-level': {}, 'date': today };
    var out = {};
    doc.profile_fields.forEach(function (f) {
      out[f.id] = has(byType, f.type) ? byType[f.type] : null;
    });
    return out;
  }

  function yearsCode(value, maxYears) {
    if (typeof value !== 'number' || value !== value) return 'not_a_number';
    if (value < 0) return 'negative';
    if (value > maxYears) return 'too_large';
    return null;
  }

  function dateOk(value) {
    if (typeof value !== 'string' || !DATE.test(value)) return false;
    var parts = value.split('-').map(Number);
    var year = parts.shift(), month = parts.shift(), day = parts.shift();
    if (year < 1) return false;
    var d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  }

  function options(doc, fieldType) {
    if (fieldType === 'skill-level') return order(doc, 'skill');
    if (fieldType === 'title-level') return order(doc, 'title');
    if (fieldType === 'honours') return doc.honours.map(function (h) { return h.id; });
    return doc.education_equivalence.classes.map(function (c) { return c.id; });
  }

  function validateProfile(doc, profile) {
    var errors = [];
    var messages = doc.messages.errors;

    function add(field, code, extra) {
      var params = { field: field };
      Object.keys(extra || {}).forEach(function (k) { params[k] = extra[k]; });
      errors.push({ field: field, code: code, message: {
        zh: fill(messages[code].zh, params), en: fill(messages[code].en, params) } });
    }

    if (!isMapping(profile)) {
      add('profile', 'not_an_object');
      return errors;
    }
    var fields = doc.profile_fields;
    var known = fields.map(function (f) { return f.id; });
    Object.keys(profile).filter(function (k) { return known.indexOf(k) < 0; }).sort().forEach(function (key) {
      add(key, 'unknown_field', { options: known.join(', ') });
    });
    var maxYears = doc.limits.max_years;
    var skills = options(doc, 'skill-level');
    var valid = {};
    fields.forEach(function (f) {
      var name = f.id, kind = f.type, value = get(profile, f.id);
      if (value === null) {
        var required = f.required === true ||
          (get(f, 'required_when') !== null && get(profile, f.required_when) !== null);
        if (required) add(name, 'required');
        return;
      }
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
      } else if (kind === 'years-by-skill-level') {
        if (!isMapping(value)) {
          add(name, 'not_a_mapping');
          return;
        }
        var entries = {};
        skills.forEach(function (level) {
          if (!has(value, level)) return;
          var c = yearsCode(value[level], maxYears);
          if (c === null) entries[level] = value[level];
          else add(name + '.' + level, c, { max: String(maxYears) });
        });
        Object.keys(value).filter(function (k) { return skills.indexOf(k) < 0; }).sort().forEach(function (key) {
          add(name + '.' + key, 'unknown_id', { options: skills.join(', ') });
        });
        valid[name] = entries;
      }
    });
    checkYearsAcross(valid, skills, add, get(profile, 'skill_level') !== null);
    return errors;
  }

  function checkYearsAcross(valid, skills, add, levelGiven) {
    var work = get(valid, 'cumulative_work_years');
    var since = get(valid, 'years_since_skill_level');
    if (work !== null && since !== null && since > work) add('years_since_skill_level', 'exceeds_work_years');
    if (levelGiven && !has(valid, 'skill_level')) return;
    var heldLevel = get(valid, 'skill_level');
    var held = rank(skills, heldLevel);
    var entries = get(valid, 'years_by_skill_level') || {};
    skills.forEach(function (level) {
      if (!has(entries, level)) return;
      var field = 'years_by_skill_level.' + level, years = entries[level];
      if (rank(skills, level) > held) {
        add(field, 'level_not_held');
        return;
      }
      if (work !== null && years > work) add(field, 'exceeds_work_years');
      if (level === heldLevel) {
        if (since !== null && years !== since) add(field, 'contradicts');
        return;
      }
      var higherLevels = skills.slice(rank(skills, level) + 1, held + 1);
      for (var i = 0; i < higherLevels.length; i++) {
        var higher = higherLevels[i], other, otherYears;
        if (has(entries, higher)) {
          other = 'years_by_skill_level.' + higher;
          otherYears = entries[higher];
        } else if (higher === heldLevel && since !== null) {
          other = 'years_since_skill_level';
          otherYears = since;
        } else {
          continue;
        }
        if (years < otherYears) add(field, 'out_of_order', { other: other });
        break;
      }
    });
  }

  /* ---- evaluation (engine.py) ---- */

  function yearsAt(doc, p, level) {
    var skills = order(doc, 'skill');
    var need = rank(skills, level), held = rank(skills, p.skill_level);
    var values = [p.years_since_skill_level];
    skills.forEach(function (other) {
      if (has(p.years_by_skill_level, other) && need <= rank(skills, other) && rank(skills, other) <= held) {
        values.push(p.years_by_skill_level[other]);
      }
    });
    return Math.max.apply(null, values);
  }

  var CHECKS = {
    'skill-years': function (doc, cond, p) {
      var skills = order(doc, 'skill');
      if (rank(skills, p.skill_level) < rank(skills, cond.level)) {
        return { field: 'skill_level', needed: cond.level, has: p.skill_level };
      }
      var years = yearsAt(doc, p, cond.level);
      if (years >= cond.years) return null;
      var field = cond.level === p.skill_level ? 'years_since_skill_level' : 'years_by_skill_level.' + cond.level;
      return { field: field, level: cond.level, needed: cond.years, has: years };
    },
    'skill-level-at-least': function (doc, cond, p) {
      var skills = order(doc, 'skill');
      if (rank(skills, p.skill_level) >= rank(skills, cond.level)) return null;
      return { field: 'skill_level', needed: cond.level, has: p.skill_level };
    },
    'title-at-least': function (doc, cond, p) {
      var titles = order(doc, 'title');
      if (rank(titles, p.title_level) >= rank(titles, cond.level)) return null;
      return { field: 'title_level', needed: cond.level, has: p.title_level };
    },
    'cumulative-years': function (doc, cond, p) {
      if (p.cumulative_work_years >= cond.years) return null;
      return { field: 'cumulative_work_years', needed: cond.years, has: p.cumulative_work_years };
    },
    'assessments-passed': function (doc, cond, p) {
      if (p.annual_assessments_passed === true) return null;
      return { field: 'annual_assessments_passed', needed: true, has: p.annual_assessments_passed };
    },
    'honour-in-group': function (doc, cond, p) {
      var group = doc.honours.filter(function (h) { return h.group === cond.group; })
        .map(function (h) { return h.id; });
      if (p.honours.some(function (h) { return group.indexOf(h) >= 0; })) return null;
      return { field: 'honours', needed: group, has: p.honours.slice() };
    },
    'frontline': function (doc, cond, p) {
      if (p.frontline_skill_work === true) return null;
      return { field: 'frontline_skill_work', needed: true, has: p.frontline_skill_work };
    }
  };

  function pathwayResult(doc, pathway, p) {
    var missing = [];
    pathway.conditions.forEach(function (cond) {
      var found = CHECKS[cond.test](doc, cond, p);
      if (found !== null) {
        var item = { condition: cond.test };
        Object.keys(found).forEach(function (k) { item[k] = found[k]; });
        missing.push(item);
      }
    });
    return { id: pathway.id, clause: pathway.clause, kind: pathway.kind, target: pathway.target,
      met: missing.length === 0, missing: missing };
  }

  function highest(doc, kind, pathways) {
    var levels = order(doc, kind);
    var best = null;
    pathways.forEach(function (pw) {
      if (pw.met && pw.kind === kind && rank(levels, pw.target) > rank(levels, best)) best = pw.target;
    });
    return best;
  }

  function holds(doc, when, facts, p, exempt) {
    var atLeast = {
      skill_level_at_least: ['skill', p.skill_level],
      title_level_at_least: ['title', p.title_level],
      skill_highest_at_least: ['skill', facts.skill_highest]
    };
    return when.some(function (alternative) {
      return Object.keys(alternative).every(function (key) {
        var wanted = alternative[key];
        if (has(atLeast, key)) {
          var levels = order(doc, atLeast[key][0]);
          return rank(levels, atLeast[key][1]) >= rank(levels, wanted);
        }
        if (key === 'met_pathways_at_least') return facts.met_count >= wanted;
        if (key === 'exempt') return get(exempt, wanted) === true;
        return get(facts, key) === wanted;
      });
    });
  }

  function withDefaults(doc, profile, today) {
    var p = fieldDefaults(doc, today);
    Object.keys(profile).forEach(function (k) {
      if (profile[k] !== null && profile[k] !== undefined) p[k] = profile[k];
    });
    return p;
  }

  function empty(doc, errors) {
    var result = { date: null, policy_in_force: null, title: { highest: null }, skill: { highest: null },
      pathways: [], committees: [], education_equivalent: null, reminders: [], errors: errors };
    doc.exemptions.forEach(function (x) { result[x.result_field] = null; });
    return result;
  }

  function evaluate(doc, profile, today) {
    var errors = validateProfile(doc, profile);
    if (errors.length) return empty(doc, errors);
    var p = withDefaults(doc, profile, today || todayIn(doc.policy.timezone));
    var policy = doc.policy;
    var inForce = policy.effective_from <= p.date && p.date <= policy.last_day;
    var pathways = doc.pathways.map(function (pw) { return pathwayResult(doc, pw, p); });
    var met = pathways.filter(function (pw) { return pw.met; });
    var facts = {
      always: true,
      title_pathway_met: met.some(function (pw) { return pw.kind === 'title'; }),
      skill_pathway_met: met.some(function (pw) { return pw.kind === 'skill'; }),
      met_count: met.length,
      honours_given: p.honours.length > 0,
      frontline_skill_work: p.frontline_skill_work,
      related_diploma: p.related_diploma,
      policy_in_force: inForce,
      occupation_given: p.occupation !== null,
      skill_highest: highest(doc, 'skill', pathways)
    };
    var result = {
      date: p.date,
      policy_in_force: inForce,
      title: { highest: highest(doc, 'title', pathways) },
      skill: { highest: facts.skill_highest },
      pathways: pathways,
      committees: p.occupation ? doc.occupations[p.occupation].committees.slice() : [],
      education_equivalent: null,
      errors: []
    };
    var equivalence = doc.education_equivalence;
    equivalence.classes.forEach(function (c) {
      if (c.id === p.technical_school_class) {
        result.education_equivalent = { school_class: c.id, equivalent: c.equivalent, clause: equivalence.clause };
      }
    });
    var exempt = {};
    doc.exemptions.forEach(function (x) {
      exempt[x.id] = holds(doc, x.when, facts, p, exempt);
      result[x.result_field] = exempt[x.id];
    });
    result.reminders = doc.reminders.filter(function (r) { return holds(doc, r.when, facts, p, exempt); })
      .map(function (r) { return { id: r.id, clause: r.clause }; });
    return result;
  }

  var api = { evaluate: evaluate, validateProfile: validateProfile, todayIn: todayIn };
  if (typeof module === 'object' && module && module.exports) {
    module.exports = api;
  } else {
    root.Guantong = root.Guantong || {};
    root.Guantong.evaluate = evaluate;
    root.Guantong.validateProfile = validateProfile;
    root.Guantong.todayIn = todayIn;
  }
}(typeof globalThis !== 'undefined' ? globalThis : this));
