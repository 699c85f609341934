// The coverage matrix: /api/matrix as a heatmap (rows: Istanbul Convention
// articles or top concepts; columns: jurisdictions). A cell's shade is the
// number of texts ABOUT the row, texts that only mention it come second; a
// cell opens the best provision, a gap cell the comparison for that article
// and jurisdiction; a row opens the compare page. All state in the URL.
import { t, getLang, valueLabel, formatNumber } from './i18n.js';
import {
  el, clear, apiGet, initLang, applyLabels, renderLangSwitch, switchLang, renderNav, docLink, withUi,
  loadLabels, registerFacetLabels, istanbulTitle, facetName,
} from './common.js';

const $ = (id) => document.getElementById(id);
const MAX_J = 8;
// Shades by the number of texts about a row.
const LEVELS = [[0, 0], [1, 1], [2, 2], [3, 4], [5, 9], [10, 19], [20, Infinity]];

let state = readState(location.search);
let facets = null;
let data = null;
let lastError = null;
let inflight = null;

function readState(search) {
  const p = new URLSearchParams(search);
  const ui = p.get('ui');
  return {
    jurisdictions: [...new Set(p.getAll('jurisdiction').filter(Boolean))].slice(0, MAX_J),
    scheme: p.get('scheme') === 'thesaurus' ? 'thesaurus' : 'istanbul',
    lang: [...new Set(p.getAll('lang').filter(Boolean))],
    repealed: p.get('include_repealed') === '1',
    ui: ['en', 'ru', 'tg'].includes(ui) ? ui : '',
  };
}

function toParams(s, forPage) {
  const p = new URLSearchParams();
  for (const j of s.jurisdictions) p.append('jurisdiction', j);
  p.set('scheme', s.scheme);
  for (const l of s.lang) p.append('lang', l);
  if (s.repealed) p.set('include_repealed', '1');
  if (forPage) { if (s.ui) p.set('ui', s.ui); } else p.set('ui', getLang());
  return p;
}

function pageUrl(s) { return location.pathname + '?' + toParams(s, true).toString(); }

function navigate(next, replace) {
  state = next;
  if (replace) history.replaceState(null, '', pageUrl(state));
  else history.pushState(null, '', pageUrl(state));
}

function level(n) {
  for (let i = LEVELS.length - 1; i >= 0; i--) if (n >= LEVELS[i][0]) return i;
  return 0;
}

// ---- form -------------------------------------------------------------------

function renderForm() {
  $('scheme-' + state.scheme).checked = true;
  const ul = clear($('mx-jurisdictions'));
  const vals = facets && facets.jurisdiction ? facets.jurisdiction.map((v) => String(v.value)) : [];
  for (const j of state.jurisdictions) if (!vals.includes(j)) vals.push(j);
  const full = state.jurisdictions.length >= MAX_J;
  vals.forEach((v, i) => {
    const checked = state.jurisdictions.includes(v);
    const id = 'mxj-' + i;
    ul.appendChild(el('li', null, el('label', { class: 'chip', for: id },
      el('input', { type: 'checkbox', id, value: v, checked: checked || null, disabled: !checked && full ? true : null }),
      el('span', null, valueLabel('jurisdiction', v)))));
  });
  $('mx-repealed').checked = !!state.repealed;
  const legend = document.querySelector('#mx-langs-legend');
  if (legend) legend.textContent = facetName('lang');
  const langs = clear($('mx-langs'));
  const lvals = facets && facets.lang ? facets.lang.map((v) => String(v.value)) : [];
  for (const l of state.lang) if (!lvals.includes(l)) lvals.push(l);
  lvals.forEach((v, i) => {
    const id = 'mxl-' + i;
    langs.appendChild(el('li', null, el('label', { class: 'chip', for: id },
      el('input', { type: 'checkbox', id, value: v, checked: state.lang.includes(v) || null }),
      el('span', null, valueLabel('lang', v)))));
  });
  const csv = toParams(state, false);
  csv.set('format', 'csv');
  $('mx-csv').setAttribute('href', '/api/matrix?' + csv.toString());
  $('mx-csv').setAttribute('download', `himoya-matrix-${state.scheme}.csv`);
  $('mx-csv').hidden = !state.jurisdictions.length;
}

function renderLegend() {
  const box = clear($('mx-legend'));
  box.appendChild(el('span', null, t('mx_legendAbout') + ':'));
  LEVELS.forEach(([lo, hi], i) => {
    const text = lo === hi ? String(lo) : hi === Infinity ? `${lo}+` : `${lo}–${hi}`;
    box.appendChild(el('span', { class: 'swatch heat-' + i }, text));
  });
}

// ---- data -------------------------------------------------------------------

