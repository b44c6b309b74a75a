// Runs the finder's pure search (overrides/assets/javascripts/finder-search.js) over many queries in one
// process, for the Python tests (tests/test_finder_queries.py).
// argv: <lunr.js> <finder-index.js> <finder-lang.js> (the data scripts, run in order)   stdin: ["query", ...]
// stdout: [{items: [{kind, slug|clause|row}], related: [slug]} | null, ...] in the same order (JSON).
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [lunrPath, ...dataPaths] = process.argv.slice(2);
const sandbox = {};
sandbox.globalThis = sandbox;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(lunrPath, 'utf8') + '\n;globalThis.lunr = lunr;', sandbox);
for (const p of dataPaths) vm.runInContext(fs.readFileSync(p, 'utf8'), sandbox);
const create = require(path.join(__dirname, '..', '..', 'overrides', 'assets', 'javascripts', 'finder-search.js'));
const engine = create(sandbox.GuantongFinder, sandbox.lunr);

function brief(it) {
  const out = {kind: it.kind};
  if (it.doc && it.doc.slug) out.slug = it.doc.slug;
  if (it.id) out.clause = it.id;
  if (it.row) out.row = it.row.id;
  if (it.via) out.via = it.via.zh;
  return out;
}

require('./json_io.js')((queries) => queries.map((q) => {
  const a = engine.search(q);
  return a && {items: a.items.map(brief), related: a.related.map((d) => d.slug)};
}));
