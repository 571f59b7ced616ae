// The policy page's grids: a decision table file (.drl.csv) edits as typed cells, checked by the
// server as you type, with rows added, removed and moved, and to and from a spreadsheet (XLSX);
// a scenario file (scenarios/*.csv) shows as a grid with each failing scenario marked at its row.
// The grid writes the file's CSV text into the page's edits, so validate, simulate and activate
// (policy.js) work on what the grid shows. Uses policy.js's state, $, el, api and contentOf.
'use strict';

const grids = { mode: 'grid', cache: {}, failures: [], timer: null };

const isTable = name => !!name && name.endsWith('.drl.csv') && !name.includes('/');
const isScenario = name => !!name && name.startsWith('scenarios/') && name.endsWith('.csv');
const tableUrl = name => `/api/policy/tables/${encodeURIComponent(name)}`;

document.addEventListener('policy:open', event => showGrid(event.detail));
document.addEventListener('policy:failures', event => {
  grids.failures = event.detail || [];
  if (isScenario(state.current) && grids.mode === 'grid') renderScenario(state.current);
});
$('view-grid').onclick = () => { grids.mode = 'grid'; showGrid(state.current); };
$('view-text').onclick = () => { grids.mode = 'text'; showGrid(state.current); };

async function showGrid(name) {
  const gridable = (isTable(name) || isScenario(name)) && contentOf(name) !== null && contentOf(name) !== undefined;
  const on = gridable && grids.mode === 'grid';
  $('views').hidden = !gridable;
  $('view-grid').classList.toggle('on', on);
  $('view-text').classList.toggle('on', !on);
  document.querySelector('#editor .code').hidden = on;
  $('grid').hidden = !on;
  if (!on) return;
  if (isScenario(name)) { renderScenario(name); return; }
  const text = contentOf(name);
  let grid = grids.cache[name];
  if (!grid || grid.text !== text) {
    $('grid').replaceChildren(el('p', { class: 'hint' }, 'loading the grid…')); // not the grid of the file shown before
    const { status, body } = await api('POST', `${tableUrl(name)}/check`, { text });
    if (status !== 200) { $('grid').replaceChildren(el('p', { class: 'problem' }, body.detail || 'This table cannot be read.')); return; }
    grid = grids.cache[name] = { text, tables: body.tables };
  }
  if (state.current === name) drawTables(name, grid);
}

// --- decision tables

function drawTables(name, grid) {
  const upload = el('input', { type: 'file', accept: '.xlsx', id: 'xlsx-file', 'aria-label': 'spreadsheet to upload' });
  upload.onchange = () => uploadXlsx(name, upload.files[0]);
  const tools = el('div', { class: 'grid-tools' },
    el('a', { href: `${tableUrl(name)}/xlsx`, id: 'xlsx-download', download: '' }, 'Download as Excel (active version)'),
    el('label', { class: 'upload' }, 'Upload an Excel file: ', upload),
    el('span', { id: 'grid-status', 'aria-live': 'polite' }));
  $('grid').replaceChildren(tools, ...grid.tables.map((table, t) => drawTable(name, grid, table, t)));
}

function drawTable(name, grid, table, t) {
  const head = el('tr', {}, table.columns.map(c => el('th', { title: c.template || '' }, c.header || c.kind,
    el('small', {}, c.type === 'RULE_NAME' ? 'rule (the row\'s comment)' : c.typeLabel))), el('th', {}, ''));
  const body = el('tbody', {}, table.rows.map((row, r) => drawRow(name, grid, table, t, r)));
  const add = el('button', { class: 'add-row', 'data-table': t }, '+ Add row');
  add.onclick = () => {
    table.rows.push({ cells: table.columns.map(() => '') });
    redraw(name, grid);
    changed(name, grid);
  };
  return el('section', { class: 'grid-table', 'data-table': t },
    el('h3', {}, table.name), el('div', { class: 'scroll' }, el('table', { class: 'grid' }, el('thead', {}, head), body)), add);
}

