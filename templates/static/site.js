/* lawreport site behaviour: table of contents that follows the reader, copy buttons,
   script toggle that keeps the place, reader-side access date.  No external requests. */
(function () {
  "use strict";

  // On a phone the table of contents starts folded, so the text comes first.
  var tocBox = document.querySelector(".toc details");
  if (tocBox && window.matchMedia && !window.matchMedia("(min-width: 60rem)").matches) {
    tocBox.removeAttribute("open");
    tocBox.addEventListener("click", function (e) {
      if (e.target.closest("a")) tocBox.removeAttribute("open");
    });
  }

  // Highlight the table-of-contents entry of the section being read.
  var links = {};
  document.querySelectorAll("[data-toc-link]").forEach(function (a) { links[a.getAttribute("data-toc-link")] = a; });
  var headings = document.querySelectorAll("[data-toc]");
  if (headings.length && "IntersectionObserver" in window) {
    var visible = new Set();
    var current = null;
    var order = Array.prototype.map.call(headings, function (h) { return h.getAttribute("data-toc"); });
    var setCurrent = function (id) {
      if (current === id) return;
      if (current && links[current]) { links[current].classList.remove("current"); links[current].removeAttribute("aria-current"); }
      current = id;
      if (id && links[id]) {
        links[id].classList.add("current");
        links[id].setAttribute("aria-current", "location");
        var toc = links[id].closest(".toc");
        if (toc && toc.scrollHeight > toc.clientHeight) {
          var r = links[id].getBoundingClientRect(), tr = toc.getBoundingClientRect();
          if (r.top < tr.top || r.bottom > tr.bottom) toc.scrollTop += r.top - tr.top - tr.height / 3;
        }
      }
    };
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var id = e.target.getAttribute("data-toc");
        if (e.isIntersecting) visible.add(id); else visible.delete(id);
      });
      // The first visible heading in document order; else keep the last one passed.
      for (var i = 0; i < order.length; i++) { if (visible.has(order[i])) { setCurrent(order[i]); return; } }
    }, { rootMargin: "0px 0px -60% 0px" });
    headings.forEach(function (h) { observer.observe(h); });
  }

  // Permalinks and citations without a configured base URL use the address being read.
  var here = location.href.split("#")[0].split("?")[0];
  document.querySelectorAll("[data-resolve]").forEach(function (el) {
    try { el.textContent = new URL(el.getAttribute("data-resolve"), location.href).href; } catch (e) { /* keep relative */ }
  });
  document.querySelectorAll("[data-here]").forEach(function (el) { el.textContent = here; });

  // The access date of every citation format is the reader's today, so the build stays
  // deterministic. Forms (site/citations.py): ISO, RIS Y2, CSL-JSON date-parts, a year.
  var d = new Date();
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  var y = d.getFullYear(), m = d.getMonth() + 1, day = d.getDate();
  var forms = {
    iso: y + "-" + pad(m) + "-" + pad(day), ris: y + "/" + pad(m) + "/" + pad(day),
    csl: y + ", " + m + ", " + day, year: String(y)
  };
  document.querySelectorAll(".access-date").forEach(function (el) {
    el.textContent = forms[el.getAttribute("data-date-form") || "iso"];
  });

  // Copy buttons: Clipboard API, else a hidden textarea and execCommand (file://, old browsers).
  var status = document.querySelector(".copy-status");
  var say = function (ok) { if (status) status.textContent = status.getAttribute(ok ? "data-copied" : "data-failed"); };
  var fallbackCopy = function (text) {
    var area = document.createElement("textarea");
    area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
    document.body.appendChild(area); area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  };
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      // Trailing line breaks go, not the space of a RIS record's closing "ER  - ".
      var text = source ? source.textContent.replace(/^\s+/, "").replace(/[\r\n]+$/, "") : "";
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { say(true); }, function () { say(fallbackCopy(text)); });
      } else {
        say(fallbackCopy(text));
      }
    });
  });

  // The script toggle keeps the reader's place: the #anchor and a search query (?q=).
  document.querySelectorAll("a[data-keep-place]").forEach(function (a) {
    a.addEventListener("click", function () {
      var href = a.getAttribute("href").split("#")[0].split("?")[0];
      var q = new URLSearchParams(location.search).get("q");
      if (q) href += "?q=" + encodeURIComponent(q);
      a.setAttribute("href", href + location.hash);
    });
  });
})();
