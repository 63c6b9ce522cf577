// The Orleans dashboard's login: hands the operator token (from #token=..., which common.js keeps for this tab, or
// pasted) to POST /orleans-login as a bearer header; the silo validates it and answers with the cookie the Orleans
// dashboard is read with, and the page goes on to /orleans/.
'use strict';
(function () {
  const S = window.SupplyGrid;
  const TARGET = '/orleans/';
  const status = document.getElementById('status');
  const message = document.getElementById('message');
  const form = document.getElementById('token-form');
  const input = document.getElementById('token');

  const refusals = {
    401: 'The silo refused this token: it is invalid, expired, or not issued by this silo. Paste the operator token the silo printed at start.',
    403: 'This token is valid but lacks the operator role, which the Orleans dashboard needs. Paste an operator token.',
  };

  function ask(text, state) {
    message.textContent = text;
    status.dataset.state = state;
    status.textContent = state === 'error' ? 'refused' : 'token needed';
    form.hidden = false;
    input.focus();
  }

  async function signIn(headers) {
    status.dataset.state = 'connecting';
    status.textContent = 'signing in';
    let response;
    try {
      response = await fetch(location.pathname, { method: 'POST', headers: { Accept: 'application/json', ...headers } });
    } catch (error) {
      ask('The silo is unreachable: ' + error.message, 'error');
      return;
    }
    if (response.ok) {
      message.textContent = 'Signed in; opening the Orleans dashboard…';
      status.dataset.state = 'live';
      status.textContent = 'signed in';
      location.replace(TARGET);
      return;
    }
    ask(refusals[response.status] || `The silo answered HTTP ${response.status}.`, 'error');
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    signIn({ Authorization: 'Bearer ' + token });
  });

  const headers = S.authHeaders();
  if (headers.Authorization) signIn(headers);
  else ask('Open the "Orleans dashboard" link the silo printed at start, or paste the operator token.', 'connecting');
})();