async function run() {
  if (inflight) inflight.abort();
  const ctrl = new AbortController();
  inflight = ctrl;
  const box = $('matrix-box');
  box.dataset.state = 'loading';
  lastError = null;
  if (!state.jurisdictions.length) {
    data = null;
    inflight = null;
    render();
    box.dataset.state = 'idle';
    return;
  }
  box.setAttribute('aria-busy', 'true');
  const slow = setTimeout(() => { if (inflight === ctrl) $('mx-status').textContent = t('mx_loading'); }, 200);
  try {
    [data] = await Promise.all([apiGet('matrix', toParams(state, false), ctrl.signal), loadLabels()]);
  } catch (e) {
    if (e && e.name === 'AbortError') return;
    if (inflight !== ctrl) return;
    data = null;
    lastError = e;
  } finally {
    clearTimeout(slow);
  }
  if (inflight !== ctrl) return;
  inflight = null;
  render();
  box.removeAttribute('aria-busy');
  box.dataset.state = lastError ? 'error' : 'ready';
}

function compareHref(row) {
  const cells = row.cells || [];
  // Up to four jurisdictions, those with provisions first.
  const withHits = cells.filter((c) => about(c) > 0).map((c) => c.jurisdiction);
  const js = [...new Set([...withHits, ...cells.map((c) => c.jurisdiction)])].slice(0, 4);
  if (js.length < 2) return null;
  const p = new URLSearchParams();
  for (const j of js) p.append('jurisdiction', j);
  if (data.scheme === 'istanbul') p.set('ic', row.key); else p.set('topic', row.key);
  for (const l of state.lang) p.append('lang', l);
  return withUi('compare.html?' + p.toString(), state.ui || null);
}

// Texts about the row (newer servers: `about`; older: `count`), and texts
// that only mention it.
const about = (c) => Number(c.about !== undefined ? c.about : c.count) || 0;
const mentions = (c) => Number(c.mentions) || 0;

// Where a gap cell leads: the comparison of that article (or topic) between
// this jurisdiction and Tajikistan (or another column), else a search.
function gapHref(row, j) {
  const js = data.jurisdictions || [];
  const other = j !== 'TJ' && js.includes('TJ') ? 'TJ' : js.find((x) => x !== j);
  const p = new URLSearchParams();
  if (other) {
    p.append('jurisdiction', j);
    p.append('jurisdiction', other);
    if (data.scheme === 'istanbul') p.set('ic', row.key); else p.set('topic', row.key);
    for (const l of state.lang) p.append('lang', l);
    if (state.repealed) p.set('include_repealed', '1');
    return withUi('compare.html?' + p.toString(), state.ui || null);
  }
  p.append('jurisdiction', j);
  const concept = data.scheme === 'istanbul' ? (row.concepts || [])[0] : row.key;
  if (concept) p.append('topic', concept);
  return withUi('index.html?' + p.toString(), state.ui || null);
}

// The row's title (the article's title in the UI language, or the topic) and
// the related concepts' labels.
function rowTitles(row) {
  const ids = Array.isArray(row.concepts) ? row.concepts : [];
  const conceptLabels = ids.length ? ids.map((id) => valueLabel('topic', id)).join('; ') : String(row.label || '');
  if (data.scheme === 'istanbul') {
    const title = istanbulTitle(row.key) || row.title || '';
    return title ? { title, concepts: conceptLabels } : { title: conceptLabels || String(row.key), concepts: '' };
  }
  const title = valueLabel('topic', row.key) || row.title || row.label || row.key;
  return { title: String(title), concepts: '' };
}

