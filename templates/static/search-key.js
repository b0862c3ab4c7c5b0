/* lawreport search: the / key jumps to the search box (the page's own, else the header's). */
(function (doc) {
  'use strict';
  doc.addEventListener('keydown', function (e) {
    var tag = (doc.activeElement && doc.activeElement.nodeName) || '';
    if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(tag)) {
      var box = doc.getElementById('search-input') || doc.querySelector('input[name="q"]');
      if (box) { e.preventDefault(); box.focus(); box.select(); }
    }
  });
})(document);
