/* lawreport search: what showing a result needs, on top of search-engine.js: the document's text
 * in either script, headings, breadcrumbs, snippets with marks, links, suggestions; and the
 * interval marking the highlighter uses on section pages. No DOM (runs under node for the tests).
 */
(function (global) {
  'use strict';

  var api = typeof module !== 'undefined' && module.exports ? require('./search-engine.js') : global.LawreportSearch;
  var Engine = api.Engine;
  var SNIPPET = 70;                // characters in a snippet window

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

  api.intervals = intervals;
  api.segments = segments;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})(this);
