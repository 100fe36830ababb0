// The map page: filters, a clustered map, a timeline that filters by brushing, a table and an event
// panel, all over the JSON API of the same server. Article text only ever enters the page as text
// (textContent / text nodes), never as HTML. The URL holds the whole view, so it can be shared.
"use strict";

const FILTERS = ["start", "end", "country", "type", "subtype", "plover", "actor", "claimant", "q", "min_confidence", "happened", "inbox"];
const MAP_LIMIT = 5000; // events drawn on the map at most (the count says how many match)
const PAGE = 200; // table rows fetched at a time
const COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#27ae60",
  "Riots": "#d4ac0d",
  "Strategic developments": "#2c7fb8",
};
const OTHER_COLOUR = "#7f8c8d";
const PRECISION = { town: "town", near_town: "near a town", region: "region", country: "country" };

const state = { filters: {}, tab: "map", event: null, at: null };
let map = null;
let cluster = null;
let tableNext = null;
let days = [];

// ------------------------------------------------------------------ small helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function colour(type) {
  return COLOURS[type] || OTHER_COLOUR;
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.detail || `${r.status}`);
  return body;
}

function query(extra = {}) {
  const p = new URLSearchParams();
  for (const name of FILTERS) {
    const v = state.filters[name];
    if (v === undefined || v === null || v === "" || name === "inbox") continue;
    p.set(name, v);
  }
  if (state.filters.inbox && map) {
    const b = map.getBounds();
    const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
    p.set("bbox", [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((x) => x.toFixed(4)).join(","));
  }
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) p.set(k, v);
  return p;
}

// ------------------------------------------------------------------ the URL holds the view

function readURL() {
  const p = new URLSearchParams(location.search);
  state.filters = {};
  for (const name of FILTERS) if (p.get(name)) state.filters[name] = p.get(name);
  state.tab = p.get("view") === "table" ? "table" : "map";
  state.event = p.get("event");
  const at = (p.get("at") || "").split(",").map(Number);
  state.at = at.length === 3 && at.every(Number.isFinite) ? at : null;
}

function writeURL() {
  const p = query();
  p.delete("bbox");
  if (state.filters.inbox) p.set("inbox", "1");
  if (state.tab === "table") p.set("view", "table");
  if (state.event) p.set("event", state.event);
  if (map) {
    const c = map.getCenter();
    p.set("at", `${c.lat.toFixed(3)},${c.lng.toFixed(3)},${map.getZoom()}`);
  }
  const s = p.toString();
  history.replaceState(null, "", s ? `?${s}` : location.pathname);
}

function formToState() {
  const form = document.getElementById("filters");
  const data = new FormData(form);
  state.filters = {};
  for (const name of FILTERS) {
    const v = data.get(name);
    if (v) state.filters[name] = String(v).trim();
  }
}

function stateToForm() {
  const form = document.getElementById("filters");
  for (const name of FILTERS) {
    const input = form.elements[name];
    if (!input) continue;
    if (input.type === "checkbox") input.checked = Boolean(state.filters[name]);
    else input.value = state.filters[name] || "";
  }
}

// ------------------------------------------------------------------ map

