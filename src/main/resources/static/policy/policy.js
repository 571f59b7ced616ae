// The policy page: edit policy files, validate (compile + scenarios), simulate on open cases,
// activate as a new version, browse versions with their diff, roll back. Plain script, no build.
'use strict';

const state = { active: null, files: {}, edits: {}, current: null, errorLines: {}, session: null };
const $ = id => document.getElementById(id);

// who is signed in, and the CSRF token every write of this page must carry
async function session() {
  if (!state.session) {
    const response = await fetch('/api/session', { headers: { Accept: 'application/json' } });
    if (response.status === 401) { location.href = '/login'; throw new Error('signed out'); }
    state.session = await response.json();
    $('user').textContent = `signed in as ${state.session.user}`;
    $('logout-csrf').value = state.session.csrfToken;
  }
  return state.session;
}

async function api(method, path, body) {
  const headers = body === undefined ? {} : { 'Content-Type': 'application/json' };
  if (method !== 'GET') {
    const s = await session();
    headers[s.csrfHeader] = s.csrfToken;
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => k === 'class' ? node.className = v : node.setAttribute(k, v));
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return node;
}

// --- the active version and its files

async function load() {
  const { body } = await api('GET', '/api/policy');
  state.active = body;
  state.files = body.files;
  state.edits = {};
  state.errorLines = {};
  $('active').textContent = `active: version ${body.number} (${body.hash}) by ${body.author}`
    + (body.comment ? ` — ${body.comment}` : '');
  renderFiles();
  open(state.current && contentOf(state.current) !== undefined ? state.current : Object.keys(state.files)[0]);
}

function names() {
  return [...new Set([...Object.keys(state.files), ...Object.keys(state.edits)])].sort();
}

function contentOf(name) {
  return name in state.edits ? state.edits[name] : state.files[name];
}

function renderFiles() {
  $('files').replaceChildren(...names().map(name => {
    const classes = [name === state.current ? 'on' : '', name in state.edits ? 'edited' : '',
      name in state.edits && state.edits[name] === null ? 'removed' : ''].join(' ');
    const item = el('li', { class: classes, 'data-file': name }, name);
    item.onclick = () => open(name);
    return item;
  }));
}

function open(name) {
  state.current = name;
  $('file-name').textContent = name || '—';
  const content = name ? contentOf(name) : '';
  $('text').value = content ?? '';
  $('text').disabled = content === null;
  renderGutter();
  renderFiles();
  document.dispatchEvent(new CustomEvent('policy:open', { detail: name })); // grid.js shows tables and scenarios as grids
}

function renderGutter() {
  const lines = $('text').value.split('\n').length;
  const bad = state.errorLines[state.current] || new Set();
  $('gutter').replaceChildren(...Array.from({ length: lines }, (_, i) =>
    el('span', { class: bad.has(i + 1) ? 'bad' : '' }, String(i + 1))));
  $('gutter').scrollTop = $('text').scrollTop;
}

function goToLine(file, line) {
  open(file);
  const text = $('text').value;
  let start = 0;
  for (let i = 1; i < line && start >= 0; i++) start = text.indexOf('\n', start) + 1;
  const end = text.indexOf('\n', start);
  $('text').focus();
  $('text').setSelectionRange(start, end < 0 ? text.length : end);
}

$('text').addEventListener('input', () => {
  const name = state.current;
  if (!name) return;
  if ($('text').value === state.files[name]) delete state.edits[name];
  else state.edits[name] = $('text').value;
  renderGutter();
  renderFiles();
});
$('text').addEventListener('scroll', () => { $('gutter').scrollTop = $('text').scrollTop; });
$('revert').onclick = () => { delete state.edits[state.current]; open(state.current); };
$('remove').onclick = () => {
  if (!state.current) return;
  if (state.current in state.files) state.edits[state.current] = null; else delete state.edits[state.current];
  open(state.current in state.files ? state.current : Object.keys(state.files)[0]);
};
$('new-file').onsubmit = event => {
  event.preventDefault();
  const name = $('new-name').value.trim();
  if (!name) return;
  if (contentOf(name) === undefined || contentOf(name) === null) state.edits[name] = '';
  $('new-name').value = '';
  open(name);
};

// --- validate, simulate, activate

function request(extra) {
  return Object.assign({ files: state.edits }, extra || {});
}

