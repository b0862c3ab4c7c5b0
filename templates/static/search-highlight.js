/* lawreport search: on a section or full-text page reached from a result (?h=term+term), mark
 * the terms in the text.  Loaded only by those pages; it fetches the engine and the index (for
 * the query normalisation: Traditional -> Simplified table, width folding) only when ?h= is there.
 */
(function (global) {
  'use strict';

  var doc = global.document;
  var thisScript = doc.currentScript;
  var here = thisScript ? new URL('./', thisScript.src).href : '';  // static/
  var root = thisScript ? new URL('../', thisScript.src).href : '';

  function addScript(src, onload) {
    var s = doc.createElement('script');
    s.src = src;
    s.onload = onload;
    doc.head.appendChild(s);
  }

  function marked(segs) {
    return segs.map(function (s) {
      if (!s.mark) return doc.createTextNode(s.text);
      var m = doc.createElement('mark');
      m.appendChild(doc.createTextNode(s.text));
      return m;
    });
  }

  /* On a section page reached from a result (?h=term+term): mark the terms in the content. */
  function highlightPage(api, engine, terms) {
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
      var text = node.nodeValue, spans = api.intervals(engine.normalise(text), wanted);
      if (!spans.length) return;
      var frag = doc.createDocumentFragment();
      marked(api.segments(text, spans, 0, text.length)).forEach(function (c) {
        if (!first && c.nodeName === 'MARK') first = c;
        frag.appendChild(c);
      });
      node.parentNode.replaceChild(frag, node);
    });
    if (first && first.scrollIntoView) first.scrollIntoView({ block: 'center' });
  }


  function init() {
    var h = new URLSearchParams(global.location.search).get('h');
    if (!h || !h.trim()) return;
    var terms = h.trim().split(/\s+/);
    var withIndex = function () {
      var api = global.LawreportSearch;
      highlightPage(api, new api.Engine(global.__lawreportIndex), terms);
    };
    var withEngine = function () {
      if (global.__lawreportIndex) withIndex(); else addScript(root + 'search-index.js', withIndex);
    };
    var withResults = function () { addScript(here + 'search-results.js', withEngine); };
    if (global.LawreportSearch) withEngine(); else addScript(here + 'search-engine.js', withResults);
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', init);
  else init();
})(this);
