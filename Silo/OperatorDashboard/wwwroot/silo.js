// The silo page: polls /silo/api/overview and /silo/api/history?after= and draws the Kafka stream layer and the
// offer funnel (tiles, charts, tables). Everything else about the silo is on Orleans' dashboard at /orleans/.
'use strict';
(function () {
  const S = window.SupplyGrid;
  const { el } = S;
  const REFRESH_MS = 2000;

  const statusBadge = document.getElementById('status');
  let history = null;

  const chartSeries = {
    'kafka-rate': h => Object.entries(h.kafka_records_per_second).map(([topic, values]) => ({ name: topic, values })),
    'kafka-lag': h => [
      { name: 'lag', values: h.series.kafka_consumer_lag },
      { name: 'in cache', values: h.series.kafka_in_cache },
    ],
    offers: h => [
      { name: 'sent', values: h.series.offers_sent },
      { name: 'accepted', values: h.series.offers_accepted },
      { name: 'arrived', values: h.series.offers_arrived },
      { name: 'declined', values: h.series.offers_declined },
      { name: 'expired', values: h.series.offers_expired },
      { name: 'failed', values: h.series.offers_failed },
    ],
  };
  const charts = {};
  for (const figure of document.querySelectorAll('figure[data-chart]')) {
    charts[figure.dataset.chart] = window.SupplyGridCharts.lineChart(figure, {});
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
    const joinAll = (a, b) => Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map(k => [k, join(a[k], b[k])]));
    const merged = {
      ...next,
      time: base.time.concat(next.time.map(Date.parse)),
      series: joinAll(base.series, next.series),
      kafka_records_per_second: joinAll(base.kafka_records_per_second, next.kafka_records_per_second),
    };
    const excess = merged.time.length - next.capacity;
    if (excess > 0) trim(merged, excess);
    return merged;
  }

  function trim(h, count) {
    h.time = h.time.slice(count);
    for (const columns of [h.series, h.kafka_records_per_second]) {
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

  const sum = values => values.reduce((a, b) => a + b, 0);

  function drawTiles(o) {
    const k = o.kafka;
    const f = o.offers;
    S.replaceChildren(document.getElementById('tiles'), [
      tile('kafka-rate', 'Kafka records / s', k ? S.formatCompact(sum(k.topics.map(t => t.records_per_second))) : '–', k ? `${k.topics.length} topics` : 'no Kafka streams'),
      tile('kafka-lag', 'Consumer lag', k ? S.formatCompact(k.consumer_lag) : '–', k ? `${k.partitions.length} partitions` : ''),
      tile('in-cache', 'Records in cache', k ? S.formatCompact(k.in_cache) : '–', 'read, not yet delivered to every grain'),
      tile('dead-letters', 'Dead letters', k ? S.formatCompact(sum(Object.values(k.dead_letters_by_reason))) : '–', 'since start'),
      tile('offers-sent', 'Offers sent', S.formatCompact(f.sent), `${S.formatCompact(f.arrived)} arrived`),
      tile('acceptance', 'Acceptance rate', S.formatPercent(f.acceptance_rate, 1), `${S.formatCompact(f.accepted)} accepted`),
    ]);
  }

  function table(id, headings, rows) {
    const head = el('tr', {}, headings.map(h => el('th', { class: h.num ? 'num' : undefined }, h.label)));
    S.replaceChildren(document.getElementById(id), [el('thead', {}, head), el('tbody', {}, rows)]);
  }

  const num = (value, className) => el('td', { class: className ? `num ${className}` : 'num' }, value);

  function drawKafka(o) {
    const k = o.kafka;
    document.getElementById('kafka-note').textContent = k
      ? 'The partitions this silo reads through the Kafka stream provider. Grain call latency is on the Orleans dashboard.'
      : 'This silo reads no Kafka topics.';
    const topics = k ? k.topics : [];
    table('kafka-topics', [{ label: 'topic' }, { label: 'records', num: true }, { label: 'records/s', num: true }, { label: 'dead-lettered', num: true }],
      topics.map(t => el('tr', { 'data-topic': t.topic }, el('td', { class: 'topic' }, breakable(t.topic)), num(S.formatNumber(t.records_read)), num(S.formatCompact(t.records_per_second)), num(S.formatNumber(t.dead_lettered)))));
    drawLagMatrix(k ? k.partitions : []);
    const reasons = k ? Object.entries(k.dead_letters_by_reason).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])) : [];
    table('dead-letters', [{ label: 'reason' }, { label: 'records', num: true }],
      reasons.map(([reason, count]) => el('tr', { class: count > 0 ? 'bad' : undefined, 'data-reason': reason }, el('td', {}, reason.replaceAll('_', ' ')), num(S.formatNumber(count)))));
    const outboxes = k ? k.outboxes : [];
    table('outboxes', [{ label: 'topic' }, { label: 'pending', num: true }, { label: 'delivered', num: true }, { label: 'failed', num: true }],
      outboxes.map(b => el('tr', { class: b.failed > 0 ? 'bad' : undefined }, el('td', { class: 'topic' }, breakable(b.topic)), num(S.formatNumber(b.pending)), num(S.formatNumber(b.delivered)), num(S.formatNumber(b.failed)))));
  }

  // One row per topic, one column per partition this silo reads: the lag, marked when behind. A partition appears
  // once its position is known.
  function drawLagMatrix(partitions) {
    const topics = [...new Set(partitions.map(p => p.topic))];
    const columns = Math.max(0, ...partitions.map(p => p.partition + 1));
    const byKey = new Map(partitions.map(p => [`${p.topic}/${p.partition}`, p]));
    const rows = topics.map(topic => el('tr', {},
      el('td', { class: 'topic' }, breakable(topic)),
      Array.from({ length: columns }, (_, partition) => {
        const p = byKey.get(`${topic}/${partition}`);
        if (!p) return el('td', {});
        return el('td', {
          class: p.lag > 0 ? 'num lag behind' : 'num lag', 'data-partition': `${topic}/${partition}`,
          title: `partition ${partition}: ${S.formatNumber(p.lag)} records behind the end`,
        }, S.formatCompact(p.lag));
      }),
      num(S.formatCompact(partitions.filter(p => p.topic === topic).reduce((total, p) => total + p.lag, 0)))));
    table('kafka-partitions', [{ label: 'topic' }, ...Array.from({ length: columns }, (_, i) => ({ label: String(i), num: true })), { label: 'all', num: true }], rows);
  }

  // Sent offers either get accepted (then arrive or fail) or end unanswered (declined or expired); still-open offers
  // are the rest. Shares are of the offers sent.
  function drawFunnel(o) {
    const f = o.offers;
    const share = count => (f.sent ? S.formatPercent(count / f.sent, 1) : '–');
    const stages = [
      ['sent', 'sent', f.sent, false],
      ['accepted', 'accepted', f.accepted, false],
      ['arrived', 'arrived (incentive settled)', f.arrived, false],
      ['failed', 'accepted, then failed', f.failed, true],
      ['declined', 'declined', f.declined, true],
      ['expired', 'expired (no answer in time)', f.expired, true],
    ];
    table('offer-funnel', [{ label: 'stage' }, { label: 'offers', num: true }, { label: 'of sent', num: true }],
      stages.map(([key, label, count, ended]) => el('tr', { 'data-stage': key },
        el('td', { class: ended ? 'stage ended' : 'stage' }, label), num(S.formatNumber(count)), num(share(count)))));
    document.getElementById('offer-note').textContent =
      `Acceptance rate ${S.formatPercent(f.acceptance_rate, 1)}: accepted over accepted, declined and expired (as the city dashboard counts it). ` +
      'Counted by the driver grains of this silo as each offer changes state; the city dashboard shows the whole city.';
  }

  // Topic names are long and dotted: offer line breaks after the dots and underscores only.
  function breakable(topic) {
    return topic.split(/(?<=[._])/).flatMap((part, i) => (i ? [el('wbr', {}), part] : [part]));
  }

  function drawIdentity(o) {
    const uptime = o.silo.uptime_seconds;
    const up = uptime >= 3600 ? `${Math.floor(uptime / 3600)} h ${Math.floor((uptime % 3600) / 60)} min` : `${Math.floor(uptime / 60)} min ${Math.floor(uptime % 60)} s`;
    const silo = o.silo.silo_address ? `silo ${o.silo.silo_address} · ` : '';
    document.getElementById('identity').textContent = `${silo}${o.silo.machine} · pid ${o.silo.process_id} · up ${up}`;
  }

  function drawOverview(o) {
    drawIdentity(o);
    drawTiles(o);
    drawKafka(o);
    drawFunnel(o);
  }

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