function setupMap() {
  map = L.map("map", { worldCopyJump: true, zoomSnap: 0.5, minZoom: 1, maxZoom: 14, keyboard: true, attributionControl: false });
  const [lat, lon, zoom] = state.at || [20, 20, 2];
  map.setView([lat, lon], zoom);
  cluster = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    iconCreateFunction: (c) => {
      const n = c.getChildCount();
      const size = n < 10 ? 28 : n < 100 ? 34 : 42;
      return L.divIcon({ html: `<span>${Number(n)}</span>`, className: "cluster", iconSize: [size, size] });
    },
  });
  map.addLayer(cluster);
  fetch("/static/vendor/world/countries-50m.json")
    .then((r) => r.json())
    .then((world) => {
      // Antarctica's outline runs along the pole, which the map's projection cannot draw.
      const land = topojson.feature(world, world.objects.countries);
      land.features = land.features.filter((f) => f.id !== "010").map(unwrapped);
      L.geoJSON(land, { interactive: false, style: { color: "#8a9aa8", weight: 0.6, fillColor: "#fbfbf8", fillOpacity: 1 } }).addTo(map).bringToBack();
    });
  map.on("moveend", () => {
    writeURL();
    if (state.filters.inbox) refresh(false);
  });
  const legend = document.getElementById("legend");
  for (const [type, c] of [...Object.entries(COLOURS), ["no ACLED type", OTHER_COLOUR]]) {
    const sw = el("span", { class: "swatch" });
    sw.style.background = c;
    legend.append(el("li", {}, sw, type));
  }
  legend.append(el("li", { text: "solid: town · faint: region · ring: country" }));
}

function unwrapped(feature) {
  // Rings cut at the antimeridian (Russia's east, Fiji) jump from +180 to -180; carrying the longitude
  // on past 180 keeps each ring one shape instead of a band across the whole map.
  const ring = (points) => {
    let shift = 0;
    return points.map(([lon, lat], i) => {
      if (i > 0) {
        const prev = points[i - 1][0];
        if (lon - prev > 180) shift -= 360;
        else if (prev - lon > 180) shift += 360;
      }
      return [lon + shift, lat];
    });
  };
  const g = feature.geometry;
  if (!g) return feature;
  const coordinates = g.type === "Polygon" ? g.coordinates.map(ring) : g.type === "MultiPolygon" ? g.coordinates.map((poly) => poly.map(ring)) : g.coordinates;
  return { ...feature, geometry: { ...g, coordinates } };
}

function marker(e) {
  const p = e.place_precision;
  const style = { radius: p === "country" ? 9 : p === "region" ? 8 : 6, color: colour(e.acled_type), weight: 2 };
  if (p === "country") Object.assign(style, { fillOpacity: 0, dashArray: "3 3" });
  else if (p === "region" || p === "near_town") Object.assign(style, { fillOpacity: 0.35 });
  else Object.assign(style, { fillOpacity: 0.85, fillColor: colour(e.acled_type) });
  const m = L.circleMarker([e.lat, e.lon], style);
  m.bindTooltip(el("span", { text: `${e.date || "undated"} · ${e.acled_subtype || e.plover} · ${e.place || ""} (${PRECISION[p] || p || "?"})` }));
  m.on("click", () => openEvent(e.id));
  m.eventId = e.id;
  return m;
}

async function drawMap() {
  cluster.clearLayers();
  const markers = [];
  let cursor = null;
  while (markers.length < MAP_LIMIT) {
    const page = await getJSON(`/api/events?${query({ limit: 1000, cursor })}`);
    for (const e of page.events) if (e.lat !== null && e.lon !== null) markers.push(marker(e));
    cursor = page.next;
    if (!cursor) break;
  }
  cluster.addLayers(markers);
  return markers.length;
}

// ------------------------------------------------------------------ timeline (brush to filter)

