"""The HTML page around a network: layout, styles and the small script for filters and search.

Kept as Python strings (not files) so they ship with the package whatever the packaging rules.
The script treats every piece of data as text: labels are drawn on a canvas, and tooltips, the
legend and the details panel are built with ``createElement`` and ``textContent`` — never
``innerHTML`` — so document text such as ``<script>`` shows as words and never runs.  A strict
Content-Security-Policy (no network at all) is a second line of defence.
"""

from __future__ import annotations

__all__ = ["APP_JS", "CSP", "FONT_STACK", "PAGE_CSS", "PAGE_TEMPLATE"]

FONT_STACK = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", '
    '"WenQuanYi Micro Hei", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "SimHei", sans-serif'
)

CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)

PAGE_CSS = """
html, body { margin: 0; padding: 0; font-family: %(font)s; color: #222; background: #fafafa; }
header { padding: 8px 16px; background: #fff; border-bottom: 1px solid #ddd; }
header h1 { font-size: 18px; margin: 0 0 2px 0; }
header p { font-size: 13px; margin: 0; color: #555; }
#pkg-toolbar { display: flex; gap: 12px; align-items: center; padding: 6px 16px; font-size: 13px;
  background: #fff; border-bottom: 1px solid #eee; flex-wrap: wrap; }
#pkg-toolbar input[type=search] { width: 260px; padding: 3px 6px; font: inherit; }
#pkg-toolbar select, #pkg-toolbar button { font: inherit; }
#pkg-main { display: flex; height: calc(100vh - 112px); min-height: 420px; }
#pkg-network { flex: 1 1 auto; position: relative; background: #fff; }
#pkg-empty { position: absolute; top: 40%%; width: 100%%; text-align: center; color: #777; }
#pkg-side { width: 300px; flex: 0 0 300px; overflow-y: auto; border-left: 1px solid #ddd; padding: 8px 12px;
  font-size: 13px; background: #fff; }
#pkg-side h2 { font-size: 14px; margin: 6px 0; }
.pkg-legend-row { display: flex; align-items: center; gap: 6px; margin: 3px 0; cursor: pointer; }
.pkg-glyph { font-size: 16px; width: 18px; text-align: center; }
.pkg-count { color: #888; margin-left: auto; }
.pkg-tip { max-width: 420px; font-size: 13px; line-height: 1.45; white-space: normal; }
.pkg-tip-title { font-weight: bold; margin-bottom: 2px; }
.pkg-tip-class { color: #666; font-size: 12px; margin-bottom: 4px; }
.pkg-tip-row { display: flex; gap: 6px; }
.pkg-tip-key { color: #666; flex: 0 0 auto; }
.pkg-tip-evidence { margin: 6px 0 4px 0; padding: 4px 8px; border-left: 3px solid #d1495b;
  background: #f6f6f6; font-style: normal; }
.pkg-tip-source { color: #555; font-size: 12px; word-break: break-all; }
.pkg-tip-iri { color: #888; font-size: 11px; word-break: break-all; margin-top: 4px; }
div.vis-tooltip { font-family: %(font)s; max-width: 440px; white-space: normal; }
#pkg-charts { padding: 8px 16px; background: #fff; border-top: 1px solid #ddd; }
#pkg-charts img { max-width: 100%%; height: auto; display: block; margin: 8px 0; }
"""

PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="%(csp)s">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="policykg.viz">
<title>%(title)s</title>
<!-- vis-network %(vis_version)s, bundled from the pyvis wheel; dual licensed Apache-2.0 or MIT (header kept
     below; addresses in it are written with escaped slashes so this file holds no network reference). -->
<style>
%(vis_css)s
</style>
<style>
%(page_css)s
</style>
</head>
<body>
<header><h1>%(title)s</h1><p>%(description)s</p></header>
<div id="pkg-toolbar">
  <label>搜索 Search <input id="pkg-search" type="search" placeholder="名称 label / 别名 alias"></label>
  <span id="pkg-search-status"></span>
  <label>年份 Year <select id="pkg-year"><option value="">全部 all</option></select></label>
  <button id="pkg-reset" type="button">重置 Reset</button>
  <span id="pkg-status"></span>
</div>
<div id="pkg-main">
  <div id="pkg-network"></div>
  <aside id="pkg-side">
    <h2>图例 Legend</h2>
    <div id="pkg-legend"></div>
    <h2>详情 Details</h2>
    <div id="pkg-details">点击节点查看原文证据 Click a node for its evidence.</div>
  </aside>
