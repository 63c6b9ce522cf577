// The city dashboard: the live heatmap (SSE stream), KPI tiles, offers, hotspots, campaigns, the city-wide trend and
// the MDT feed. The page's URL names the city: /dashboard/{city}.
'use strict';
(function () {
  const S = window.SupplyGrid;
  const { el } = S;
  const HOTSPOTS_EVERY_MS = 5000;
  const CAMPAIGNS_EVERY_MS = 10000;
  const MDT_EVERY_MS = 3000;
  const MDT_KEPT = 60;
  const TREND_KEPT = 900;
  const STALE_AFTER_MS = 40000;

  const cityId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
  const statusBadge = document.getElementById('status');
  const map = window.SupplyGridHexMap.create(document.getElementById('map'), document.getElementById('tooltip'), document.getElementById('legend'), {
    onSelect: h3 => markHotspot(h3),
  });
  const trendChart = window.SupplyGridCharts.lineChart(document.querySelector('figure[data-chart="city"]'));
  const trend = { times: [], drivers: [], demand: [] };
  let city = null;
  let money = null;
  let overallStatus = null;
  let campaigns = [];
  let lastMetrics = null;
  let lastActivity = 0;
  let mdtAfter = 0;
  let mdtLoaded = false;

  function setStatus(state, text) {
    statusBadge.dataset.state = state;
    statusBadge.textContent = text;
  }

  function formatMoney(value) {
    return money ? money.format(value) : S.formatNumber(value, 2);
  }

  // ---- KPI tiles ----------------------------------------------------------------------------------------------

  function tile(key, label, value, shown, sub, extra) {
    return el('div', { class: 'tile', 'data-tile': key, 'data-value': value ?? '' },
      el('div', { class: 'label' }, label), el('div', { class: 'value' }, shown), el('div', { class: 'sub' }, sub || ''), extra);
  }

  // Spend vs budget: the city's spend against the budgets of all its listed campaigns.
  function totalBudget() {
    return campaigns.reduce((sum, c) => sum + c.budget, 0);
  }

  function drawTiles() {
    const m = lastMetrics;
    if (!m) return;
    const budget = totalBudget();
    const spendBar = el('div', { class: 'bar' }, el('span', { class: 'fill' }), el('span', { class: 'reserved' }));
    if (budget > 0) {
      spendBar.children[0].style.width = `${Math.min(100, (m.spent / budget) * 100)}%`;
      spendBar.children[1].style.width = `${Math.min(100, (m.reserved / budget) * 100)}%`;
    }
    const offers = m.offers;
    S.replaceChildren(document.getElementById('tiles'), [
      tile('supply', 'Supply', m.drivers, S.formatNumber(m.drivers), 'available drivers'),
      tile('demand', 'Demand', m.expected_demand, S.formatNumber(m.expected_demand, 1), 'expected bookings'),
      tile('ratio', 'Supply / demand', m.overall_ratio, S.formatNumber(m.overall_ratio, 2), overallStatus ? `city-wide: ${overallStatus}` : 'city-wide'),
      tile('cells', 'Active cells', m.active_cells, S.formatNumber(m.active_cells), `${m.deficit_cells} deficit · ${m.surplus_cells} surplus`),
      tile('offers', 'Offers sent', offers.sent, S.formatNumber(offers.sent), `${offers.arrived} arrived`),
      tile('acceptance', 'Acceptance rate', m.acceptance_rate, S.formatPercent(m.acceptance_rate),
        m.mean_response_seconds == null ? 'no replies yet' : `reply in ${S.formatNumber(m.mean_response_seconds, 0)} s on average`),
      tile('spend', 'Spend', m.spent, formatMoney(m.spent), budget > 0 ? `of ${formatMoney(budget)} · ${formatMoney(m.reserved)} reserved` : `${formatMoney(m.reserved)} reserved`, spendBar),
      tile('forecast', 'Forecast error', m.forecast_mape, S.formatPercent(m.forecast_mape), 'mean absolute % error'),
    ]);
    drawOffers(offers);
  }

  function drawOffers(offers) {
    const rows = [['sent', offers.sent], ['accepted', offers.accepted], ['declined', offers.declined], ['expired', offers.expired], ['arrived', offers.arrived], ['failed', offers.failed]];
    const top = Math.max(1, ...rows.map(r => r[1]));
    S.replaceChildren(document.getElementById('offers'), rows.map(([name, count]) => {
      const fill = el('span', { class: 'fill' });
      fill.style.width = `${(count / top) * 100}%`;
      return el('div', { class: 'bar-row', 'data-outcome': name }, el('span', {}, name), el('div', { class: 'bar' }, fill), el('span', { class: 'num' }, S.formatNumber(count)));
    }));
  }

  // ---- city-wide trend ----------------------------------------------------------------------------------------

  function addTrendPoint(at, drivers, demand) {
    const t = Date.parse(at);
    if (trend.times.length && t <= trend.times[trend.times.length - 1]) return;
    trend.times.push(t);
    trend.drivers.push(drivers);
    trend.demand.push(demand);
    if (trend.times.length > TREND_KEPT) {
      for (const key of ['times', 'drivers', 'demand']) trend[key].shift();
    }
    trendChart.update({
      times: trend.times,
      series: [{ name: 'available drivers', values: trend.drivers, color: '#2563eb' }, { name: 'expected demand', values: trend.demand, color: '#dc2626' }],
    });
  }

  async function seedTrend() {
    try {
      const history = await S.getJson(`/api/heatmap/${encodeURIComponent(cityId)}/history`);
      for (const point of history.points) addTrendPoint(point.minute, point.drivers, point.expected_demand);
    } catch (error) {
      console.warn('no heatmap history', error);
    }
  }

  // ---- live heatmap -------------------------------------------------------------------------------------------

  async function onSnapshot(heatmap) {
    overallStatus = heatmap.overall_status;
    await map.snapshot(heatmap.zones);
    document.getElementById('map-note').textContent = `${heatmap.zones.length} active cells · updated ${S.formatTime(heatmap.updated_at)}`;
    addTrendPoint(heatmap.updated_at, heatmap.drivers, heatmap.expected_demand);
    document.body.dataset.ready = 'true';
  }

  async function onChange(change) {
    lastMetrics = change.metrics;
    drawTiles();
    await map.change(change.zones, change.retired_cells);
    document.getElementById('map-note').textContent = `${map.size} active cells · updated ${S.formatTime(change.at)}`;
    addTrendPoint(change.at, change.metrics.drivers, change.metrics.expected_demand);
  }

  // Events are applied one after another: a change must not overtake the snapshot whose outlines are still loading.
  let applying = Promise.resolve();
  function openStream() {
    window.SupplyGridEvents.open(`/api/heatmap/${encodeURIComponent(cityId)}/stream`, {
      onOpen: () => setStatus('live', 'live'),
      onActivity: () => { lastActivity = Date.now(); },
      onEvent: (name, data) => {
        const body = JSON.parse(data);
        applying = applying.then(() => (name === 'snapshot' ? onSnapshot(body) : name === 'change' ? onChange(body) : null))
          .catch(error => console.warn('applying', name, error));
      },
      onError: error => setStatus('error', error.status ? `stream refused (${error.status})` : 'reconnecting'),
    });
    setInterval(() => {
      if (statusBadge.dataset.state === 'live' && Date.now() - lastActivity > STALE_AFTER_MS) setStatus('error', 'no news from the silo');
    }, 5000);
  }

  // ---- hotspots, campaigns, MDT feed --------------------------------------------------------------------------

  function statusChip(status) {
    return el('span', { class: 'status-chip', 'data-status': status }, status);
  }

  function markHotspot(h3) {
    for (const row of document.querySelectorAll('#hotspots tr[data-h3]')) row.classList.toggle('selected', row.dataset.h3 === h3);
  }

  async function refreshHotspots() {
    const spots = await S.getJson(`/api/hotspots/${encodeURIComponent(cityId)}?top=10`);
    const head = el('tr', {}, el('th', {}, 'cell'), el('th', {}, 'status'), el('th', { class: 'num' }, 'ratio'),
      el('th', { class: 'num' }, 'needed'), el('th', { class: 'num' }, 'coming'), el('th', { class: 'num' }, 'surge'));
    const rows = spots.map(s => el('tr', { 'data-h3': s.h3, title: 'Show on the map', onclick: () => map.select(s.h3) },
      el('td', {}, el('code', {}, s.h3)), el('td', {}, statusChip(s.status)), el('td', { class: 'num' }, S.formatNumber(s.ratio, 2)),
      el('td', { class: 'num' }, S.formatNumber(s.drivers_needed)), el('td', { class: 'num' }, S.formatNumber(s.pending_arrivals, 1)),
      el('td', { class: 'num' }, '×' + S.formatNumber(s.surge, 2))));
    if (!rows.length) rows.push(el('tr', {}, el('td', { colspan: 6, class: 'note' }, 'No cell is short of drivers.')));
    S.replaceChildren(document.getElementById('hotspots'), [el('thead', {}, head), el('tbody', {}, rows)]);
  }

  async function refreshCampaigns() {
    const answer = await S.getJson(`/api/campaigns?city=${encodeURIComponent(cityId)}`);
    campaigns = answer.campaigns;
    S.replaceChildren(document.getElementById('campaigns'), campaigns.length ? campaigns.map(c => {
      const spent = el('span', { class: 'fill' });
      const reserved = el('span', { class: 'reserved' });
      spent.style.width = `${Math.min(100, (c.spent / c.budget) * 100)}%`;
      reserved.style.width = `${Math.min(100, (c.reserved / c.budget) * 100)}%`;
      return el('div', { class: 'campaign', 'data-campaign': c.id, 'data-status': c.status },
        el('div', { class: 'head' }, el('span', { class: 'name', title: c.id }, c.name), el('span', { class: 'sub' }, `${c.kind.replaceAll('_', ' ')} · ${c.status}`)),
        el('div', { class: 'bar', title: `${formatMoney(c.spent)} spent, ${formatMoney(c.reserved)} reserved of ${formatMoney(c.budget)}` }, spent, reserved),
        el('div', { class: 'sub' }, `${formatMoney(c.spent)} spent + ${formatMoney(c.reserved)} reserved of ${formatMoney(c.budget)}`));
    }) : [el('p', { class: 'note' }, 'No campaigns.')]);
    drawTiles();
  }

  const MDT_LABELS = {
    reposition_offer: 'reposition offer', incentive_offer: 'incentive offer', offer_confirmed: 'confirmed',
    offer_expired: 'expired', incentive_paid: 'paid', broadcast: 'broadcast',
  };

  async function refreshMdt() {
    const page = await S.getJson(`/api/dashboard/mdt/${encodeURIComponent(cityId)}?after=${mdtAfter}&limit=50`);
    mdtAfter = page.last_sequence;
    const list = document.getElementById('mdt');
    const items = page.messages.map(m => el('li', { class: mdtLoaded ? 'new' : undefined, 'data-type': m.type, 'data-sequence': m.sequence },
      el('div', { class: 'head' },
        el('span', {}, el('span', { class: 'type' }, MDT_LABELS[m.type] || m.type), ' · ', m.driver_id),
        el('span', {}, m.amount != null ? `${m.currency} ${S.formatNumber(m.amount, 2)} · ` : '', S.formatTime(m.ts))),
      el('pre', {}, m.text)));
    if (items.length) list.querySelector('[data-empty]')?.remove();
    list.prepend(...items);
    while (list.children.length > MDT_KEPT) list.lastElementChild.remove();
    if (!list.children.length) list.append(el('li', { class: 'note', 'data-empty': 'true' }, 'No messages sent yet.'));
    mdtLoaded = true;
  }

  // Runs a refresh now and then every `ms`, whether or not it failed (a failure shows in the console only).
  function every(ms, refresh) {
    const run = () => refresh().catch(error => console.warn(error)).finally(() => setTimeout(run, ms));
    run();
  }

  document.getElementById('colour-mode').addEventListener('click', event => {
    const button = event.target.closest('button[data-mode]');
    if (!button) return;
    for (const b of event.currentTarget.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b === button));
    map.setMode(button.dataset.mode);
  });

  // The light base map ships with the page (assets/land.json); a city it does not cover is drawn on plain sea.
  async function drawLand() {
    try {
      const land = await (await fetch('/dashboard/assets/land.json')).json();
      map.setLand(land.cities[cityId] || []);
    } catch (error) {
      console.warn('no base map', error);
    }
  }

  async function start() {
    const cities = await S.getJson('/api/cities');
    city = cities.find(c => c.id === cityId);
    if (!city) {
      setStatus('error', `unknown city ${cityId}`);
      return;
    }
    money = new Intl.NumberFormat('en', { style: 'currency', currency: city.currency, maximumFractionDigits: 0 });
    document.title = `${city.name} · SupplyGrid`;
    document.getElementById('city-name').textContent = city.name;
    document.getElementById('city-meta').textContent = `${city.time_zone} · H3 resolution ${city.resolution} · ${city.currency}`;
    map.setCity(city);
    drawLand();
    lastMetrics = await S.getJson(`/api/metrics?city=${encodeURIComponent(cityId)}`);
    drawTiles();
    await seedTrend();
    openStream();
    every(HOTSPOTS_EVERY_MS, refreshHotspots);
    every(CAMPAIGNS_EVERY_MS, refreshCampaigns);
    every(MDT_EVERY_MS, refreshMdt);
  }

  start().catch(error => {
    setStatus('error', error.status ? `HTTP ${error.status}` : 'cannot reach the silo');
    console.warn(error);
  });
})();
