/*
 * Guantong eligibility check: the wiring of check/index.md (a classic script; works from file://).
 *
 * The page holds the form (drawn from the rules' profile fields) and an empty answer area above it. This
 * script reads the form's raw answers, turns them into a profile with the shared form layer
 * (Guantong.form, check-form.js), evaluates it (Guantong.evaluate, eligibility.js), builds the view
 * (Guantong.view, check-view.js) and draws it (Guantong.renderTree, check-render.js). It also shows only
 * the fields some pathway still reads (Guantong.visibleFields), keeps the answers in the address
 * (history.replaceState; the address fills the form on load), keeps a one-line summary in view while the
 * form is edited and announces the answer once per change (not per keystroke). The occupation field is the finder
 * (finder.js, data-gt-pick). Nothing here names a level, a year count, an honour or a rule, and nothing
 * typed or taken from the address becomes HTML: all text goes through text nodes.
 */
(function () {
  'use strict';

  var TRAILING_SLASHES = new RegExp('/+$');

  function init(root, doc, G) {
    var page = JSON.parse(root.getAttribute('data-gt-check'));
    var lang = page.lang;
    var form = document.getElementById('gt-check-form');
    var summary = document.getElementById('gt-check-summary');
    var share = document.getElementById('gt-check-share');
    var bar = document.getElementById('gt-check-bar');
    var barLink = document.getElementById('gt-check-bar-link');
    var live = document.getElementById('gt-check-live');
    var answerBox = document.getElementById('gt-check-answer');
    var occupation = document.getElementById('gt-check-occupation');
    var occupationQuery = document.getElementById('gt-check-occupation-query');
    var chosen = document.getElementById('gt-check-occupation-chosen');
    var extra = {};  /* answers the address carries that no control holds (dates per level …) */
    var lastKey = null;
    var barWanted = false;
    var answerInView = true;
    var lastAnnounced = '';
    var headline = '';

    var meta = document.querySelector('meta[name="guantong"]');
    var base = (meta ? meta.getAttribute('data-base') : '..').replace(TRAILING_SLASHES, '');
    var dirUrls = !meta || meta.getAttribute('data-dir-urls') !== 'false';
    function pageUrl(dir) {
      return base + '/' + dir + '/' + (dirUrls ? '' : 'index.html');
    }
    /* A site-root Markdown path of the not-listed text (policy/index.md#clause-3-1-1) as this page's address. */
    function mdUrl(href) {
      var at = href.split('#');
      return base + '/' + at[0].replace(new RegExp('index\\.md$'), dirUrls ? '' : 'index.html') + (at[1] ? '#' + at[1] : '');
    }
    var notListed = page.not_listed;
    notListed.points.forEach(function (p) {
      p.refs.forEach(function (r) { r.href = mdUrl(r.href); });
      if (p.link) p.link.href = mdUrl(p.link.href);
    });
    var labels = {
      s: page.s, clauses: page.clauses, clause_pages: page.clause_pages, committees: page.committees,
      not_listed: notListed,
      links: { clause: pageUrl('policy') + '#clause-', reading: pageUrl('about') + '#reading-',
        names: pageUrl('about') + '#title-names-',
        committee: [base + '/committees/', dirUrls ? '/' : '.html'] }
    };

    function controls(name) {
      return Array.prototype.slice.call(form.querySelectorAll('[name="' + name + '"]'));
    }

    /* ---- the form's raw answers, and the address's ---- */

    /* The answers in the form; with `shownOnly`, those of the fields on screen (a hidden field's old answer
       does not count). */
    function raw(shownOnly) {
      var out = {};
      Array.prototype.forEach.call(form.elements, function (c) {
        if (!c.name || c.disabled) return;
        if (c.type === 'checkbox') {
          if (c.checked) (out[c.name] = out[c.name] || []).push(c.value);
        } else if (c.type === 'radio') {
          if (c.checked && c.value !== '' && !(shownOnly && hiddenField(c))) out[c.name] = c.value;
        } else if (c.value !== '' && !(shownOnly && hiddenField(c))) {
          out[c.name] = c.value;
        }
      });
      Object.keys(extra).forEach(function (k) { if (!Object.prototype.hasOwnProperty.call(out, k)) out[k] = extra[k]; });
      return out;
    }

    function hiddenField(c) {
      var box = c.closest('[data-field]');
      return c.type !== 'hidden' && box && box.hidden;
    }

    function load(answers) {
      Object.keys(answers).forEach(function (key) {
        var value = answers[key];
        var list = controls(key);
        if (!list.length) {
          extra[key] = value;
          return;
        }
        list.forEach(function (c) {
          if (c.type === 'checkbox') c.checked = value.split(',').indexOf(c.value) >= 0;
          else if (c.type === 'radio') {
            var word = G.form.profile(doc, pick(key, value)).profile[key];
            if (typeof word === 'boolean') c.checked = c.value === (word ? '1' : '0');
            else extra[key] = value;  /* the engine names it (not_a_boolean) */
          }
          else if (c.tagName === 'SELECT' && !Array.prototype.some.call(c.options, function (o) { return o.value === value; })) extra[key] = value;
          else c.value = value;
        });
        if (key === occupation.name) showChosen();
      });
      (answers.honours || '').split(',').forEach(function (id) {
        if (id && !controls('honours').some(function (c) { return c.value === id; })) extra.honours = answers.honours;
      });
    }

    function pick(key, value) {
      var one = {};
      one[key] = value;
      return one;
    }

    function writeAddress(query) {
      var url = window.location.pathname + (query ? '?' + query : '') + window.location.hash;
      if (url === window.location.pathname + window.location.search + window.location.hash) return;
      try {
        window.history.replaceState(window.history.state, '', url);
      } catch (e) {
        /* Some browsers refuse to change the address of a file:// page: the answer still shows. */
      }
    }

    /* ---- the occupation: a finder that picks ---- */

    function showChosen() {
      var o = doc.occupations[occupation.value];
      chosen.hidden = !o;
      if (o) chosen.querySelector('.gt-check__chosen-name').textContent = lang === 'zh' ? o.zh : (o.en || o.zh);
      occupationQuery.parentNode.hidden = !!o;
    }

    root.addEventListener('gt-finder-pick', function (event) {
      occupation.value = event.detail.slug;
      delete extra[occupation.name];
      showChosen();
      update();
      announce();
    });
    document.getElementById('gt-check-occupation-clear').addEventListener('click', function () {
      occupation.value = '';
      occupationQuery.value = '';
      showChosen();
      update();
      occupationQuery.focus();
    });

    /* ---- fields some pathway still reads ---- */

    function showFields(result) {
      var show = G.visibleFields(doc, result);
      Array.prototype.forEach.call(form.querySelectorAll('[data-field]'), function (box) {
        var name = box.getAttribute('data-field');
        var always = doc.profile_fields.some(function (f) {
          return f.id === name && ['skill-level', 'title-level', 'honours', 'occupation', 'school-class', 'date'].indexOf(f.type) >= 0;
        });
        box.hidden = !(always || show[name]);
      });
      levelRows();
      document.getElementById('gt-check-hint-dates').hidden = !doc.profile_fields.some(function (f) {
        return f.instead_of && show[f.id];
      });
      Array.prototype.forEach.call(form.querySelectorAll('fieldset[data-group]'), function (set) {
        set.hidden = !set.querySelector('[data-field]:not([hidden])');
      });
    }

    /* In "earlier levels", only the levels below the one held. */
    function levelRows() {
      Array.prototype.forEach.call(form.querySelectorAll('details[data-field]'), function (box) {
        var name = box.getAttribute('data-field');
        var f = doc.profile_fields.filter(function (x) { return x.id === name; })[0];
        if (!f || !f.instead_of && f.type.indexOf('-by-') < 0) return;
        var kind = f.type.indexOf('skill') >= 0 ? 'skill' : 'title';
        var order = doc.levels[kind].map(function (l) { return l.id; });
        var held = order.indexOf((form.elements[kind + '_level'] || {}).value);
        var any = false;
        Array.prototype.forEach.call(box.querySelectorAll('[data-gt-level]'), function (row) {
          row.hidden = order.indexOf(row.getAttribute('data-gt-level')) >= held;
          any = any || !row.hidden;
        });
        if (!any) box.hidden = true;
      });
    }

    /* ---- messages beside the fields ---- */

    function showErrors(result) {
      Array.prototype.forEach.call(form.querySelectorAll('.gt-check__msg'), function (box) {
        box.textContent = '';
        box.classList.remove('gt-check__msg--error');
      });
      Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (c) { c.removeAttribute('aria-invalid'); });
      result.errors.forEach(function (err) {
        var names = [err.field, err.field.replace(new RegExp('\\[[0-9]+\\]$'), ''), err.field.split('.')[0]];
        for (var i = 0; i < names.length; i++) {
          var box = document.getElementById('gt-check-msg-' + names[i]);
          if (box && !box.closest('[hidden]')) {
            box.textContent = (box.textContent ? box.textContent + ' ' : '') + G.viewErrorText(doc, err, lang, labels);
            box.classList.add('gt-check__msg--error');
            var details = box.closest('details');
            if (details) details.open = true;
            var c = document.getElementById('gt-check-' + names[i]);
            if (c) c.setAttribute('aria-invalid', 'true');
            break;
          }
        }
      });
    }

    /* ---- the answer ---- */

    /* Once per change (a choice made, a field left), never per keystroke, and only when the answer changed. */
    function announce() {
      if (headline === lastAnnounced) return;
      lastAnnounced = headline;
      live.textContent = headline;
    }

    /* Two passes: every answer decides which fields a pathway still reads; the answers of those alone
       give the result (and the address). */
    function update() {
      showFields(G.evaluate(doc, G.form.profile(doc, raw(false)).profile));
      var state = G.form.profile(doc, raw(true));
      writeAddress(state.query);
      var result = G.evaluate(doc, state.profile);
      var key = JSON.stringify([state.query, result]);
      if (key === lastKey) return;
      lastKey = key;
      showErrors(result);
      summary.textContent = '';
      share.hidden = state.query === '';
      if (state.query === '') {
        summary.appendChild(G.renderTree({ kind: 'start', text: page.s.start }, document));
        barWanted = false;
        bar.hidden = true;
        headline = '';
        return;
      }
      var tree = G.view(doc, result, state.profile, lang, labels);
      summary.appendChild(G.renderTree(tree, document));
      headline = G.headlineText(tree);
      barLink.textContent = headline;
      barWanted = !!headline;
      bar.hidden = !barWanted || answerInView;
    }

    /* The bar only while the answer itself is off screen. */
    if (window.IntersectionObserver) {
      new window.IntersectionObserver(function (entries) {
        answerInView = entries[entries.length - 1].isIntersecting;
        bar.hidden = !barWanted || answerInView;
      }).observe(summary);
    }
    load(G.form.answers(window.location.search));
    showChosen();
    form.addEventListener('input', function (event) {
      if (event.target === occupationQuery) return;
      update();
    });
    form.addEventListener('change', function (event) {
      if (event.target === occupationQuery) return;
      if (event.target.name === 'honours') {
        var n = controls('honours').filter(function (c) { return c.checked; }).length;
        document.getElementById('gt-check-honours-count').textContent = n ? '(' + n + ')' : '';
      }
      update();
      announce();
    });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    document.getElementById('gt-check-needs-js').hidden = true;
    update();
    document.documentElement.classList.add('gt-check-drawn');  /* check.css: the form shows once the answer is drawn */
    if (window.location.search.length > 1 && !window.location.hash) answerBox.scrollIntoView({ block: 'start' });
  }

  function start() {
    var root = document.getElementById('gt-check');
    var G = window.Guantong;
    if (!root || !window.GuantongRules || !G || typeof G.view !== 'function') return;
    init(root, window.GuantongRules, G);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
