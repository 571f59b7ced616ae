// The policy page's "What changes": after "Simulate on open cases", the what-if broken down by
// segment × next stage with the money of the cases concerned, the changed cases with the rules
// that explain them, and the same cases as a CSV download. Plain script, no build; it reads the
// page's edits and session from policy.js.
'use strict';

const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const money = v => brl.format(Number(v));
const day = at => at ? new Date(at.substring(0, 10) + 'T12:00:00').toLocaleDateString('pt-BR') : 'no more steps';

function whatIfCell(tag, text, cls) {
  const c = document.createElement(tag);
  c.textContent = text;
  if (cls) c.className = cls;
  return c;
}

function whatIfRow(tag, cells) {
  const tr = document.createElement('tr');
  cells.forEach(([text, cls]) => tr.append(whatIfCell(tag, text, cls)));
  return tr;
}

// a money pair before → after, marked when it changes
function beforeAfter(before, after) {
  return [`${money(before)} → ${money(after)}`, Number(before) === Number(after) ? 'num' : 'num moved'];
}

function groupsTable(report) {
  const table = document.createElement('table');
  table.id = 'whatif-groups';
  const head = document.createElement('thead');
  const groups = document.createElement('tr');
  [['', 3], ['cases that change', 5], ['money of the cases that change', 5]].forEach(([text, span]) => {
    const th = whatIfCell('th', text, 'group');
    th.colSpan = span;
    groups.append(th);
  });
  head.append(groups, whatIfRow('th', ['segment', 'next stage', 'cases', 'all', 'segment', 'next stage',
    'date', 'offer', 'balance', 'discounts', 'charges waived', 'contacted earlier', 'contacted later']
    .map(h => [h])));
  const body = document.createElement('tbody');
  report.breakdown.forEach(g => {
    const tr = whatIfRow('td', [[g.segment], [g.nextStage], [String(g.cases), 'num'], [String(g.changed), g.changed ? 'num moved' : 'num'],
      [String(g.segmentChanged), 'num'], [String(g.nextStageChanged), 'num'], [String(g.nextContactDateChanged), 'num'],
      [String(g.offerChanged), 'num'], [money(g.money.balance), 'num'],
      beforeAfter(g.money.discountBefore, g.money.discountAfter),
      beforeAfter(g.money.chargesWaivedBefore, g.money.chargesWaivedAfter),
      [money(g.money.balanceContactedEarlier), 'num'], [money(g.money.balanceContactedLater), 'num']]);
    if (!g.changed) tr.className = 'unchanged';
    body.append(tr);
  });
  const m = report.money;
  const foot = document.createElement('tfoot');
  foot.append(whatIfRow('td', [['all'], [''], [String(report.evaluated), 'num'], [String(report.changed), 'num'],
    [String(report.segmentChanged), 'num'], [String(report.nextStageChanged), 'num'], [String(report.nextContactDateChanged), 'num'],
    [String(report.discountChanged), 'num'], [money(m.balance), 'num'], beforeAfter(m.discountBefore, m.discountAfter),
    beforeAfter(m.chargesWaivedBefore, m.chargesWaivedAfter), [money(m.balanceContactedEarlier), 'num'],
    [money(m.balanceContactedLater), 'num']]));
  table.append(head, body, foot);
  return table;
}

function outcomeText(o) {
  return `${o.segment} · ${o.nextStage} on ${day(o.nextContactAt)} · discount ${money(o.principalDiscount)}`
    + ` · charges waived ${money(o.chargesWaived)}`;
}

function casesTable(report) {
  const table = document.createElement('table');
  table.id = 'whatif-cases';
  const head = document.createElement('thead');
  head.append(whatIfRow('th', [['case'], ['balance'], ['before'], ['after'], ['why']]));
  const body = document.createElement('tbody');
  report.firstChanged.forEach(c => body.append(whatIfRow('td', [[c.externalId], [money(c.balance), 'num'],
    [outcomeText(c.before)], [c.after ? outcomeText(c.after) : 'cannot be decided', c.after ? '' : 'bad'],
    [c.explanation, 'why']])));
  table.append(head, body);
  return table;
}

// the CSV comes from the same what-if, asked with Accept: text/csv, and is saved as a file
async function downloadCsv(button) {
  button.disabled = true;
  try {
    const s = await session();
    const response = await fetch('/api/policy/simulate?limit=1000', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/csv', [s.csrfHeader]: s.csrfToken },
      body: JSON.stringify(request())
    });
    if (!response.ok) { $('whatif-status').textContent = `The CSV could not be made (${response.status}).`; return; }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = 'what-changes.csv';
    document.body.append(link);
    link.click();
    link.remove();
    $('whatif-status').textContent = 'what-changes.csv downloaded.';
  } finally {
    button.disabled = false;
  }
}

document.addEventListener('policy:whatif', e => {
  const report = e.detail;
  const section = $('whatif');
  const heading = whatIfCell('h2', 'What changes');
  const summary = whatIfCell('p', `${report.changed} of ${report.evaluated} open cases change`
    + (report.errors ? `, ${report.errors} cannot be decided by the edit` : '')
    + `. Cases are grouped by their segment and next stage under the active version ${report.activeVersion};`
    + ' the money is that of the cases that change.'
    + (report.inExperiments ? ` ${report.inExperiments} open cases drawn by a champion/challenger experiment are left out:`
      + ' they keep their arm\'s version whatever is activated.' : ''));
  summary.id = 'whatif-summary';
  const edited = Object.entries(report.editedRows || {});
  const rows = whatIfCell('p', edited.length ? 'Edited rows: ' + edited.map(([rule, change]) => `«${rule}» (${change})`).join('; ')
    : 'No table row edited: the changes come from rule files.', 'hint');
  const csv = whatIfCell('button', 'Download CSV');
  csv.id = 'whatif-csv';
  csv.onclick = () => downloadCsv(csv);
  const status = whatIfCell('span', '', 'hint');
  status.id = 'whatif-status';
  status.setAttribute('aria-live', 'polite');
  const parts = [heading, summary, rows, groupsTable(report)];
  if (report.firstChanged.length) {
    parts.push(whatIfCell('h2', report.firstChanged.length < report.changed
      ? `The first ${report.firstChanged.length} changed cases` : 'The changed cases'));
    parts.push(casesTable(report));
  }
  const bar = document.createElement('p');
  bar.append(csv, ' ', status);
  parts.push(bar);
  section.replaceChildren(...parts);
  section.hidden = false;
  section.scrollIntoView({ block: 'start' });
});

// a new edit makes the last what-if stale
document.addEventListener('input', e => {
  if (e.target.closest && e.target.closest('#editor')) $('whatif').classList.add('stale');
});
document.addEventListener('policy:whatif', () => $('whatif').classList.remove('stale'));

// a version activated or rolled back: the what-if was against the version before
new MutationObserver(() => { $('whatif').hidden = true; }).observe($('active'), { childList: true, characterData: true, subtree: true });
