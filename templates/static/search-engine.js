/* lawreport full-text search: the query engine (parsing, ranking, snippets). No DOM: it runs
 * under node for the tests as well as in the page (search-loader.js feeds it, search-page.js
 * shows its results, search-highlight.js uses its normalisation).
 *
 * search-results.js adds what showing a result needs (texts in either script, snippets,
 * breadcrumbs, links). The index format is written down once, in src/lawreport/search/format.py. A big collection's
 * index is split: then search-index.js is a manifest and the engine asks for the shards a query
 * needs (postings of its terms, per-document figures for ranking, n-gram tables and scan files for
 * the substring fallback, text blocks of the results shown).
 *
 * Queries get the same normalisation as the indexed text (Traditional -> Simplified with the
 * index's OpenCC-derived table, width folding, lower case) and the same token grammar: both come
 * from the index (``grammar``, written from src/lawreport/search/grammar.py), so the browser
 * cannot read a query differently from the way the index was cut. CJK runs are segmented by
 * longest match against the index's own vocabulary. Words not in the vocabulary, and quoted
 * phrases, are matched as substrings of the (normalised) document texts.
 */
(function (global) {
  'use strict';

  var K1 = 1.2, B = 0.75;          // BM25
  var TITLE_BOOST = 3;             // a hit in a heading counts as this many hits in a body
  var PROXIMITY = 1.5;             // bonus for adjacent terms, decaying with the gap
  var MAX_RESULTS = 50;
  var PAGE = 20;                   // results shown at once (snippet text loads for these only)

  /* The index's grammar (src/lawreport/search/grammar.py) as regular expressions and a folder. */
  function Grammar(g) {
    this.run = new RegExp(g.run, 'g');
    this.quoted = new RegExp(g.quoted, 'g');
    this.unitsAtEnd = new RegExp('[' + g.units + ']+$');
    this.first = g.width[0]; this.last = g.width[1]; this.shift = g.width[2]; this.space = g.width[3];
  }

  /* normalise.fold: full-width ASCII and the ideographic space to ASCII, ASCII lower-cased. */
  Grammar.prototype.foldChar = function (ch) {
    var code = ch.charCodeAt(0);
    if (code >= this.first && code <= this.last) code -= this.shift;
    else if (code === this.space) return ' ';
    else if (code >= 0x80) return ch;
    return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : String.fromCharCode(code);
  };

  function pairsToMap(pair) {
    var map = new Map(), from = Array.from(pair[0]), to = Array.from(pair[1]);
    for (var i = 0; i < from.length; i++) map.set(from[i], to[i]);
    return map;
  }

  function Engine(ix) {
    this.ix = ix;
    this.grammar = new Grammar(ix.grammar);
    this.sharded = !!ix.shards;
    this.t2s = pairsToMap(ix.t2s);
    this.s2t = pairsToMap(ix.s2t);
    this.stop = new Set(ix.stop);
    this.vocab = new Map();
    this.maxLen = 1;
    for (var i = 0; i < ix.terms.length; i++) {
      this.vocab.set(ix.terms[i], i);
      this.maxLen = Math.max(this.maxLen, ix.terms[i].length);
    }
    this.stop.forEach(function (w) { this.maxLen = Math.max(this.maxLen, w.length); }, this);
    this.postCache = new Map();
    this.hantCache = new Map();
    this.have = new Set();           // shards added (sharded index only)
    this.grams = new Map();          // n-gram shard key -> {every, some}
    if (!this.sharded) {
      this.setDocs(ix.docs);
      this.sid = ix.docs.map(function (d) { return d[1]; });
      this.texts = ix.text;
      this.hants = ix.hant;
      this.post = ix.post;
      this.folded = ix.text.map(this.fold, this);
      return;
    }
    this.n = ix.n;
    this.docs = null;
    this.sid = [];
    this.texts = [];
    this.hants = [];
    this.folded = [];
    this.post = [];
  }

  Engine.prototype.setDocs = function (docs) {
    this.docs = docs;
    this.n = docs.length;
    this.children = docs.map(function () { return []; });
    var total = 0;
    for (var d = 0; d < this.n; d++) {
      if (docs[d][2] >= 0) this.children[docs[d][2]].push(d);
      total += docs[d][4];
    }
    this.avgLen = Math.max(1, total / Math.max(1, this.n));
  };

  /* ---- shards: which a query needs, and taking one in -------------------------------------- */

  Engine.prototype.termShard = function (term) {
    var starts = this.ix.shards.terms, at = this.vocab.get(term), lo = 0, hi = starts.length - 1;
    while (lo < hi) {  // last shard starting at or before the term
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid; else hi = mid - 1;
    }
    return 't' + lo;
  };

  /* Every text, for the substring fallback: the few big scan files. */
  Engine.prototype.allScans = function () {
    var keys = [];
    for (var k = 0; k < this.ix.shards.scans; k++) keys.push('s' + k);
    return keys;
  };

  /* Shards not yet added among ``keys`` (always none for a single-file index). */
  Engine.prototype.missing = function (keys) {
    if (!this.sharded) return [];
    var seen = new Set();
    return keys.filter(function (k) {
      if (this.have.has(k) || seen.has(k)) return false;
      seen.add(k);
      return true;
    }, this);
  };

  /* What ranking in ``mode`` needs: postings of the indexed terms, or every text to scan. */
  Engine.prototype.rankNeeds = function (terms, mode) {
    if (!this.sharded) return [];
    var keys = ['meta'], scanned = [];
    terms.forEach(function (t) {
      if (t.kind !== 'vocab' || mode !== 'index') scanned.push(t.text);  // matched as a substring
      else keys.push(this.termShard(t.text));
    }, this);
    if (scanned.length) {
      var tables = [];
      scanned.forEach(function (text) {
        this.gramsOf(text).forEach(function (gram) { tables.push(this.gramShard(gram)); }, this);
      }, this);
      keys = keys.concat(tables);
      if (!this.missing(tables).length) scanned.forEach(function (text) { keys = keys.concat(this.scanFiles(text)); }, this);
    }
    return this.missing(keys);
  };

  /* What the n-gram table is looked up by for a substring: its pairs of adjacent characters, or
   * its one character (shards.grams_of; by code point, as Python counts). */
  Engine.prototype.gramsOf = function (text) {
    var chars = Array.from(text), out = [];
    if (chars.length === 1) return chars;
    for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    return out;
  };

  /* format.gram_bucket: the n-gram shard holding ``gram``. */
  Engine.prototype.gramShard = function (gram) {
    var h = 0, n = this.ix.shards.grams;
    Array.from(gram).forEach(function (ch) { h = (h * 31 + ch.codePointAt(0)) % n; });
    return 'g' + h;
  };

  /* The scan files that can hold ``text``: those holding every one of its n-grams. */
  Engine.prototype.scanFiles = function (text) {
    var scans = this.ix.shards.scans, files = null;
    this.gramsOf(text).forEach(function (gram) {
      var part = this.grams.get(this.gramShard(gram)), here;
      if (part.every.has(gram)) return;
      var listed = part.some.get(gram) || [];
      if (listed[0] === -1) {  // all but these
        var not = new Set(listed.slice(1));
        here = new Set();
        for (var k = 0; k < scans; k++) if (!not.has(k)) here.add(k);
      } else here = new Set(listed);
      files = files ? new Set(Array.from(files).filter(function (k) { return here.has(k); })) : here;
    }, this);
    if (!files) return this.allScans();
    return Array.from(files).sort(function (a, b) { return a - b; }).map(function (k) { return 's' + k; });
  };

  /* Text blocks that snippets and breadcrumbs of these results read: each result's section with
   * its items, and the sections above it. */
  Engine.prototype.showNeeds = function (results) {
    if (!this.sharded) return [];
    var keys = [], size = this.ix.shards.block;
    results.forEach(function (r) {
      this.subtree(r.doc, []).forEach(function (x) { keys.push('d' + Math.floor(x / size)); });
      for (var p = this.docs[r.doc][2]; p >= 0; p = this.docs[p][2]) keys.push('d' + Math.floor(p / size));
    }, this);
    return this.missing(keys);
  };

  Engine.prototype.add = function (key, data) {
    if (this.have.has(key) || !data) return;
    this.have.add(key);
    if (key === 'meta') {
      var docs = [], report = 0, left = data.reports[0] || 0, m = data.docs;
      for (var d = 0, i = 0; i < m.length; d++, i += 3) {
        while (!left) left = data.reports[++report];
        left--;
        docs.push([report, null, m[i] ? d - m[i] : -1, m[i + 1], m[i + 2]]);
      }
      this.setDocs(docs);
    } else if (key[0] === 'g') {
      var some = new Map(Object.entries(data));
      some.delete('every');
      this.grams.set(key, { every: new Set(data.every), some: some });
    } else if (key[0] === 't') {
      var start = this.ix.shards.terms[+key.slice(1)];
      for (var j = 0; j < data.length; j++) this.post[start + j] = data[j];
    } else {
      var shards = this.ix.shards, first = +key.slice(1) * (key[0] === 's' ? shards.scan : shards.block);
      if (key[0] === 's') {  // a scan file holds whole text blocks
        for (var b = first / shards.block; b < (first + data.text.length) / shards.block; b++) this.have.add('d' + b);
      }
      for (var k = 0; k < data.text.length; k++) {
        this.sid[first + k] = data.ids[k];
        this.texts[first + k] = data.text[k];
        this.hants[first + k] = data.hant[k];
        this.folded[first + k] = this.fold(data.text[k]);
      }
    }
  };

  /* Query and page text -> the index's normal form; one character to one character. */
  Engine.prototype.normalise = function (text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      out += this.grammar.foldChar(this.t2s.get(ch) || ch);
    }
    return out;
  };
  Engine.prototype.fold = function (text) {
    var out = '';
    for (var i = 0; i < text.length; i++) out += this.grammar.foldChar(text[i]);
    return out;
  };

  /* Query string -> [{text, kind: 'vocab' | 'sub' | 'phrase'}], duplicates removed. */
  Engine.prototype.parse = function (query) {
    var self = this, terms = [], seen = new Set();
    function add(text, kind) {
      if (!text || seen.has(text)) return;
      seen.add(text);
      terms.push({ text: text, kind: kind });
    }
    var g = this.grammar;
    var rest = query.replace(g.quoted, function (_, phrase) {
      var p = self.normalise(phrase).trim();
      if (p.length > 1 || (p && !self.stop.has(p))) add(p, 'phrase');
      return ' ';
    });
    var q = this.normalise(rest), m;
    g.run.lastIndex = 0;
    while ((m = g.run.exec(q)) !== null) {
      var run = m[0];
      if (/^[0-9]/.test(run)) {
        var bare = run.replace(g.unitsAtEnd, '');
        add(this.vocab.has(run) ? run : this.vocab.has(bare) ? bare : run,
            this.vocab.has(run) || this.vocab.has(bare) ? 'vocab' : 'sub');
      } else if (/^[a-z]/.test(run)) {
        add(run, this.vocab.has(run) ? 'vocab' : 'sub');
      } else {
        this.segment(run).forEach(function (t) { add(t.text, t.kind); });
      }
    }
    return terms;
  };

  /* Longest match against vocabulary + stop words; unmatched characters become substring terms. */
  Engine.prototype.segment = function (run) {
    var out = [], oov = '', i = 0;
    while (i < run.length) {
      var found = 0;
      for (var len = Math.min(this.maxLen, run.length - i); len >= 1; len--) {
        var w = run.substr(i, len);
        if ((len > 1 && this.vocab.has(w)) || this.stop.has(w)) { found = len; break; }
      }
      if (!found) { oov += run[i]; i++; continue; }
      if (oov) { out.push({ text: oov, kind: 'sub' }); oov = ''; }
      var word = run.substr(i, found);
      if (!this.stop.has(word)) out.push({ text: word, kind: 'vocab' });
      i += found;
    }
    if (oov) out.push({ text: oov, kind: 'sub' });
    return out;
  };

  /* term -> Map(doc -> sorted offsets in the doc's text). */
  Engine.prototype.postings = function (term) {
    var hit = this.postCache.get(term);
    if (hit) return hit;
    var map = new Map(), flat = this.post[this.vocab.get(term)], doc = 0, i = 0;
    while (i < flat.length) {
      doc += flat[i];
      var tf = flat[i + 1], pos = [], p = 0;
      for (var j = 0; j < tf; j++) { p += flat[i + 2 + j]; pos.push(p); }
      map.set(doc, pos);
      i += 2 + tf;
    }
    this.postCache.set(term, map);
    return map;
  };

  Engine.prototype.scan = function (text) {
    var map = new Map();
    for (var d = 0; d < this.n; d++) {
      var s = this.folded[d];
      if (s === undefined) continue;  // a scan file not loaded: it lacks one of text's characters
      var pos = [], at = s.indexOf(text);
      while (at >= 0) { pos.push(at); at = s.indexOf(text, at + text.length); }
      if (pos.length) map.set(d, pos);
    }
    return map;
  };

  Engine.prototype.matches = function (term, scanAll) {
    return term.kind === 'vocab' && !scanAll ? this.postings(term.text) : this.scan(term.text);
  };

  Engine.prototype.subtree = function (d, out) {
    out.push(d);
    var kids = this.children[d];
    for (var i = 0; i < kids.length; i++) this.subtree(kids[i], out);
    return out;
  };

  /* Smallest gap between an occurrence of a and one of b (b expected after a). */
  function gap(posA, lenA, posB, lenB) {
    var best = Infinity;
    for (var i = 0; i < posA.length; i++) {
      for (var j = 0; j < posB.length; j++) {
        // in order: characters between a's end and b; reversed order costs 2 more
        var g = posB[j] >= posA[i] ? posB[j] - (posA[i] + lenA) : posA[i] - (posB[j] + lenB) + 2;
        best = Math.min(best, Math.max(0, g));
      }
    }
    return best;
  }

  /* Rank: BM25 over each section's subtree (own text + descendants), heading boost, proximity,
   * then drop a section whose hits all lie in a single child (the child is the better answer). */
  Engine.prototype.rank = function (terms, mode, only) {
    var self = this, scanAll = mode !== 'index';
    var hits = terms.map(function (t) { return self.matches(t, scanAll); });
    var idf = hits.map(function (h) {
      return Math.log(1 + (self.n - h.size + 0.5) / (h.size + 0.5));
    });
    // only a document with a hit, or above one, can match: the others score nothing
    var candidates = new Set();
    hits.forEach(function (h) {
      h.forEach(function (_, x) {
        for (; x >= 0 && !candidates.has(x); x = self.docs[x][2]) candidates.add(x);
      });
    });
    candidates = Array.from(candidates).sort(function (a, b) { return a - b; });
    var scored = new Map(), none = { matched: 0 };
    for (var c = 0; c < candidates.length; c++) {
      var d = candidates[c];
      if (only !== undefined && only !== null && this.docs[d][0] !== only) continue;
      var docs = this.subtree(d, []);
      var matched = 0, score = 0, len = 0, own = 0;
      for (var k = 0; k < docs.length; k++) len += this.docs[docs[k]][4];
      len = Math.max(1, len);
      for (var t = 0; t < terms.length; t++) {
        var tf = 0, title = 0;
        for (var x = 0; x < docs.length; x++) {
          var pos = hits[t].get(docs[x]);
          if (!pos) continue;
          tf += pos.length;
          if (docs[x] === d) {
            own += pos.length;
            for (var p = 0; p < pos.length; p++) if (pos[p] < this.docs[d][3]) title++;
          }
        }
        // in OR mode a lone character matched as a substring is too weak to count on its own
        if (!tf || (mode === 'or' && terms[t].kind === 'sub' && terms[t].text.length < 2)) continue;
        matched++;
        var w = tf + (TITLE_BOOST - 1) * title;
        score += idf[t] * w * (K1 + 1) / (w + K1 * (1 - B + B * len / this.avgLen));
      }
      scored.set(d, { doc: d, score: score, matched: matched, own: own, docs: docs });
    }
    var results = [];
    scored.forEach(function (r) {
      if (!r.matched || (mode !== 'or' && r.matched < terms.length)) return;
      // the most specific section: a child that matches as many terms holds all the hits that count
      if (!r.own && self.children[r.doc].some(function (c) { return (scored.get(c) || none).matched === r.matched; })) return;
      var score = r.score + self.proximity(terms, hits, r.docs);
      if (mode === 'or') score *= r.matched / terms.length;
      results.push({ doc: r.doc, score: score, matched: r.matched });
    });
    results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return results;
  };

  Engine.prototype.proximity = function (terms, hits, docs) {
    var bonus = 0;
    for (var t = 0; t + 1 < terms.length; t++) {
      var best = Infinity;
      for (var x = 0; x < docs.length; x++) {
        var a = hits[t].get(docs[x]), b = hits[t + 1].get(docs[x]);
        if (a && b) best = Math.min(best, gap(a, terms[t].text.length, b, terms[t + 1].text.length));
      }
      if (best < Infinity) bonus += PROXIMITY / (1 + best / 4);
    }
    return bonus;
  };

  /* Full search: AND over the index, then AND by substring (the reader's words cut differently
   * from the text's), then OR; ``only``: a report's number, to search that report alone.
   * Returns {terms, mode, results}, or {missing: [shard keys]} when a sharded index lacks what
   * the next step needs (add them and search again: the answer is the same as in one file). */
  Engine.prototype.search = function (query, limit, only) {
    var terms = this.parse(query || '');
    var out = { terms: terms, mode: 'and', results: [] };
    if (!terms.length) return out;
    var modes = ['index', 'scan', 'or'];
    for (var i = 0; i < modes.length; i++) {
      if (modes[i] === 'or' && terms.length < 2) break;
      var missing = this.rankNeeds(terms, modes[i]);
      if (missing.length) return { missing: missing };
      var results = this.rank(terms, modes[i], only);
      if (results.length) {
        out.mode = modes[i] === 'or' ? 'or' : 'and';
        out.results = results.slice(0, limit || MAX_RESULTS);
        break;
      }
    }
    return out;
  };

  Engine.MAX_RESULTS = MAX_RESULTS;
  var api = { Engine: Engine, PAGE: PAGE, MAX_RESULTS: MAX_RESULTS };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else global.LawreportSearch = api;
})(this);
