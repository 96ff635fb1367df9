/* TPPO network explorer: filters, a force layout on SVG and an actor panel.
   Reads the JSON in #tppo-data; needs no network access. The layout is the spring embedder
   of Fruchterman & Reingold, "Graph drawing by force-directed placement" (1991). */
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("tppo-data").textContent);
  var root = document.getElementById("tppo-explorer");
  var KIND_COLOUR = {person: "#0072B2", company: "#E69F00", place: "#009E73", agency: "#CC79A7"};

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in (attrs || {})) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in (attrs || {})) e.setAttribute(k, attrs[k]);
    return e;
  }
  function uniq(xs) { return Array.from(new Set(xs)).sort(); }
  function select(id, label, values) {
    var wrap = el("label", {"class": "tppo-filter"}, label + " ");
    var s = el("select", {id: id});
    s.appendChild(el("option", {value: ""}, "all"));
    values.forEach(function (v) { s.appendChild(el("option", {value: String(v)}, String(v))); });
    wrap.appendChild(s);
    return wrap;
  }

  var cases = data.cases, nodes = data.nodes, links = data.links;
  var controls = el("div", {"class": "tppo-controls"});
  controls.appendChild(select("f-syndicate", "Syndicate", uniq(nodes.map(function (n) { return n.syndicate; }).filter(Boolean))));
  controls.appendChild(select("f-role", "Role", uniq([].concat.apply([], nodes.map(function (n) { return n.roles; })))));
  controls.appendChild(select("f-year", "Year", uniq(cases.map(function (c) { return c.year; }).filter(Boolean))));
  controls.appendChild(select("f-court", "Court", uniq(cases.map(function (c) { return c.court; }).filter(Boolean))));
  var isoWrap = el("label", {"class": "tppo-filter"}, "actors without ties ");
  var iso = el("input", {id: "f-isolates", type: "checkbox"});
  isoWrap.appendChild(iso);
  controls.appendChild(isoWrap);
  var status = el("span", {id: "tppo-status", "class": "tppo-status"});
  controls.appendChild(status);
  root.appendChild(controls);
  var body = el("div", {"class": "tppo-body"});
  var svg = svgEl("svg", {id: "tppo-network", role: "img", "aria-label": "network of actors"});
  var panel = el("aside", {id: "tppo-panel", "class": "tppo-panel"});
  panel.appendChild(el("p", {}, "Select an actor to see its cases."));
  body.appendChild(svg);
  body.appendChild(panel);
  root.appendChild(body);

  function caseOk(ci, f) {
    var c = cases[ci];
    return (!f.year || String(c.year) === f.year) && (!f.court || c.court === f.court);
  }
  function filters() {
    return {
      syndicate: document.getElementById("f-syndicate").value,
      role: document.getElementById("f-role").value,
      year: document.getElementById("f-year").value,
      court: document.getElementById("f-court").value,
      isolates: document.getElementById("f-isolates").checked
    };
  }

  function layout(vis, vlinks, w, h) {
    var n = vis.length, k = Math.sqrt((w * h) / Math.max(n, 1)) * 0.8;
    var idx = {};
    vis.forEach(function (d, i) {
      idx[d.id] = i;
      var a = i * 2.399963, r = k * 0.5 * Math.sqrt(i + 1);  // golden-angle spiral: same start every time
      d.x = w / 2 + r * Math.cos(a); d.y = h / 2 + r * Math.sin(a);
    });
    var t = w / 8, iters = n > 300 ? 120 : 220, far2 = 4 * k * k;
    for (var it = 0; it < iters; it++) {
      var dx = new Float64Array(n), dy = new Float64Array(n);
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
        var ex = vis[i].x - vis[j].x, ey = vis[i].y - vis[j].y, d2 = ex * ex + ey * ey + 0.01;
        if (d2 > far2) continue;  // the grid variant's cut-off: distant pairs do not repel
        var f = (k * k) / d2;
        dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
      }
      vlinks.forEach(function (l) {
        var a = idx[l.s], b = idx[l.t], ex = vis[a].x - vis[b].x, ey = vis[a].y - vis[b].y;
        var d = Math.sqrt(ex * ex + ey * ey) + 0.01, f = d / k;
        dx[a] -= ex * f; dy[a] -= ey * f; dx[b] += ex * f; dy[b] += ey * f;
      });
      for (var m = 0; m < n; m++) {
        dx[m] += (w / 2 - vis[m].x) * 0.05; dy[m] += (h / 2 - vis[m].y) * 0.05;  // mild gravity keeps components on screen
        var len = Math.sqrt(dx[m] * dx[m] + dy[m] * dy[m]) + 1e-9, step = Math.min(len, t);
        vis[m].x = Math.min(w - 15, Math.max(15, vis[m].x + dx[m] / len * step));
        vis[m].y = Math.min(h - 15, Math.max(15, vis[m].y + dy[m] / len * step));
      }
      t *= 0.97;
    }
  }

  function showActor(node) {
    panel.innerHTML = "";
    panel.appendChild(el("h3", {}, node.label));
    var dl = el("dl");
    [["kind", node.kind], ["roles", node.roles.join(", ") || "—"], ["syndicate", node.syndicate || "—"],
     ["cases", String(node.cases.length)]].concat(Object.keys(node.metrics || {}).map(function (k) {
      return [k, String(node.metrics[k])];
    })).forEach(function (kv) { dl.appendChild(el("dt", {}, kv[0])); dl.appendChild(el("dd", {}, kv[1])); });
    panel.appendChild(dl);
    var table = el("table", {id: "tppo-actor-cases"});
    var head = el("tr");
    ["case", "court", "year"].forEach(function (h) { head.appendChild(el("th", {}, h)); });
    table.appendChild(head);
    node.cases.forEach(function (ci) {
      var c = cases[ci], tr = el("tr");
      [c.id, c.court || "", c.year || ""].forEach(function (v) { tr.appendChild(el("td", {}, String(v))); });
      table.appendChild(tr);
    });
    panel.appendChild(table);
    document.querySelectorAll("#tppo-network circle").forEach(function (c) {
      c.setAttribute("class", c.getAttribute("data-id") === node.id ? "selected" : "");
    });
  }

  function draw() {
    var f = filters();
    var vis = nodes.filter(function (n) {
      return (!f.syndicate || n.syndicate === f.syndicate) && (!f.role || n.roles.indexOf(f.role) >= 0) &&
        ((!f.year && !f.court) || n.cases.some(function (ci) { return caseOk(ci, f); }));
    });
    var keep = {};
    vis.forEach(function (n) { keep[n.id] = true; });
    var vlinks = links.filter(function (l) {
      return keep[l.s] && keep[l.t] && ((!f.year && !f.court) || l.cases.some(function (ci) { return caseOk(ci, f); }));
    });
    if (!f.isolates) {
      var tied = {};
      vlinks.forEach(function (l) { tied[l.s] = true; tied[l.t] = true; });
      vis = vis.filter(function (n) { return tied[n.id]; });
    }
    var w = 900, h = 620;
    layout(vis, vlinks, w, h);
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    svg.setAttribute("viewBox", [0, 0, w, h].join(" "));
    var pos = {};
    vis.forEach(function (d) { pos[d.id] = d; });
    var g = svgEl("g", {"class": "links"});
    vlinks.forEach(function (l) {
      var line = svgEl("line", {x1: pos[l.s].x, y1: pos[l.s].y, x2: pos[l.t].x, y2: pos[l.t].y});
      line.appendChild(svgEl("title")).textContent = l.relations.join(", ");
      g.appendChild(line);
    });
    svg.appendChild(g);
    var gn = svgEl("g", {"class": "nodes"});
    var labelled = vis.slice().sort(function (a, b) { return b.cases.length - a.cases.length; }).slice(0, 15);
    vis.forEach(function (d) {
      var c = svgEl("circle", {cx: d.x, cy: d.y, r: 4 + 2.5 * Math.sqrt(d.cases.length), fill: KIND_COLOUR[d.kind] || "#777", "data-id": d.id, tabindex: 0});
      c.appendChild(svgEl("title")).textContent = d.label + " (" + d.kind + ")";
      c.addEventListener("click", function () { showActor(d); });
      gn.appendChild(c);
    });
    labelled.forEach(function (d) {
      var t = svgEl("text", {x: d.x + 7, y: d.y - 7});
      t.textContent = d.label;
      gn.appendChild(t);
    });
    svg.appendChild(gn);
    status.textContent = vis.length + " actors, " + vlinks.length + " ties shown" +
      (data.truncated ? " (largest " + nodes.length + " of " + data.n_actors_total + " actors)" : "") +
      (f.isolates ? "" : "; actors without ties hidden");
  }

  ["f-syndicate", "f-role", "f-year", "f-court", "f-isolates"].forEach(function (id) {
    document.getElementById(id).addEventListener("change", draw);
  });
  if (!nodes.length) {
    panel.innerHTML = "";
    panel.appendChild(el("p", {}, "No actors in the tables yet: build the case tables first (tppo build)."));
  }
  draw();
  var m = /select=([^&]+)/.exec(window.location.hash);
  if (m) {
    var want = decodeURIComponent(m[1]);
    nodes.forEach(function (n) { if (n.id === want) showActor(n); });
  }
  document.documentElement.setAttribute("data-tppo-explorer", "ready");
})();
