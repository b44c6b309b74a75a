/*
 * Guantong eligibility check: the view (a classic script; pure — no DOM, also loaded by Node).
 *
 * Guantong.view(rulesDoc, result, profile, lang, labels) turns an engine result into a plain tree of
 * {kind, text, href, children} that the site page (check.js) and the pocket file (pocket.js) render with
 * Guantong.renderTree (check-render.js). The answer comes first: the highest level open (or open if the
 * unanswered conditions hold), the clause, the committees with their scope and what they do, the next step;
 * readings of doubtful clauses that change the answer with both outcomes; then, folded away with a count,
 * the pathways not met, the other direction, and the remaining reminders.
 *
 * Every rule, level and text comes from the rules document; the chrome words from `labels`:
 *   labels.s         the check_v_* strings of templates/strings/check.yaml in `lang` (prefix removed)
 *   labels.clauses   clause id → printed label in `lang`
 *   labels.clause_pages  clause id → edition id, for a later edition's clauses (text at /policy/<edition>/)
 *   labels.committees  committee id → display name, for those the rules document names only by field
 *   labels.links     {clause, reading, names, committee: [prefix, suffix]} (a null link gives plain text)
 *   labels.address   the page address for the printed answer (or null)
 *   labels.not_listed  the one "not listed / no occupation" text (generator/not_listed.py view), shown when no
 *                    occupation is chosen and a title is open; hrefs already this page's (null: plain text)
 */