async function drawTimeline() {
  const all = { ...state.filters };
  delete all.start;
  delete all.end;
  const saved = state.filters;
  state.filters = all;
  const p = query();
  state.filters = saved;
  days = (await getJSON(`/api/counts/day?${p}`)).days;
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const width = svg.clientWidth || 600;
  const height = 90;
  const ns = "http://www.w3.org/2000/svg";
  if (!days.length) {
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", 8);
    t.setAttribute("y", 20);
    t.textContent = "no dated events";
    svg.append(t);
    return;
  }
  const first = Date.parse(days[0].date);
  const last = Date.parse(days[days.length - 1].date);
  const span = Math.max(1, (last - first) / 86400000 + 1);
  const bw = Math.max(1, (width - 20) / span);
  const top = Math.max(...days.map((d) => d.count));
  const x = (iso) => 10 + ((Date.parse(iso) - first) / 86400000) * bw;
  for (const d of days) {
    const r = document.createElementNS(ns, "rect");
    const h = Math.max(2, (d.count / top) * (height - 26));
    r.setAttribute("x", x(d.date));
    r.setAttribute("y", height - 14 - h);
    r.setAttribute("width", Math.max(1, bw - 1));
    r.setAttribute("height", h);
    const inside = (!state.filters.start || d.date >= state.filters.start) && (!state.filters.end || d.date <= state.filters.end);
    r.setAttribute("class", inside ? "day on" : "day");
    const title = document.createElementNS(ns, "title");
    title.textContent = `${d.date}: ${d.count}`;
    r.append(title);
    svg.append(r);
  }
  for (const [iso, anchor, at] of [[days[0].date, "start", 10], [days[days.length - 1].date, "end", width - 10]]) {
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", at);
    t.setAttribute("y", height - 2);
    t.setAttribute("text-anchor", anchor);
    t.textContent = iso;
    svg.append(t);
  }
  const dayAt = (px) => {
    const i = Math.round((px - 10) / bw);
    const ms = first + Math.min(span - 1, Math.max(0, i)) * 86400000;
    return new Date(ms).toISOString().slice(0, 10);
  };
  let from = null;
  let brush = null;
  svg.onpointerdown = (ev) => {
    from = ev.offsetX;
    brush = document.createElementNS(ns, "rect");
    brush.setAttribute("class", "brush");
    brush.setAttribute("y", 0);
    brush.setAttribute("height", height - 14);
    svg.append(brush);
    svg.setPointerCapture(ev.pointerId);
  };
  svg.onpointermove = (ev) => {
    if (from === null) return;
    brush.setAttribute("x", Math.min(from, ev.offsetX));
    brush.setAttribute("width", Math.abs(ev.offsetX - from));
  };
  svg.onpointerup = (ev) => {
    if (from === null) return;
    const a = Math.min(from, ev.offsetX);
    const b = Math.max(from, ev.offsetX);
    from = null;
    if (b - a < 3) {
      brush.remove();
      return;
    }
    state.filters.start = dayAt(a);
    state.filters.end = dayAt(b);
    stateToForm();
    refresh(true);
  };
}

// ------------------------------------------------------------------ table

function tableRow(e) {
  const row = el(
    "tr",
    { tabindex: 0, "data-id": e.id, onclick: () => openEvent(e.id), onkeydown: (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openEvent(e.id); } } },
    el("td", { text: e.date || "undated" }),
    el("td", { text: e.acled_subtype || e.acled_type || e.plover }),
    el("td", { text: `${e.place || "?"} (${PRECISION[e.place_precision] || "no place"})` }),
    el("td", { text: [...e.actors, ...e.recipients].join(" · ") }),
    el("td", { text: e.killed ?? "" }),
    el("td", { text: e.claimant || "" }),
  );
  return row;
}

async function drawTable(more) {
  const body = document.querySelector("#table tbody");
  if (!more) {
    body.replaceChildren();
    tableNext = null;
  }
  const page = await getJSON(`/api/events?${query({ limit: PAGE, cursor: more ? tableNext : null })}`);
  body.append(...page.events.map(tableRow));
  tableNext = page.next;
  document.getElementById("more").hidden = !tableNext;
}

// ------------------------------------------------------------------ event panel

function highlighted(sentence, spans) {
  // The sentence as text nodes, with each evidence span inside it wrapped in a <mark>.
  const out = el("blockquote", { id: "evidence-sentence" });
  const start = sentence.start;
  const text = sentence.text;
  const inside = spans
    .filter((s) => s.start >= start && s.end <= start + text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const s of inside) {
    const from = s.start - start;
    if (from < at) continue; // overlapping spans: the first one shown
    out.append(document.createTextNode(text.slice(at, from)));
    out.append(el("mark", { class: `f-${s.field}`, title: `${s.field} (${s.stage})${s.reason ? ": " + s.reason : ""}`, text: text.slice(from, s.end - start) }));
    at = s.end - start;
  }
  out.append(document.createTextNode(text.slice(at)));
  return out;
}