function showProblem(body) {
  const out = [el('p', { class: 'problem' }, body.title || 'Refused'), el('p', {}, body.detail || '')];
  state.errorLines = {};
  (body.errors || []).forEach(e => {
    if (e.file && e.line) (state.errorLines[e.file] ||= new Set()).add(e.line);
    const item = el('div', { class: 'error-line', 'data-file': e.file || e.field, 'data-line': e.line || '' },
      e.file ? `${e.file}:${e.line}: ${e.message}` : `${e.field}: ${e.message}`);
    if (e.file && e.line) item.onclick = () => goToLine(e.file, e.line);
    out.push(item);
  });
  if (body.failures) out.push(failuresTable(body.failures));
  $('result').replaceChildren(...out);
  document.dispatchEvent(new CustomEvent('policy:failures', { detail: body.failures || [] }));
  renderGutter();
}

function failuresTable(failures) {
  return el('table', { id: 'failures' },
    el('thead', {}, el('tr', {}, ['scenario', 'check', 'expected', 'actual'].map(h => el('th', {}, h)))),
    el('tbody', {}, failures.map(f => {
      const row = el('tr', { class: 'clickable' }, el('td', {}, `${f.file}:${f.line} ${f.scenario}`), el('td', {}, f.check),
        el('td', {}, f.expected), el('td', { class: 'bad' }, f.actual));
      row.onclick = () => goToLine(f.file, f.line);
      return row;
    })));
}

async function busy(button, work) {
  button.disabled = true;
  try { await work(); } finally { button.disabled = false; }
}

$('validate').onclick = () => busy($('validate'), async () => {
  if (!Object.keys(state.edits).length) { $('result').replaceChildren(el('p', {}, 'No edits: the active version is valid.')); return; }
  const { status, body } = await api('POST', '/api/policy/validate', request());
  if (status === 200) {
    state.errorLines = {};
    renderGutter();
    $('result').replaceChildren(el('p', { class: 'ok', id: 'valid' },
      `Valid: ${body.rules} rules compiled, ${body.scenariosRun} scenarios passed.`));
    document.dispatchEvent(new CustomEvent('policy:failures', { detail: [] }));
  } else showProblem(body);
});

$('simulate').onclick = () => busy($('simulate'), async () => {
  const { status, body } = await api('POST', '/api/policy/simulate?limit=100', request());
  if (status !== 200) { showProblem(body); return; }
  const r = body.report;
  const figures = [['open cases evaluated', r.evaluated], ['cases that change', r.changed], ['segment changes', r.segmentChanged],
    ['next stage changes', r.nextStageChanged], ['next contact date changes', r.nextContactDateChanged],
    ['discount changes', r.discountChanged], ['cases the edit cannot decide', r.errors],
    ['discount offered before (R$)', r.discountOfferedBefore], ['discount offered after (R$)', r.discountOfferedAfter],
    ['time (ms)', r.millis]];
  const out = [el('table', { class: 'figures', id: 'simulation' }, el('tbody', {}, figures.map(([k, v]) =>
    el('tr', {}, el('td', {}, k), el('td', {}, String(v))))))];
  document.dispatchEvent(new CustomEvent('policy:failures', { detail: body.scenarioFailures }));
  if (body.scenarioFailures.length) {
    out.push(el('p', { class: 'bad' }, `${body.scenarioFailures.length} scenario checks fail: activation would be refused.`));
  }
  out.push(el('p', { class: 'hint' }, 'What changes, by segment and stage, with the cases and why: below.'));
  $('result').replaceChildren(...out);
  // whatif.js shows what changes below, broken down
  document.dispatchEvent(new CustomEvent('policy:whatif', { detail: r }));
});

$('activate').onclick = () => busy($('activate'), async () => {
  const { status, body } = await api('PUT', '/api/policy',
    request({ comment: $('comment').value }));
  if (status === 202) {
    // four eyes: the version is stored, and waits for another credit manager in the Versions tab
    $('comment').value = '';
    await load();
    $('result').replaceChildren(el('p', { class: 'ok', id: 'proposed' },
      `Version ${body.number} is proposed (${body.scenariosRun} scenarios passed): another credit manager activates it in Versions.`));
  } else if (status === 201 || status === 200) {
    $('comment').value = '';
    await load();
    $('result').replaceChildren(el('p', { class: 'ok', id: 'activated' }, status === 201
      ? `Version ${body.number} is active (${body.scenariosRun} scenarios passed).`
      : `Nothing changed: version ${body.number} stays active.`));
  } else showProblem(body);
});

