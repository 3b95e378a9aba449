/* Parley live page: the feed (newest first) and a graph of actors, from /events + SSE.
   Plain JavaScript, no build step, no external resources. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var MAX_SHOWN = 500;
  var events = new Map();      // event_id -> latest revision
  var order = [];              // event ids, most recently updated first
  var openIds = new Set();     // events whose details are expanded

  var feedEl = document.getElementById("feed");
  var emptyEl = document.getElementById("empty");
  var statusEl = document.getElementById("status");
  var countEl = document.getElementById("count");
  var graphEl = document.getElementById("graph");
  var filtersEl = document.getElementById("filters");
  var shownEl = document.getElementById("shown");

  function words(value) {
    return String(value || "").toUpperCase().split(/[\s,]+/).filter(Boolean);
  }

  /* Client-side filter of what is shown: any of the types, any of the actors (source or
     target), at least N outlets. Empty fields match everything. */
  function visible(event) {
    var form = new FormData(filtersEl);
    var types = words(form.get("type"));
    var actors = words(form.get("actor"));
    var minOutlets = parseInt(form.get("min_outlets"), 10) || 0;
    if (types.length && types.indexOf(String(event.type).toUpperCase()) < 0) return false;
    if (actors.length) {
      var codes = [event.source.code].concat(event.target ? [event.target.code] : []);
      if (!codes.some(function (code) { return actors.indexOf(code) >= 0; })) return false;
    }
    return event.num_outlets >= minOutlets;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function actorLabel(actor) {
    if (!actor) return "—";
    return actor.name ? actor.code + " (" + actor.name + ")" : actor.code;
  }

  function setStatus(state, text) {
    statusEl.className = "status " + state;
    statusEl.setAttribute("data-state", state);
    statusEl.textContent = text;
  }

  function accept(event) {
    var current = events.get(event.event_id);
    if (current && current.revision >= event.revision) return false;
    events.set(event.event_id, event);
    var index = order.indexOf(event.event_id);
    if (index >= 0) order.splice(index, 1);
    order.unshift(event.event_id);
    return true;
  }

  function renderEvent(event, fresh) {
    var quad = event.cameo ? event.cameo.quad_class : 0;
    var item = el("li", "event q" + quad + (fresh ? " fresh" : ""));
    item.setAttribute("data-event-id", event.event_id);
    item.setAttribute("data-revision", event.revision);
    if (openIds.has(event.event_id)) item.classList.add("open");

    var line = el("div", "line");
    line.appendChild(el("span", "type", event.type));
    line.appendChild(el("span", "cameo", event.cameo ? "CAMEO " + event.cameo.code + " " + event.cameo.label : ""));
    var actors = actorLabel(event.source) + (event.target ? " → " + actorLabel(event.target) : "");
    line.appendChild(el("span", "actors", actors));
    line.appendChild(el("span", "badge status-" + event.status, event.status));
    var outlets = el("span", "badge outlets", event.num_outlets + (event.num_outlets === 1 ? " outlet" : " outlets"));
    outlets.setAttribute("data-outlets", event.num_outlets);
    line.appendChild(outlets);
    item.appendChild(line);

    var meta = event.date + (event.location ? " · " + event.location : "") + " · rev " + event.revision +
      " · " + event.num_articles + (event.num_articles === 1 ? " article" : " articles");
    item.appendChild(el("div", "meta", meta));
    if (event.summary) item.appendChild(el("p", "summary", event.summary));

    var details = el("div", "details");
    details.appendChild(el("div", "meta", "event " + event.event_id + " · confidence " +
      Number(event.confidence).toFixed(2) + " · first seen " + event.first_seen + " · last seen " + event.last_seen));
    var list = el("ol", "mentions");
    (event.mentions || []).forEach(function (mention) {
      var li = el("li", "mention");
      var source = el("a", "source", mention.outlet);
      source.href = mention.url;
      source.target = "_blank";
      source.rel = "noopener noreferrer";
      li.appendChild(source);
      li.appendChild(el("span", "meta", " " + mention.published_at));
      li.appendChild(el("p", "evidence", "“" + mention.sentence + "”"));
      list.appendChild(li);
    });
    details.appendChild(list);
    item.appendChild(details);

    item.addEventListener("click", function (clicked) {
      if (clicked.target && clicked.target.tagName === "A") return;
      item.classList.toggle("open");
      if (item.classList.contains("open")) openIds.add(event.event_id);
      else openIds.delete(event.event_id);
    });
    return item;
  }

  function renderFeed(freshId) {
    var fragment = document.createDocumentFragment();
    var shown = order.filter(function (id) { return visible(events.get(id)); });
    shown.slice(0, MAX_SHOWN).forEach(function (id) {
      fragment.appendChild(renderEvent(events.get(id), id === freshId));
    });
    feedEl.replaceChildren(fragment);
    emptyEl.style.display = order.length ? "none" : "";
    countEl.textContent = order.length + (order.length === 1 ? " event" : " events");
    shownEl.textContent = shown.length === order.length ? "" : shown.length + " of " + order.length + " shown";
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  function renderGraph() {
    var codes = new Set();
    var pairs = new Map();
    events.forEach(function (event) {
      if (!visible(event)) return;
      codes.add(event.source.code);
      if (event.target) {
        codes.add(event.target.code);
        var key = event.source.code + "|" + event.target.code;
        if (!pairs.has(key)) pairs.set(key, []);
        pairs.get(key).push(event);
      }
    });
    var nodes = Array.from(codes).sort();
    var size = 600, centre = size / 2;
    var radius = nodes.length > 1 ? centre - 50 : 0;
    var position = {};
    nodes.forEach(function (code, index) {
      var angle = (2 * Math.PI * index) / Math.max(nodes.length, 1) - Math.PI / 2;
      position[code] = { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) };
    });
    var edges = svg("g", { "class": "edges" });
    pairs.forEach(function (list, key) {
      var ends = key.split("|");
      var a = position[ends[0]], b = position[ends[1]];
      list.forEach(function (event, index) {
        var dx = b.x - a.x, dy = b.y - a.y, length = Math.sqrt(dx * dx + dy * dy) || 1;
        var bend = 25 + 18 * index;
        var mx = (a.x + b.x) / 2 - (dy / length) * bend, my = (a.y + b.y) / 2 + (dx / length) * bend;
        var path = svg("path", {
          "class": "edge q" + event.cameo.quad_class,
          "d": ends[0] === ends[1]
            ? "M" + a.x + "," + a.y + " c 40,-60 -40,-60 0,0"
            : "M" + a.x + "," + a.y + " Q" + mx + "," + my + " " + b.x + "," + b.y,
          "data-event-id": event.event_id,
          "marker-end": "url(#arrow)"
        });
        var title = svg("title");
        title.textContent = event.type + " (" + event.cameo.code + ") " + event.status + ": " + (event.summary || "");
        path.appendChild(title);
        edges.appendChild(path);
      });
    });
    var nodeGroup = svg("g", { "class": "nodes" });
    nodes.forEach(function (code) {
      var p = position[code];
      var group = svg("g", { "class": "node" + (code.length === 3 ? "" : " org"), "data-code": code });
      group.appendChild(svg("circle", { cx: p.x, cy: p.y, r: 22 }));
      var label = svg("text", { x: p.x, y: p.y });
      label.textContent = code;
      group.appendChild(label);
      nodeGroup.appendChild(group);
    });
    var defs = svg("defs");
    var marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "30", refY: "5",
      markerWidth: "6", markerHeight: "6", orient: "auto-start-reverse" });
    marker.appendChild(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#555" }));
    defs.appendChild(marker);
    graphEl.replaceChildren(defs, edges, nodeGroup);
  }

  function receive(event, fresh) {
    if (!event || !event.event_id || !accept(event)) return;
    renderFeed(fresh ? event.event_id : null);
    renderGraph();
  }

  function connect() {
    if (!window.EventSource) {
      setStatus("error", "no EventSource in this browser");
      return;
    }
    var source = new EventSource("/events/stream");
    var lost = false;
    source.addEventListener("open", function () {
      setStatus("open", "live");
      if (lost) loadInitial();  // fill the gap left while disconnected
      lost = false;
    });
    source.addEventListener("error", function () { lost = true; setStatus("error", "reconnecting…"); });
    source.addEventListener("revision", function (message) {
      try { receive(JSON.parse(message.data), true); } catch (err) { console.error(err); }
    });
    source.addEventListener("retired", function (message) {
      try {
        if (events.delete(JSON.parse(message.data).event_id)) { renderFeed(null); renderGraph(); }
      } catch (err) { console.error(err); }
    });
  }

  function loadInitial() {
    return fetch("/events?limit=200").then(function (response) {
      return response.ok ? response.json() : { events: [] };
    }).then(function (body) {
      (body.events || []).slice().reverse().forEach(function (event) { accept(event); });
      renderFeed(null);
      renderGraph();
    }).catch(function (err) { console.error(err); });
  }

  filtersEl.addEventListener("input", function () { renderFeed(null); renderGraph(); });
  filtersEl.addEventListener("submit", function (submitted) { submitted.preventDefault(); });

  connect();
  loadInitial();
})();