</div>
%(charts)s
<script type="application/json" id="pkg-data">%(data)s</script>
<script>
%(vis_js)s
</script>
<script>
%(app_js)s
</script>
</body>
</html>
"""

APP_JS = r"""
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("pkg-data").textContent);
  var styles = payload.classes, FONT = payload.font, DIM = "rgba(200,200,200,0.35)";
  var byId = {}, active = {}, year = "";
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function tip(n, withIri) {
    var box = el("div", "pkg-tip");
    box.appendChild(el("div", "pkg-tip-title", n.full));
    box.appendChild(el("div", "pkg-tip-class", (styles[n.cls] || styles.Entity).name));
    (n.details || []).forEach(function (d) {
      var row = el("div", "pkg-tip-row");
      row.appendChild(el("span", "pkg-tip-key", d[0]));
      row.appendChild(el("span", "pkg-tip-val", d[1]));
      box.appendChild(row);
    });
    if (n.evidence) { box.appendChild(el("blockquote", "pkg-tip-evidence", n.evidence)); }
    if (n.source) { box.appendChild(el("div", "pkg-tip-source", "出处 source: " + n.source)); }
    if (withIri) { box.appendChild(el("div", "pkg-tip-iri", n.id)); }
    return box;
  }
  function style(n) { return styles[n.cls] || styles.Entity; }
  function color(n, on) {
    var s = style(n);
    return on ? {background: s.color, border: s.border, highlight: {background: s.color, border: "#000"},
                 hover: {background: s.color, border: "#000"}}
              : {background: DIM, border: DIM, highlight: {background: DIM, border: DIM}};
  }
  function font(n, on) {
    return {face: FONT, size: n.fontSize, color: on ? "#222" : "rgba(120,120,120,0.45)",
            strokeWidth: 3, strokeColor: "#ffffff"};
  }
  var nodes = new vis.DataSet(payload.nodes.map(function (n) {
    byId[n.id] = n;
    active[n.cls] = true;
    return {id: n.id, label: n.label, x: n.x, y: n.y, shape: style(n).shape, size: n.size,
            color: color(n, true), font: font(n, true), title: tip(n, false), physics: false};
  }));
  var edges = new vis.DataSet(payload.edges.map(function (e, i) {
    var edge = {id: i, from: e.from, to: e.to, title: el("div", "pkg-tip", e.rel), dashes: e.dashes,
                color: {color: "#b5b5b5", highlight: "#444", hover: "#444"}};
    if (e.label) { edge.label = e.label; edge.font = {face: FONT, size: 11, color: "#555", strokeWidth: 3}; }
    return edge;
  }));
  var container = document.getElementById("pkg-network");
  var big = payload.nodes.length > 1500;
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    physics: false,
    layout: {improvedLayout: false, randomSeed: 7},
    interaction: {hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big},
    edges: {smooth: false, width: 1, arrows: {to: {enabled: true, scaleFactor: 0.4}}},
    nodes: {borderWidth: 1}
  });
  window.policykgNetwork = network;
  window.network = network;
  network.once("afterDrawing", function () { window.policykgReady = true; });
  if (!payload.nodes.length) {
    container.appendChild(el("div", "", "此视图暂无数据 Nothing to show in this view yet."));
    container.lastChild.id = "pkg-empty";
    window.policykgReady = true;
  }
  function fitAll() {  // fit, then zoom out a little so labels at the border stay in view
    network.fit({animation: false});
    network.moveTo({scale: network.getScale() * 0.9, animation: false});
  }
  fitAll();

  function visibleCount() {
    return nodes.get({filter: function (n) { return !n.hidden; }}).length;
  }
  function status() {
    document.getElementById("pkg-status").textContent =
      "节点 nodes " + visibleCount() + " / " + payload.nodes.length + " · 边 edges " + payload.edges.length;
  }
  function applyFilters() {
    nodes.update(payload.nodes.map(function (n) {
      var hideYear = year && n.years.length && n.years.indexOf(Number(year)) < 0;
      return {id: n.id, hidden: !active[n.cls] || Boolean(hideYear)};
    }));
    status();
  }
  function emphasise(set) {
    nodes.update(payload.nodes.map(function (n) {
      var on = !set || Boolean(set[n.id]);
      return {id: n.id, color: color(n, on), font: font(n, on)};
    }));
    edges.update(payload.edges.map(function (e, i) {
      var on = !set || (set[e.from] && set[e.to]);
      var shade = on ? "#b5b5b5" : "rgba(200,200,200,0.25)";
      return {id: i, color: {color: shade, highlight: "#444", hover: "#444"}};
    }));
  }
  function showDetails(n) {
    var box = document.getElementById("pkg-details");
    box.textContent = "";
    if (n) { box.appendChild(tip(n, true)); }
  }

  var legend = document.getElementById("pkg-legend");
  payload.legend.forEach(function (cls) {
    var s = styles[cls], row = el("label", "pkg-legend-row"), box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { active[cls] = box.checked; applyFilters(); });
    var glyph = el("span", "pkg-glyph", s.glyph);
    glyph.style.color = s.color;
    row.appendChild(box);
    row.appendChild(glyph);
    row.appendChild(el("span", "", s.name));
    row.appendChild(el("span", "pkg-count", payload.counts[cls]));
    legend.appendChild(row);
  });
  var yearSelect = document.getElementById("pkg-year");
  payload.years.forEach(function (y) {
    var option = el("option", "", y);
    option.value = String(y);
    yearSelect.appendChild(option);
  });
  yearSelect.addEventListener("change", function () { year = yearSelect.value; applyFilters(); });

  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0], set = {};
      set[id] = true;
      network.getConnectedNodes(id).forEach(function (other) { set[other] = true; });
      emphasise(set);
      showDetails(byId[id]);
    } else {
      emphasise(null);
      showDetails(null);
    }
  });

  var search = document.getElementById("pkg-search"), found = [], timer = null;
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    found = [];
    if (!q) { emphasise(null); document.getElementById("pkg-search-status").textContent = ""; return; }
    var set = {};
    payload.nodes.forEach(function (n) {
      if (n.search.indexOf(q) >= 0) { set[n.id] = true; found.push(n.id); }
    });
    emphasise(set);
    document.getElementById("pkg-search-status").textContent = found.length + " 个匹配 matches";
  }
  search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(runSearch, 150); });
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    runSearch();
    if (found.length) {
      network.fit({nodes: found, animation: false});
      if (found.length === 1) { network.selectNodes(found); showDetails(byId[found[0]]); }
    }
  });
  document.getElementById("pkg-reset").addEventListener("click", function () {
    search.value = "";
    runSearch();
    emphasise(null);
    showDetails(null);
    network.unselectAll();
    fitAll();
  });
  status();
})();
"""