function render() {
  const err = clear($('mx-error'));
  err.hidden = true;
  const thead = clear($('matrix').tHead);
  const tbody = clear($('matrix').tBodies[0]);
  const status = $('mx-status');
  status.textContent = '';
  document.title = t('matrixTitle') + ' — ' + t('brand');
  $('mx-caption').textContent = t('matrixTitle') + ': ' + t(state.scheme === 'istanbul' ? 'scheme_istanbul' : 'scheme_thesaurus');
  if (lastError) {
    err.hidden = false;
    err.appendChild(el('p', null, lastError.network ? lastError.message : t('errorMatrix', { msg: lastError.message })));
    return;
  }
  if (!data) { status.textContent = t('mx_pickOne'); return; }
  const js = data.jurisdictions || [];
  const rows = data.rows || [];
  status.textContent = t('mx_rows', { n: rows.length });
  const hr = el('tr', null, el('th', { scope: 'col' }, t('mx_rowHead')));
  for (const j of js) hr.appendChild(el('th', { scope: 'col', title: j }, valueLabel('jurisdiction', j)));
  thead.appendChild(hr);
  for (const row of rows) {
    const key = data.scheme === 'istanbul' ? t('mx_row_ic', { n: row.key }) : '';
    const { title: label, concepts } = rowTitles(row);
    const cmp = compareHref(row);
    const rowName = data.scheme === 'istanbul' ? `${key} ${label}` : label;
    const head = el('th', { scope: 'row' },
      el('div', { class: 'mx-rowhead' },
        data.scheme === 'istanbul' ? el('span', { class: 'mx-key' }, key) : null,
        el('span', { class: 'mx-label' + (data.scheme === 'istanbul' ? '' : ' mx-topic'), title: label }, label),
        concepts && concepts !== label ? el('span', { class: 'mx-concepts', title: t('mx_concepts', { labels: concepts }) }, concepts) : null,
        cmp ? el('a', { class: 'mx-compare', href: cmp, 'aria-label': t('mx_compareRowAria', { row: rowName }) }, t('mx_compareRow')) : null));
    if (data.scheme !== 'istanbul') head.firstChild.classList.add('no-key');
    const tr = el('tr', { dataset: { key: row.key } }, head);
    (row.cells || []).forEach((c, i) => {
      const j = c.jurisdiction || js[i];
      const n = about(c);
      const m = mentions(c);
      const cls = 'heat heat-' + level(n);
      const jName = valueLabel('jurisdiction', j);
      // Mentions as a second, smaller figure.
      const extra = m ? el('span', { class: 'mx-mentions', title: t('mx_mentionsTitle', { n: m }), 'aria-hidden': 'true' }, '+' + formatNumber(m)) : null;
      let inner;
      if (n > 0 && c.best && c.best.url) {
        inner = el('a', {
          class: cls, href: docLink(c.best.url, state.ui || null),
          'aria-label': t('mx_cellAbout', { j: jName, n: formatNumber(n), m: formatNumber(m) }),
          title: [c.best.title, c.best.label || c.best.heading].filter(Boolean).join(' — '),
          dataset: { jurisdiction: j, about: String(n), mentions: String(m) },
        }, el('span', { class: 'mx-about' }, formatNumber(n)), extra);
      } else if (n === 0) {
        inner = el('a', {
          class: cls + ' is-gap', href: gapHref(row, j), 'aria-label': t('mx_gapLink', { j: jName }), title: t('mx_gapLink', { j: jName }),
          dataset: { jurisdiction: j, about: '0', mentions: String(m), gap: '1' },
        }, el('span', { class: 'mx-about', 'aria-hidden': 'true' }, '·'), extra);
      } else {
        inner = el('span', { class: cls, dataset: { jurisdiction: j, about: String(n), mentions: String(m) } },
          el('span', { class: 'mx-about', 'aria-hidden': 'true' }, formatNumber(n)), extra,
          el('span', { class: 'visually-hidden' }, t('mx_cellAbout', { j: jName, n: formatNumber(n), m: formatNumber(m) })));
      }
      tr.appendChild(el('td', null, inner));
    });
    tbody.appendChild(tr);
  }
}

// ---- wiring -----------------------------------------------------------------

function relabel() {
  applyLabels();
  renderLangSwitch($('ui-lang'), onLangSwitch);
  renderNav($('site-nav'), 'matrix', state.ui || null);
  renderLegend();
}

function onLangSwitch(lang) {
  switchLang(lang);
  navigate({ ...state, ui: lang });
  relabel();
  renderForm();
  run();
}

async function init() {
  initLang();
  relabel();
  $('scheme').addEventListener('change', (ev) => {
    navigate({ ...state, scheme: ev.target.value === 'thesaurus' ? 'thesaurus' : 'istanbul' });
    renderForm();
    run();
  });
  $('mx-jurisdictions').addEventListener('change', (ev) => {
    const v = ev.target.value;
    let js = state.jurisdictions.filter((j) => j !== v);
    if (ev.target.checked) js.push(v);
    // Keep the facet order so columns do not jump around.
    const order = facets && facets.jurisdiction ? facets.jurisdiction.map((x) => String(x.value)) : [];
    js = js.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99)).slice(0, MAX_J);
    navigate({ ...state, jurisdictions: js });
    renderForm();
    const again = [...$('mx-jurisdictions').querySelectorAll('input')].find((x) => x.value === v);
    if (again) again.focus({ preventScroll: true });
    run();
  });
  $('mx-langs').addEventListener('change', (ev) => {
    const v = ev.target.value;
    const list = state.lang.filter((l) => l !== v);
    if (ev.target.checked) list.push(v);
    navigate({ ...state, lang: list });
    renderForm();
    const again = [...$('mx-langs').querySelectorAll('input')].find((x) => x.value === v);
    if (again) again.focus({ preventScroll: true });
    run();
  });
  $('mx-repealed').addEventListener('change', () => {
    navigate({ ...state, repealed: $('mx-repealed').checked });
    renderForm();
    $('mx-repealed').focus({ preventScroll: true });
    run();
  });
  $('matrix-form').addEventListener('submit', (ev) => { ev.preventDefault(); run(); });
  window.addEventListener('popstate', () => {
    state = readState(location.search);
    const lang = state.ui || getLang();
    if (lang !== getLang()) { switchLang(lang); relabel(); }
    renderForm();
    run();
  });
  try {
    facets = (await apiGet('search', { per_page: '1', ui: getLang() })).facets || {};
    registerFacetLabels(facets);
  } catch (e) { facets = null; }
  if (!state.jurisdictions.length && facets && facets.jurisdiction) {
    // Tajikistan first, then the jurisdictions with most documents.
    const all = facets.jurisdiction.map((v) => String(v.value));
    state = { ...state, jurisdictions: [...new Set(['TJ', ...all])].filter((j) => all.includes(j)).slice(0, MAX_J) };
  }
  history.replaceState(null, '', pageUrl(state));
  renderForm();
  run();
}

init();
