/* Home page filters: show the reports of one place, one issuer (all its name variants) and/or one year.
 *
 * Works on the data-place / data-year attributes of the cards the page already lists (without
 * JavaScript the form stays hidden and every report is listed). The choice is kept in the address
 * (?place=…&issuer=…&year=…) so a filtered list can be linked. Plain JS, text only (no innerHTML).
 */
(function (global) {
  'use strict';
  var doc = global.document;

  function init() {
    var form = doc.getElementById('home-filters');
    if (!form) return;
    var place = doc.getElementById('filter-place'), year = doc.getElementById('filter-year');
    var issuer = doc.getElementById('filter-issuer');
    var count = doc.getElementById('filter-count'), none = doc.getElementById('filter-none');
    var cards = Array.prototype.slice.call(doc.querySelectorAll('.report-card[data-place]'));
    var groups = Array.prototype.slice.call(doc.querySelectorAll('.year-group'));

    function offered(select, value) {
      return Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    }

    function apply(updateUrl) {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = (!place.value || card.getAttribute('data-place') === place.value) &&
                 (!issuer || !issuer.value || card.getAttribute('data-issuer') === issuer.value) &&
                 (!year.value || card.getAttribute('data-year') === year.value);
        card.hidden = !ok;
        if (ok) shown++;
      });
      groups.forEach(function (g) { g.hidden = !g.querySelector('.report-card:not([hidden])'); });
      count.textContent = count.getAttribute('data-shown') + ' ' + shown + ' ' + count.getAttribute('data-of') +
        ' ' + cards.length + ' ' + count.getAttribute('data-unit');
      none.hidden = shown > 0;
      if (updateUrl && global.history && global.history.replaceState) {
        var q = new URLSearchParams();
        if (place.value) q.set('place', place.value);
        if (issuer && issuer.value) q.set('issuer', issuer.value);
        if (year.value) q.set('year', year.value);
        var query = q.toString();
        global.history.replaceState(null, '', query ? '?' + query : global.location.pathname.split('/').pop());
      }
    }

    var params = new URLSearchParams(global.location.search);
    if (offered(place, params.get('place') || '')) place.value = params.get('place') || '';
    if (offered(year, params.get('year') || '')) year.value = params.get('year') || '';
    if (issuer && offered(issuer, params.get('issuer') || '')) issuer.value = params.get('issuer') || '';
    if (issuer) issuer.addEventListener('change', function () { apply(true); });
    place.addEventListener('change', function () { apply(true); });
    year.addEventListener('change', function () { apply(true); });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.hidden = false;
    apply(false);
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', init);
  else init();
})(this);
