// Runs the real search.js engine under node for the Python tests.
// usage: node harness.js INDEX.js SEARCH.js < [{"query": "...", "script": "zh-Hans", "limit": 10}]
'use strict';
const fs = require('fs'), vm = require('vm'), path = require('path');
const [indexPath, enginePath] = process.argv.slice(2);
const ctx = { window: {} };
vm.runInNewContext(fs.readFileSync(indexPath, 'utf8'), ctx);
const { Engine } = require(path.resolve(enginePath));
const engine = new Engine(ctx.window.__lawreportIndex);
const queries = JSON.parse(fs.readFileSync(0, 'utf8'));
const out = queries.map((q) => {
  if (q.dump) return engine.ix.text.map((_, d) => engine.text(d, q.dump));  // every doc in one script
  if (q.parse !== undefined) return engine.parse(q.parse);
  const found = engine.search(q.query, q.limit || 10);
  return {
    terms: found.terms,
    mode: found.mode,
    results: found.results.map((r) => {
      const doc = engine.docs[r.doc];
      return {
        report: engine.ix.reports[doc[0]][0], score: r.score,
        id: engine.url(r.doc).split('/').slice(-2)[0],  // section id, or full-text for the preamble
        breadcrumb: engine.breadcrumb(r.doc, q.script),
        ...engine.snippet(r.doc, found.terms, q.script),
      };
    }),
  };
});
process.stdout.write(JSON.stringify(out));