(function (root) {
  'use strict';

  var G = root.Guantong = root.Guantong || {};
  var PLACEHOLDER = new RegExp('\\{([a-z_]+)\\}', 'g');
  var ITEM = new RegExp('\\[[0-9]+\\]$');

  function has(obj, key) {
    return obj !== null && obj !== undefined && Object.prototype.hasOwnProperty.call(obj, key);
  }

  function fill(template, params) {
    return template.replace(PLACEHOLDER, function (whole, name) {
      return has(params, name) ? String(params[name]) : whole;
    });
  }

  function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function node(kind, text, children, href) {
    var n = { kind: kind };
    if (text !== undefined && text !== null) n.text = text;
    if (href) n.href = href;
    if (children && children.length) n.children = children;
    return n;
  }

  /* Everything the view needs to name things in one language; `committees` (the answer's) pick the everyday
     title names (doc.title_names, data/title-names.yaml) that apply. */
  function Words(doc, lang, labels, committees) {
    var self = this;
    this.doc = doc;
    this.lang = lang;
    this.s = labels.s;
    this.labels = labels;
    this.level = {};
    ['skill', 'title'].forEach(function (kind) {
      doc.levels[kind].forEach(function (l) { self.level[l.id] = l[lang]; });
    });
    this.honour = {};
    doc.honours.forEach(function (h) { self.honour[h.id] = h[lang]; });
    this.field = {};
    doc.profile_fields.forEach(function (f) { self.field[f.id] = f.label[lang]; });
    this.sep = this.s.list_sep;
    this.titles = G.titleNames(doc, lang, this.s, committees);
  }

  Words.prototype.tr = function (obj) {
    return obj ? (obj[this.lang] || obj.zh || '') : '';
  };

  Words.prototype.clause = function (id) {
    var label = has(this.labels.clauses, id) ? this.labels.clauses[id] : id;
    var base = this.labels.links && this.labels.links.clause;
    var page = this.labels.clause_pages && this.labels.clause_pages[id];  // a later edition's text
    if (base && page) base = base.replace('/policy/', '/policy/' + page + '/');
    return node('link', label, null, base ? base + id.split('.').join('-') : null);
  };

  Words.prototype.fieldLabel = function (name) {
    if (has(this.field, name)) return this.field[name];
    var bare = name.replace(ITEM, '');
    if (bare !== name) return this.fieldLabel(bare);
    var dot = name.indexOf('.');
    if (dot > 0 && has(this.level, name.slice(dot + 1))) {
      return fill(this.s.years_at_level, { level: this.level[name.slice(dot + 1)] });
    }
    return name;
  };

  Words.prototype.shown = function (value) {
    var self = this;
    if (value === null || value === undefined) return this.doc.messages.none[this.lang];
    if (Array.isArray(value)) {
      return value.map(function (id) { return has(self.honour, id) ? self.honour[id] : id; }).join(this.sep) ||
        this.doc.messages.none[this.lang];
    }
    if (typeof value === 'string' && has(this.level, value)) return this.level[value];
    return String(value);
  };

  /* A committee's name; one that III(4)1 names only by its field has the model's display name in labels. */
  Words.prototype.committee = function (id) {
    var c = has(this.doc.committees, id) ? this.doc.committees[id] : {};
    return c[this.lang] || (has(this.labels.committees, id) ? this.labels.committees[id] : id);
  };

  /* ---- texts of the result ---- */

  function ifText(w, items) {
    var M = w.doc.messages['if'];
    return items.map(function (item) {
      var params = {};
      if (has(item, 'level')) params.level = w.level[item.level];
      if (has(item, 'years')) params.needed = item.years;
      return fill(M[item.condition][w.lang], params);
    }).join(w.s.and);
  }

  function missingText(w, item) {
    var M = w.doc.messages.missing;
    var code = item.condition;
    if ((code === 'skill-years' || code === 'title-years') && !has(item, 'level')) {
      code = code === 'skill-years' ? 'skill-level-at-least' : 'title-at-least';
    }
    var params = {};
    ['needed', 'has', 'level'].forEach(function (k) { if (has(item, k)) params[k] = w.shown(item[k]); });
    var text = fill(M[code][w.lang], params);
    if (item.complete_on) text += w.s.clause_sep + fill(w.s.complete_on, { date: item.complete_on, needed: item.needed });
    return text;
  }

  /* The highest level of one direction, with the states of the pathways (default or one reading). */
  function summaryOf(w, kind, pathways, metOf) {
    var order = w.doc.levels[kind].map(function (l) { return l.id; });
    var best = null, open = null;
    pathways.forEach(function (pw) {
      if (pw.kind !== kind) return;
      var state = metOf(pw);
      if (state.met === true && order.indexOf(pw.target) > order.indexOf(best ? best.pw.target : null)) best = { pw: pw, state: state };
      if (state.met === null && order.indexOf(pw.target) > order.indexOf(open ? open.pw.target : null)) open = { pw: pw, state: state };
    });
    if (open && best && order.indexOf(open.pw.target) <= order.indexOf(best.pw.target)) open = null;
    return { best: best, open: open };
  }

  function defaultState(pw) {
    return pw;
  }

  /* A title level's everyday names after the sentence that names the level, in full-width brackets in Chinese. */
  function named(w, kind, text, level) {
    var names = kind === 'title' ? w.titles.names(level) : '';
    return names ? text + fill(w.s.names, { names: names }) : text;
  }

  function outcomeTexts(w, kind, sum) {
    var R = w.doc.messages.result;
    var out = [];
    if (sum.best) out.push(named(w, kind, capital(fill(R[kind + '_highest'][w.lang], { level: w.level[sum.best.pw.target] })), sum.best.pw.target));
    if (sum.open) {
      out.push(named(w, kind, capital(fill(R[kind + '_if'][w.lang], {
        conditions: ifText(w, sum.open.state.unknown), level: w.level[sum.open.pw.target] })), sum.open.pw.target));
    }
    if (!out.length) out.push(capital(R[kind + '_none'][w.lang]));
    return out;
  }

  /* ---- the answer ---- */

  function headlines(w, kind, sum) {
    var out = [];
    var texts = outcomeTexts(w, kind, sum);
    if (sum.best) {
      out.push(node('headline', texts.shift(), [node('text', w.s.under + ' '), w.clause(sum.best.pw.clause)]));
    }
    if (sum.open) {
      out.push(node(sum.best ? 'headline-more' : 'headline', texts.shift(), [
        node('text', w.s.under + ' '), w.clause(sum.open.pw.clause)]));
    }
    var docs = kind === 'title' ? w.titles.sources([sum.best, sum.open].filter(Boolean).map(function (x) { return x.pw.target; })) : [];
    var base = w.labels.links && w.labels.links.names;
    if (docs.length) {
      out.push(node('names-source', null, [node('text', w.s.names_source)].concat(docs.map(function (d) {
        return node('link', w.lang === 'zh' ? d.number : d.number_en, null, base ? base + d.id : null);
      }))));
    }
    return out;
  }

  function readingBlocks(w, result) {
    var doc = w.doc;
    var seen = {};
    var blocks = [];
    result.pathways.forEach(function (pw) {
      pw.readings.forEach(function (r) {
        var key = r.decision + '/' + r.reading;
        if (has(seen, key)) return;
        seen[key] = true;
        var changed = [];
        function altState(p) {
          var alt = p.readings.filter(function (x) { return x.decision === r.decision && x.reading === r.reading; })[0];
          if (alt && changed.indexOf(p) < 0) changed.push(p);
          return alt || p;
        }
        ['title', 'skill'].forEach(function (kind) {
          var before = outcomeTexts(w, kind, summaryOf(w, kind, result.pathways, defaultState));
          var after = outcomeTexts(w, kind, summaryOf(w, kind, result.pathways, altState));
          if (before.join('|') === after.join('|')) return;
          var record = has(doc.readings, r.decision) ? doc.readings[r.decision] : null;
          var title = record && has(record.readings, r.reading) ? w.tr(record.readings[r.reading]) : r.reading;
          var clause = changed.length ? changed[0].clause : pw.clause;
          var link = w.labels.links && w.labels.links.reading;
          var parts = [
            node('reading-title', null, [node('text', w.s.depends_before), w.clause(clause), node('text', w.s.depends_after)]),
            node('line', fill(w.s.reading_default, { outcome: before.join(w.s.clause_sep) })),
            node('line', fill(w.s.reading_other, { title: title, outcome: after.join(w.s.clause_sep) }))
          ];
          if (link) parts.push(node('link', w.s.reading_link, null, link + r.decision));
          blocks.push(node('reading', null, parts));
        });
      });
    });
    return blocks;
  }

  function committeeBlock(w, profile, result) {
    var doc = w.doc;
    var children = [];
    var list = result.committees.map(function (id) {
      var c = has(doc.committees, id) ? doc.committees[id] : {};
      var links = w.labels.links && w.labels.links.committee;
      var parts = [node('link', w.committee(id), null, links ? links[0] + id + links[1] : null)];
      if (c.scope) parts.push(node('scope', w.tr(c.scope)));
      return node('item', null, parts);
    });
    children.push(node('label', w.s.committees));
    children.push(node('list', null, list));
    var guide = {};
    (doc.committee_guide || []).forEach(function (g) { guide[g.id] = g; });
    function point(g) {
      var clauses = (g.clauses || []).map(function (id) { return w.clause(id); });
      return node('point', null, [node('point-title', w.tr(g.heading)), node('text', w.tr(g) + ' ')].concat(clauses));
    }
    if (result.committees.length > 1 && guide.choose) children.push(point(guide.choose));
    if (guide.devolution) children.push(node('note', w.tr(guide.devolution)));
    var more = (doc.committee_guide || []).filter(function (g) { return g !== guide.choose && g !== guide.devolution; });
    if (more.length) children.push(node('details', w.s.committee_more, more.map(point)));
    return node('committees', null, children);
  }

  function reminderNode(w, r, rule) {
    var parts = [];
    if (rule.lead) parts.push(node('lead', w.tr(rule.lead) + ' '));
    parts.push(node('text', w.tr(rule.text) + ' '));
    parts.push(w.clause(r.clause));
    return node('item', null, parts);
  }

  function nextStep(w, kind, result, rules) {
    var items = result.reminders.filter(function (r) {
      return rules[r.id].place === 'next' && rules[r.id].kind === kind;
    });
    if (!items.length) return null;
    return node('details', fill(w.s.next_step, { step: w.s['next_' + kind] }), [
      node('list', null, items.map(function (r) { return reminderNode(w, r, rules[r.id]); }))]);
  }

  function pathwayItem(w, pw, state) {
    var status = state.met === true ? 'met' : state.met === null ? 'open' : 'unmet';
    var text = fill(w.s['target_' + pw.kind], { level: w.level[pw.target] });
    var children = [node('status-' + status, w.s['status_' + status]), node('text', ' ' + text + ' '), w.clause(pw.clause)];
    if (state.met === false) {
      children.push(node('list', null, state.missing.map(function (m) { return node('item', missingText(w, m)); })));
    } else if (state.met === null) {
      children.push(node('line', fill(w.s.to_answer, { fields: state.unanswered.map(function (f) { return w.fieldLabel(f); }).join(w.sep) })));
    }
    return node('pathway', null, children);
  }

  /* One direction (title or skill): its headlines, its next step, and its pathways folded away. */
  function direction(w, kind, result, rules) {
    var sum = summaryOf(w, kind, result.pathways, defaultState);
    var mine = result.pathways.filter(function (pw) { return pw.kind === kind; });
    var unmet = mine.filter(function (pw) { return pw.met === false; });
    var live = mine.filter(function (pw) { return pw.met !== false; });
    var folded = [];
    if (live.length > 1) {
      folded.push(node('details', fill(w.s.live_paths, { n: live.length }),
        [node('list', null, live.map(function (pw) { return pathwayItem(w, pw, pw); }))]));
    }
    if (unmet.length) {
      folded.push(node('details', fill(w.s.unmet_paths, { n: unmet.length }),
        [node('list', null, unmet.map(function (pw) { return pathwayItem(w, pw, pw); }))]));
    }
    return { open: !!(sum.best || sum.open), head: headlines(w, kind, sum), next: nextStep(w, kind, result, rules),
      folded: folded, none: capital(w.doc.messages.result[kind + '_none'][w.lang]), unmet: unmet.length };
  }

  /* No occupation chosen: the finder's text for a trade not listed (scope III(1)1, note 2, whom to ask). */
  function notListed(nl) {
    return node('not-listed', null, [node('label', nl.title), node('list', null, nl.points.map(function (p) {
      var refs = p.refs.concat(p.link ? [p.link] : []).map(function (r) { return node('link', r.label, null, r.href); });
      return node('item', null, [node('text', p.text + ' ')].concat(refs));
    }))]);
  }

  function primaryKind(profile) {
    var skillGiven = !!profile.skill_level || (profile.honours || []).length > 0;
    return skillGiven || !profile.title_level ? 'title' : 'skill';
  }

  function answer(w, result, profile) {
    var doc = w.doc;
    var rules = {};
    doc.reminders.forEach(function (r) { rules[r.id] = r; });
    var first = primaryKind(profile);
    var kinds = [first, first === 'title' ? 'skill' : 'title'];
    var dirs = {};
    kinds.forEach(function (k) { dirs[k] = direction(w, k, result, rules); });
    var lead = dirs[first].open || !dirs[kinds[1]].open ? first : kinds[1];
    var other = lead === first ? kinds[1] : first;
    var children = [node('direction', null, dirs[lead].head.length ? dirs[lead].head : [node('headline', dirs[lead].none)])];
    var titleOpen = dirs.title.open;
    if (result.committees.length && (lead === 'title' || !titleOpen)) children.push(committeeBlock(w, profile, result));
    if (dirs[lead].next) children.push(dirs[lead].next);
    if (!profile.occupation && dirs.title.open && w.labels.not_listed) children.push(notListed(w.labels.not_listed));
    var inAnswer = result.reminders.filter(function (r) { return rules[r.id].place === 'answer'; });
    if (inAnswer.length) {
      children.push(node('notes', null, [node('list', null, inAnswer.map(function (r) { return reminderNode(w, r, rules[r.id]); }))]));
    }
    children = children.concat(readingBlocks(w, result));
    children = children.concat(dirs[lead].folded);
    if (dirs[other].open) {
      var second = dirs[other].head.slice();
      if (lead !== 'title' && result.committees.length) second.push(committeeBlock(w, profile, result));
      if (dirs[other].next) second.push(dirs[other].next);
      children.push(node('direction', null, second.concat(dirs[other].folded)));
    } else {
      children.push(node('details', dirs[other].none + ' ' + fill(w.s.count, { n: dirs[other].unmet }),
        dirs[other].folded.length ? dirs[other].folded[dirs[other].folded.length - 1].children : []));
    }
    var others = result.reminders.filter(function (r) { return !rules[r.id].place; });
    if (others.length) {
      children.push(node('details', fill(w.s.reminders, { n: others.length }),
        [node('list', null, others.map(function (r) { return reminderNode(w, r, rules[r.id]); }))]));
    }
    children.push(validity(w, result));
    var applied = edition(w);
    if (applied) children.push(applied);
    return children;
  }

  function validity(w, result) {
    var R = w.doc.messages.result;
    return node(result.policy_in_force ? 'validity' : 'validity-outside', null, [
      node('text', capital((result.policy_in_force ? R.policy_in_force : R.policy_not_in_force)[w.lang]) + ' '),
      w.clause(w.doc.policy.clauses[0]), node('text', w.s.clause_sep + fill(w.s.date, { date: result.date }))]);
  }

  /* Which edition the answer applies (after its last day the answer still comes, so it says so). */
  function edition(w) {
    var R = w.doc.messages.result;
    if (!R.applied_edition || !w.doc.policy.edition) return null;
    return node('edition', capital(fill(R.applied_edition[w.lang], w.doc.policy.edition)));
  }

  /* ---- errors ---- */

  function errorText(w, err) {
    var params = {};
    Object.keys(err.params || {}).forEach(function (k) { params[k] = err.params[k]; });
    params.field = fill(w.s.quote, { text: w.fieldLabel(err.field) });
    if (has(params, 'other')) params.other = fill(w.s.quote, { text: w.fieldLabel(params.other) });
    if (has(params, 'options')) {
      params.options = params.options.split(', ').map(function (id) {
        if (has(w.level, id)) return w.level[id];
        if (has(w.honour, id)) return w.honour[id];
        var c = w.doc.education_equivalence.classes.filter(function (x) { return x.id === id; })[0];
        return c ? w.tr(c) : w.fieldLabel(id);
      }).join(w.sep);
    }
    return capital(fill(w.doc.messages.errors[err.code][w.lang], params).trim());
  }

  function view(doc, result, profile, lang, labels) {
    if (result.date) doc = G.rulesFor(doc, result.date);  // the rules of the edition the result applied
    var w = new Words(doc, lang, labels, result.committees);
    if (result.errors.length) {
      return node('errors', w.s.fix, [node('list', null, result.errors.map(function (e) {
        return node('error', errorText(w, e), null, null);
      }))]);
    }
    return node('answer', null, answer(w, result, profile));
  }

  G.view = view;
  G.viewErrorText = function (doc, err, lang, labels) { return errorText(new Words(doc, lang, labels), err); };
  if (typeof module === 'object' && module && module.exports) module.exports = G;
}(typeof globalThis !== 'undefined' ? globalThis : this));
