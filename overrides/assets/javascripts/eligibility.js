/*
 * Guantong eligibility engine (JavaScript): the rules document and a profile in, a result out.
 *
 * Classic scripts (no modules, no fetch) so that they run from file:// as well as over HTTP, in this
 * order: eligibility-dates.js, eligibility-validate.js, eligibility.js; one global, Guantong. They mirror
 * generator/eligibility/dates.py, validate.py and engine.py function for function and must give the same
 * result for every profile (tests/test_eligibility_cases.py and tests/test_eligibility_property.py run
 * both). Every year count, level, honour and text comes from the rules document, never from here.
 *
 * Three states: a condition is true, false or unknown (a field it reads is unanswered); a pathway's met
 * is false if any condition is false, else null if any is unknown, else true, with `missing`,
 * `unanswered` (fields) and `unknown` (conditions). Each alternative reading is evaluated alone and listed
 * in the pathway's `readings` when its met differs from the default's.
 *
 * In a page: Guantong.evaluate(rules, profile[, today]) and Guantong.validateProfile(rules, profile). The
 * result is under the rules of the edition in force on the profile's date (Guantong.rulesFor(rules, date): the
 * document or one of its other_editions) and names it (result.edition).
 * Under Node: require('./eligibility.js').evaluate / .validateProfile (it loads the other two).
 */
