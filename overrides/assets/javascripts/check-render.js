/*
 * Guantong eligibility check: drawing the view's tree (check-view.js) as DOM (a classic script).
 *
 * Guantong.renderTree(tree, doc) returns a DOM node for a {kind, text, href, children} tree. Each kind has
 * one tag and the class gt-v-<kind>; `details` take their text as the summary. Text only ever becomes a
 * text node and an href an attribute of <a> (only relative addresses and #anchors, never javascript:):
 * nothing typed or taken from the address is parsed as HTML. Used by the check page and the pocket file.
 */
(function (root) {
  'use strict';

  var G = root.Guantong = root.Guantong || {};
  var SAFE_HREF = new RegExp('^(#|\\.\\.?/|/|[a-z0-9_-]+/|[a-z0-9_-]+\\.html|\\?)', 'i');

  var TAGS = {
    answer: 'div', errors: 'div', direction: 'div', headline: 'p', 'headline-more': 'p', committees: 'div',
    notes: 'div', 'not-listed': 'div', 'names-source': 'p', reading: 'div', 'reading-title': 'p', validity: 'p', 'validity-outside': 'p', edition: 'p', details: 'details',
    list: 'ul', item: 'li', pathway: 'li', error: 'li', line: 'p', note: 'p', label: 'p', point: 'p',
    'point-title': 'strong', lead: 'strong', scope: 'span', text: 'span', link: 'a',
    'status-met': 'span', 'status-open': 'span', 'status-unmet': 'span'
  };
  var INLINE_TEXT = { headline: 'strong', 'headline-more': 'strong', errors: 'p' };

  function renderTree(tree, doc) {
    doc = doc || root.document;
    if (tree.kind === 'text' && !tree.children) return doc.createTextNode(tree.text || '');
    var tag = TAGS[tree.kind] || 'div';
    if (tree.kind === 'link' && !(tree.href && SAFE_HREF.test(tree.href))) tag = 'span';
    var el = doc.createElement(tag);
    el.className = 'gt-v-' + tree.kind;
    if (tag === 'a') el.setAttribute('href', tree.href);
    if (tree.text !== undefined) {
      if (tag === 'details') {
        el.appendChild(doc.createElement('summary')).appendChild(doc.createTextNode(tree.text));
      } else if (INLINE_TEXT[tree.kind]) {
        el.appendChild(doc.createElement(INLINE_TEXT[tree.kind])).appendChild(doc.createTextNode(tree.text));
        if (tree.children) el.appendChild(doc.createTextNode(' '));
      } else {
        el.appendChild(doc.createTextNode(tree.text));
        if (tree.children && tag !== 'ul') el.appendChild(doc.createTextNode(' '));
      }
    }
    (tree.children || []).forEach(function (child) { el.appendChild(renderTree(child, doc)); });
    return el;
  }

  /* The first headline's text, for the compact summary that stays in view while the form is edited. */
  function headlineText(tree) {
    if (tree.kind === 'headline' || tree.kind === 'error') return tree.text || '';
    var kids = tree.children || [];
    for (var i = 0; i < kids.length; i++) {
      var found = headlineText(kids[i]);
      if (found) return found;
    }
    return '';
  }

  G.renderTree = renderTree;
  G.headlineText = headlineText;
  if (typeof module === 'object' && module && module.exports) module.exports = G;
}(typeof globalThis !== 'undefined' ? globalThis : this));
