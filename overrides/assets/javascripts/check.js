/*
 * Guantong eligibility check: the form of check/index.md and its result (a classic script; works from file://).
 *
 * The rules come from globalThis.GuantongRules (rules-data.js) and the result from Guantong.evaluate
 * (eligibility.js). This script's own words come from the page: the data-gt-check attribute holds the
 * chrome strings of the page's language, the printed label of every clause the rules cite and names for
 * the committees the rules leave unnamed. Nothing here names a level, a year count, an honour or a rule.
 *
 * The form's field names are the engine's profile field names, and the same names carry the answers in
 * the page address (history.replaceState), so a result can be bookmarked and shared; on load the address
 * fills the form (occupation pages link here with ?occupation=<slug>). A value in the address that the
 * form cannot hold is kept aside and given to the engine as it is, so the engine's error shows next to
 * the field. Everything shown is built with createElement and textContent: nothing typed or taken from
 * the address ever becomes HTML.
 */
(function () {
  'use strict';

  var PLACEHOLDER = new RegExp('\\{([a-z_]+)\\}', 'g');
  var NUMBER = new RegExp('^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$');
  var ITEM = new RegExp('\\[[0-9]+\\]$');
  var TRAILING_SLASHES = new RegExp('/+$');
  var TRUE_WORDS = ['1', 'true', 'on', 'yes'];
  var FALSE_WORDS = ['0', 'false', 'off', 'no'];
  var SELECTS = ['skill-level', 'title-level', 'school-class', 'occupation'];

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

  /* An element with a class and text (or child nodes); never innerHTML. */
  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    append(node, content);
    return node;
  }

  function append(node, content) {
    if (content === undefined || content === null) return node;
    (Array.isArray(content) ? content : [content]).forEach(function (part) {
      if (part === null || part === undefined) return;
      node.appendChild(typeof part === 'string' ? document.createTextNode(part) : part);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function init(root, doc, engine) {
    var page = JSON.parse(root.getAttribute('data-gt-check'));
    var lang = page.lang;
    var S = page.strings;
    var form = document.getElementById('gt-check-form');
    var summary = document.getElementById('gt-check-summary');
    var details = document.getElementById('gt-check-details');
    var result = document.getElementById('gt-check-result');
    var earlier = document.getElementById('gt-check-earlier');
    var share = document.getElementById('gt-check-share');
    var overrides = {};
    var lastKey = null;

    function t(key, params) {
      return params ? fill(S[key], params) : S[key];
    }

    function tr(obj) {
      return obj[lang] || obj.zh || '';
    }

    function ids(list) {
      return list.map(function (x) { return x.id; });
    }

    var fields = {};
    doc.profile_fields.forEach(function (f) { fields[f.id] = f; });
    var order = { skill: ids(doc.levels.skill), title: ids(doc.levels.title) };
    var levelLabel = {};
    ['skill', 'title'].forEach(function (kind) {
      doc.levels[kind].forEach(function (level) { levelLabel[level.id] = tr(level); });
    });
    var honourById = {};
    doc.honours.forEach(function (x) { honourById[x.id] = x; });
    var pathwayById = {};
    doc.pathways.forEach(function (p) { pathwayById[p.id] = p; });
    var reminderById = {};
    doc.reminders.forEach(function (r) { reminderById[r.id] = r; });

    function control(name) {
      return document.getElementById('gt-check-' + name);
    }

    function honourBoxes() {
      return Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox][name=honours]'));
    }

    function levelRows() {
      return Array.prototype.slice.call(earlier.querySelectorAll('[data-gt-level]'));
    }

    function levelInput(level) {
      return order.skill.indexOf(level) >= 0 ? control(fieldOfType('years-by-skill-level') + '.' + level) : null;
    }

    function fieldOfType(type) {
      var found = doc.profile_fields.filter(function (f) { return f.type === type; })[0];
      return found ? found.id : '';
    }

    /* ---- links: the site root and URL style come from <meta name="guantong"> ---- */

    var meta = document.querySelector('meta[name="guantong"]');
    var base = (meta ? meta.getAttribute('data-base') : '..').replace(TRAILING_SLASHES, '');
    var dirUrls = !meta || meta.getAttribute('data-dir-urls') !== 'false';

    function pageUrl(dir, name) {
      if (dirUrls) return base + '/' + dir + '/' + (name ? name + '/' : '');
      return base + '/' + dir + '/' + (name || 'index') + '.html';
    }

    function link(text, href, className) {
      var a = el('a', className, text);
      a.setAttribute('href', href);
      return a;
    }

    function clauseLink(clause) {
      var label = has(page.clauses, clause) ? page.clauses[clause] : clause;
      return link(label, pageUrl('policy') + '#clause-' + clause.split('.').join('-'), 'gt-check__clause');
    }

    function occupationName(slug) {
      var o = doc.occupations[slug];
      return lang === 'zh' ? o.zh : (o.en || o.zh);
    }

    function committeeName(id) {
      var c = has(doc.committees, id) ? doc.committees[id] : {};
      return c[lang] || (has(page.committees, id) ? page.committees[id] : c.zh || id);
    }

    /* ---- the occupation list: every occupation of the rules, by pinyin (zh) or English name (en) ---- */

    function fillOccupations() {
      var select = control('occupation');
      var slugs = Object.keys(doc.occupations);
      if (lang !== 'zh') {
        slugs.sort(function (a, b) { return occupationName(a).localeCompare(occupationName(b), lang); });
      } else {
        slugs.sort();
      }
      var group = null;
      slugs.forEach(function (slug) {
        var initial = (lang === 'zh' ? slug : occupationName(slug)).charAt(0).toUpperCase();
        if (!group || group.label !== initial) {
          group = select.appendChild(document.createElement('optgroup'));
          group.label = initial;
        }
        var option = group.appendChild(el('option', null, occupationName(slug)));
        option.value = slug;
      });
    }

    /* ---- the address: profile field names, honours comma-separated ---- */

    function hasOption(select, value) {
      return Array.prototype.some.call(select.options, function (o) { return o.value === value && value !== ''; });
    }

    function loadAddress() {
      var params = new URLSearchParams(window.location.search);
      doc.profile_fields.forEach(function (f) {
        var name = f.id;
        if (f.type === 'years-by-skill-level') {
          params.forEach(function (value, key) {
            if (key.indexOf(name + '.') !== 0) return;
            var level = key.slice(name.length + 1);
            var input = levelInput(level);
            if (input) {
              input.value = value;
              if (value.trim()) earlier.open = true;
            } else {
              overrides[name] = overrides[name] || {};
              overrides[name][level] = value;
            }
          });
          return;
        }
        if (!params.has(name)) return;
        var value = params.get(name);
        var input = control(name);
        if (SELECTS.indexOf(f.type) >= 0) {
          if (hasOption(input, value)) input.value = value;
          else if (value !== '') overrides[name] = value;
        } else if (f.type === 'years') {
          input.value = value;
        } else if (f.type === 'boolean') {
          var word = value.trim().toLowerCase();
          if (TRUE_WORDS.indexOf(word) >= 0) input.checked = true;
          else if (word !== '' && FALSE_WORDS.indexOf(word) < 0) overrides[name] = value;
        } else if (f.type === 'honours') {
          value.split(',').forEach(function (id) {
            id = id.trim();
            if (!id) return;
            var box = honourBoxes().filter(function (b) { return b.value === id; })[0];
            if (box) box.checked = true;
            else (overrides[name] = overrides[name] || []).push(id);
          });
        } else if (f.type === 'date') {
          input.value = value;
          if (input.value !== value && value !== '') overrides[name] = value;
        }
      });
    }

    function writeAddress(query) {
      var url = window.location.pathname + (query ? '?' + query : '') + window.location.hash;
      if (url === window.location.pathname + window.location.search + window.location.hash) return;
      try {
        window.history.replaceState(window.history.state, '', url);
      } catch (e) {
        /* Some browsers refuse to change the address of a file:// page: the result still shows. */
      }
    }

    /* ---- reading the form into a profile (and the address) ---- */

    function yearsValue(raw) {
      var text = (raw.normalize ? raw.normalize('NFKC') : raw).trim();
      if (text === '') return null;
      return NUMBER.test(text) ? Number(text) : raw;
    }

    function read() {
      var profile = {};
      var query = [];
      function put(key, value, encoded) {
        query.push(encodeURIComponent(key) + '=' + (encoded === undefined ? encodeURIComponent(value) : encoded));
      }
      doc.profile_fields.forEach(function (f) {
        var name = f.id;
        var input = control(name);
        var override = has(overrides, name) ? overrides[name] : undefined;
        if (SELECTS.indexOf(f.type) >= 0) {
          var value = override !== undefined ? override : input.value;
          if (value !== '') {
            profile[name] = value;
            put(name, value);
          }
        } else if (f.type === 'years') {
          var raw = input.value.trim();
          if (!input.disabled && raw !== '') {
            profile[name] = yearsValue(raw);
            put(name, raw);
          }
        } else if (f.type === 'boolean') {
          profile[name] = override !== undefined ? override : input.checked;
          if (override !== undefined) put(name, override);
          else if (input.checked) put(name, '1');
        } else if (f.type === 'honours') {
          var chosen = honourBoxes().filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
          chosen = chosen.concat(override || []);
          profile[name] = chosen;
          if (chosen.length) put(name, null, chosen.map(encodeURIComponent).join(','));
        } else if (f.type === 'years-by-skill-level') {
          var years = {};
          var any = false;
          levelRows().forEach(function (row) {
            var level = row.getAttribute('data-gt-level');
            var text = levelInput(level).value.trim();
            if (row.hidden || text === '') return;
            years[level] = yearsValue(text);
            put(name + '.' + level, text);
            any = true;
          });
          Object.keys(override || {}).forEach(function (level) {
            years[level] = yearsValue(override[level]);
            put(name + '.' + level, override[level]);
            any = true;
          });
          if (any) profile[name] = years;
        } else if (f.type === 'date') {
          var date = override !== undefined ? override : input.value;
          if (date) {
            profile[name] = date;
            put(name, date);
          }
        }
      });
      return { profile: profile, query: query.join('&') };
    }

    /* ---- what depends on the skill level held ---- */

    function sync() {
      /* A field the engine requires only when another is given (its years) is off until that one is. */
      doc.profile_fields.forEach(function (f) {
        var input = control(f.id);
        if (f.required_when && input) input.disabled = !control(f.required_when).value && !has(overrides, f.required_when);
      });
      var rank = order.skill.indexOf(control('skill_level').value);
      var any = false;
      levelRows().forEach(function (row) {
        var show = order.skill.indexOf(row.getAttribute('data-gt-level')) < rank;
        row.hidden = !show;
        any = any || show;
      });
      earlier.hidden = !any;
    }

    /* ---- messages ---- */

    function label(name) {
      if (has(fields, name)) return tr(fields[name].label);
      var bare = name.replace(ITEM, '');
      if (bare !== name) return label(bare);
      var dot = name.indexOf('.');
      if (dot > 0 && has(levelLabel, name.slice(dot + 1))) {
        return t('check_years_at_level', { level: levelLabel[name.slice(dot + 1)] });
      }
      return dot > 0 && has(fields, name.slice(0, dot)) ? label(name.slice(0, dot)) : name;
    }

    /* A parameter of an engine message, read back from the filled English message. */
    function paramOf(err, param) {
      var template = doc.messages.errors[err.code].en;
      var token = '{' + param + '}';
      var at = template.indexOf(token);
      if (at < 0 || template.indexOf(token, at + token.length) >= 0) return null;
      var before = fill(template.slice(0, at), { field: err.field });
      var after = fill(template.slice(at + token.length), { field: err.field });
      var message = err.message.en;
      if (message.indexOf(before) !== 0 || message.slice(message.length - after.length) !== after) return null;
      return message.slice(before.length, message.length - after.length);
    }

    function optionLabels(name) {
      var type = has(fields, name) ? fields[name].type : '';
      if (type === 'honours') return t('check_js_honour_options');
      var select = control(name);
      if (select && select.options) {
        return Array.prototype.filter.call(select.options, function (o) { return o.value; })
          .map(function (o) { return o.textContent; }).join(t('check_list_sep'));
      }
      if (name.indexOf('.') > 0) return order.skill.map(function (l) { return levelLabel[l]; }).join(t('check_list_sep'));
      return '';
    }

    function errorText(err, profile) {
      var template = doc.messages.errors[err.code][lang];
      var fieldIds = Object.keys(fields).filter(function (id) { return id.indexOf('_') > 0; })
        .sort(function (a, b) { return b.length - a.length; });
      fieldIds.forEach(function (id) {
        var at = template.indexOf(id);
        if (at < 0 || template.charAt(at - 1) === '{') return;
        var shown = label(id);
        template = template.split(id).join(template.indexOf(shown) >= 0 ? '' : t('check_js_quote', { text: shown }));
      });
      var base = err.field.replace(ITEM, '').split('.')[0];
      var other = paramOf(err, 'other');
      var text = capital(fill(template, {
        field: t('check_js_quote', { text: label(err.field) }),
        max: String(doc.limits.max_years),
        options: optionLabels(err.field.replace(ITEM, '')),
        other: other ? t('check_js_quote', { text: label(other) }) : ''
      }).trim());
      if (has(overrides, base)) {
        var value = err.field === base ? overrides[base] : fieldValue(profile, err.field);
        text = t('check_js_from_link', { value: String(value) }) + ' ' + text;
      }
      return text;
    }

    function fieldValue(profile, field) {
      var bare = field.replace(ITEM, '');
      if (bare !== field) return profile[bare][Number(field.slice(bare.length + 1, -1))];
      var dot = field.indexOf('.');
      if (dot < 0) return profile[field];
      return field.slice(dot + 1) + '=' + (profile[field.slice(0, dot)] || {})[field.slice(dot + 1)];
    }

    /* The message line of a field (or of the group it belongs to) that is on screen. */
    function messageBox(field) {
      var candidates = [field, field.replace(ITEM, ''), field.split('.')[0]];
      if (candidates[candidates.length - 1] === fieldOfType('years-by-skill-level') && !earlier.hidden) earlier.open = true;
      for (var i = 0; i < candidates.length; i++) {
        var box = document.getElementById('gt-check-msg-' + candidates[i]);
        if (box && box.parentNode.getClientRects().length) return box;
      }
      return null;
    }

    function clearMessages() {
      Array.prototype.forEach.call(form.querySelectorAll('.gt-check__msg'), function (box) {
        clear(box);
        box.classList.remove('gt-check__msg--error');
      });
      Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (c) {
        c.removeAttribute('aria-invalid');
      });
    }

    function showErrors(errors, profile) {
      var needed = errors.filter(function (e) { return e.code === 'required'; });
      var wrong = errors.filter(function (e) { return e.code !== 'required'; });
      if (wrong.length) {
        summary.appendChild(el('p', 'gt-check__fix', t('check_js_fix')));
        var list = summary.appendChild(el('ul', 'gt-check__fix-list'));
        wrong.forEach(function (err) {
          var text = errorText(err, profile);
          list.appendChild(el('li', null, text));
          var box = messageBox(err.field);
          if (box) {
            append(box, (box.firstChild ? ' ' : '') + text);
            box.classList.add('gt-check__msg--error');
          }
          var c = control(err.field.replace(ITEM, ''));
          if (c && (c.tagName === 'INPUT' || c.tagName === 'SELECT')) c.setAttribute('aria-invalid', 'true');
        });
      }
      if (needed.length) {
        summary.appendChild(el('p', 'gt-check__needed', t('check_js_still_needed', {
          fields: needed.map(function (e) { return label(e.field); }).join(t('check_list_sep'))
        })));
      }
    }

    /* ---- the result ---- */

    function shown(value) {
      if (value === null || value === undefined) return doc.messages.none[lang];
      if (Array.isArray(value)) {
        return value.map(function (id) { return has(honourById, id) ? tr(honourById[id]) : id; })
          .join(t('check_list_sep')) || doc.messages.none[lang];
      }
      if (typeof value === 'string' && has(levelLabel, value)) return levelLabel[value];
      return String(value);
    }

    function missingText(item) {
      var code = item.condition === 'skill-years' && !has(item, 'level') ? 'skill-level-at-least' : item.condition;
      var params = {};
      ['needed', 'has', 'level'].forEach(function (k) { if (has(item, k)) params[k] = shown(item[k]); });
      return fill(doc.messages.missing[code][lang], params);
    }

    function conditionText(c) {
      var params = {};
      if (has(c, 'level')) params.level = levelLabel[c.level];
      if (has(c, 'years')) params.years = c.years;
      if (has(c, 'group')) params.group = t('honour_group_' + c.group);
      return t('cond_' + c.test, params);
    }

    function targetText(pw) {
      return t('check_target_' + pw.kind, { level: levelLabel[pw.target] });
    }

    function headline(kind, res, profile) {
      var best = res[kind].highest;
      var R = doc.messages.result;
      var p = el('p', 'gt-check__headline ' + (best ? 'gt-check__headline--open' : 'gt-check__headline--none'));
      p.appendChild(el('strong', null, capital(best ? fill(R[kind + '_highest'][lang], { level: levelLabel[best] })
        : R[kind + '_none'][lang])));
      var held = profile[kind + '_level'];
      if (best && held && order[kind].indexOf(best) <= order[kind].indexOf(held)) {
        p.appendChild(el('span', 'gt-check__not-new', t('check_js_not_new_' + kind, { level: levelLabel[held] })));
      }
      return p;
    }

    function renderSummary(res, profile) {
      summary.appendChild(headline('title', res, profile));
      summary.appendChild(headline('skill', res, profile));
      var R = doc.messages.result;
      summary.appendChild(el('p', 'gt-check__date' + (res.policy_in_force ? '' : ' gt-check__date--outside'), [
        capital((res.policy_in_force ? R.policy_in_force : R.policy_not_in_force)[lang]), ' ',
        clauseLink(doc.policy.clauses[0]), t('check_js_sep'), t('check_js_date', { date: res.date })
      ]));
      // Which edition the answer applies (issue 13): after its last day the answer still comes, so say so.
      summary.appendChild(el('p', 'gt-check__edition', capital(fill(R.applied_edition[lang], doc.policy.edition))));
    }

    function renderPathways(res) {
      var met = res.pathways.filter(function (pw) { return pw.met; }).length;
      details.appendChild(el('h3', null, t('check_js_pathways', { met: met, total: res.pathways.length })));
      doc.pathway_groups.forEach(function (group) {
        var items = res.pathways.filter(function (pw) { return pathwayById[pw.id].group === group.id; });
        if (!items.length) return;
        details.appendChild(el('h4', null, [t('group_' + group.id), ' ', clauseLink(group.clause)]));
        var list = details.appendChild(el('ul', 'gt-check__pathways'));
        items.forEach(function (pw) {
          var R = doc.messages.result;
          var li = list.appendChild(el('li', 'gt-check__pw ' + (pw.met ? 'gt-check__pw--met' : 'gt-check__pw--unmet')));
          li.setAttribute('data-pathway', pw.id);
          li.appendChild(el('span', 'gt-check__status', (pw.met ? R.met : R.unmet)[lang]));
          append(li, [' ', el('strong', 'gt-check__target', targetText(pw)), ' ', clauseLink(pw.clause)]);
          li.appendChild(el('span', 'gt-check__conds',
            pathwayById[pw.id].conditions.map(conditionText).join(t('check_js_cond_sep'))));
          if (!pw.met) {
            var missing = li.appendChild(el('ul', 'gt-check__missing'));
            missing.setAttribute('aria-label', t('check_js_needs'));
            pw.missing.forEach(function (item) { missing.appendChild(el('li', null, missingText(item))); });
          }
        });
      });
    }

    function renderCommittees(res, profile) {
      details.appendChild(el('h3', null, capital(doc.messages.result.committees[lang])));
      if (!profile.occupation) {
        details.appendChild(el('p', 'gt-check__hint', t('check_js_committees_none')));
        return;
      }
      details.appendChild(el('p', 'gt-check__committees', t('check_js_committees_for', {
        occupation: occupationName(profile.occupation)
      })));
      var list = details.appendChild(el('ul', 'gt-check__committee-list'));
      res.committees.forEach(function (id) {
        list.appendChild(el('li', null, link(committeeName(id), pageUrl('committees', id), 'gt-check__committee')));
      });
    }

    function renderOther(res) {
      var lines = [];
      var R = doc.messages.result;
      var eq = res.education_equivalent;
      if (eq) {
        var education = doc.education_levels.filter(function (e) { return e.id === eq.equivalent; })[0];
        lines.push([fill(R.education_equivalent[lang], { education: education ? tr(education) : eq.equivalent }), eq.clause]);
      }
      doc.exemptions.forEach(function (x) {
        if (res[x.result_field] === true) lines.push([R[x.result_field][lang], x.clause]);
      });
      if (!lines.length) return;
      details.appendChild(el('h3', null, t('check_js_other')));
      var list = details.appendChild(el('ul', 'gt-check__other'));
      lines.forEach(function (line) {
        list.appendChild(el('li', null, [capital(line[0]), ' ', clauseLink(line[1])]));
      });
    }

    function renderReminders(res) {
      if (!res.reminders.length) return;
      details.appendChild(el('h3', null, t('check_js_reminders')));
      var list = details.appendChild(el('ul', 'gt-check__reminders'));
      res.reminders.forEach(function (r) {
        list.appendChild(el('li', null, [tr(reminderById[r.id].text), ' ', clauseLink(r.clause)]));
      });
    }

    /* For paper: what was entered, and the address that holds it (shown by the print stylesheet only). */
    function renderAnswers(profile) {
      var box = details.appendChild(el('div', 'gt-check__answers'));
      box.appendChild(el('h3', null, t('check_js_answers')));
      var list = box.appendChild(el('ul'));
      doc.profile_fields.forEach(function (f) {
        var value = profile[f.id];
        var text;
        if (f.type === 'boolean') text = value === true ? t('check_js_yes') : t('check_js_no');
        else if (f.type === 'honours') text = value && value.length ? shown(value) : null;
        else if (f.type === 'occupation') text = value && has(doc.occupations, value) ? occupationName(value) : value;
        else if (f.type === 'years-by-skill-level') {
          text = value ? Object.keys(value).map(function (l) { return label(f.id + '.' + l) + ' ' + value[l]; })
            .join(t('check_list_sep')) : null;
        } else if (f.type === 'date') text = value || t('check_js_today');
        else if (f.type === 'school-class') {
          var c = doc.education_equivalence.classes.filter(function (x) { return x.id === value; })[0];
          text = c ? tr(c) : value;
        } else text = value === undefined ? null : shown(value);
        if (text === null || text === undefined) return;
        list.appendChild(el('li', null, capital(label(f.id)) + t('check_js_colon') + text));
      });
      box.appendChild(el('p', 'gt-check__address', t('check_js_address', { url: window.location.href })));
    }

    function update() {
      var state = read();
      writeAddress(state.query);
      var res = engine.evaluate(doc, state.profile);
      var key = JSON.stringify([state.query, res]);
      if (key === lastKey) return;
      lastKey = key;
      clearMessages();
      clear(summary);
      clear(details);
      share.hidden = state.query === '';
      if (state.query === '') {
        summary.appendChild(el('p', 'gt-check__start', t('check_js_start')));
        return;
      }
      if (res.errors.length) {
        showErrors(res.errors, state.profile);
        /* The committees depend on the occupation alone: show them while other answers are missing. */
        var occupation = state.profile.occupation;
        var bad = res.errors.some(function (e) { return e.field === 'occupation'; });
        if (occupation && !bad && has(doc.occupations, occupation)) renderCommittees({ committees: doc.occupations[occupation].committees }, state.profile);
        return;
      }
      renderSummary(res, state.profile);
      renderPathways(res);
      renderCommittees(res, state.profile);
      renderOther(res);
      renderReminders(res);
      renderAnswers(state.profile);
    }

    function onChange(event) {
      var name = event.target && event.target.name;
      if (name) delete overrides[name.split('.')[0]];
      sync();
      update();
    }

    fillOccupations();
    loadAddress();
    sync();
    form.addEventListener('input', onChange);
    form.addEventListener('change', onChange);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    document.getElementById('gt-check-needs-js').hidden = true;
    form.hidden = false;
    result.hidden = false;
    document.documentElement.classList.add('gt-check-ready');
    update();
  }

  function start() {
    var root = document.getElementById('gt-check');
    var engine = window.Guantong;
    if (!root || !window.GuantongRules || !engine || typeof engine.evaluate !== 'function') return;
    init(root, window.GuantongRules, engine);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
