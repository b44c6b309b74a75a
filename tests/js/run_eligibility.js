// Runs the JavaScript eligibility engine over many profiles in one process, for the Python tests.
// stdin: {"rules": <rules document>, "profiles": [<profile>, ...], "today": "YYYY-MM-DD" or absent}
// stdout: [<result>, ...] in the same order (JSON).
'use strict';
const path = require('path');
const engine = require(path.join(__dirname, '..', '..', 'overrides', 'assets', 'javascripts', 'eligibility.js'));

require('./json_io.js')(({ rules, profiles, today }) =>
  profiles.map((profile) => engine.evaluate(rules, profile, today || undefined)));
