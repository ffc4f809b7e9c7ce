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

  // The reporting currency (adlift.serve.currency) of every money figure, set by each answer.
  let currency = '';
  const money = (v, digits) => v === null || v === undefined ? '–'
    : fixed(v, digits === undefined ? 2 : digits) + ' ' + currency;
  const fixed = (v, digits) => Number(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const percent = v => v === null || v === undefined ? '–' : fixed(100 * v, 1) + ' %';
  const byUnit = (unit, v) => unit === 'currency' ? money(v) : unit === 'percent' ? percent(v)
    : unit === 'count' ? fmt(v, 0) : fixed(v, 2);
  const axisTitle = (name, unit) => name + (unit === 'currency' ? ' (' + currency + ')' : unit === 'percent' ? ' (%)' : '');

  function renderCards(cards, notes, causal) {
    const units = { spend: 'currency', revenue: 'currency', roas: 'ratio', cac: 'currency', cpa: 'currency' };
    Object.keys(units).forEach(name => {
      const card = document.getElementById('card-' + name);
      const value = cards[name];
      card.dataset.value = value === null || value === undefined ? '' : String(value);
      card.querySelector('.value').textContent = units[name] === 'ratio' ? fmt(value, 3) : money(value);
      card.querySelector('.note').textContent = notes[name] || '';
    });
    // CPA that would repeat CAC is left out; the CAC card says why.
    document.getElementById('card-cpa').hidden = !notes.cpa;
    document.querySelector('#card-roas .name').textContent = causal ? 'Tracked ROAS (not causal)' : 'ROAS';
    document.querySelector('#card-spend .name').textContent = (notes.roas || '').includes('payout') ? 'Payout' : 'Spend';
  }

  function renderCausal(causal) {
    const section = document.getElementById('causal');
    section.hidden = !causal;
    if (!causal) return;
    document.getElementById('causal-date').textContent = '(as of business date ' + causal.businessDate + ')';
    const lift = document.getElementById('card-lift');
    lift.dataset.value = String(causal.lift);
    lift.dataset.low = String(causal.liftCiLow);
    lift.dataset.high = String(causal.liftCiHigh);
    lift.querySelector('.value').textContent = percent(causal.lift);
    document.getElementById('lift-interval').textContent = '95 % interval [' + percent(causal.liftCiLow) + ', '
      + percent(causal.liftCiHigh) + '], ' + fmt(causal.exposedUsers, 0) + ' exposed vs ' + fmt(causal.controlUsers, 0)
      + ' control users';
    const incremental = document.getElementById('card-incremental');
    incremental.dataset.value = String(causal.incrementalRevenue);
    incremental.querySelector('.value').textContent = money(causal.incrementalRevenue, 0);
    const iroas = document.getElementById('card-iroas');
    iroas.dataset.value = String(causal.iroas);
    iroas.querySelector('.value').textContent = causal.iroas === null ? '–' : fixed(causal.iroas, 2);
  }

  function renderNotes(notes) {
    const list = document.getElementById('notes');
    list.replaceChildren();
    notes.forEach(n => list.appendChild(el('li', {}, n)));
  }

  // Colour from the lowest to the highest value of the data, not from 0: cells that differ look different.
  const shade = t => 'rgba(46, 125, 209, ' + (0.08 + 0.82 * t).toFixed(2) + ')';

  function heatmap(container, chart) {
    const xs = [...new Set(chart.points.map(p => p.x))];
    const ys = [...new Set(chart.points.map(p => p.y))];
    const values = chart.points.map(p => p.values[0]).filter(v => v !== null);
    const min = Math.min(...values);
    const max = Math.max(...values);
    const unit = chart.units[0];
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
        const cell = el('td', {}, v === null ? '–' : byUnit(unit, v));
        if (v !== null) {
          cell.style.background = shade(max > min ? (v - min) / (max - min) : 1);
          cell.dataset.value = String(v);
        }
        row.appendChild(cell);
      });
      table.appendChild(row);
    });
    container.appendChild(table);
    if (values.length > 0) {
      const legend = el('div', { class: 'legend', 'data-min': String(min), 'data-max': String(max) });
      legend.appendChild(el('span', {}, chart.series[0] + ': ' + byUnit(unit, min)));
      const bar = el('span', { class: 'bar' });
      bar.style.background = 'linear-gradient(to right, ' + shade(0) + ', ' + shade(1) + ')';
      legend.appendChild(bar);
      legend.appendChild(el('span', {}, byUnit(unit, max)));
      container.appendChild(legend);
    }
  }

  const KINDS = { revenueVsSpend: 'scatter', roiOverTime: 'line', payback: 'line' };
  const COLOURS = ['#2e7dd1', '#e07b39', '#3aa17e', '#a05195'];

  // A vertical line at the chart's mark (the payback day), drawn by Chart.js' own plugin hook.
  const markLine = {
    id: 'adliftMark',
    afterDatasetsDraw(chart) {
      const mark = chart.config.options.adliftMark;
      if (mark === null || mark === undefined) return;
      const index = chart.data.labels.indexOf(String(mark));
      if (index < 0) return;
      const x = chart.scales.x.getPixelForValue(index);
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = '#3aa17e';
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, chart.chartArea.top);
      ctx.lineTo(x, chart.chartArea.bottom);
      ctx.stroke();
      ctx.fillStyle = '#3aa17e';
      ctx.fillText('paid back: day ' + mark, x + 4, chart.chartArea.top + 12);
      ctx.restore();
    }
  };

  function canvasChart(container, key, chart) {
    const canvas = el('canvas', { id: 'chart-' + key });
    container.appendChild(canvas);
    const kind = KINDS[key] || 'bar';
    const units = chart.units;
    // Series of one unit share one axis; only a series of another unit gets an axis of its own.
    const axisOf = i => units.indexOf(units[i]) === 0 ? 'y' : 'y' + units.indexOf(units[i]);
    const datasets = kind === 'scatter'
      ? [{ label: chart.series[1] + ' vs ' + chart.series[0], backgroundColor: COLOURS[0],
          data: chart.points.map(p => ({ x: p.y, y: p.values[0], label: p.x })) }]
      : chart.series.map((name, i) => ({ label: axisTitle(name, units[i]), backgroundColor: COLOURS[i], borderColor: COLOURS[i],
          data: chart.points.map(p => p.values[i] === null ? null : units[i] === 'percent' ? 100 * p.values[i] : p.values[i]),
          yAxisID: axisOf(i), pointRadius: kind === 'line' && chart.points.length > 30 ? 0 : undefined }));
    const scales = kind === 'scatter'
      ? { x: { title: { display: true, text: axisTitle(chart.series[0], units[0]) } },
          y: { title: { display: true, text: axisTitle(chart.series[1], units[1]) } } }
      : Object.fromEntries([...new Set(chart.series.map((n, i) => axisOf(i)))].map(axis => {
          const i = axis === 'y' ? 0 : Number(axis.substring(1));
          const names = chart.series.filter((n, j) => axisOf(j) === axis).join(', ');
          // From zero: an axis from 6.7 to 7.7 would make a 15 % difference look tenfold.
          return [axis, { position: axis === 'y' ? 'left' : 'right', beginAtZero: true,
            title: { display: true, text: axisTitle(names, units[i]) }, grid: { drawOnChartArea: axis === 'y' } }];
        }));
    if (kind !== 'scatter') scales.x = { title: { display: true, text: key === 'payback' ? 'days since launch' : '' } };
    charts.push(new Chart(canvas, {
      type: kind,
      data: { labels: kind === 'scatter' ? undefined : chart.points.map(p => String(p.x)), datasets },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales, adliftMark: chart.mark,
        plugins: { tooltip: { callbacks: kind === 'scatter'
          ? { label: c => c.raw.label + ': ' + money(c.raw.x) + ' → ' + money(c.raw.y) }
          : { label: c => c.dataset.label + ': ' + byUnit(units[c.datasetIndex],
              units[c.datasetIndex] === 'percent' ? c.raw / 100 : c.raw) } } } },
      plugins: [markLine]
    }));
  }

  function renderCharts(all) {
    charts.splice(0).forEach(c => c.destroy());
    const section = document.getElementById('charts');
    section.replaceChildren();
    Object.entries(all).forEach(([key, chart]) => {
      const container = el('div', { class: 'chart', 'data-chart': key, 'data-points': String(chart.points.length) });
      if (chart.mark !== null && chart.mark !== undefined) container.dataset.mark = String(chart.mark);
      container.appendChild(el('h3', {}, chart.title));
      if (chart.note) container.appendChild(el('p', { class: 'note' }, chart.note));
      section.appendChild(container);
      if (chart.points.length === 0) {
        container.appendChild(el('p', { class: 'empty' }, chart.empty || 'No data for this filter.'));
      } else if (key === 'roasHeatmap') {
        heatmap(container, chart);
      } else {
        canvasChart(container, key, chart);
      }
    });
  }

  function renderAlerts(alerts, total, none) {
    const list = document.getElementById('alerts');
    list.replaceChildren();
    document.getElementById('alerts-count').textContent = total > alerts.length
      ? '(showing ' + alerts.length + ' of ' + total + ', worst first)' : total > 0 ? '(' + total + ')' : '';
    if (alerts.length === 0) list.appendChild(el('li', { class: 'empty' }, none || 'None.'));
    alerts.forEach(a => list.appendChild(el('li', {},
      a.subject + ': ROAS ' + fmt(a.roas, 2) + ' (revenue ' + money(a.revenue) + ' on spend ' + money(a.spend) + ')')));
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
    currency = data.currency;
    renderNotes(data.notes);
    renderCausal(data.causal);
    renderCards(data.cards, data.cardNotes, data.causal);
    renderCharts(data.charts);
    renderAlerts(data.alerts, data.alertsTotal, data.noAlerts);
    renderRuns(data.runs);
    // The upload form only where the server takes uploads (adlift.serve.upload.enabled).
    document.getElementById('upload').hidden = !data.uploads;
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
