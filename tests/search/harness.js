// Runs the real search engine (search-engine.js) under node for the Python tests.
// usage: node harness.js INDEX.js SEARCH.js < [{"query": "...", "script": "zh-Hans", "limit": 10, "only": 0, "rankOnly": false}]
// A sharded index (search-index.js is then a manifest) reads its shards from beside it, as the
// browser would; the output also lists the shards each query loaded.
'use strict';
const fs = require('fs'), vm = require('vm'), path = require('path');
const [indexPath, enginePath] = process.argv.slice(2);
const ctx = { window: {} };
vm.runInNewContext(fs.readFileSync(indexPath, 'utf8'), ctx);
const { Engine } = require(path.resolve(enginePath));
const engine = new Engine(ctx.window.__lawreportIndex);
let loaded = [];

function add(keys) {
  keys.forEach((key) => {
    const file = path.join(path.dirname(indexPath), engine.ix.shards.dir, key + '.js');
    vm.runInContext(fs.readFileSync(file, 'utf8'), vm.createContext(ctx));
    engine.add(key, ctx.window.__lawreportShards[key]);
    loaded.push(key);
  });
}

function search(q) {
  for (;;) {
    const found = engine.search(q.query, q.limit || 10, q.only);
    if (!found.missing) return found;
    add(found.missing);
  }
}

const queries = JSON.parse(fs.readFileSync(0, 'utf8'));
const out = queries.map((q) => {
  loaded = [];
  if (q.dump) {
    if (engine.sharded) add(engine.missing(engine.allScans()));
    return engine.texts.map((_, d) => engine.text(d, q.dump));  // every doc in one script
  }
  if (q.parse !== undefined) return engine.parse(q.parse);
  if (q.examples) return engine.examples(q.examples);
  const found = search(q);
  if (q.rankOnly) return { loaded: loaded, results: found.results };
  add(engine.showNeeds(found.results));  // text for snippets and breadcrumbs
  return {
    terms: found.terms,
    mode: found.mode,
    loaded: loaded,
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
