// The campaign designer: a form of the pipeline's model inputs (GET …/inputs) whose answer is one
// prediction (POST …/predict). The pipeline comes from the URL, campaign-purchases (seed 002) by default.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const pipeline = params.get('pipeline') || 'campaign-purchases';
  const form = document.getElementById('designer-form');
  const fmt = v => Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 });
  let unit = '';
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    return e;
  };

  async function pipelines() {
    const response = await fetch('/api/v1/dashboard?pipeline=' + encodeURIComponent(pipeline));
    const select = document.getElementById('d-pipeline');
    if (response.ok) {
      // Only pipelines with a model: a KPI-only one has nothing to predict with.
      (await response.json()).options.modelled.forEach(p => select.appendChild(el('option', { value: p }, p)));
    }
    select.value = pipeline;
    select.addEventListener('change', () => { location.search = '?pipeline=' + encodeURIComponent(select.value); });
  }

  async function fields() {
    const response = await fetch('/api/v1/pipelines/' + encodeURIComponent(pipeline) + '/inputs');
    const answer = await response.json();
    if (!response.ok) {
      document.getElementById('d-result').textContent = answer.error;
      return;
    }
    // The model's own inputs first; columns it does not read are left out of the form. A categorical field
    // offers the categories the model was trained on, and nothing else; every field starts at its default.
    answer.filter(f => f.required).forEach(f => {
      const numeric = f.type === 'INTEGER' || f.type === 'DECIMAL';
      const label = el('label', { title: f.name }, f.label || f.name);
      let input;
      if (f.categories) {
        input = el('select', { name: f.name, id: 'd-' + f.name, required: '' });
        f.categories.slice().sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
          .forEach(c => input.appendChild(el('option', { value: c }, c)));
      } else {
        input = el('input', { name: f.name, id: 'd-' + f.name, type: numeric ? 'number' : 'text', required: '' });
        if (numeric) input.setAttribute('step', f.type === 'INTEGER' ? '1' : 'any');
        if (f.min !== null) input.setAttribute('min', f.min);
        if (f.max !== null) input.setAttribute('max', f.max);
      }
      if (f.defaultValue !== null && f.defaultValue !== undefined) input.value = String(f.defaultValue);
      label.appendChild(input);
      if (!f.categories && f.seenMin !== null && f.seenMin !== undefined) {
        label.appendChild(el('span', { class: 'hint' }, 'seen in training: ' + fmt(f.seenMin) + ' – ' + fmt(f.seenMax)));
      }
      form.appendChild(label);
      input.dataset.type = f.categories ? 'STRING' : f.type;
    });
    const outcome = await fetch('/api/v1/pipelines/' + encodeURIComponent(pipeline) + '/outcome');
    if (outcome.ok) {
      const o = await outcome.json();
      unit = o.unit;
      document.getElementById('d-outcome').textContent = 'Predicts: ' + o.label + ', in ' + o.unit + '.';
    }
    document.body.dataset.ready = 'true';
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const record = {};
    form.querySelectorAll('input, select').forEach(i => {
      if (i.value !== '') record[i.name] = i.dataset.type === 'STRING' ? i.value : Number(i.value);
    });
    const result = document.getElementById('d-result');
    const errors = document.getElementById('d-errors');
    errors.replaceChildren();
    const response = await fetch('/api/v1/pipelines/' + encodeURIComponent(pipeline) + '/predict', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([record]) });
    const answer = await response.json();
    if (!response.ok) {
      result.textContent = answer.error;
      (answer.errors || []).forEach(x => errors.appendChild(el('li', {}, x.field + ': ' + x.message)));
      result.dataset.prediction = '';
      return;
    }
    const p = answer.predictions[0];
    result.dataset.prediction = String(p.prediction);
    result.dataset.by = p.by;
    result.textContent = 'Predicted: ' + fmt(p.prediction) + (unit ? ' ' + unit : '')
      + (p.probability !== undefined ? ' (probability ' + p.probability.toFixed(3) + ')' : '')
      + (p.by === 'rule' ? ' — no ads, no purchases: the model was not asked'
        : ' — model ' + answer.model + ' version ' + answer.version);
  });

  pipelines();
  fields();
})();