(function (root) {
  'use strict';

  var G = root.Guantong = root.Guantong || {};
  if (typeof module === 'object' && module && module.exports && !G.validateProfile) require('./eligibility-validate.js');
  var has = G.has, get = G.get, rank = G.rank;
  var UNKNOWN = 'unknown';

  function todayIn(timeZone) {
    var parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone, year: 'numeric', month: '2-digit', day: '2-digit'
    }).formatToParts(new Date());
    var at = {};
    parts.forEach(function (part) { at[part.type] = part.value; });
    return at.year + '-' + at.month + '-' + at.day;
  }

  /* The rules of the edition in force on `day`: the document or one of its other_editions (the later wins
     an overlap); else the latest begun; before every edition the first (engine.py rules_for). */
  function rulesFor(doc, day) {
    var all = [doc].concat(doc.other_editions || []);
    function pick(test, later) {
      return all.filter(test).reduce(function (a, d) {
        return a && (a.policy.effective_from > d.policy.effective_from) === later ? a : d;
      }, null);
    }
    return pick(function (d) { return d.policy.effective_from <= day && day <= d.policy.last_day; }, true)
      || pick(function (d) { return d.policy.effective_from <= day; }, true) || pick(Boolean, false);
  }

  function order(doc, kind) {
    return doc.levels[kind].map(function (level) { return level.id; });
  }

  function fieldDefaults(doc, today) {
    var byType = { 'honours': [], 'date': today };
    var out = {};
    doc.profile_fields.forEach(function (f) {
      out[f.id] = has(byType, f.type) ? byType[f.type] : null;
    });
    return out;
  }

  function yearsAt(doc, p, kind, level, needed) {
    var levels = order(doc, kind);
    var need = rank(levels, level), held = rank(levels, p[kind + '_level']);
    var since = 'years_since_' + kind + '_level';
    var sources = [{ value: p[since], start: get(p.dates, since) }];
    var byField = 'years_by_' + kind + '_level';
    var by = p[byField] || {};
    levels.forEach(function (other) {
      if (has(by, other) && need <= rank(levels, other) && rank(levels, other) <= held) {
        sources.push({ value: by[other], start: get(p.dates, byField + '.' + other) });
      }
    });
    var known = sources.map(function (s) { return s.value; }).filter(function (v) { return v !== null; });
    var days = sources.filter(function (s) { return s.start !== null; })
      .map(function (s) { return G.dates.anniversary(s.start, needed); }).sort();
    var heldUnanswered = sources[0].value === null && !has(by, p[kind + '_level']);
    return { years: known.length ? Math.max.apply(null, known) : null, heldUnanswered: heldUnanswered,
      completeOn: days.length ? days[0] : null };
  }

  function checkLevelYears(doc, cond, p, kind) {
    var levels = order(doc, kind);
    if (rank(levels, p[kind + '_level']) < rank(levels, cond.level)) {
      return { field: kind + '_level', needed: cond.level, has: p[kind + '_level'] };
    }
    var at = yearsAt(doc, p, kind, cond.level, cond.years);
    if (at.years !== null && at.years >= cond.years) return null;
    if (at.heldUnanswered) {
      var out = {};
      out[UNKNOWN] = ['years_since_' + kind + '_level'];
      return out;
    }
    var field = cond.level === p[kind + '_level'] ? 'years_since_' + kind + '_level'
      : 'years_by_' + kind + '_level.' + cond.level;
    return { field: field, level: cond.level, needed: cond.years, has: at.years, complete_on: at.completeOn };
  }

  function checkYes(field) {
    return function (doc, cond, p) {
      if (p[field] === null) {
        var out = {};
        out[UNKNOWN] = [field];
        return out;
      }
      if (p[field] === true) return null;
      return { field: field, needed: true, has: p[field] };
    };
  }

  var CHECKS = {
    'skill-years': function (doc, cond, p) { return checkLevelYears(doc, cond, p, 'skill'); },
    'skill-level-at-least': function (doc, cond, p) {
      var skills = order(doc, 'skill');
      if (rank(skills, p.skill_level) >= rank(skills, cond.level)) return null;
      var except = get(cond, 'except_honours') || [];
      if (p.honours.some(function (h) { return except.indexOf(h) >= 0; })) return null;
      return { field: 'skill_level', needed: cond.level, has: p.skill_level };
    },
    'title-at-least': function (doc, cond, p) {
      var titles = order(doc, 'title');
      if (rank(titles, p.title_level) >= rank(titles, cond.level)) return null;
      return { field: 'title_level', needed: cond.level, has: p.title_level };
    },
    'title-years': function (doc, cond, p) { return checkLevelYears(doc, cond, p, 'title'); },
    'cumulative-years': function (doc, cond, p) {
      if (p.cumulative_work_years === null) return { unknown: ['cumulative_work_years'] };
      if (p.cumulative_work_years >= cond.years) return null;
      return { field: 'cumulative_work_years', needed: cond.years, has: p.cumulative_work_years };
    },
    'assessments-passed': checkYes('annual_assessments_passed'),
    'honour-in-group': function (doc, cond, p) {
      var group = doc.honours.filter(function (h) { return h.group === cond.group; })
        .map(function (h) { return h.id; });
      if (p.honours.some(function (h) { return group.indexOf(h) >= 0; })) return null;
      return { field: 'honours', needed: group, has: p.honours.slice() };
    },
    'frontline': checkYes('frontline_skill_work')
  };

  function conditions(doc, list, p) {
    var missing = [], unanswered = [], unknown = [];
    list.forEach(function (cond) {
      var found = CHECKS[cond.test](doc, cond, p);
      if (found === null) return;
      var item = { condition: cond.test };
      if (has(found, UNKNOWN)) {
        Object.keys(cond).forEach(function (k) { if (k !== 'test') item[k] = cond[k]; });
        unknown.push(item);
        found[UNKNOWN].forEach(function (f) { if (unanswered.indexOf(f) < 0) unanswered.push(f); });
      } else {
        Object.keys(found).forEach(function (k) { item[k] = found[k]; });
        missing.push(item);
      }
    });
    return { met: missing.length ? false : (unknown.length ? null : true), missing: missing,
      unanswered: unanswered, unknown: unknown };
  }

  function pathwayResult(doc, pathway, p) {
    var base = conditions(doc, pathway.conditions, p);
    var readings = [];
    (pathway.readings || []).forEach(function (alt) {
      var other = conditions(doc, alt.conditions, p);
      if (other.met !== base.met) {
        readings.push({ decision: alt.decision, reading: alt.reading, met: other.met, missing: other.missing,
          unanswered: other.unanswered, unknown: other.unknown });
      }
    });
    return { id: pathway.id, clause: pathway.clause, kind: pathway.kind, target: pathway.target,
      met: base.met, missing: base.missing, unanswered: base.unanswered, unknown: base.unknown, readings: readings };
  }

  function highest(doc, kind, pathways, state) {
    var levels = order(doc, kind);
    var best = null;
    pathways.forEach(function (pw) {
      if (pw.met === state && pw.kind === kind && rank(levels, pw.target) > rank(levels, best)) best = pw.target;
    });
    return best;
  }

  function summary(doc, kind, pathways) {
    var best = highest(doc, kind, pathways, true);
    var maybe = highest(doc, kind, pathways, null);
    var levels = order(doc, kind);
    return { highest: best, conditional: rank(levels, maybe) > rank(levels, best) ? maybe : null };
  }

  function any(states) {
    return states.indexOf(true) >= 0 ? true : (states.indexOf(null) >= 0 ? null : false);
  }

  function all(states) {
    return states.indexOf(false) >= 0 ? false : (states.indexOf(null) >= 0 ? null : true);
  }

  function fact(doc, key, wanted, facts, p, exempt) {
    var atLeast = {
      skill_level_at_least: { kind: 'skill', has: p.skill_level },
      title_level_at_least: { kind: 'title', has: p.title_level },
      skill_highest_at_least: { kind: 'skill', has: facts.skill_highest }
    };
    if (has(atLeast, key)) {
      var levels = order(doc, atLeast[key].kind);
      return rank(levels, atLeast[key].has) >= rank(levels, wanted);
    }
    if (key === 'met_pathways_at_least') return facts.met_count >= wanted;
    if (key === 'exempt') return get(exempt, wanted);
    if (key === 'honour_in_group') {
      return doc.honours.some(function (h) { return h.group === wanted && p.honours.indexOf(h.id) >= 0; });
    }
    var value = get(facts, key);
    return value === null ? null : value === wanted;
  }

  function holds(doc, when, facts, p, exempt) {
    return any(when.map(function (alternative) {
      return all(Object.keys(alternative).map(function (key) {
        return fact(doc, key, alternative[key], facts, p, exempt);
      }));
    }));
  }

  function withDefaults(doc, profile, today) {
    var p = fieldDefaults(doc, today);
    Object.keys(profile).forEach(function (k) {
      if (profile[k] !== null && profile[k] !== undefined) p[k] = profile[k];
    });
    return G.dates.apply(doc, p);
  }

  function empty(doc, errors) {
    var result = { contract_version: doc.contract_version, edition: doc.policy.edition.id, date: null, policy_in_force: null,
      title: { highest: null, conditional: null }, skill: { highest: null, conditional: null },
      pathways: [], committees: [], education_equivalent: null, reminders: [], errors: errors };
    doc.exemptions.forEach(function (x) { result[x.result_field] = null; });
    return result;
  }

  function evaluate(doc, profile, today) {
    var date = today || todayIn(doc.policy.timezone);
    doc = rulesFor(doc, profile && G.dateOk(profile.date) ? profile.date : date);
    var errors = G.validateProfile(doc, profile, date);
    if (errors.length) return empty(doc, errors);
    var p = withDefaults(doc, profile, date);
    var policy = doc.policy;
    var inForce = policy.effective_from <= p.date && p.date <= policy.last_day;
    var pathways = doc.pathways.map(function (pw) { return pathwayResult(doc, pw, p); });
    var title = summary(doc, 'title', pathways), skill = summary(doc, 'skill', pathways);
    function metOf(kind) {
      return any(pathways.filter(function (pw) { return pw.kind === kind; }).map(function (pw) { return pw.met; }));
    }
    var facts = {
      always: true,
      title_pathway_met: metOf('title'),
      skill_pathway_met: metOf('skill'),
      met_count: pathways.filter(function (pw) { return pw.met === true; }).length,
      honours_given: p.honours.length > 0,
      frontline_skill_work: p.frontline_skill_work,
      related_diploma: p.related_diploma,
      policy_in_force: inForce,
      occupation_given: p.occupation !== null,
      skill_highest: skill.highest
    };
    var result = {
      contract_version: doc.contract_version,
      edition: policy.edition.id,
      date: p.date,
      policy_in_force: inForce,
      title: title,
      skill: skill,
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
    result.reminders = [];
    doc.reminders.forEach(function (r) {
      var h = holds(doc, r.when, facts, p, exempt);
      if (h !== false) result.reminders.push({ id: r.id, clause: r.clause, holds: h });
    });
    return result;
  }

  G.evaluate = evaluate;
  G.todayIn = todayIn;
  G.rulesFor = rulesFor;
  if (typeof module === 'object' && module && module.exports) module.exports = G;
}(typeof globalThis !== 'undefined' ? globalThis : this));
