// Shared by the city and silo dashboards: authenticated fetches, DOM building and number formatting.
// Served at /dashboard/assets/common.js; exposes window.SupplyGrid.
'use strict';
(function () {
  const TOKEN_KEY = 'supplygrid.token';

  // A token handed over in the URL fragment (#token=...) is kept for this tab only and removed from the address bar,
  // so it is neither sent to the server in URLs nor left in the history.
  const fragment = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (fragment) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(fragment[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }

  function authHeaders() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return token ? { Authorization: 'Bearer ' + token } : {};
  }

  class HttpError extends Error {
    constructor(url, status) {
      super(`${url}: HTTP ${status}`);
      this.status = status;
    }
  }

  async function apiFetch(url, options = {}) {
    const response = await fetch(url, {
      ...options,
      headers: { Accept: 'application/json', ...authHeaders(), ...(options.headers || {}) },
    });
    if (response.status === 401 || response.status === 403) {
      askForToken(response.status);
    }
    if (!response.ok) {
      throw new HttpError(url, response.status);
    }
    return response;
  }

  async function getJson(url) {
    return (await apiFetch(url)).json();
  }

  // Builds an element: el('td', { class: 'num', title: 'x' }, 'text', childNode, ...). Text is never parsed as HTML.
  function el(tag, attributes, ...children) {
    const svg = tag.startsWith('svg:');
    const node = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  let loginShown = false;

  // The server refused the request: ask for a token (the silo prints one at start) and reload with it.
  function askForToken(status) {
    if (loginShown) return;
    loginShown = true;
    const input = el('textarea', { rows: 4, cols: 60, placeholder: 'eyJhbGciOi…', 'aria-label': 'Access token' });
    const dialog = el('dialog', { class: 'login', 'data-status': status },
      el('form', { method: 'dialog' },
        el('h2', {}, status === 401 ? 'Sign in' : 'Not allowed'),
        el('p', {}, status === 401
          ? 'This dashboard reads the API with a bearer token that has the dashboard role. Paste the token the silo printed at start.'
          : 'The token in use lacks the dashboard role. Paste another one.'),
        input,
        el('p', {}, el('button', { type: 'submit', value: 'ok' }, 'Use token'))));
    dialog.addEventListener('close', () => {
      const token = input.value.trim();
      if (token) {
        sessionStorage.setItem(TOKEN_KEY, token);
        location.reload();
      }
      loginShown = false;
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  }

  const numberFormats = new Map();
  function formatNumber(value, digits = 0) {
    if (value === null || value === undefined || Number.isNaN(value)) return '–';
    let format = numberFormats.get(digits);
    if (!format) {
      format = new Intl.NumberFormat('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
      numberFormats.set(digits, format);
    }
    return format.format(value);
  }

  // 1234 -> "1.2k", 2500000 -> "2.5M": for axis labels and tiles where space is short.
  function formatCompact(value) {
    if (value === null || value === undefined || Number.isNaN(value)) return '–';
    const abs = Math.abs(value);
    if (abs >= 1e9) return formatNumber(value / 1e9, 1) + 'G';
    if (abs >= 1e6) return formatNumber(value / 1e6, 1) + 'M';
    if (abs >= 1e4) return formatNumber(value / 1e3, 0) + 'k';
    if (abs >= 1e3) return formatNumber(value / 1e3, 1) + 'k';
    if (abs >= 10 || Number.isInteger(value)) return formatNumber(value, 0);
    return formatNumber(value, abs >= 1 ? 1 : 2);
  }

  function formatBytes(value) {
    if (value === null || value === undefined) return '–';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let unit = 0;
    while (Math.abs(value) >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return formatNumber(value, unit === 0 || Math.abs(value) >= 100 ? 0 : 1) + ' ' + units[unit];
  }

  function formatPercent(fraction, digits = 0) {
    return fraction === null || fraction === undefined ? '–' : formatNumber(fraction * 100, digits) + '%';
  }

  function formatMicroseconds(us) {
    if (us === null || us === undefined) return '–';
    if (us >= 1e6) return formatNumber(us / 1e6, 1) + ' s';
    if (us >= 1e3) return formatNumber(us / 1e3, us >= 1e4 ? 0 : 1) + ' ms';
    return formatNumber(us, 0) + ' µs';
  }

  function formatTime(value) {
    return new Date(value).toLocaleTimeString('en-GB', { hour12: false });
  }

  // Replaces an element's children (tables and lists are rebuilt on each refresh).
  function replaceChildren(parent, children) {
    parent.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  }

  window.SupplyGrid = {
    apiFetch, getJson, authHeaders, HttpError, el, replaceChildren,
    formatNumber, formatCompact, formatBytes, formatPercent, formatMicroseconds, formatTime,
  };
})();