function wholeArticle(text, e) {
  // The article as text, its event sentence and every joined telling marked.
  const marks = [{ start: e.sentence_span.start, end: e.sentence_span.end }, ...(e.mentions || [])]
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.end > m.start)
    .sort((a, b) => a.start - b.start);
  const body = el("div", { class: "article" });
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    body.append(document.createTextNode(text.slice(at, m.start)), el("mark", { text: text.slice(m.start, m.end) }));
    at = m.end;
  }
  body.append(document.createTextNode(text.slice(at)));
  return el("details", {}, el("summary", { text: "The whole article" }), body);
}

function certaintyBadges(c) {
  const badges = [];
  if (c.negated) badges.push(el("span", { class: "badge bad", text: "negated" }));
  if (c.hypothetical) badges.push(el("span", { class: "badge warn", text: "hypothetical" }));
  if (c.future) badges.push(el("span", { class: "badge warn", text: "future" }));
  if (c.hedges && c.hedges.length) badges.push(el("span", { class: "badge warn", text: `hedged: ${c.hedges.join(", ")}` }));
  if (!badges.length) badges.push(el("span", { class: "badge", text: "stated as fact" }));
  return badges;
}

function reportsTable(incident, current) {
  const fields = [["killed", "Killed"], ["wounded", "Wounded"], ["date", "Date"], ["place", "Place"], ["claimant", "Claimant"]];
  const differs = {};
  for (const [f] of fields) differs[f] = new Set(incident.members.map((m) => String(m[f] ?? ""))).size > 1;
  const head = el("tr", {}, el("th", { scope: "col", text: "Source" }), ...fields.map(([, label]) => el("th", { scope: "col", text: label })));
  const rows = incident.members.map((m) =>
    el(
      "tr",
      {},
      el("td", {}, m.id === current ? el("strong", { text: m.publisher || "this report" }) : el("button", { type: "button", class: "link", text: m.publisher || m.title || "a report", onclick: () => openEvent(m.id) })),
      ...fields.map(([f]) => el("td", { class: differs[f] ? "differs" : null, text: m[f] ?? "" })),
    ),
  );
  return el("table", { class: "reports" }, el("caption", { text: "Every report of this incident" }), el("thead", {}, head), el("tbody", {}, ...rows));
}

async function openEvent(id) {
  const panel = document.getElementById("panel");
  const body = document.getElementById("panel-body");
  let e;
  try {
    e = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  } catch (err) {
    body.replaceChildren(el("p", { text: `Could not load the event: ${err.message}` }));
    panel.hidden = false;
    return;
  }
  state.event = id;
  writeURL();
  const doc = e.document || {};
  const sentence = { start: e.sentence_span.start, text: e.sentence };
  const parts = [
    el("h2", { text: `${e.acled_subtype || e.acled_type || e.plover}` }),
    el("p", { class: "meta", text: `${e.date || "undated"} (${e.date_precision || "?"}) · ${e.place || "no place"} (${PRECISION[e.place_precision] || "?"}) · ${e.country || ""}` }),
    el("div", {}, ...certaintyBadges(e.certainty || {}), e.window === "background" ? el("span", { class: "badge warn", text: "background" }) : null),
    highlighted(sentence, e.evidence),
    el(
      "dl",
      { class: "fields" },
      el("dt", { text: "Claimant" }), el("dd", { text: e.claimant || "not attributed" }),
      el("dt", { text: "Actors" }), el("dd", { text: e.actors.join(" · ") || "—" }),
      el("dt", { text: "Targets" }), el("dd", { text: e.recipients.join(" · ") || "—" }),
      el("dt", { text: "Killed" }), el("dd", { text: e.killed ?? "not stated" }),
      el("dt", { text: "Wounded" }), el("dd", { text: e.wounded ?? "not stated" }),
      el("dt", { text: "Weapons" }), el("dd", { text: (e.weapons || []).map((w) => w.name).join(", ") || "—" }),
      el("dt", { text: "Confidence" }), el("dd", { text: Number(e.confidence).toFixed(2) }),
      el("dt", { text: "Source" }), el("dd", { text: [doc.publisher, doc.published, doc.title].filter(Boolean).join(" · ") || "—" }),
    ),
  ];
  if (e.reasons && e.reasons.length) parts.push(el("p", { class: "meta", text: `Why: ${e.reasons.join("; ")}` }));
  if (e.mentions && e.mentions.length) {
    parts.push(el("p", { class: "meta", text: "Also told in this article:" }), el("ul", {}, ...e.mentions.map((m) => el("li", { text: m.text }))));
  }
  if (e.incident && e.incident.members.length > 1) parts.push(reportsTable(e.incident, e.id));
  if (doc.text) parts.push(wholeArticle(doc.text, e));
  body.replaceChildren(...parts);
  panel.hidden = false;
  panel.focus();
  if (map) map.invalidateSize();
}