function drawRow(name, grid, table, t, r) {
  const row = table.rows[r];
  const cells = table.columns.map((column, c) => {
    const node = control(column, row.cells[c], value => { row.cells[c] = value; changed(name, grid); });
    const input = node.matches('input, select, textarea') ? node : node.querySelector('input');
    input.dataset.cell = `tables[${t}].rows[${r}].cells[${c}]`;
    input.setAttribute('aria-label', `${table.name}, row ${r + 1}, ${column.header}`);
    return el('td', { class: column.type.toLowerCase() }, node, el('div', { class: 'msg' }));
  });
  const move = (label, title, to) => {
    const b = el('button', { class: 'row-op', title }, label);
    b.onclick = () => {
      if (to < 0 || to >= table.rows.length) return;
      const [moved] = table.rows.splice(r, 1);
      if (title !== 'Remove this row') table.rows.splice(to, 0, moved);
      redraw(name, grid);
      changed(name, grid);
    };
    return b;
  };
  return el('tr', { 'data-row': r }, cells,
    el('td', { class: 'ops' }, move('↑', 'Move up', r - 1), move('↓', 'Move down', r + 1), move('✕', 'Remove this row', 0)));
}

function redraw(name, grid) {
  if (state.current === name) drawTables(name, grid);
}

// a rule's name is a business sentence: it wraps within its cell instead of losing its end, and stays one line of the file
function ruleName(column, value, set) {
  // as many lines as the sentence needs, about 28 characters each, two to four of them
  const area = el('textarea', { rows: Math.min(4, Math.max(2, Math.ceil(value.length / 28))), cols: 26,
    placeholder: column.required ? 'required' : '', spellcheck: 'false' });
  area.value = value;
  area.onkeydown = e => { if (e.key === 'Enter') e.preventDefault(); };
  area.oninput = () => {
    if (/[\r\n]/.test(area.value)) area.value = area.value.replace(/\s*[\r\n]+\s*/g, ' ');
    set(area.value.trim() === '' ? '' : area.value);
  };
  return area;
}

// a typed input: a pick-list, or text whose meaning the column's type gives (a percentage shows as %)
function control(column, value, set) {
  if (column.options.length) {
    const labels = { true: 'yes', false: 'no' };
    const options = [...(column.required ? [] : ['']), ...column.options];
    if (!options.includes(value)) options.push(value);
    const select = el('select', {}, options.map(o => el('option', { value: o }, o === '' ? (column.type === 'FLAG' ? 'no' : 'any')
      : labels[o] || o)));
    select.value = value;
    select.onchange = () => set(select.value);
    return select;
  }
  if (column.type === 'RULE_NAME') return ruleName(column, value, set);
  const percent = column.type === 'PERCENTAGE';
  const input = el('input', { type: 'text', value: percent ? (shift(value, 2) ?? value) : value,
    inputmode: ['TEXT', 'TIME'].includes(column.type) ? 'text' : 'decimal',
    placeholder: column.type === 'TIME' ? 'HH:mm' : column.required ? 'required' : 'any' });
  if (column.type === 'TEXT') {
    input.size = Math.min(40, Math.max(12, value.length));
    input.title = value;
  }
  else input.size = 8;
  input.oninput = () => {
    if (!percent) { set(input.value.trim() === '' ? '' : input.value); return; }
    const fraction = shift(input.value.trim(), -2);
    // the same number keeps the file's text (0.10 stays 0.10, not 0.1)
    set(fraction === null ? input.value : Number(fraction) === Number(value) && value !== '' ? value : fraction);
  };
  if (!percent) return input;
  return el('span', { class: 'percent' }, input, '%');
}

// moves the decimal point n places on the text itself, so 0.0199 is 1.99 exactly; null when not a number
function shift(text, n) {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text || '');
  if (!m || (m[2] === '' && !m[3])) return null;
  let digits = m[2] + (m[3] || '');
  let point = m[2].length + n;
  if (point < 0) { digits = '0'.repeat(-point) + digits; point = 0; }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fraction = digits.slice(point).replace(/0+$/, '');
  return m[1] + whole + (fraction ? '.' + fraction : '');
}

