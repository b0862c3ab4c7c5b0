/* lawreport search: the search page (search/index.html): the box, the results with snippets,
 * keyboard choice, ?q= and &r= in the address.  Its words come from the page (a JSON block
 * #search-strings, written from render/strings.py), not from this file.
 * Content is only ever put in the page as text nodes (never innerHTML).
 */
(function (global) {
  'use strict';

  var doc = global.document, api = global.LawreportSearch, loader = api.loader;
  var PAGE = api.PAGE;
  var SCRIPT = /hant|tw|hk/i.test(doc.documentElement.lang || '') ? 'zh-Hant' : 'zh-Hans';
  var engine = null, T = null;

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
      loader.shards(engine.showNeeds(page), function (failed) {
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
      loader.search(query, reportNumber(), function (found, failed) {
        if (token !== runs) return;
        if (failed) { status.textContent = T.failed + failed; return; }
        if (!found.results.length) { status.appendChild(noResults()); return; }
        status.textContent = T.count.replace('{n}', found.results.length) + (found.mode === 'or' ? ' ' + T.any : '');
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
    loader.index(function (made) { engine = made; status.textContent = ''; run(false); });
  }

  function init() {
    var app = doc.getElementById('search-app');
    var strings = doc.getElementById('search-strings');
    if (!app || !strings) return;
    T = JSON.parse(strings.textContent);
    searchPage(app);
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', init);
  else init();
})(this);