$('schedule').onclick = () => busy($('schedule'), async () => {
  const local = $('effective-at').value;
  if (!local) { $('result').replaceChildren(el('p', { class: 'problem', id: 'schedule-problem' }, 'Choose when the version takes effect.')); return; }
  // the browser's own offset, so the server gets an instant
  const effectiveAt = new Date(local).toISOString();
  const { status, body } = await api('PUT', '/api/policy', request({ comment: $('comment').value, effectiveAt }));
  if (status === 202 || status === 201) {
    $('comment').value = '';
    await load();
    $('result').replaceChildren(el('p', { class: 'ok', id: 'scheduled' },
      `Version ${body.number} (${body.scenariosRun} scenarios passed) takes effect on ${new Date(effectiveAt).toLocaleString()}: `
      + 'it is pending in Versions, where it can be cancelled.'));
  } else if (status === 200) {
    $('result').replaceChildren(el('p', {}, 'No edits: there is nothing to schedule.'));
  } else showProblem(body);
});

// --- versions, scheduled activations and roll back

async function loadSchedules() {
  const { body } = await api('GET', '/api/policy/schedules');
  $('schedule-list').tBodies[0].replaceChildren(...body.map(s => {
    const cancel = el('button', { class: 'cancel-schedule', 'data-schedule': s.id }, 'Cancel');
    cancel.hidden = s.status !== 'PENDING';
    cancel.onclick = () => busy(cancel, async () => {
      const r = await api('DELETE', `/api/policy/schedules/${s.id}`);
      if (r.status !== 200) { $('version-detail').replaceChildren(el('p', { class: 'problem' }, r.body.detail)); return; }
      await loadSchedules();
      await loadVersions();
    });
    return el('tr', { 'data-schedule': s.id, class: s.status.toLowerCase() },
      el('td', {}, String(s.version)), el('td', {}, new Date(s.effectiveAt).toLocaleString()), el('td', { class: 'status' }, s.status),
      el('td', {}, s.author), el('td', {}, s.comment || ''), el('td', {}, cancel));
  }));
}

async function loadVersions() {
  const { body } = await api('GET', '/api/policy/versions');
  const pending = new Set((await api('GET', '/api/policy/schedules')).body.filter(s => s.status === 'PENDING').map(s => s.version));
  $('version-list').tBodies[0].replaceChildren(...body.map(v => {
    const row = el('tr', { class: 'clickable' + (v.active ? ' active' : ''), 'data-version': v.number },
      el('td', {}, String(v.number)), el('td', {}, v.hash), el('td', {}, v.author), el('td', {}, v.comment || ''),
      el('td', {}, (v.createdAt || '').replace('T', ' ').substring(0, 19)), el('td', {}, v.active ? 'active' : v.activatedAt ? '' : pending.has(v.number) ? 'scheduled' : 'proposed'));
    row.onclick = () => showVersion(v.number);
    return row;
  }));
}

async function showVersion(number) {
  const { body } = await api('GET', `/api/policy/versions/${number}`);
  const rollBack = el('button', { id: 'activate-version', class: 'primary' }, `Activate version ${number}`);
  rollBack.disabled = body.active;
  rollBack.onclick = () => busy(rollBack, async () => {
    const r = await api('POST', `/api/policy/versions/${number}/activate`,
      { comment: `back to version ${number}` });
    if (r.status !== 200) { $('version-detail').append(el('p', { class: 'problem' }, r.body.detail)); return; }
    await load();
    await loadVersions();
    await showVersion(number);
  });
  const changes = body.changes.length ? body.changes.map(c => [el('h2', {}, `${c.file} (${c.change.toLowerCase()})`), diff(c.diff)])
    : [el('p', {}, body.previous ? 'Same files as the version before.' : 'The first version.')];
  $('version-detail').replaceChildren(el('h2', {}, `Version ${number}` + (body.previous ? ` against ${body.previous}` : '')),
    el('p', {}, `${body.author} · ${body.comment || ''}`), rollBack, ...changes.flat());
  document.dispatchEvent(new CustomEvent('policy:version', { detail: body })); // grid.js adds the tables' changed cells
}

function diff(text) {
  return el('pre', { class: 'diff' }, text.split('\n').map(line =>
    el('span', { class: /^(@@|\+\+\+ |--- )/.test(line) ? 'hunk' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : '' },
      line + '\n')));
}

document.querySelectorAll('.tab').forEach(tab => tab.onclick = async () => {
  document.querySelectorAll('.tab').forEach(t => t.classList.toggle('on', t === tab));
  document.querySelectorAll('.pane').forEach(p => { p.hidden = p.id !== tab.dataset.tab; });
  if (tab.dataset.tab === 'versions') { await loadVersions(); await loadSchedules(); }
});

session().then(load);
