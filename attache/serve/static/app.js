/* attache web UI: draws the charts, graphs and maps that pages declare.
 *
 * A page declares a figure with an element carrying data-chart / data-graph / data-map and a
 * <script type="application/json"> child holding its data. Everything is served from this
 * server (no CDN); once drawn, an element gets data-drawn="true".
 */
(function () {
  "use strict";

  var MAX_MAP_SCALE = 700;
  var PALETTE = ["#3366aa", "#dd7733", "#44aa66", "#cc4455", "#8866bb", "#998833",
                 "#33aaaa", "#bb6699", "#777777", "#5588dd", "#aa5522", "#66bb99"];

  function readData(el) {
    var script = el.querySelector("script[type='application/json']");
    return script ? JSON.parse(script.textContent) : null;
  }

  function markDrawn(el, count) {
    el.setAttribute("data-drawn", "true");
    el.setAttribute("data-count", String(count));
  }

  function showEmpty(el, message) {
    var p = document.createElement("p");
    p.className = "empty";
    p.textContent = message;
    el.appendChild(p);
    markDrawn(el, 0);
  }

  /* Stacked bars: {labels: [...], series: [{label, data: [...]}]} */
  function drawChart(el) {
    var data = readData(el);
    if (!data || !data.labels || data.labels.length === 0 || !window.Chart) {
      showEmpty(el, "No dated events to chart.");
      return;
    }
    var canvas = document.createElement("canvas");
    el.appendChild(canvas);
    var datasets = data.series.map(function (s, i) {
      return { label: s.label.replace(/_/g, " "), data: s.data,
               backgroundColor: PALETTE[i % PALETTE.length] };
    });
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true,
                                              ticks: { precision: 0 } } },
        plugins: { legend: { position: "right" } }
      }
    });
    markDrawn(el, datasets.length);
  }

  /* Graph: {nodes: [{id, label, weight, href, center}], edges: [{source, target, weight}]} */
  function drawGraph(el) {
    var data = readData(el);
    if (!data || !data.nodes || data.nodes.length === 0 || !window.cytoscape) {
      showEmpty(el, "No counterparts to draw.");
      return;
    }
    var box = document.createElement("div");
    box.className = "graph-canvas";
    el.appendChild(box);
    var maxWeight = Math.max.apply(null, data.nodes.map(function (n) { return n.weight || 1; }));
    var elements = data.nodes.map(function (n) {
      return { data: { id: String(n.id), label: n.label, href: n.href || "",
                       size: 14 + 20 * Math.sqrt((n.weight || 1) / maxWeight) },
               classes: n.center ? "center" : "" };
    }).concat(data.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: String(e.source), target: String(e.target),
                       width: 1 + Math.min(8, e.weight || 1) } };
    }));
    var cy = window.cytoscape({
      container: box,
      elements: elements,
      autoungrabify: false,
      userZoomingEnabled: false,
      style: [
        { selector: "node", style: { "background-color": "#3366aa", "label": "data(label)",
          "width": "data(size)", "height": "data(size)", "font-size": 11, "color": "#222",
          "text-valign": "bottom", "text-margin-y": 3, "text-background-color": "#fff",
          "text-background-opacity": 0.85, "text-background-padding": 2 } },
        { selector: "node.center", style: { "background-color": "#dd7733" } },
        { selector: "edge", style: { "width": "data(width)", "line-color": "#aab" } }
      ],
      layout: { name: data.nodes.length > 2 ? "concentric" : "grid",
                concentric: function (n) { return n.hasClass("center") ? 2 : 1; },
                levelWidth: function () { return 1; }, minNodeSpacing: 60, padding: 30,
                animate: false }
    });
    cy.on("tap", "node", function (evt) {
      var href = evt.target.data("href");
      if (href) { window.location.href = href; }
    });
    el.cy = cy;
    markDrawn(el, data.nodes.length);
  }

  /* Map: {highlight: ["398", ...] (ISO numeric), points: [{lat, lon, label, count, href}]} */
  function drawMap(el) {
    var data = readData(el) || { highlight: [], points: [] };
    if (!window.topojson || !window.d3 || !window.d3.geoEqualEarth) {
      showEmpty(el, "Map scripts missing.");
      return;
    }
    var url = el.getAttribute("data-map");
    fetch(url).then(function (r) { return r.json(); }).then(function (world) {
      var ns = "http://www.w3.org/2000/svg";
      var width = 640, height = 340;
      var svg = document.createElementNS(ns, "svg");
      svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      svg.setAttribute("class", "map-svg");
      var countries = window.topojson.feature(world, world.objects.countries).features;
      var wanted = {};
      (data.highlight || []).forEach(function (code) { wanted[String(code).padStart(3, "0")] = true; });
      var focus = countries.filter(function (f) { return wanted[String(f.id)]; });
      var points = (data.points || []).filter(function (p) {
        return typeof p.lat === "number" && typeof p.lon === "number";
      });
      var fitTo = { type: "FeatureCollection", features: focus.slice() };
      points.forEach(function (p) {
        fitTo.features.push({ type: "Feature", geometry: { type: "Point", coordinates: [p.lon, p.lat] } });
      });
      var projection = window.d3.geoEqualEarth();
      if (fitTo.features.length > 0) {
        projection.fitExtent([[60, 40], [width - 60, height - 40]], fitTo);
        if (projection.scale() > MAX_MAP_SCALE) {
          /* a small country or one city: zoom out around it so its neighbours show */
          projection.scale(MAX_MAP_SCALE).center([0, 0]).translate([width / 2, height / 2]);
          var middle = projection(window.d3.geoCentroid(fitTo));
          var shift = projection.translate();
          projection.translate([shift[0] + width / 2 - middle[0], shift[1] + height / 2 - middle[1]]);
        }
      } else {
        projection.fitSize([width, height], { type: "Sphere" });
      }
      var path = window.d3.geoPath(projection);
      countries.forEach(function (f) {
        var d = path(f);
        if (!d) { return; }
        var p = document.createElementNS(ns, "path");
        p.setAttribute("d", d);
        p.setAttribute("class", wanted[String(f.id)] ? "land focus" : "land");
        var title = document.createElementNS(ns, "title");
        title.textContent = (f.properties && f.properties.name) || "";
        p.appendChild(title);
        svg.appendChild(p);
      });
      var maxCount = Math.max.apply(null, [1].concat(points.map(function (p) { return p.count || 1; })));
      points.forEach(function (p) {
        var xy = projection([p.lon, p.lat]);
        if (!xy) { return; }
        var link = document.createElementNS(ns, "a");
        if (p.href) { link.setAttribute("href", p.href); }
        var c = document.createElementNS(ns, "circle");
        c.setAttribute("cx", xy[0].toFixed(1));
        c.setAttribute("cy", xy[1].toFixed(1));
        c.setAttribute("r", (3 + 7 * Math.sqrt((p.count || 1) / maxCount)).toFixed(1));
        c.setAttribute("class", "place");
        var title = document.createElementNS(ns, "title");
        title.textContent = p.label + " (" + (p.count || 1) + ")";
        c.appendChild(title);
        link.appendChild(c);
        svg.appendChild(link);
      });
      el.appendChild(svg);
      markDrawn(el, points.length);
    }).catch(function () {
      showEmpty(el, "Could not load the world outline.");
    });
  }

  /* Document page: pointing at an event card outlines the sentences it was read from. */
  function linkEvidence(card) {
    var key = card.getAttribute("data-event-key");
    var marks = Array.prototype.filter.call(document.querySelectorAll("mark.evidence"), function (m) {
      return (m.getAttribute("data-events") || "").split(" ").indexOf(key) >= 0;
    });
    function toggle(on) {
      marks.forEach(function (m) { m.classList.toggle("focus", on); });
    }
    card.addEventListener("mouseenter", function () { toggle(true); });
    card.addEventListener("mouseleave", function () { toggle(false); });
  }

  function each(selector, draw) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), function (el) {
      try { draw(el); } catch (err) { el.setAttribute("data-error", String(err)); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    each("[data-chart]", drawChart);
    each("[data-graph]", drawGraph);
    each("[data-map]", drawMap);
    each("[data-event-key]", linkEvidence);
  });
})();
