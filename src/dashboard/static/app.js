// The dashboard's only script: calls the JSON API, applies Server-Sent Events, copies text.
// Every HTML fragment it inserts was rendered and escaped by the server.
(() => {
  'use strict';
  const $ = (sel, root = document) => root.querySelector(sel);
  const tokenMeta = $('meta[name="provision-token"]');
  const token = tokenMeta ? tokenMeta.content : '';
  const page = document.body.dataset.page;

  function fmtDuration(ms) {
    if (!(ms >= 0)) return '–';
    if (ms < 1000) return Math.round(ms) + ' ms';
    const s = ms / 1000;
    if (s < 60) return s.toFixed(s < 10 ? 1 : 0) + ' s';
    const m = Math.floor(s / 60);
    return m < 60 ? m + ' min ' + Math.round(s % 60) + ' s' : Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }
  function localize(root) {
    for (const t of root.querySelectorAll('time[datetime]')) {
      const d = new Date(t.dateTime);
      if (Number.isNaN(d.getTime())) continue;
      t.title = t.dateTime;
      t.textContent = t.closest('.log') ? d.toLocaleTimeString() : d.toLocaleString();
    }
  }
  function tick() {
    for (const el of document.querySelectorAll('[data-since]')) el.textContent = fmtDuration(Date.now() - Date.parse(el.dataset.since));
  }
  function say(el, text) {
    if (el) el.textContent = text;
  }
  async function api(method, path, body) {
    const headers = {};
    if (token) headers.authorization = 'Bearer ' + token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    let json = {};
    try {
      json = await res.json();
    } catch {
      // an empty body
    }
    if (!res.ok) {
      const err = new Error((json.error && json.error.message) || 'HTTP ' + res.status);
      err.code = json.error && json.error.code;
      err.status = res.status;
      throw err;
    }
    return json;
  }
  const jobUrl = (id) => '/jobs/' + encodeURIComponent(id) + '/view';
  function fragment(markup) {
    const t = document.createElement('template');
    t.innerHTML = markup;
    return t.content;
  }

  // Copy buttons (the chat command).
  document.addEventListener('click', async (ev) => {
    const button = ev.target instanceof Element ? ev.target.closest('[data-copy]') : null;
    if (!button) return;
    const text = button.dataset.copy;
    const status = button.closest('.toolbar') ? $('.copy-status', button.closest('.toolbar')) : null;
    try {
      await navigator.clipboard.writeText(text);
      say(status, 'Copied: ' + text);
    } catch {
      const code = $('#chat-command');
      if (code) getSelection().selectAllChildren(code);
      say(status, 'Press Ctrl+C (⌘C) to copy the selected command.');
    }
  });

  localize(document);
  tick();
  setInterval(tick, 1000);

  if (page === 'new') {
    const form = $('#new-job');
    const error = $('#form-error');
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      error.hidden = true;
      const data = new FormData(form);
      const url = String(data.get('url') || '').trim();
      if (!url) {
        error.textContent = 'Enter the website URL.';
        error.hidden = false;
        $('#url').focus();
        return;
      }
      const options = { strategy: data.get('strategy'), warehouse: data.get('warehouse'), scale: Number(data.get('scale') || 1) };
      const callbackUrl = String(data.get('callbackUrl') || '').trim();
      if (callbackUrl) options.callbackUrl = callbackUrl;
      const submit = $('button[type="submit"]', form);
      submit.disabled = true;
      submit.textContent = 'Starting…';
      try {
        const job = await api('POST', '/jobs', { url, options });
        location.assign(jobUrl(job.jobId));
      } catch (err) {
        error.textContent = (err.code ? err.code + ': ' : '') + err.message;
        error.hidden = false;
        submit.disabled = false;
        submit.textContent = 'Start job';
        $('#url').focus();
      }
    });
  }

  if (page === 'job') {
    const jobId = document.body.dataset.jobId;
    const cancel = $('#cancel-job');
    const rerun = $('#rerun-job');
    const actionStatus = $('#action-status');
    const assets = $('#assets');
    let terminal = ['completed', 'failed', 'cancelled'].includes(document.body.dataset.status);

    cancel.addEventListener('click', async () => {
      cancel.disabled = true;
      say(actionStatus, 'Cancelling…');
      try {
        await api('POST', '/jobs/' + encodeURIComponent(jobId) + '/cancel');
        say(actionStatus, 'Cancel requested; waiting for the job to stop.');
      } catch (err) {
        say(actionStatus, 'Could not cancel: ' + err.message);
        cancel.disabled = err.status === 409;
      }
    });
    rerun.addEventListener('click', async () => {
      rerun.disabled = true;
      say(actionStatus, 'Starting a new run…');
      try {
        const d = rerun.dataset;
        const job = await api('POST', '/jobs', { url: d.url, options: { strategy: d.strategy, warehouse: d.warehouse, scale: Number(d.scale) || 1 } });
        location.assign(jobUrl(job.jobId));
      } catch (err) {
        say(actionStatus, 'Could not start: ' + err.message);
        rerun.disabled = false;
      }
    });

    // One fetch at a time; a key asked for meanwhile is fetched right after.
    let wantedKey = null;
    let loading = null;
    async function loadAssets(key) {
      const res = await fetch('/jobs/' + encodeURIComponent(jobId) + '/assets', { headers: token ? { authorization: 'Bearer ' + token } : {} });
      if (!res.ok) return;
      // Keep open <details> open across refreshes.
      const open = [...assets.querySelectorAll('details[open]')].map((d) => d.closest('[id]') && d.closest('[id]').id);
      assets.replaceChildren(fragment(await res.text()));
      for (const id of open) {
        const host = id && document.getElementById(id);
        const d = host && $('details', host);
        if (d) d.open = true;
      }
      assets.dataset.key = key;
      localize(assets);
    }
    function refreshAssets(key) {
      wantedKey = key;
      if (!loading) {
        loading = (async () => {
          try {
            while (wantedKey !== null) {
              const k = wantedKey;
              wantedKey = null;
              await loadAssets(k);
            }
          } finally {
            loading = null;
          }
        })();
      }
      return loading;
    }

    if (!terminal) {
      const source = new EventSource('/jobs/' + encodeURIComponent(jobId) + '/stream');
      source.addEventListener('state', (ev) => {
        const s = JSON.parse(ev.data);
        $('#job-header').replaceChildren(fragment(s.header));
        $('#timeline').replaceChildren(fragment(s.timeline));
        const log = $('#log');
        const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 8;
        log.replaceChildren(fragment(s.log));
        if (atBottom) log.scrollTop = log.scrollHeight;
        localize(document);
        tick();
        say($('#live-status'), s.announce);
        document.body.dataset.status = s.status;
        terminal = s.terminal;
        if (terminal) {
          cancel.disabled = true;
          if (actionStatus.textContent.startsWith('Cancel')) say(actionStatus, 'Job ' + s.status + '.');
        }
        if (terminal) {
          source.close();
          void refreshAssets(s.assetsKey);
        } else if (s.assetsKey !== assets.dataset.key) void refreshAssets(s.assetsKey);
      });
    }
    const log = $('#log');
    log.scrollTop = log.scrollHeight;
  }

  if (page === 'jobs') {
    const rows = $('#job-rows');
    const firstPage = rows.dataset.firstPage === 'true';
    const limit = Number(rows.dataset.limit) || 25;
    const source = new EventSource(document.body.dataset.stream);
    source.addEventListener('job', (ev) => {
      const change = JSON.parse(ev.data);
      const existing = document.getElementById('job-' + change.jobId);
      if (change.remove) {
        if (existing) existing.remove();
        return;
      }
      const row = fragment('<table><tbody>' + change.row + '</tbody></table>').querySelector('tr');
      const hadFocus = existing && existing.contains(document.activeElement);
      if (existing && !firstPage) existing.replaceWith(row);
      else if (existing || firstPage) {
        if (existing) existing.remove();
        rows.prepend(row);
        const empty = $('tr.empty', rows);
        if (empty) empty.remove();
        while (rows.rows.length > limit) rows.lastElementChild.remove();
        if (!existing) say($('#live-status'), 'New job: ' + row.querySelector('.company a').textContent + '.');
      }
      if (hadFocus) $('a', row).focus();
      localize(row);
      tick();
    });
  }
})();
