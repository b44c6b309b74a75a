// How the Python tests talk to the Node runners: one JSON value in on stdin, one JSON value out on stdout.
'use strict';

module.exports = function answerJson(answer) {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { input += chunk; });
  process.stdin.on('end', () => { process.stdout.write(JSON.stringify(answer(JSON.parse(input)))); });
};