function closePanel() {
  document.getElementById("panel").hidden = true;
  state.event = null;
  writeURL();
  if (map) map.invalidateSize();
}

// ------------------------------------------------------------------ everything together

async function fillTypeOptions() {
  const types = (await getJSON("/api/counts/type")).types;
  const typeSel = document.querySelector("select[name=type]");
  const subSel = document.querySelector("select[name=subtype]");
  const seenType = new Set();
  for (const t of types) {
    if (t.acled_type && !seenType.has(t.acled_type)) {
      seenType.add(t.acled_type);
      typeSel.append(el("option", { value: t.acled_type, text: t.acled_type }));
    }
    if (t.acled_subtype) subSel.append(el("option", { value: t.acled_subtype, text: t.acled_subtype }));
  }
}

async function refresh(redrawTimeline) {
  writeURL();
  const count = document.getElementById("count");
  try {
    const total = (await getJSON(`/api/events/count?${query()}`)).count;
    for (const [id, fmt] of [["dl-geojson", "geojson"], ["dl-csv", "csv"]]) document.getElementById(id).href = `/api/events.${fmt}?${query()}`;
    const drawn = state.tab === "map" ? await drawMap() : (await drawTable(false), null);
    count.textContent = `${total} event${total === 1 ? "" : "s"}` + (drawn !== null && drawn < total ? ` (${drawn} on the map)` : "");
    count.dataset.count = String(total);
    if (redrawTimeline) await drawTimeline();
  } catch (err) {
    count.textContent = `Error: ${err.message}`;
  }
}

function showTab(tab) {
  state.tab = tab;
  document.getElementById("tab-map").setAttribute("aria-selected", String(tab === "map"));
  document.getElementById("tab-table").setAttribute("aria-selected", String(tab === "table"));
  document.getElementById("map-view").hidden = tab !== "map";
  document.getElementById("table-view").hidden = tab !== "table";
  if (tab === "map" && map) map.invalidateSize();
  refresh(false);
}

async function main() {
  readURL();
  stateToForm();
  setupMap();
  document.getElementById("filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    formToState();
    refresh(true);
  });
  document.getElementById("reset").addEventListener("click", () => {
    state.filters = {};
    stateToForm();
    refresh(true);
  });
  document.getElementById("tab-map").addEventListener("click", () => showTab("map"));
  document.getElementById("tab-table").addEventListener("click", () => showTab("table"));
  document.getElementById("more").addEventListener("click", () => drawTable(true));
  document.getElementById("close").addEventListener("click", closePanel);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && !document.getElementById("panel").hidden) closePanel();
  });
  await fillTypeOptions();
  stateToForm();
  if (state.tab === "table") showTab("table");
  else await refresh(false);
  await drawTimeline();
  if (state.event) await openEvent(state.event);
  document.body.dataset.ready = "1";
}

window.addEventListener("DOMContentLoaded", main);
