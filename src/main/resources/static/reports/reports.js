// The reports page: the aging of the open portfolio as a bar chart and tables, on a date the
// reader picks, and the recovery of a period; both as CSV. Plain script and Chart.js from the
// server, no build.
'use strict';

const $ = id => document.getElementById(id);
const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const count = new Intl.NumberFormat('pt-BR');
let chart = null;
let recoveryChart = null;

async function session() {
  const response = await fetch('/api/session', { headers: { Accept: 'application/json' } });
  if (response.status === 401) { location.href = '/login'; throw new Error('signed out'); }
  const s = await response.json();
  $('user').textContent = `signed in as ${s.user}`;
  $('logout-csrf').value = s.csrfToken;
}

function agingUrl() {
  const asOf = $('as-of').value;
  return '/api/reports/aging' + (asOf ? `?asOf=${encodeURIComponent(asOf)}` : '');
}

function cells(tr, values) {
  values.forEach(v => { const td = document.createElement('td'); td.textContent = v; tr.append(td); });
  return tr;
}

function money(a) {
  return [count.format(a.count), brl.format(a.principal), brl.format(a.fine), brl.format(a.interest), brl.format(a.total)];
}

function days(b) {
  if (b.fromDay === null && b.toDay === null) return 'any';
  if (b.fromDay === null) return `${b.toDay} or fewer`;
  if (b.toDay === null) return `${b.fromDay} or more`;
  return `${b.fromDay} to ${b.toDay}`;
}

function fill(tableId, rows) {
  const body = document.querySelector(`#${tableId} tbody`);
  body.replaceChildren(...rows);
}

function show(report) {
  $('as-of').value = report.asOf;
  $('summary').textContent = `${count.format(report.total.count)} open receivables owing ${brl.format(report.total.total)} on `
    + `${report.asOf} · policy version ${report.policyVersion}`;
  fill('buckets', report.buckets.map(b => {
    const tr = cells(document.createElement('tr'), [b.bucket, days(b), ...money(b.amounts)]);
    tr.dataset.bucket = b.bucket;
    return tr;
  }));
  document.querySelector('#buckets tfoot').replaceChildren(cells(document.createElement('tr'), ['Total', '', ...money(report.total)]));
  fill('segments', report.segments.map(l => cells(document.createElement('tr'), [l.key ?? 'not yet classified', ...money(l.amounts)])));
  fill('stages', report.stages.map(l => cells(document.createElement('tr'), [l.name === l.key ? l.key : l.name + ' (' + l.key + ')', ...money(l.amounts)])));

  const data = {
    labels: report.buckets.map(b => b.bucket),
    datasets: [
      { label: 'principal (R$)', data: report.buckets.map(b => Number(b.amounts.principal)), backgroundColor: '#1d3557' },
      { label: 'fine and interest (R$)', data: report.buckets.map(b => Number(b.amounts.fine) + Number(b.amounts.interest)),
        backgroundColor: '#e07a1f' }
    ]
  };
  if (chart) chart.destroy();
  chart = new Chart($('chart'), {
    type: 'bar',
    data,
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, ticks: { callback: v => brl.format(v) } } },
      plugins: {
        tooltip: {
          callbacks: {
            label: c => `${c.dataset.label}: ${brl.format(c.parsed.y)}`,
            footer: items => `${count.format(report.buckets[items[0].dataIndex].amounts.count)} receivables`
          }
        }
      }
    }
  });
  document.body.dataset.loaded = report.asOf;
  if (!$('recovery-from').value) {
    // the month so far, by the server's clock (the aging's today)
    $('recovery-from').value = report.asOf.slice(0, 8) + '01';
    $('recovery-to').value = report.asOf;
    loadRecovery();
  }
}

const percent = v => v === null ? '—' : `${v.replace('.', ',')}%`;

function recoveryUrl() {
  return `/api/reports/recovery?from=${encodeURIComponent($('recovery-from').value)}&to=${encodeURIComponent($('recovery-to').value)}`;
}

function charges(a) {
  return Number(a.fine) + Number(a.interest);
}

