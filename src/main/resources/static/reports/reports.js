// The reports page: the aging of the open portfolio as a bar chart and tables, on a date the
// reader picks, and as CSV. Plain script and Chart.js from the server, no build.
'use strict';

const $ = id => document.getElementById(id);
const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
const count = new Intl.NumberFormat('pt-BR');
let chart = null;

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
  const response = await fetch(agingUrl(), { headers: { Accept: 'text/csv' } });
  if (!response.ok) {
    $('problem').textContent = `the CSV could not be made (${response.status})`;
    $('problem').hidden = false;
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = `aging-${$('as-of').value || 'today'}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

$('as-of-form').addEventListener('submit', e => { e.preventDefault(); load(); });
$('today').addEventListener('click', () => { $('as-of').value = ''; load(); });
$('csv').addEventListener('click', downloadCsv);
session().then(load);
