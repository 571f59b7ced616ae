// The policy page's experiments: a challenger version tried on a share of the new cases beside the
// active one, started and stopped here, each with the report's verdict. Uses policy.js's helpers.
'use strict';

async function loadExperiments() {
  const { body } = await api('GET', '/api/experiments');
  const rows = await Promise.all(body.map(async x => {
    const report = (await api('GET', `/api/reports/experiments/${x.id}`)).body;
    const stop = el('button', { class: 'stop-experiment', 'data-experiment': x.id }, 'Stop');
    stop.hidden = x.status === 'ENDED';
    stop.onclick = () => busy(stop, async () => {
      const r = await api('POST', `/api/experiments/${x.id}/stop`);
      if (r.status !== 200) { $('experiment-result').replaceChildren(el('p', { class: 'problem' }, r.body.detail)); return; }
      await loadExperiments();
    });
    const when = `${new Date(x.startsAt).toLocaleString()} – ${new Date(x.endsAt).toLocaleString()}`;
    return el('tr', { 'data-experiment': x.id, class: x.status.toLowerCase() },
      el('td', {}, String(x.id)), el('td', {}, x.name),
      el('td', {}, `${x.championVersion} vs ${x.challengerVersion}`),
      el('td', {}, `${x.sharePercent}%` + (x.segment ? ` of ${x.segment}` : '')),
      el('td', {}, when), el('td', { class: 'status' }, x.status),
      el('td', { class: 'verdict' }, report.verdict), el('td', {}, stop));
  }));
  $('experiment-list').tBodies[0].replaceChildren(...rows);
}

$('start-experiment').onclick = () => busy($('start-experiment'), async () => {
  const value = id => $(id).value.trim();
  const moment = id => value(id) ? new Date(value(id)).toISOString() : null;
  const r = await api('POST', '/api/experiments', {
    name: value('experiment-name'),
    challengerVersion: value('experiment-version') ? Number(value('experiment-version')) : null,
    sharePercent: value('experiment-share') ? Number(value('experiment-share')) : null,
    segment: value('experiment-segment') || null,
    startsAt: moment('experiment-starts'),
    endsAt: moment('experiment-ends')
  });
  if (r.status !== 201) {
    $('experiment-result').replaceChildren(el('p', { class: 'problem', id: 'experiment-problem' },
      (r.body.field ? `${r.body.field}: ` : '') + r.body.detail));
    return;
  }
  $('experiment-result').replaceChildren(el('p', { class: 'ok', id: 'experiment-started' },
    `Experiment ${r.body.id} ${r.body.status === 'RUNNING' ? 'runs' : 'is scheduled'}: version ${r.body.challengerVersion} `
    + `against version ${r.body.championVersion}, the active one.`));
  await loadExperiments();
});

document.querySelector('.tab[data-tab="versions"]').addEventListener('click', loadExperiments);