// every change is checked by the server after a pause in the typing; a good grid becomes the file's text
function changed(name, grid) {
  clearTimeout(grids.timer);
  grids.timer = setTimeout(() => check(name, grid), 250);
}

async function check(name, grid) {
  const { status, body } = await api('POST', `${tableUrl(name)}/check`,
    { text: grid.text, tables: grid.tables.map(t => ({ name: t.name, rows: t.rows })) });
  if (status === 200) {
    grid.text = body.text;
    setText(name, body.text);
    showCellProblems([]);
  } else {
    showCellProblems(body.errors || [{ field: body.field, message: body.detail }]);
  }
}

function setText(name, text) {
  if (text === state.files[name]) delete state.edits[name]; else state.edits[name] = text;
  if (state.current === name) $('text').value = text;
  renderFiles();
}

function showCellProblems(errors) {
  document.querySelectorAll('#grid .invalid').forEach(i => { i.classList.remove('invalid'); i.removeAttribute('aria-invalid'); });
  document.querySelectorAll('#grid .msg').forEach(m => { m.textContent = ''; });
  const loose = [];
  errors.forEach(e => {
    const input = document.querySelector(`#grid [data-cell="${e.field}"]`);
    if (!input) { loose.push(`${e.field}: ${e.message}`); return; }
    input.classList.add('invalid');
    input.setAttribute('aria-invalid', 'true');
    input.closest('td').querySelector('.msg').textContent = e.message;
  });
  const status = $('grid-status');
  if (!status) return;
  status.className = errors.length ? 'problem' : 'ok';
  status.textContent = errors.length
    ? `${errors.length} cell${errors.length > 1 ? 's' : ''} to fix: until then the file keeps its last good text. ${loose.join(' · ')}`
    : 'All cells are right.';
}

async function uploadXlsx(name, file) {
  if (!file) return;
  const s = await session();
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(`${tableUrl(name)}/xlsx`, { method: 'POST', headers: { [s.csrfHeader]: s.csrfToken }, body: form });
  const body = await response.json();
  if (response.status !== 200) {
    const errors = body.errors || [{ field: body.field, message: body.detail }];
    $('grid-status').className = 'problem';
    $('grid-status').replaceChildren(`The spreadsheet was refused: nothing changed. `,
      el('ul', { id: 'upload-problems' }, errors.map(e => el('li', {}, `${cellName(name, e.field)}: ${e.message}`))));
    return;
  }
  grids.cache[name] = { text: body.text, tables: body.tables };
  setText(name, body.text);
  drawTables(name, grids.cache[name]);
  $('grid-status').className = 'ok';
  $('grid-status').textContent = `${file.name} read: its rows are in the grid, checked. Validate, simulate and activate as usual.`;
}

// "tables[0].rows[2].cells[1]" as a person reads it: the table and the row (the message names the column)
function cellName(name, field) {
  const m = /^tables\[(\d+)]\.rows\[(\d+)]\.cells\[(\d+)]$/.exec(field || '');
  const grid = grids.cache[name];
  if (!m || !grid || !grid.tables[m[1]]) return field;
  const table = grid.tables[m[1]];
  return `${table.name}, row ${Number(m[2]) + 1}`;
}

// --- the Versions tab: a table file's changed cells, above its text diff

