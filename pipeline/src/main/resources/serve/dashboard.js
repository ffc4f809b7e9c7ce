// The dashboard: reads the filter from the URL, asks /api/v1/dashboard for everything it draws, and keeps
// the URL in step with the filter, so that a view can be bookmarked or shared.
(function () {
  'use strict';
  const charts = [];
  const fmt = (v, digits) => v === null || v === undefined ? '–'
    : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 2 : digits });
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    return e;
  };

  function filterFromUrl() {
    const p = new URLSearchParams(location.search);
    return { pipeline: p.get('pipeline') || '', from: p.get('from') || '', to: p.get('to') || '',
      campaign: p.get('campaign') || '', segment: p.get('segment') || '' };
  }

  function query(filter) {
    const p = new URLSearchParams();
    Object.entries(filter).forEach(([k, v]) => { if (v) p.set(k, v); });
    return p.toString();
  }

  function fillSelect(id, values, selected, withAll) {
    const select = document.getElementById(id);
    select.replaceChildren();
    if (withAll) select.appendChild(el('option', { value: '' }, 'all'));
    (values || []).forEach(v => select.appendChild(el('option', { value: v }, v)));
    select.value = selected || '';
  }

  function renderCards(cards) {
    const digits = { spend: 2, revenue: 2, roas: 3, cac: 2, cpa: 2 };
    Object.keys(digits).forEach(name => {
      const card = document.getElementById('card-' + name);
      const value = cards[name];
      card.dataset.value = value === null || value === undefined ? '' : String(value);
      card.querySelector('.value').textContent = fmt(value, digits[name]);
    });
  }

  function heatmap(container, chart) {
    const xs = [...new Set(chart.points.map(p => p.x))];
    const ys = [...new Set(chart.points.map(p => p.y))];
    const values = chart.points.map(p => p.values[0]).filter(v => v !== null);
    const max = Math.max(...values, 0);
    const table = el('table', { class: 'heatmap' });
    const head = el('tr');
    head.appendChild(el('th', {}, ''));
    ys.forEach(y => head.appendChild(el('th', {}, y)));
    table.appendChild(head);
    xs.forEach(x => {
      const row = el('tr');
      row.appendChild(el('th', {}, x));
      ys.forEach(y => {
        const point = chart.points.find(p => p.x === x && p.y === y);
        const v = point ? point.values[0] : null;
        const cell = el('td', {}, fmt(v, 2));
        if (v !== null && max > 0) cell.style.background = 'rgba(46, 125, 209, ' + (0.1 + 0.8 * v / max).toFixed(2) + ')';
        row.appendChild(cell);
      });
      table.appendChild(row);
    });
    container.appendChild(table);
  }

  const KINDS = { revenueVsSpend: 'scatter', roiOverTime: 'line', payback: 'line' };
  const COLOURS = ['#2e7dd1', '#e07b39', '#3aa17e', '#a05195'];

  function canvasChart(container, key, chart) {
    const canvas = el('canvas', { id: 'chart-' + key });
    container.appendChild(canvas);
    const kind = KINDS[key] || 'bar';
    const datasets = kind === 'scatter'
      ? [{ label: chart.series[1] + ' vs ' + chart.series[0], backgroundColor: COLOURS[0],
          data: chart.points.map(p => ({ x: p.y, y: p.values[0], label: p.x })) }]
      : chart.series.map((name, i) => ({ label: name, backgroundColor: COLOURS[i], borderColor: COLOURS[i],
          data: chart.points.map(p => p.values[i]), yAxisID: i === 0 ? 'y' : 'y' + i }));
    const scales = kind === 'scatter'
      ? { x: { title: { display: true, text: chart.series[0] } }, y: { title: { display: true, text: chart.series[1] } } }
      : Object.fromEntries(chart.series.map((name, i) => [i === 0 ? 'y' : 'y' + i,
          { position: i === 0 ? 'left' : 'right', title: { display: true, text: name }, grid: { drawOnChartArea: i === 0 } }]));
    charts.push(new Chart(canvas, {
      type: kind,
      data: { labels: kind === 'scatter' ? undefined : chart.points.map(p => String(p.x)), datasets },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales,
        plugins: { tooltip: { callbacks: kind === 'scatter' ? { label: c => c.raw.label + ': ' + fmt(c.raw.x) + ' → ' + fmt(c.raw.y) } : {} } } }
    }));
  }

  function renderCharts(all) {
    charts.splice(0).forEach(c => c.destroy());
    const section = document.getElementById('charts');
    section.replaceChildren();
    Object.entries(all).forEach(([key, chart]) => {
      const container = el('div', { class: 'chart', 'data-chart': key, 'data-points': String(chart.points.length) });
      container.appendChild(el('h3', {}, chart.title));
      section.appendChild(container);
      if (chart.points.length === 0) {
        container.appendChild(el('p', { class: 'empty' }, 'No data for this filter.'));
      } else if (key === 'roasHeatmap') {
        heatmap(container, chart);
      } else {
        canvasChart(container, key, chart);
      }
    });
  }

  function renderAlerts(alerts) {
    const list = document.getElementById('alerts');
    list.replaceChildren();
    if (alerts.length === 0) list.appendChild(el('li', { class: 'empty' }, 'None: every campaign recovers its spend (or the data has no revenue).'));
    alerts.forEach(a => list.appendChild(el('li', {},
      a.subject + ': ROAS ' + fmt(a.roas, 2) + ' (revenue ' + fmt(a.revenue) + ' on spend ' + fmt(a.spend) + ')')));
  }

  function renderRuns(runs) {
    const body = document.querySelector('#runs tbody');
    body.replaceChildren();
    runs.forEach(r => {
      const row = el('tr', { 'data-execution': String(r.executionId) });
      row.appendChild(el('td', {}, '#' + r.executionId));
      row.appendChild(el('td', {}, r.businessDate));
      row.appendChild(el('td', { class: 'outcome' }, r.outcome));
      row.appendChild(el('td', {}, r.steps.map(s => s.name + ' ' + s.status.toLowerCase()).join(', ')));
      row.appendChild(el('td', {}, r.startTime));
      const link = el('td');
      if (r.mlflowUrl) link.appendChild(el('a', { href: r.mlflowUrl, target: '_blank' }, r.mlflowRunId || 'run'));
      else link.textContent = 'local';
      row.appendChild(link);
      body.appendChild(row);
    });
  }

  function renderUploadForm(sources) {
    const files = document.getElementById('upload-files');
    files.replaceChildren();
    (sources || []).forEach(s => {
      const label = el('label', {}, s + '.csv');
      label.appendChild(el('input', { type: 'file', name: s, accept: '.csv,text/csv' }));
      files.appendChild(label);
    });
  }

  async function load(filter) {
    const status = document.getElementById('status');
    status.textContent = 'Loading…';
    document.body.dataset.ready = 'false';
    const response = await fetch('/api/v1/dashboard?' + query(filter));
    const data = await response.json();
    if (!response.ok) {
      status.textContent = data.error || ('HTTP ' + response.status);
      status.classList.add('error');
      document.body.dataset.ready = 'error';
      return;
    }
    const f = data.filter;
    fillSelect('f-pipeline', data.options.pipelines, f.pipeline, false);
    fillSelect('f-campaign', data.options.campaigns, f.campaign, true);
    fillSelect('f-segment', data.options.segments, f.segment, true);
    document.getElementById('f-from').value = f.from || '';
    document.getElementById('f-to').value = f.to || '';
    renderCards(data.cards);
    renderCharts(data.charts);
    renderAlerts(data.alerts);
    renderRuns(data.runs);
    renderUploadForm(data.options.sources);
    status.classList.remove('error');
    status.textContent = f.pipeline + ': ' + fmt(data.cards.rows, 0) + ' KPI rows'
      + (f.campaign ? ', campaign ' + f.campaign : '') + (f.segment ? ', segment ' + f.segment : '');
    document.body.dataset.ready = 'true';
  }

  document.getElementById('filters').addEventListener('submit', e => {
    e.preventDefault();
    const form = new FormData(e.target);
    const filter = Object.fromEntries(['pipeline', 'from', 'to', 'campaign', 'segment'].map(k => [k, form.get(k) || '']));
    history.pushState(null, '', '/?' + query(filter));
    load(filter);
  });
  document.getElementById('f-pipeline').addEventListener('change', () => {
    document.getElementById('f-campaign').value = '';
    document.getElementById('f-segment').value = '';
  });
  window.addEventListener('popstate', () => load(filterFromUrl()));

  document.getElementById('upload-form').addEventListener('submit', async e => {
    e.preventDefault();
    const out = document.getElementById('upload-status');
    const pipeline = document.getElementById('f-pipeline').value;
    const body = new FormData();
    document.querySelectorAll('#upload-files input[type=file]').forEach(i => { if (i.files[0]) body.append(i.name, i.files[0]); });
    const date = document.getElementById('u-date').value;
    if (date) body.append('businessDate', date);
    const auth = { Authorization: 'Bearer ' + document.getElementById('u-token').value };
    const response = await fetch('/api/v1/pipelines/' + encodeURIComponent(pipeline) + '/uploads', {
      method: 'POST', body, headers: auth });
    const answer = await response.json();
    if (!response.ok) {
      out.textContent = answer.error + (answer.errors || []).map(x => '\n  ' + x.field + ': ' + x.message).join('');
      return;
    }
    const poll = async () => {
      const r = await fetch('/api/v1/uploads/' + answer.id, { headers: auth });
      const u = await r.json();
      out.textContent = 'Upload ' + u.id + ': ' + u.state + (u.run ? '\nRun #' + u.run.executionId + ' ' + u.run.outcome + '\n'
        + u.run.steps.map(s => '  ' + s.name + ' ' + s.status + ' (read ' + s.read + ', written ' + s.written + ')').join('\n') : '')
        + (u.message ? '\n' + u.message : '');
      if (u.state === 'running' || u.state === 'queued') setTimeout(poll, 1000);
      else load(filterFromUrl());
    };
    poll();
  });

  load(filterFromUrl());
})();
