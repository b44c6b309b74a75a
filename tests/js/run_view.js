// Runs the check's pure layers in Node (no DOM): the form layer, the engine and the view.
// stdin: {"rules": <rules document>, "labels": {zh: <labels>, en: <labels>}, "runs": [{query | profile, lang, today}]}
// stdout: [{profile, query, result, tree, visible}, ...] (JSON).
'use strict';
const path = require('path');
const dir = path.join(__dirname, '..', '..', 'overrides', 'assets', 'javascripts');
const G = require(path.join(dir, 'eligibility.js'));
require(path.join(dir, 'check-form.js'));
require(path.join(dir, 'check-names.js'));
require(path.join(dir, 'check-view.js'));

require('./json_io.js')(({ rules, labels, runs }) =>
  runs.map((run) => {
    const state = run.query !== undefined ? G.form.profile(rules, G.form.answers(run.query)) : { profile: run.profile, query: null };
    const result = G.evaluate(rules, state.profile, run.today || undefined);
    const tree = G.view(rules, result, state.profile, run.lang, labels[run.lang]);
    return { profile: state.profile, query: state.query, result, tree, visible: G.visibleFields(rules, result) };
  }));
