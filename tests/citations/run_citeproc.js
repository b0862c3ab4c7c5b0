#!/usr/bin/env node
// Formats CSL-JSON items with citeproc-js and an official CSL style, as Zotero and other CSL
// clients do. stdin: {"style": "<file name in the CSL folder>", "locale": "zh-CN", "items": [...]}.
// stdout: a JSON array of plain-text bibliography entries, one per item, in the items' order.
// The CSL folder is LAWREPORT_CSL_DIR, else <repo>/../shared/csl; citeproc comes from node_modules.
"use strict";
const fs = require("fs");
const path = require("path");

const repo = path.resolve(__dirname, "..", "..");
const CSL = require(path.join(repo, "node_modules", "citeproc"));
const cslDir = process.env.LAWREPORT_CSL_DIR || path.join(repo, "..", "shared", "csl");

const request = JSON.parse(fs.readFileSync(0, "utf8"));
const style = fs.readFileSync(path.join(cslDir, request.style), "utf8");
const items = {};
request.items.forEach(function (item) { items[item.id] = item; });

const sys = {
  retrieveLocale: function (lang) {
    const file = path.join(cslDir, "locales-" + lang + ".xml");
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem: function (id) { return items[id]; },
};
const engine = new CSL.Engine(sys, style, request.locale, true);  // true: force this locale
engine.setOutputFormat("text");
const out = request.items.map(function (item) {
  engine.updateItems([item.id]);
  const bib = engine.makeBibliography();
  return bib[1].join("").trim();
});
process.stdout.write(JSON.stringify(out));
