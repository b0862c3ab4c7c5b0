/* lawreport full-text search: query engine + search page + term highlighting on section pages.
 *
 * The index (search-index.js, built by src/lawreport/search/index.py) is loaded with a <script>
 * tag, so this works from file://. A big collection's index is split (search/shards.py): then
 * search-index.js is a manifest and the engine asks for the shards a query needs (postings of its
 * terms, per-document figures for ranking, text blocks of the results shown); they are <script>
 * files too, which store their part in window.__lawreportShards.
 *
 * Queries get the same normalisation as the indexed text (Traditional -> Simplified with the
 * index's OpenCC-derived table, width folding, lower case) and are segmented by longest match
 * against the index's own vocabulary, so index and query cannot disagree. Words not in the vocabulary, and quoted phrases, are matched as substrings of the
 * (normalised) document texts the index carries for snippets.
 *
 * Plain JS, no framework. The engine part has no DOM dependency and runs under node (tests).
 * Content is only ever put in the page as text nodes (never innerHTML).
 */
(function (global) {
  'use strict';

  var K1 = 1.2, B = 0.75;          // BM25
  var TITLE_BOOST = 3;             // a hit in a heading counts as this many hits in a body
  var PROXIMITY = 1.5;             // bonus for adjacent terms, decaying with the gap
  var SNIPPET = 70;                // characters in a snippet window
  var MAX_RESULTS = 50;
  var PAGE = 20;                   // results shown at once (snippet text loads for these only)

  var NUMBER = '\\d+(?:[.,]\\d+)*(?:%|‰|万亿|万|亿)?';
  var TOKEN_RUN = new RegExp(NUMBER + '|[a-z]+|[\\u3400-\\u9fff\\uf900-\\ufaff]+', 'g');
  var QUOTED = /["\u201c\u201d\u300c\u300d\u300e\u300f]([^"\u201c\u201d\u300c\u300d\u300e\u300f]*)["\u201c\u201d\u300c\u300d\u300e\u300f]/g;

  function foldChar(ch) {
    var code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) ch = ' ';
    return code < 0x80 || (code >= 0xff01 && code <= 0xff5e) ? ch.toLowerCase() : ch;
  }

  function pairsToMap(pair) {
    var map = new Map(), from = Array.from(pair[0]), to = Array.from(pair[1]);
    for (var i = 0; i < from.length; i++) map.set(from[i], to[i]);
    return map;
  }

  function Engine(ix) {
    this.ix = ix;
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
      keys.push('chars');
      if (this.have.has('chars')) scanned.forEach(function (text) { keys = keys.concat(this.scanFiles(text)); }, this);
    }
    return this.missing(keys);
  };

  /* The scan files that can hold ``text``: those holding each of its characters. */
  Engine.prototype.scanFiles = function (text) {
    var where = this.chars, files = null;
    Array.from(text).forEach(function (ch) {
      var here = where.everywhere.has(ch) ? null : new Set(where.some.get(ch) || []);
      if (here) files = files ? new Set(Array.from(files).filter(function (k) { return here.has(k); })) : here;
    });
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
    } else if (key === 'chars') {
      this.chars = { everywhere: new Set(Array.from(data.everywhere)), some: new Map(Object.entries(data.some)) };
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
      out += foldChar(this.t2s.get(ch) || ch);
    }
    return out;
  };
  Engine.prototype.fold = function (text) {
    var out = '';
    for (var i = 0; i < text.length; i++) out += foldChar(text[i]);
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
    var rest = query.replace(QUOTED, function (_, phrase) {
      var p = self.normalise(phrase).trim();
      if (p.length > 1 || (p && !self.stop.has(p))) add(p, 'phrase');
      return ' ';
    });
    var q = this.normalise(rest), m;
    TOKEN_RUN.lastIndex = 0;
    while ((m = TOKEN_RUN.exec(q)) !== null) {
      var run = m[0];
      if (/^\d/.test(run)) {
        var bare = run.replace(/[%‰万亿]+$/, '');
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

  /* Occurrence intervals [start, end) of the terms in normalised text. */
  function intervals(folded, terms) {
    var spans = [];
    terms.forEach(function (t) {
      var at = folded.indexOf(t.text);
      while (at >= 0) { spans.push([at, at + t.text.length, t.text]); at = folded.indexOf(t.text, at + t.text.length); }
    });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    spans.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) { last[1] = Math.max(last[1], s[1]); last[2].add(s[2]); }
      else merged.push([s[0], s[1], new Set([s[2]])]);
    });
    return merged;
  }

  /* Split text[start:end) into [{text, mark}] segments, marking the given intervals. */
  function segments(text, spans, start, end) {
    var out = [], at = start;
    spans.forEach(function (s) {
      var a = Math.max(s[0], start), b = Math.min(s[1], end);
      if (b <= a || a < at) return;
      if (a > at) out.push({ text: text.slice(at, a), mark: false });
      out.push({ text: text.slice(a, b), mark: true });
      at = b;
    });
    if (at < end) out.push({ text: text.slice(at, end), mark: false });
    return out;
  }

  /* The document's text in the reader's script (zh-Hans or zh-Hant). */
  Engine.prototype.text = function (d, script) {
    var hans = this.texts[d];
    if (script !== 'zh-Hant') return hans;
    if (this.hantCache.has(d)) return this.hantCache.get(d);
    var ex = this.hants[d], out;
    if (typeof ex === 'string') out = ex;
    else {
      var chars = Array.from(hans, function (c) { return this.s2t.get(c) || c; }, this), at = 0;
      for (var i = 0; i < ex.length; i += 2) { at += ex[i]; chars[at] = ex[i + 1]; }
      out = chars.join('');
    }
    this.hantCache.set(d, out);
    return out;
  };

  Engine.prototype.heading = function (d, script) {
    return this.text(d, script).slice(0, this.docs[d][3]);
  };

  Engine.prototype.breadcrumb = function (d, script) {
    if (!this.sid[d]) return [];  // preamble: its title is the report's
    var trail = [], p = this.docs[d][2];
    while (p >= 0) { trail.unshift(this.heading(p, script)); p = this.docs[p][2]; }
    var report = this.ix.reports[this.docs[d][0]];
    trail.unshift(script === 'zh-Hant' ? report[2] : report[1]);
    return trail;
  };

  /* Heading with marks, and a snippet around the densest cluster of hits in the section's own
   * body or, if it has none, in the descendant with the most hits. Segments are plain text. */
  Engine.prototype.snippet = function (d, terms, script) {
    var self = this, best = null;
    this.subtree(d, []).forEach(function (x) {
      var head = self.docs[x][3] + 1, spans = intervals(self.folded[x], terms).filter(function (s) { return s[0] >= head; });
      var distinct = new Set();
      spans.forEach(function (s) { s[2].forEach(function (t) { distinct.add(t); }); });
      distinct = distinct.size;
      var key = [x === d && spans.length ? 1 : 0, distinct, spans.length];
      if (!best || key[0] > best.key[0] || (key[0] === best.key[0] && (key[1] > best.key[1] || (key[1] === best.key[1] && key[2] > best.key[2])))) {
        best = { doc: x, spans: spans, key: key, head: head };
      }
    });
    var text = this.text(best.doc, script), aligned = text.length === this.texts[best.doc].length;
    if (!aligned) text = this.texts[best.doc];
    var body = Math.min(best.head, text.length), start = body;
    if (best.spans.length) {
      var top = -1, topStart = body;
      best.spans.forEach(function (s, i) {
        var inWin = new Set(), count = 0;
        for (var j = i; j < best.spans.length && best.spans[j][1] <= s[0] + SNIPPET - 15; j++) {
          best.spans[j][2].forEach(function (t) { inWin.add(t); });
          count++;
        }
        var score = inWin.size * 100 + count;
        if (score > top) { top = score; topStart = s[0]; }
      });
      start = Math.max(body, topStart - 15);
    }
    var end = Math.min(text.length, start + SNIPPET);
    best.spans.forEach(function (s) { if (s[0] < end && s[1] > end) end = s[1]; });  // never cut a mark
    var headSpans = intervals(this.folded[d], terms).filter(function (s) { return s[1] <= self.docs[d][3]; });
    var report = this.ix.reports[this.docs[d][0]];
    return {
      doc: best.doc,
      title: this.sid[d] ? segments(this.heading(d, script), headSpans, 0, this.docs[d][3])
        : [{ text: script === 'zh-Hant' ? report[2] : report[1], mark: false }],
      before: start > body, after: end < text.length,
      snippet: segments(text, best.spans, start, end)
    };
  };

  /* Words to suggest: the longest-standing topics of the collection (most documents, 3+ chars). */
  Engine.prototype.examples = function (n) {
    if (this.sharded) return this.ix.examples.slice(0, n);  // counted at build time over all postings
    var self = this, df = this.ix.terms.map(function (t, i) {
      var flat = self.ix.post[i], docs = 0;
      for (var j = 0; j < flat.length; j += 2 + flat[j + 1]) docs++;
      return [t, docs];
    }).filter(function (x) { return x[0].length >= 3 && !/^[\d.,%]/.test(x[0]); });
    df.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
    return df.slice(0, n).map(function (x) { return x[0]; });
  };

  /* Simplified text shown in the reader's script, character by character (for suggestions). */
  Engine.prototype.display = function (text, script) {
    if (script !== 'zh-Hant') return text;
    return Array.from(text, function (c) { return this.s2t.get(c) || c; }, this).join('');
  };

  Engine.prototype.url = function (d) {
    var report = this.ix.reports[this.docs[d][0]], section = this.sid[d];
    return section ? this.ix.url.replace('{report}', report[0]).replace('{section}', section) : report[3];
  };

  var api = { Engine: Engine, segments: segments, intervals: intervals, PAGE: PAGE };
  if (typeof module !== 'undefined' && module.exports) { module.exports = api; return; }
  global.LawreportSearch = api;

  /* ---------------------------------------------------------------- browser UI ---------- */

  var doc = global.document;
  var SCRIPT = /hant|tw|hk/i.test(doc.documentElement.lang || '') ? 'zh-Hant' : 'zh-Hans';
  var T = SCRIPT === 'zh-Hant' ? {
    count: function (n) { return '找到 ' + n + ' 個章節'; },
    any: '沒有同時包含全部詞語的章節，以下章節包含其中部分詞語。',
    none: '沒有找到相關章節。',
    hints: ['試試更短的詞語，或去掉引號；', '繁體和簡體查詢結果相同。', '例如：'],
    loading: '正在載入索引…',
    failed: '無法載入搜尋索引檔案：'
  } : {
    count: function (n) { return '找到 ' + n + ' 个章节'; },
    any: '没有同时包含全部词语的章节，以下章节包含其中部分词语。',
    none: '没有找到相关章节。',
    hints: ['试试更短的词语，或去掉引号；', '繁体和简体查询结果相同。', '例如：'],
    loading: '正在加载索引…',
    failed: '无法加载搜索索引文件：'
  };
  var thisScript = doc.currentScript;
  var siteRoot = thisScript ? new URL('../', thisScript.src).href : '';
  var engine = null;

  function addScript(src, onload, onerror) {
    var s = doc.createElement('script');
    s.src = src;
    s.onload = onload;
    s.onerror = onerror;
    doc.head.appendChild(s);
  }

  function loadIndex(done) {
    if (global.__lawreportIndex) { engine = engine || new Engine(global.__lawreportIndex); done(); return; }
    addScript(siteRoot + 'search-index.js', function () { engine = new Engine(global.__lawreportIndex); done(); });
  }

  /* Shards of a sharded index, each a <script> (works from file://); done(failedFile or null). */
  var waiting = new Map();  // shard key -> callbacks of loads in flight
  function loadShards(keys, done) {
    var left = keys.length, failed = null;
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
  }

  /* engine.search, loading the shards it asks for until it can answer. */
  function searchLoaded(query, only, done) {
    var found = engine.search(query, MAX_RESULTS, only);
    if (!found.missing) { done(found, null); return; }
    loadShards(found.missing, function (failed) {
      if (failed) done(null, failed); else searchLoaded(query, only, done);
    });
  }

  function el(tag, cls, children) {
    var node = doc.createElement(tag);
    if (cls) node.className = cls;
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c); });
    return node;
  }

  function marked(segs) {
    return segs.map(function (s) { return s.mark ? el('mark', null, [s.text]) : doc.createTextNode(s.text); });
  }

  function searchPage(app) {
    var input = doc.getElementById('search-input');
    var list = doc.getElementById('search-results');
    var status = doc.getElementById('search-status');
    var picker = doc.getElementById('search-report');  // all reports, or one
    var more = doc.getElementById('search-more');
    var scriptRoot = app.getAttribute('data-script-root') || '';
    var timer = null, selected = -1, runs = 0, openFirst = 0;

    function select(i) {
      var items = list.querySelectorAll('li');
      if (!items.length) return;
      selected = Math.max(0, Math.min(items.length - 1, i));
      items.forEach(function (li, j) { li.classList.toggle('selected', j === selected); });
      items[selected].querySelector('a').focus();
    }

    function links(label, queries) {
      var li = el('li', null, [label]);
      queries.forEach(function (q, i) {
        var a = el('a', null, [engine.display(q, SCRIPT)]);
        a.href = '?q=' + encodeURIComponent(q);
        if (i) li.appendChild(doc.createTextNode('、'));
        li.appendChild(a);
      });
      return li;
    }

    // (a query with several words never ends here while one of them finds something on its
    // own: the OR fallback shows those sections)
    function noResults() {
      var p = el('div', 'search-none', [el('p', null, [T.none])]);
      var ul = el('ul');
      ul.appendChild(el('li', null, [T.hints[0]]));
      ul.appendChild(el('li', null, [T.hints[1]]));
      ul.appendChild(links(T.hints[2], engine.examples(4)));
      p.appendChild(ul);
      return p;
    }

    function address(query) {
      var report = picker && picker.value;
      return (query ? '?q=' + encodeURIComponent(query) : '?') + (report ? (query ? '&' : '') + 'r=' + encodeURIComponent(report) : '');
    }

    function keepQueryInToggle(query) {
      // the script toggle in the header leads to the same search in the other script
      var toggle = doc.querySelector('a.script-toggle');
      var where = address(query);
      if (toggle) toggle.href = toggle.href.split('?')[0] + (where === '?' ? '' : where);
    }

    function reportNumber() {
      var id = picker && picker.value;
      if (!id) return null;
      for (var i = 0; i < engine.ix.reports.length; i++) if (engine.ix.reports[i][0] === id) return i;
      return null;
    }

    function showMore(found, from, h, token) {
      var page = found.results.slice(from, from + PAGE);
      if (more) more.hidden = true;
      loadShards(engine.showNeeds(page), function (failed) {
        if (token !== runs) return;  // the reader has typed on
        if (failed) { status.textContent = T.failed + failed; return; }
        page.forEach(function (r) {
          var s = engine.snippet(r.doc, found.terms, SCRIPT);
          var a = el('a', 'search-title', marked(s.title));
          a.href = scriptRoot + engine.url(r.doc) + '?h=' + encodeURIComponent(h).replace(/%20/g, '+');
          var crumbs = el('div', 'search-breadcrumb', [engine.breadcrumb(r.doc, SCRIPT).join(' › ')]);
          var snip = el('p', 'search-snippet', (s.before ? ['…'] : []).concat(marked(s.snippet), s.after ? ['…'] : []));
          list.appendChild(el('li', null, [crumbs, a, snip]));
        });
        if (openFirst === token && from === 0 && list.querySelector('li a')) { openFirst = 0; list.querySelector('li a').click(); }
        if (more && from + PAGE < found.results.length) {
          more.hidden = false;
          more.onclick = function () { showMore(found, from + PAGE, h, token); };
        }
      });
    }

    function run(updateUrl) {
      var query = input.value.trim(), token = ++runs;
      list.textContent = '';
      status.textContent = '';
      if (more) more.hidden = true;
      selected = -1;
      if (updateUrl && global.history && global.history.replaceState) {
        global.history.replaceState(null, '', address(query));
      }
      keepQueryInToggle(query);
      if (!query) return;
      searchLoaded(query, reportNumber(), function (found, failed) {
        if (token !== runs) return;
        if (failed) { status.textContent = T.failed + failed; return; }
        if (!found.results.length) { status.appendChild(noResults()); return; }
        status.textContent = T.count(found.results.length) + (found.mode === 'or' ? ' ' + T.any : '');
        // terms for the section page to mark; lone characters (a fallback for unknown words) would
        // mark every occurrence on the page, so they go only when there is nothing else
        var words = found.terms.filter(function (t) { return t.text.length > 1; });
        var h = (words.length ? words : found.terms).map(function (t) { return t.text; }).join(' ');
        showMore(found, 0, h, token);
      });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { timer = null; run(true); }, 150);
    });
    app.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); select(selected + 1); }
      else if (e.key === 'ArrowUp') {
        e.preventDefault();
        if (selected <= 0) { selected = -1; input.focus(); } else select(selected - 1);
      } else if (e.key === 'Enter' && doc.activeElement === input) {
        e.preventDefault();
        if (timer) { clearTimeout(timer); timer = null; run(true); }  // typed faster than the debounce
        var first = list.querySelector('li a');
        if (first) first.click();
        else openFirst = runs;  // shards still loading: open the first result when it is shown
      }
    });
    var form = input.form;
    if (form) form.addEventListener('submit', function (e) { e.preventDefault(); run(true); });
    var params = new URLSearchParams(global.location.search);
    input.value = params.get('q') || '';
    if (picker) {
      var wanted = params.get('r') || '';
      picker.value = Array.prototype.some.call(picker.options, function (o) { return o.value === wanted; }) ? wanted : '';
      picker.addEventListener('change', function () { run(true); });
    }
    status.textContent = T.loading;
    loadIndex(function () { status.textContent = ''; run(false); });
  }

  /* On a section page reached from a result (?h=term+term): mark the terms in the content. */
  function highlightPage(terms) {
    // the section's own text (not breadcrumb or citation panel) where the page marks it out
    var root = ['[data-search-highlight]', '.section-page', 'article.report-text', 'main']
      .map(function (sel) { return doc.querySelector(sel); }).filter(Boolean)[0] || doc.body;
    var walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return /^(SCRIPT|STYLE|MARK|TEXTAREA|INPUT)$/.test(n.parentNode.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [], n, first = null;
    while ((n = walker.nextNode())) nodes.push(n);
    var wanted = terms.map(function (t) { return { text: engine.normalise(t) }; }).filter(function (t) { return t.text; });
    nodes.forEach(function (node) {
      var text = node.nodeValue, spans = intervals(engine.normalise(text), wanted);
      if (!spans.length) return;
      var frag = doc.createDocumentFragment();
      marked(segments(text, spans, 0, text.length)).forEach(function (c) {
        if (!first && c.nodeName === 'MARK') first = c;
        frag.appendChild(c);
      });
      node.parentNode.replaceChild(frag, node);
    });
    if (first && first.scrollIntoView) first.scrollIntoView({ block: 'center' });
  }

  function init() {
    doc.addEventListener('keydown', function (e) {
      var tag = (doc.activeElement && doc.activeElement.nodeName) || '';
      if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(tag)) {
        var box = doc.getElementById('search-input') || doc.querySelector('input[name="q"]');
        if (box) { e.preventDefault(); box.focus(); box.select(); }
      }
    });
    var app = doc.getElementById('search-app');
    if (app) { searchPage(app); return; }
    var h = new URLSearchParams(global.location.search).get('h');
    if (h && h.trim()) loadIndex(function () { highlightPage(h.trim().split(/\s+/)); });
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', init);
  else init();
})(this);
