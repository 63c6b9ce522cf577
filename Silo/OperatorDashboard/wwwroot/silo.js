// The silo dashboard: polls /silo/api/overview and /silo/api/history?after= and draws tiles, charts and tables.
'use strict';
(function () {
  const S = window.SupplyGrid;
  const { el } = S;
  const REFRESH_MS = 2000;
  const TOP_METHODS = 15;

  const statusBadge = document.getElementById('status');
  let history = null;
  let methodOrder = 'rate';
  let lastOverview = null;

  const perType = (h, figure) => Object.entries(h.grain_types).map(([type, columns]) => ({ name: type, values: columns[figure] }));
  const chartSeries = {
    calls: h => [
      { name: 'calls/s', values: h.series.calls_per_second },
      { name: 'failures/s', values: h.series.failures_per_second, color: '#dc2626' },
    ],
    activations: h => perType(h, 'activations'),
    mailboxes: h => perType(h, 'mailbox_depth'),
    cpu: h => [{ name: 'CPU', values: h.series.cpu_percent }],
    memory: h => [
      { name: 'working set', values: h.series.working_set_bytes },
      { name: 'GC heap', values: h.series.gc_heap_bytes },
    ],
    gc: h => [
      { name: 'gen 0', values: h.series.gen0_per_second },
      { name: 'gen 1', values: h.series.gen1_per_second },
      { name: 'gen 2', values: h.series.gen2_per_second },
    ],
    threadpool: h => [
      { name: 'queued work items', values: h.series.thread_pool_queue_length },
      { name: 'threads', values: h.series.thread_pool_threads },
    ],
    'kafka-rate': h => Object.entries(h.kafka_records_per_second).map(([topic, values]) => ({ name: topic, values })),
    'kafka-lag': h => [
      { name: 'lag', values: h.series.kafka_consumer_lag },
      { name: 'in flight', values: h.series.kafka_in_flight },
    ],
  };
  const chartFormats = { memory: S.formatBytes, cpu: v => S.formatNumber(v, v < 10 ? 1 : 0) + '%' };
  const charts = {};
  for (const figure of document.querySelectorAll('figure[data-chart]')) {
    charts[figure.dataset.chart] = window.SupplyGridCharts.lineChart(figure, { format: chartFormats[figure.dataset.chart] });
  }

  function setStatus(state, text) {
    statusBadge.dataset.state = state;
    statusBadge.textContent = text;
  }

  // Appends the samples of a later history answer, padding series that appear or vanish with zeros, and keeps the
  // newest `capacity` samples.
  function mergeHistory(base, next) {
    if (!base) return { ...next, time: next.time.map(Date.parse) };
    const oldLength = base.time.length;
    const newLength = next.time.length;
    const join = (a, b) => (a || new Array(oldLength).fill(0)).concat(b || new Array(newLength).fill(0));
    const joinAll = (a, b, keys) => Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map(k => [k, keys(a[k], b[k])]));
    const merged = {
      ...next,
      time: base.time.concat(next.time.map(Date.parse)),
      series: joinAll(base.series, next.series, join),
      kafka_records_per_second: joinAll(base.kafka_records_per_second, next.kafka_records_per_second, join),
      grain_types: joinAll(base.grain_types, next.grain_types, (a, b) => ({
        activations: join(a?.activations, b?.activations),
        mailbox_depth: join(a?.mailbox_depth, b?.mailbox_depth),
        calls_per_second: join(a?.calls_per_second, b?.calls_per_second),
      })),
    };
    const excess = merged.time.length - next.capacity;
    if (excess > 0) trim(merged, excess);
    return merged;
  }

  function trim(h, count) {
    h.time = h.time.slice(count);
    for (const key of Object.keys(h.series)) h.series[key] = h.series[key].slice(count);
    for (const key of Object.keys(h.kafka_records_per_second)) h.kafka_records_per_second[key] = h.kafka_records_per_second[key].slice(count);
    for (const columns of Object.values(h.grain_types)) {
      for (const key of Object.keys(columns)) columns[key] = columns[key].slice(count);
    }
  }

  function drawCharts() {
    for (const [name, chart] of Object.entries(charts)) {
      chart.update({ times: history.time, series: chartSeries[name](history) });
    }
  }

  function tile(key, label, value, sub) {
    return el('div', { class: 'tile', 'data-tile': key }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, value), el('div', { class: 'sub' }, sub || ''));
  }

  function drawTiles(o) {
    const p = o.process;
    const k = o.kafka;
    const sum = values => values.reduce((a, b) => a + b, 0);
    S.replaceChildren(document.getElementById('tiles'), [
      tile('activations', 'Activations', S.formatCompact(o.grid.activations), `${o.grid.grain_types.length} grain types`),
      tile('calls', 'Calls / s', S.formatCompact(o.grid.calls_per_second), `${S.formatCompact(o.grid.failures_per_second)} failures / s`),
      tile('pending', 'Waiting messages', S.formatCompact(o.grid.pending_messages), 'in all mailboxes'),
      tile('reminders', 'Reminders', S.formatNumber(o.grid.reminders), 'scheduled'),
      tile('cpu', 'CPU', S.formatNumber(p.cpu_percent, 1) + '%', `of ${o.silo.processor_count} cores`),
      tile('memory', 'Working set', S.formatBytes(p.working_set_bytes), `GC heap ${S.formatBytes(p.gc_heap_bytes)}`),
      tile('gc', 'GC pause', S.formatNumber(p.gc_pause_percent, 1) + '%', `gen0 ${p.gen0_collections} · gen1 ${p.gen1_collections} · gen2 ${p.gen2_collections}`),
      tile('threadpool', 'Thread-pool queue', S.formatCompact(p.thread_pool_queue_length), `${p.thread_pool_threads} threads`),
      tile('kafka-rate', 'Kafka records / s', k ? S.formatCompact(sum(k.topics.map(t => t.records_per_second))) : '–', k ? `${S.formatCompact(k.in_flight)} in flight` : 'no Kafka streams'),
      tile('kafka-lag', 'Consumer lag', k ? S.formatCompact(k.consumer_lag) : '–', k ? `${k.partitions.length} partitions` : ''),
      tile('dead-letters', 'Dead letters', k ? S.formatCompact(sum(Object.values(k.dead_letters_by_reason))) : '–', 'since start'),
    ]);
  }

  function table(id, headings, rows) {
    const head = el('tr', {}, headings.map(h => el('th', { class: h.num ? 'num' : undefined }, h.label)));
    S.replaceChildren(document.getElementById(id), [el('thead', {}, head), el('tbody', {}, rows)]);
  }

  const num = (value, className) => el('td', { class: className ? `num ${className}` : 'num' }, value);

  function drawGrainTypes(o) {
    const rows = [...o.grid.grain_types].sort((a, b) => b.activations - a.activations || a.grain_type.localeCompare(b.grain_type))
      .map(t => el('tr', { class: t.failures_per_second > 0 ? 'bad' : undefined, 'data-grain-type': t.grain_type },
        el('td', {}, t.grain_type), num(S.formatNumber(t.activations)), num(S.formatNumber(t.mailbox_depth)),
        num(S.formatCompact(t.calls_per_second)), num(S.formatCompact(t.failures_per_second)),
        num(S.formatNumber(t.calls)), num(S.formatNumber(t.failures))));
    table('grain-types', [
      { label: 'grain type' }, { label: 'activations', num: true }, { label: 'mailbox depth', num: true },
      { label: 'calls/s', num: true }, { label: 'failures/s', num: true }, { label: 'calls', num: true }, { label: 'failures', num: true },
    ], rows);
  }

  const methodKeys = {
    rate: m => m.calls_per_second,
    calls: m => m.calls,
    failures: m => m.failures,
    p99: m => m.p99_microseconds,
  };

  function drawMethods(o) {
    const key = methodKeys[methodOrder];
    const methods = o.grid.grain_types.flatMap(t => t.methods.map(m => ({ ...m, grain_type: t.grain_type })))
      .sort((a, b) => key(b) - key(a) || b.calls - a.calls).slice(0, TOP_METHODS);
    const rows = methods.map(m => el('tr', { class: m.failures > 0 ? 'bad' : undefined },
      el('td', {}, m.grain_type), el('td', { class: 'method', title: `${m.interface}.${m.method}` }, `${m.interface}.${m.method}`),
      num(S.formatCompact(m.calls_per_second)), num(S.formatNumber(m.calls)), num(S.formatNumber(m.failures)),
      num(m.calls ? S.formatPercent(m.failures / m.calls, 1) : '–'),
      num(S.formatMicroseconds(m.p50_microseconds)), num(S.formatMicroseconds(m.p99_microseconds))));
    table('methods', [
      { label: 'grain type' }, { label: 'method' }, { label: 'calls/s', num: true }, { label: 'calls', num: true },
      { label: 'errors', num: true }, { label: 'error rate', num: true }, { label: 'p50', num: true }, { label: 'p99', num: true },
    ], rows);
  }

  function drawKafka(o) {
    const k = o.kafka;
    document.getElementById('kafka-note').textContent = k
      ? `Delivery from consume to finished grain turn: p50 ${S.formatNumber(k.delivery_p50_milliseconds, 1)} ms, p99 ${S.formatNumber(k.delivery_p99_milliseconds, 1)} ms.`
      : 'This silo runs no Kafka stream layer.';
    const topics = k ? k.topics : [];
    table('kafka-topics', [{ label: 'topic' }, { label: 'records', num: true }, { label: 'records/s', num: true }, { label: 'dead-lettered', num: true }],
      topics.map(t => el('tr', {}, el('td', { class: 'topic' }, breakable(t.topic)), num(S.formatNumber(t.records_consumed)), num(S.formatCompact(t.records_per_second)), num(S.formatNumber(t.dead_lettered)))));
    drawLagMatrix(k ? k.partitions : []);
    const reasons = k ? Object.entries(k.dead_letters_by_reason).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])) : [];
    table('dead-letters', [{ label: 'reason' }, { label: 'records', num: true }],
      reasons.map(([reason, count]) => el('tr', { class: count > 0 ? 'bad' : undefined }, el('td', {}, reason.replaceAll('_', ' ')), num(S.formatNumber(count)))));
    const outboxes = k ? k.outboxes : [];
    table('outboxes', [{ label: 'topic' }, { label: 'pending', num: true }, { label: 'delivered', num: true }, { label: 'failed', num: true }],
      outboxes.map(b => el('tr', { class: b.failed > 0 ? 'bad' : undefined }, el('td', { class: 'topic' }, breakable(b.topic)), num(S.formatNumber(b.pending)), num(S.formatNumber(b.delivered)), num(S.formatNumber(b.failed)))));
  }

  // One row per topic, one column per partition: the lag, marked when behind or paused; the offsets in the tooltip.
  function drawLagMatrix(partitions) {
    const topics = [...new Set(partitions.map(p => p.topic))];
    const columns = Math.max(0, ...partitions.map(p => p.partition + 1));
    const byKey = new Map(partitions.map(p => [`${p.topic}/${p.partition}`, p]));
    const rows = topics.map(topic => el('tr', {},
      el('td', { class: 'topic' }, breakable(topic)),
      Array.from({ length: columns }, (_, partition) => {
        const p = byKey.get(`${topic}/${partition}`);
        if (!p) return el('td', {});
        const state = p.paused ? 'paused' : p.lag > 0 ? 'behind' : undefined;
        return el('td', {
          class: state ? `num lag ${state}` : 'num lag', 'data-partition': `${topic}/${partition}`,
          title: `partition ${partition}: committed ${S.formatNumber(p.committed_offset)}, end ${S.formatNumber(p.high_watermark)}, ` +
            `${S.formatNumber(p.uncommitted)} uncommitted${p.paused ? ', paused' : ''}`,
        }, S.formatCompact(p.lag));
      }),
      num(S.formatCompact(partitions.filter(p => p.topic === topic).reduce((sum, p) => sum + Math.max(0, p.lag), 0)))));
    table('kafka-partitions', [{ label: 'topic' }, ...Array.from({ length: columns }, (_, i) => ({ label: String(i), num: true })), { label: 'all', num: true }], rows);
  }

  // Topic names are long and dotted: offer line breaks after the dots and underscores only.
  function breakable(topic) {
    return topic.split(/(?<=[._])/).flatMap((part, i) => (i ? [el('wbr', {}), part] : [part]));
  }

  function drawIdentity(o) {
    const uptime = o.silo.uptime_seconds;
    const up = uptime >= 3600 ? `${Math.floor(uptime / 3600)} h ${Math.floor((uptime % 3600) / 60)} min` : `${Math.floor(uptime / 60)} min ${Math.floor(uptime % 60)} s`;
    document.getElementById('identity').textContent = `${o.silo.machine} · pid ${o.silo.process_id} · up ${up} · ${o.silo.runtime}`;
  }

  function drawOverview(o) {
    lastOverview = o;
    drawIdentity(o);
    drawTiles(o);
    drawGrainTypes(o);
    drawMethods(o);
    drawKafka(o);
  }

  document.getElementById('method-order').addEventListener('click', event => {
    const button = event.target.closest('button[data-order]');
    if (!button) return;
    methodOrder = button.dataset.order;
    for (const b of event.currentTarget.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === button));
    if (lastOverview) drawMethods(lastOverview);
  });

  async function refresh() {
    try {
      const after = history && history.time.length ? `?after=${encodeURIComponent(new Date(history.time[history.time.length - 1]).toISOString())}` : '';
      const [overview, next] = await Promise.all([S.getJson('/silo/api/overview'), S.getJson('/silo/api/history' + after)]);
      history = mergeHistory(history, next);
      drawOverview(overview);
      drawCharts();
      document.body.dataset.refreshed = overview.at;
      setStatus('live', 'live · ' + S.formatTime(overview.at));
    } catch (error) {
      setStatus('error', error.status === 503 ? 'waiting for the first sample' : 'unreachable');
      console.warn(error);
    } finally {
      setTimeout(refresh, REFRESH_MS);
    }
  }

  refresh();
})();
