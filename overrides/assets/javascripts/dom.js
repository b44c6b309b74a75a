/* Guantong's small DOM helpers, shared by finder.js and the pocket file's pocket.js (a classic script that
 * loads before them; generator/finder.py SCRIPTS, the check page's scripts, pocket.py).
 *   Guantong.el(tag, className, text)  a new element; text only ever as textContent
 *   Guantong.fill(template, values)    "{name}" placeholders filled in; unknown ones are left as they are
 */
(function (root) {
  "use strict";

  var G = root.Guantong = root.Guantong || {};

  G.el = function (tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  };

  G.fill = function (template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  };
}(typeof globalThis !== "undefined" ? globalThis : this));