document.addEventListener('policy:version', async event => {
  const version = event.detail;
  if (!version.previous) return;
  for (const change of version.changes.filter(c => isTable(c.file) && c.change === 'MODIFIED')) {
    const { status, body } = await api('GET', `/api/policy/versions/${version.number}/tables/${encodeURIComponent(change.file)}/diff`
      + `?against=${version.previous}`);
    if (status !== 200) continue;
    const rows = body.tables.flatMap(t => [
      ...t.changed.map(c => el('tr', {}, el('td', {}, t.table), el('td', {}, c.rule), el('td', {}, c.header),
        el('td', { class: 'del' }, c.before || '(empty)'), el('td', { class: 'add' }, c.after || '(empty)'))),
      ...t.added.map(r => el('tr', {}, el('td', {}, t.table), el('td', {}, r.cells[0]), el('td', {}, 'row added'), el('td', {}, ''),
        el('td', { class: 'add' }, r.cells.slice(1).join(' · ')))),
      ...t.removed.map(r => el('tr', {}, el('td', {}, t.table), el('td', {}, r.cells[0]), el('td', {}, 'row removed'),
        el('td', { class: 'del' }, r.cells.slice(1).join(' · ')), el('td', {}, '')))]);
    if (!rows.length) continue;
    const heading = [...document.querySelectorAll('#version-detail h2')].find(h => h.textContent.startsWith(change.file + ' '));
    const table = el('table', { class: 'cell-diff', 'data-file': change.file },
      el('thead', {}, el('tr', {}, ['table', 'rule', 'column', 'before', 'after'].map(h => el('th', {}, h)))), el('tbody', {}, rows));
    if (heading) heading.after(table); else $('version-detail').append(table);
  }
});

// --- scenarios

function renderScenario(name) {
  const lines = contentOf(name).split('\n');
  const headerAt = lines.findIndex(l => l.trim() && !l.trim().startsWith('#'));
  if (headerAt < 0) { $('grid').replaceChildren(el('p', {}, 'No scenarios yet: write the header line in the text.')); return; }
  const separator = lines[headerAt].includes(';') ? ';' : ',';
  const header = splitCsv(lines[headerAt], separator);
  const norm = s => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const failures = grids.failures.filter(f => f.file === name);
  const notes = lines.slice(0, headerAt).filter(l => l.trim().startsWith('#')).map(l => l.replace(/^\s*#\s?/, '')).join('\n');
  const rows = [];
  lines.forEach((line, i) => {
    if (i <= headerAt || !line.trim() || line.trim().startsWith('#')) return;
    const cells = splitCsv(line, separator);
    const failing = failures.filter(f => f.line === i + 1);
    const bad = new Set(failing.map(f => norm(f.check)));
    rows.push(el('tr', { 'data-line': i + 1, class: failing.length ? 'failing' : '' }, el('td', { class: 'line' }, String(i + 1)),
      header.map((h, c) => {
        const input = el('input', { type: 'text', value: cells[c] ?? '', size: Math.min(40, Math.max(4, (cells[c] || '').length + 1)),
          'aria-label': `line ${i + 1}, ${h}` });
        input.oninput = () => {
          cells[c] = input.value;
          lines[i] = cells.map(v => v.includes(separator) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v).join(separator);
          setText(name, lines.join('\n'));
        };
        const wrong = bad.has(norm(h)) || bad.has(norm(h).replace(/^expected/, ''));
        return el('td', { class: wrong ? 'bad-cell' : '' }, input);
      })));
    failing.forEach(f => rows.push(el('tr', { class: 'failure', 'data-failure-line': f.line },
      el('td', {}, '✗'), el('td', { colspan: header.length },
        `${f.check}: expected ${f.expected}, actual ${f.actual}`))));
  });
  $('grid').replaceChildren(
    el('pre', { class: 'hint notes' }, notes),
    el('p', { id: 'scenario-status', class: failures.length ? 'problem' : '' }, failures.length
      ? `${failures.length} check${failures.length > 1 ? 's' : ''} of this file fail: marked at their rows.` : `${rows.length} scenarios.`),
    el('div', { class: 'scroll' }, el('table', { class: 'grid scenarios' },
      el('thead', {}, el('tr', {}, el('th', {}, 'line'), header.map(h => el('th', {}, h)))), el('tbody', {}, rows))));
  const first = document.querySelector('#grid tr.failing');
  if (first) first.scrollIntoView({ block: 'center' });
}

function splitCsv(line, separator) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) { cells.push(cell); cell = ''; } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