function showRecovery(r) {
  $('recovery-summary').textContent = `${brl.format(r.recovered.total)} recovered in ${count.format(r.recovered.count)} payments `
    + `from ${r.from} to ${r.to}: ${brl.format(r.recovered.principal)} of the ${brl.format(r.due.principal)} due `
    + `(${percent(r.recoveryRate)}), ${brl.format(charges(r.recovered))} in fine and interest.`;
  const line = (by, l) => {
    const tr = cells(document.createElement('tr'), [by, l.key === null || l.name.includes(l.key) ? l.name : `${l.name} (${l.key})`,
      count.format(l.amounts.count), brl.format(l.amounts.principal), brl.format(charges(l.amounts)), brl.format(l.amounts.total)]);
    tr.dataset.line = `${by}:${l.key ?? ''}`;
    return tr;
  };
  fill('recovery-lines', [...r.segments.map(l => line('segment', l)), ...r.channels.map(l => line('channel', l)),
    ...r.policyVersions.map(l => line('policy', l))]);
  const a = r.agreements;
  const c = r.cure;
  fill('recovery-outcomes', [
    ['Agreements accepted: discounts', count.format(a.accepted), brl.format(a.discounts)],
    ['Agreements accepted: late charges waived', count.format(a.accepted), brl.format(a.waivedCharges)],
    ['Agreements kept', count.format(a.kept), ''],
    ['Agreements broken', count.format(a.broken), ''],
    ['Agreement installments paid', count.format(a.installmentsPaid), brl.format(a.installmentsAmount)],
    ['Promises kept', count.format(r.promises.kept), ''],
    ['Promises broken', count.format(r.promises.broken), ''],
    ['Overdue when the period began', count.format(c.overdue), brl.format(c.overduePrincipal)],
    [`Cured by its end (${percent(c.rate)})`, count.format(c.cured), brl.format(c.curedPrincipal)]
  ].map(v => cells(document.createElement('tr'), v)));
  fill('recovery-rolls', r.rollRates.map(x => {
    const tr = cells(document.createElement('tr'), [x.month, x.bucket, count.format(x.count), brl.format(x.principal),
      `${count.format(x.rolled)} · ${brl.format(x.rolledPrincipal)}`, `${count.format(x.stayed)} · ${brl.format(x.stayedPrincipal)}`,
      `${count.format(x.cleared)} · ${brl.format(x.clearedPrincipal)}`, percent(x.rate)]);
    tr.dataset.roll = `${x.month} ${x.bucket}`;
    return tr;
  }));
  fill('recovery-contacts', r.contacts.map(m => cells(document.createElement('tr'), [m.channel, count.format(m.sent), count.format(m.failed)])));
  fill('recovery-reasons', r.reasons.map(x => {
    const tr = cells(document.createElement('tr'), [x.name, count.format(x.count), brl.format(x.owed), brl.format(x.recovered),
      percent(x.rate)]);
    tr.dataset.reason = x.key ?? '';
    return tr;
  }));

  if (recoveryChart) recoveryChart.destroy();
  recoveryChart = new Chart($('recovery-chart'), {
    type: 'bar',
    data: {
      labels: r.stages.map(l => l.name),
      datasets: [
        { label: 'principal recovered (R$)', data: r.stages.map(l => Number(l.amounts.principal)), backgroundColor: '#2a7f62',
          maxBarThickness: 140 },
        { label: 'fine and interest (R$)', data: r.stages.map(l => charges(l.amounts)), backgroundColor: '#e07a1f', maxBarThickness: 140 }
      ]
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true, title: { display: true, text: 'stage when the payment came in' } },
                y: { stacked: true, ticks: { callback: v => brl.format(v) } } },
      plugins: {
        tooltip: {
          callbacks: {
            label: c => `${c.dataset.label}: ${brl.format(c.parsed.y)}`,
            footer: items => `${count.format(r.stages[items[0].dataIndex].amounts.count)} payments`
          }
        }
      }
    }
  });
  document.body.dataset.recovery = `${r.from}/${r.to}`;
}

async function loadRecovery() {
  $('recovery-problem').hidden = true;
  const response = await fetch(recoveryUrl(), { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) {
    $('recovery-problem').textContent = body.detail ? `${body.field ?? ''} ${body.detail}`.trim() : `the report could not be made (${response.status})`;
    $('recovery-problem').hidden = false;
    return;
  }
  showRecovery(body);
}

async function load() {
  $('problem').hidden = true;
  const response = await fetch(agingUrl(), { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) {
    $('problem').textContent = body.detail || `the report could not be made (${response.status})`;
    $('problem').hidden = false;
    return;
  }
  show(body);
}

async function downloadCsv() {
  await download(agingUrl(), `aging-${$('as-of').value || 'today'}.csv`, 'problem');
}

async function download(url, name, problem) {
  const response = await fetch(url, { headers: { Accept: 'text/csv' } });
  if (!response.ok) {
    $(problem).textContent = `the CSV could not be made (${response.status})`;
    $(problem).hidden = false;
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

$('as-of-form').addEventListener('submit', e => { e.preventDefault(); load(); });
$('today').addEventListener('click', () => { $('as-of').value = ''; load(); });
$('csv').addEventListener('click', downloadCsv);
$('recovery-form').addEventListener('submit', e => { e.preventDefault(); loadRecovery(); });
$('recovery-csv').addEventListener('click', () => download(recoveryUrl(),
  `recovery-${$('recovery-from').value}-${$('recovery-to').value}.csv`, 'recovery-problem'));
session().then(load);
