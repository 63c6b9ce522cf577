// The city map: H3 cells as SVG hexagons over a light base map, coloured by supply/demand ratio or surge, a legend,
// and a tooltip with a cell's figures. Outlines come from /api/dashboard/cells (computed by the silo's H3) and are
// kept, since a cell's outline never changes. Served at /dashboard/assets/hexmap.js; exposes window.SupplyGridHexMap.create(...).
// The svg carries data-cells (hexagons drawn) and data-updates (live changes applied); each hexagon carries data-h3,
// data-drivers, data-ratio, data-surge and data-status.
'use strict';
(function () {
  const S = window.SupplyGrid;
  const { el } = S;
  const KM_PER_DEGREE = 111.32;
  const OUTLINES_PER_REQUEST = 200;
  const MIN_EXTENT_KM = 8;

  // Colour stops over log2(ratio): deficit red through neutral to surplus blue, turning at the domain's default
  // thresholds (critical below 0.3, undersupplied below 0.5, oversupplied above 2). A city configured with other
  // thresholds keeps these colours; the status in the tooltip and the hotspots is the cell's own.
  const RATIO_STOPS = [[0.25, '#991b1b'], [0.3, '#b91c1c'], [0.5, '#f59e0b'], [1, '#f1f2ee'], [2, '#60a5fa'], [4, '#1e3a8a']];
  const SURGE_STOPS = [[1, '#f1f2ee'], [1.5, '#fcd34d'], [2, '#f97316'], [3, '#7f1d1d']];
  const SCALES = {
    ratio: {
      stops: RATIO_STOPS.map(([v, c]) => [Math.log2(v), c]),
      position: zone => Math.log2(Math.max(zone.ratio, 1e-3)),
      ticks: [0.25, 0.3, 0.5, 1, 2, 4].map(v => [Math.log2(v), String(v)]),
      bands: [[Math.log2(0.25), Math.log2(0.3), 'critical'], [Math.log2(0.3), Math.log2(0.5), 'under'],
        [Math.log2(0.5), Math.log2(2), 'balanced'], [Math.log2(2), Math.log2(4), 'oversupplied']],
      title: 'supply / demand',
    },
    surge: {
      stops: SURGE_STOPS,
      position: zone => zone.surge,
      ticks: [1, 1.5, 2, 2.5, 3].map(v => [v, `×${v.toFixed(1)}`]),
      bands: [],
      title: 'surge multiplier',
    },
  };

  function hex(colour) {
    return [1, 3, 5].map(i => parseInt(colour.slice(i, i + 2), 16));
  }

  function colourAt(stops, position) {
    if (position <= stops[0][0]) return stops[0][1];
    for (let i = 1; i < stops.length; i++) {
      const [p1, c1] = stops[i];
      if (position <= p1) {
        const [p0, c0] = stops[i - 1];
        const t = (position - p0) / (p1 - p0);
        const a = hex(c0);
        const b = hex(c1);
        return `rgb(${a.map((v, k) => Math.round(v + (b[k] - v) * t)).join(',')})`;
      }
    }
    return stops[stops.length - 1][1];
  }

  function create(svg, tooltip, legend, { onSelect } = {}) {
    const cells = new Map(); // h3 -> { zone, polygon }
    const outlines = new Map(); // h3 -> [[lat, lng], ...]
    let mode = 'ratio';
    let origin = null; // { lat, lng, cos }
    let extent = null; // { minX, minY, maxX, maxY } in km
    let updates = 0;
    let selected = null;
    const landLayer = el('svg:g', { class: 'land' });
    const layer = el('svg:g', { class: 'cells' });
    svg.append(landLayer, layer);

    function project([lat, lng]) {
      return [(lng - origin.lng) * origin.cos * KM_PER_DEGREE, -(lat - origin.lat) * KM_PER_DEGREE];
    }

    // The view grows to take in new cells and never shrinks, so hexagons do not jump as the city changes.
    function include(points) {
      for (const [x, y] of points) {
        if (!extent) extent = { minX: x, maxX: x, minY: y, maxY: y };
        extent.minX = Math.min(extent.minX, x);
        extent.maxX = Math.max(extent.maxX, x);
        extent.minY = Math.min(extent.minY, y);
        extent.maxY = Math.max(extent.maxY, y);
      }
      const width = Math.max(extent.maxX - extent.minX, MIN_EXTENT_KM);
      const height = Math.max(extent.maxY - extent.minY, MIN_EXTENT_KM * 0.6);
      const cx = (extent.minX + extent.maxX) / 2;
      const cy = (extent.minY + extent.maxY) / 2;
      const pad = 0.6;
      svg.setAttribute('viewBox', `${(cx - width / 2 - pad).toFixed(3)} ${(cy - height / 2 - pad).toFixed(3)} ${(width + 2 * pad).toFixed(3)} ${(height + 2 * pad).toFixed(3)}`);
    }

    function setCity(city) {
      const lat = (city.south + city.north) / 2;
      const lng = (city.west + city.east) / 2;
      origin = { lat, lng, cos: Math.cos((lat * Math.PI) / 180) };
      if (!extent) {
        // Until cells arrive, frame the middle of the city rather than its whole (mostly sea) bounding box.
        include([project([lat - 0.05, lng - 0.08]), project([lat + 0.05, lng + 0.08])]);
      }
    }

    // The base map: land rings as [lat, lng] points (see Api/Dashboards/BaseMap). Drawn under the cells, outside the extent.
    function setLand(rings) {
      landLayer.replaceChildren(...rings.map(ring => el('svg:polygon', {
        class: 'land', points: ring.map(project).map(p => p[0].toFixed(3) + ',' + p[1].toFixed(3)).join(' '),
      })));
    }

    function fill(zone) {
      const scale = SCALES[mode];
      return colourAt(scale.stops, scale.position(zone));
    }

    function paint(entry) {
      const { zone, polygon } = entry;
      polygon.setAttribute('fill', fill(zone));
      polygon.dataset.drivers = String(zone.drivers);
      polygon.dataset.ratio = String(zone.ratio);
      polygon.dataset.surge = String(zone.surge);
      polygon.dataset.status = zone.status;
    }

    function draw(zone) {
      let entry = cells.get(zone.h3);
      if (!entry) {
        const points = outlines.get(zone.h3).map(project);
        include(points);
        const polygon = el('svg:polygon', { class: 'cell', 'data-h3': zone.h3, points: points.map(p => p[0].toFixed(3) + ',' + p[1].toFixed(3)).join(' ') });
        layer.append(polygon);
        entry = { zone, polygon };
        cells.set(zone.h3, entry);
        if (selected === zone.h3) polygon.classList.add('selected');
      }
      entry.zone = zone;
      paint(entry);
    }

    function remove(h3) {
      pending.delete(h3);
      const entry = cells.get(h3);
      if (!entry) return;
      entry.polygon.remove();
      cells.delete(h3);
    }

    // Zones whose outline has not arrived yet (the newest figures of each), and the outlines being fetched.
    const pending = new Map();
    const requested = new Set();

    async function fetchOutlines() {
      const missing = [...pending.keys()].filter(h3 => !outlines.has(h3) && !requested.has(h3));
      missing.forEach(h3 => requested.add(h3));
      try {
        for (let i = 0; i < missing.length; i += OUTLINES_PER_REQUEST) {
          const batch = missing.slice(i, i + OUTLINES_PER_REQUEST);
          const answer = await S.getJson('/api/dashboard/cells?h3=' + batch.join(','));
          for (const cell of answer.cells) outlines.set(cell.h3, cell.boundary);
        }
      } finally {
        missing.forEach(h3 => requested.delete(h3));
      }
      for (const [h3, zone] of [...pending]) {
        if (!outlines.has(h3)) continue;
        pending.delete(h3);
        draw(zone);
      }
      svg.dataset.cells = String(cells.size);
    }

    // Draws what it can now and the rest once their outlines are in; resolves when every zone is drawn.
    async function apply(zones, retired) {
      for (const h3 of retired) remove(h3);
      for (const zone of zones) {
        if (outlines.has(zone.h3)) draw(zone);
        else pending.set(zone.h3, zone);
      }
      svg.dataset.cells = String(cells.size);
      if (pending.size) await fetchOutlines();
    }

    function flash(zones) {
      for (const zone of zones) {
        const polygon = cells.get(zone.h3)?.polygon;
        if (!polygon) continue;
        polygon.classList.add('flash');
        setTimeout(() => polygon.classList.remove('flash'), 900);
      }
    }

    async function snapshot(zones) {
      const keep = new Set(zones.map(z => z.h3));
      await apply(zones, [...cells.keys()].filter(h3 => !keep.has(h3)));
    }

    async function change(zones, retired) {
      await apply(zones, retired);
      flash(zones);
      updates++;
      svg.dataset.updates = String(updates);
    }

    function setMode(next) {
      mode = next;
      for (const entry of cells.values()) paint(entry);
      drawLegend();
    }

    function showTooltip(h3, clientX, clientY) {
      const entry = cells.get(h3);
      if (!entry) return;
      const z = entry.zone;
      const row = (label, value) => el('tr', {}, el('td', {}, label), el('td', {}, value));
      S.replaceChildren(tooltip, [
        el('div', {}, el('b', {}, z.h3), ' ', el('span', { class: 'status-chip', 'data-status': z.status }, z.status)),
        el('table', {},
          row('drivers here', S.formatNumber(z.drivers)),
          row('expected demand', S.formatNumber(z.expected_demand, 1)),
          row('supply (smoothed)', S.formatNumber(z.supply, 2)),
          row('demand (smoothed)', S.formatNumber(z.demand, 2)),
          row('supply / demand', S.formatNumber(z.ratio, 2)),
          row('surge', '×' + S.formatNumber(z.surge, 2)),
          row('updated', S.formatTime(z.updated_at))),
      ]);
      tooltip.hidden = false;
      const box = svg.getBoundingClientRect();
      const x = clientX - box.left + 14;
      const y = clientY - box.top + 14;
      tooltip.style.left = Math.min(x, box.width - tooltip.offsetWidth - 4) + 'px';
      tooltip.style.top = Math.min(y, box.height - tooltip.offsetHeight - 4) + 'px';
    }

    function select(h3) {
      if (selected) cells.get(selected)?.polygon.classList.remove('selected');
      selected = h3;
      const entry = cells.get(h3);
      if (!entry) return;
      entry.polygon.classList.add('selected');
      const box = entry.polygon.getBoundingClientRect();
      showTooltip(h3, box.left + box.width / 2, box.top + box.height / 2);
    }

    svg.addEventListener('mousemove', event => {
      const polygon = event.target.closest?.('polygon.cell');
      if (polygon) showTooltip(polygon.dataset.h3, event.clientX, event.clientY);
      else tooltip.hidden = true;
    });
    svg.addEventListener('mouseleave', () => { tooltip.hidden = true; });
    svg.addEventListener('click', event => {
      const polygon = event.target.closest?.('polygon.cell');
      if (polygon) {
        select(polygon.dataset.h3);
        onSelect?.(polygon.dataset.h3);
      }
    });

    function drawLegend() {
      const scale = SCALES[mode];
      const width = Math.max(300, Math.round(legend.clientWidth || 600));
      legend.setAttribute('viewBox', `0 0 ${width} 38`);
      const lo = scale.stops[0][0];
      const hi = scale.stops[scale.stops.length - 1][0];
      const inset = 24;
      const x = p => inset + ((p - lo) / (hi - lo)) * (width - 2 * inset);
      const steps = 80;
      const nodes = [];
      for (let i = 0; i < steps; i++) {
        const p = lo + ((hi - lo) * (i + 0.5)) / steps;
        nodes.push(el('svg:rect', { x: x(lo + ((hi - lo) * i) / steps), y: 4, width: (width - 2 * inset) / steps + 0.5, height: 10, fill: colourAt(scale.stops, p) }));
      }
      for (const [p, label] of scale.ticks) {
        nodes.push(el('svg:line', { x1: x(p), x2: x(p), y1: 14, y2: 18, stroke: '#65717e' }));
        nodes.push(el('svg:text', { x: x(p), y: 28, 'text-anchor': 'middle' }, label));
      }
      for (const [from, to, label] of scale.bands) {
        nodes.push(el('svg:text', { x: (x(from) + x(to)) / 2, y: 37, 'text-anchor': 'middle', class: 'band' }, label));
      }
      if (!scale.bands.length) nodes.push(el('svg:text', { x: width - inset, y: 37, 'text-anchor': 'end' }, scale.title));
      legend.replaceChildren(...nodes);
      legend.dataset.mode = mode;
    }

    new ResizeObserver(() => drawLegend()).observe(legend);
    drawLegend();

    return { setCity, setLand, snapshot, change, setMode, select, get size() { return cells.size; } };
  }

  window.SupplyGridHexMap = { create };
})();
