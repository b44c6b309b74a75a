/*
 * What the check prints (issue 12): the answer in full, and in the online build its address and a QR code.
 *
 * - The answer's folded parts (<details>: the paths met, those not met, reminders …) are opened for the
 *   print and closed again after it, in either build.
 * - overrides/main.html prints every page's address with a QR code made at build time. The check's address
 *   also holds the answers (check.js keeps them in the query string), and an answer depends on the day it
 *   was worked out: so before printing, this script writes the address of the answer — the page's canonical
 *   address, the answers and `date` (the day the engine counted to, unless the reader gave one) — into the
 *   print block, and draws its QR code with qrcode-generator (assets/javascripts/qrcode.js, copied from
 *   node_modules by the MkDocs hook generator/print_hooks.py). The encoder is fetched only once the page
 *   holds an answer, when the browser is idle after load (never in the first view); until it has arrived, a
 *   print shows the address without a QR code rather than the QR code of the empty form. Offline pages print
 *   no address (there is none).
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var BORDER = 2;  /* modules of quiet zone, as generator/printing.py's segno QR codes */
  var answer = document.getElementById('gt-check-summary');
  var opened = [];
  if (answer) {
    window.addEventListener('beforeprint', function () {
      Array.prototype.forEach.call(answer.querySelectorAll('details:not([open])'), function (d) {
        d.open = true;
        opened.push(d);
      });
    });
    window.addEventListener('afterprint', function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });
  }

  var block = document.querySelector('.gt-print-address');
  var G = window.Guantong;
  var doc = window.GuantongRules;
  if (!block || !G || !G.form || !G.evaluate || !doc) return;
  var urlNode = block.querySelector('[data-gt-print-url]');
  var canonical = urlNode.textContent.split('?')[0];
  var meta = document.querySelector('meta[name="guantong"]');
  var base = ((meta && meta.getAttribute('data-base')) || '.').replace(new RegExp('/+$'), '');
  var requested = false;

  /* The canonical address with the answers the page's address holds, and the date they were checked for. */
  function address() {
    var answers = G.form.answers(window.location.search);
    var state = G.form.profile(doc, answers);
    if (!state.query) return canonical;
    if (state.profile.date === undefined) {
      answers.date = G.evaluate(doc, state.profile).date || G.todayIn(doc.policy.timezone);
      state = G.form.profile(doc, answers);
    }
    return canonical + '?' + state.query;
  }

  /* An SVG QR code of `text` drawn like segno's (error correction M, one unit per module, scaled by CSS). */
  function qrSvg(text) {
    var qr = window.qrcode(0, 'M');
    qr.addData(text, 'Byte');
    qr.make();
    var n = qr.getModuleCount();
    var size = n + 2 * BORDER;
    var d = [];
    for (var row = 0; row < n; row++) {
      for (var col = 0; col < n;) {
        if (!qr.isDark(row, col)) { col++; continue; }
        var start = col;
        while (col < n && qr.isDark(row, col)) col++;
        d.push('M' + (start + BORDER) + ' ' + (row + BORDER) + 'h' + (col - start) + 'v1h' + (start - col) + 'z');
      }
    }
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + size + ' ' + size);
    svg.setAttribute('class', 'gt-qr');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', text);
    var light = document.createElementNS(SVG, 'path');
    light.setAttribute('fill', '#fff');
    light.setAttribute('d', 'M0 0h' + size + 'v' + size + 'h-' + size + 'z');
    var dark = document.createElementNS(SVG, 'path');
    dark.setAttribute('fill', '#000');
    dark.setAttribute('d', d.join(''));
    svg.appendChild(light);
    svg.appendChild(dark);
    return svg;
  }

  function load() {
    if (requested || window.qrcode) return;
    requested = true;
    var s = document.createElement('script');
    s.src = base + '/assets/javascripts/qrcode.js';
    document.head.appendChild(s);
  }

  function loadWhenIdle() {
    if (window.requestIdleCallback) window.requestIdleCallback(load, { timeout: 300 });
    else window.setTimeout(load, 200);
  }

  function beforePrint() {
    var url = address();
    urlNode.textContent = url;
    var old = block.querySelector('svg.gt-qr');
    if (window.qrcode && window.qrcode.stringToBytesFuncs) {
      window.qrcode.stringToBytes = window.qrcode.stringToBytesFuncs['UTF-8'];
      var svg = qrSvg(url);
      if (old) old.parentNode.replaceChild(svg, old);
      else block.appendChild(svg);
    } else if (old && url !== canonical) {
      old.parentNode.removeChild(old);  /* the QR code of the empty form would be wrong */
      load();  /* for the next print */
    }
  }

  window.addEventListener('beforeprint', beforePrint);
  var form = document.getElementById('gt-check-form');
  if (form) {
    form.addEventListener('change', loadWhenIdle);
    form.addEventListener('input', loadWhenIdle);
  }
  if (window.location.search.length > 1) {
    if (document.readyState === 'complete') loadWhenIdle();
    else window.addEventListener('load', loadWhenIdle);
  }
}());
