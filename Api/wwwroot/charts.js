// Hand-written SVG line charts for the dashboards (no chart library). Served at /dashboard/assets/charts.js.
// const chart = SupplyGridCharts.lineChart(figure, { format }); chart.update({ times: [ms...], series: [{ name, values }] });
// The figure holds an <svg> and a <ul class="legend">. After each draw the svg carries data-points (samples drawn),
// data-series (lines drawn) and data-updated (time of the newest sample), which tests and curious operators can read.
'use strict';
(function () {
  const { el, formatCompact, formatTime } = window.SupplyGrid;
  const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569', '#ea580c'];
  const MARGIN = { right: 8, top: 8, bottom: 20 };
  const CHARACTER_WIDTH = 6;
  const MIN_SPAN_MS = 60_000;

  // The smallest 1, 2, 2.5 or 5 x 10^k at or above the value: round axis maxima.
  function niceCeiling(value) {
    if (!(value > 0)) return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    for (const m of [1, 2, 2.5, 5, 10]) {
      if (value <= m * power + 1e-9) return m * power;
    }
    return 10 * power;
  }

  function lineChart(figure, { format = formatCompact } = {}) {
    const svg = figure.querySelector('svg');
    const legend = figure.querySelector('.legend');
    let data = { times: [], series: [] };
    let hover = null;

    // Time runs over the samples (at least a minute); values from 0 to a round maximum; the left margin fits the labels.
    function scales(width, height) {
      const times = data.times;
      const end = times.length ? times[times.length - 1] : Date.now();
      const start = Math.min(times.length ? times[0] : end, end - MIN_SPAN_MS);
      let max = 0;
      for (const s of data.series) for (const v of s.values) if (v > max) max = v;
      const top = niceCeiling(max);
      const ticks = [0, 1, 2, 3, 4].map(i => ({ value: (top * i) / 4, label: format((top * i) / 4) }));
      const left = 10 + CHARACTER_WIDTH * Math.max(...ticks.map(t => t.label.length));
      const plotWidth = width - left - MARGIN.right;
      const plotHeight = height - MARGIN.top - MARGIN.bottom;
      return {
        start, end, ticks, left,
        x: t => left + ((t - start) / (end - start)) * plotWidth,
        y: v => MARGIN.top + plotHeight - (Math.max(0, v) / top) * plotHeight,
        timeAt: px => start + ((px - left) / plotWidth) * (end - start),
      };
    }

    function draw() {
      const width = Math.max(200, Math.round(svg.clientWidth || 600));
      const height = Math.max(100, Math.round(svg.clientHeight || 170));
      svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
      const s = scales(width, height);
      const nodes = [];

      for (const tick of s.ticks) {
        const y = s.y(tick.value);
        nodes.push(el('svg:line', { class: 'grid', x1: s.left, x2: width - MARGIN.right, y1: y, y2: y }));
        nodes.push(el('svg:text', { class: 'axis', x: s.left - 4, y: y + 3, 'text-anchor': 'end' }, tick.label));
      }
      for (let i = 0; i <= 3; i++) {
        const t = s.start + ((s.end - s.start) * i) / 3;
        nodes.push(el('svg:text', { class: 'axis', x: s.x(t), y: height - 5, 'text-anchor': i === 0 ? 'start' : i === 3 ? 'end' : 'middle' }, formatTime(t)));
      }

      const points = data.times.length;
      data.series.forEach((series, index) => {
        const coordinates = [];
        for (let i = 0; i < points; i++) {
          coordinates.push(`${s.x(data.times[i]).toFixed(1)},${s.y(series.values[i] ?? 0).toFixed(1)}`);
        }
        nodes.push(el('svg:polyline', {
          class: 'series', points: coordinates.join(' '), stroke: series.color || PALETTE[index % PALETTE.length], 'data-name': series.name,
        }));
      });
      if (points === 0) {
        nodes.push(el('svg:text', { class: 'empty', x: width / 2, y: height / 2, 'text-anchor': 'middle' }, 'waiting for samples…'));
      }
      if (hover !== null && points > 0) nodes.push(...hoverMarks(s, width, height));

      svg.replaceChildren(...nodes);
      svg.dataset.points = String(points);
      svg.dataset.series = String(data.series.length);
      svg.dataset.updated = points ? new Date(data.times[points - 1]).toISOString() : '';
      drawLegend();
    }

    // The sample nearest the pointer: a vertical rule and the values at that time.
    function hoverMarks(s, width, height) {
      const t = s.timeAt(hover);
      let index = 0;
      for (let i = 1; i < data.times.length; i++) {
        if (Math.abs(data.times[i] - t) < Math.abs(data.times[index] - t)) index = i;
      }
      const x = s.x(data.times[index]);
      const lines = [formatTime(data.times[index])].concat(
        data.series.map(series => `${series.name}: ${format(series.values[index] ?? 0)}`));
      const boxWidth = 12 + 6.2 * Math.max(...lines.map(l => l.length));
      const boxX = x + boxWidth + 12 > width ? x - boxWidth - 6 : x + 6;
      return [
        el('svg:line', { class: 'hover', x1: x, x2: x, y1: MARGIN.top, y2: height - MARGIN.bottom }),
        el('svg:rect', { class: 'tip', x: boxX, y: MARGIN.top, width: boxWidth, height: 6 + lines.length * 13, rx: 3 }),
        ...lines.map((line, i) => el('svg:text', { class: 'tip', x: boxX + 6, y: MARGIN.top + 14 + i * 13 }, line)),
      ];
    }

    function drawLegend() {
      if (!legend) return;
      legend.replaceChildren(...data.series.map((series, index) => {
        const swatch = el('span', { class: 'swatch' });
        swatch.style.setProperty('background', series.color || PALETTE[index % PALETTE.length]);
        const latest = series.values.length ? format(series.values[series.values.length - 1]) : '–';
        return el('li', {}, swatch, series.name, ' ', el('b', {}, latest));
      }));
    }

    svg.addEventListener('mousemove', event => {
      const box = svg.getBoundingClientRect();
      hover = event.clientX - box.left;
      draw();
    });
    svg.addEventListener('mouseleave', () => {
      hover = null;
      draw();
    });
    new ResizeObserver(() => draw()).observe(svg);

    return {
      update(next) {
        data = next;
        draw();
      },
    };
  }

  window.SupplyGridCharts = { lineChart, PALETTE };
})();
