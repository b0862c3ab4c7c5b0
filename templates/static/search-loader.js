/* lawreport search: loading the index and its shards into the engine (search-engine.js).
 *
 * Every index file is a <script> (src/lawreport/search/format.py), so this works from file://.
 * LawreportSearch.loader.index(done) makes the engine from search-index.js; .search(query, only,
 * done) runs engine.search, adding the shards it asks for until it can answer; .shards(keys, done)
 * adds shards (done(failedFile or null)).
 */
(function (global) {
  'use strict';

  var doc = global.document, api = global.LawreportSearch;
  var thisScript = doc.currentScript;
  var siteRoot = thisScript ? new URL('../', thisScript.src).href : '';
  var loader = { engine: null, root: siteRoot };

  function addScript(src, onload, onerror) {
    var s = doc.createElement('script');
    s.src = src;
    s.onload = onload;
    s.onerror = onerror;
    doc.head.appendChild(s);
  }

  loader.index = function (done) {
    var make = function () { loader.engine = loader.engine || new api.Engine(global.__lawreportIndex); done(loader.engine); };
    if (global.__lawreportIndex) { make(); return; }
    addScript(siteRoot + 'search-index.js', make);
  };

  var waiting = new Map();  // shard key -> callbacks of loads in flight
  loader.shards = function (keys, done) {
    var engine = loader.engine, left = keys.length, failed = null;
    if (!left) { done(null); return; }
    keys.forEach(function (key) {
      var finish = function (err) {
        if (err) failed = err;
        if (--left === 0) done(failed);
      };
      if (waiting.has(key)) { waiting.get(key).push(finish); return; }
      waiting.set(key, [finish]);
      var src = siteRoot + engine.ix.shards.dir + key + '.js';
      var settle = function (err) {
        if (!err) engine.add(key, (global.__lawreportShards || {})[key]);
        var callbacks = waiting.get(key);
        waiting.delete(key);
        callbacks.forEach(function (cb) { cb(err); });
      };
      addScript(src, function () { settle(null); }, function () { settle(src); });
    });
  };

  loader.search = function (query, only, done) {
    var found = loader.engine.search(query, api.MAX_RESULTS, only);
    if (!found.missing) { done(found, null); return; }
    loader.shards(found.missing, function (failed) {
      if (failed) done(null, failed); else loader.search(query, only, done);
    });
  };

  api.loader = loader;
})(this);
