// Server-sent events read with fetch rather than EventSource, so the bearer token travels in the Authorization header
// (not in the URL, where logs would keep it) and a 401 is seen as such. Reconnects after the server's retry delay.
// Served at /dashboard/assets/event-stream.js; exposes window.SupplyGridEvents.open(url, handlers).
'use strict';
(function () {
  const BLOCK_END = /\r?\n\r?\n/;

  // handlers: onOpen(), onEvent(name, data), onActivity() (any line, heartbeats included), onError(error).
  function open(url, handlers) {
    let retryMs = 3000;
    let controller = null;
    let stopped = false;

    function dispatch(block) {
      let name = 'message';
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') name = value;
        else if (field === 'data') data.push(value);
        else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
      }
      if (data.length) handlers.onEvent(name, data.join('\n'));
    }

    async function connect() {
      controller = new AbortController();
      try {
        const response = await window.SupplyGrid.apiFetch(url, {
          headers: { Accept: 'text/event-stream' }, cache: 'no-store', signal: controller.signal,
        });
        handlers.onOpen?.();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          handlers.onActivity?.();
          let match;
          while ((match = BLOCK_END.exec(buffer)) !== null) {
            dispatch(buffer.slice(0, match.index));
            buffer = buffer.slice(match.index + match[0].length);
          }
        }
        handlers.onError?.(new Error('the stream ended'));
      } catch (error) {
        if (stopped) return;
        handlers.onError?.(error);
        // Without a usable token every retry would fail the same way: wait for the sign-in box instead.
        if (error.status === 401 || error.status === 403) return;
      }
      if (!stopped) setTimeout(connect, retryMs);
    }

    connect();
    return {
      close() {
        stopped = true;
        controller?.abort();
      },
    };
  }

  window.SupplyGridEvents = { open };
})();
