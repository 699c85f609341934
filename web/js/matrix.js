// The coverage matrix: /api/matrix as a heatmap (rows: Istanbul Convention
// articles or top concepts; columns: jurisdictions). A cell's shade is the
// number of texts ABOUT the row, texts that only mention it come second; a
// cell opens the best provision, a gap cell the comparison for that article
// and jurisdiction; a row opens the compare page. State in the URL, header,
// language switch, loading and errors: page.js.
import { t, valueLabel, formatNumber } from './i18n.js';
import {
  el, clear, apiGet, docLink, withUi, loadLabels, loadFacets, istanbulTitle, facetName, legalStatusBadge, GAP_MARK,
} from './common.js';
import { createPage, field } from './page.js';

const $ = (id) => document.getElementById(id);
const MAX_J = 8;
// Shades by the number of texts about a row.
const LEVELS = [[0, 0], [1, 1], [2, 2], [3, 4], [5, 9], [10, 19], [20, Infinity]];

let facets = null;
let data = null;

// "Repealed since 10 April 2025" for a provision no longer (or not yet) in
// force, in the UI language; '' for law in force or a text without a status.
function notInForce(ls) {
  if (!ls || !['repealed', 'expired', 'not-yet-in-force'].includes(ls.state)) return '';
  const badge = legalStatusBadge(ls);
  return badge ? badge.textContent : '';
}

const page = createPage({
  nav: 'matrix',
  fields: {
    jurisdictions: field.list('jurisdiction', { max: MAX_J }),
    scheme: field.choice('scheme', ['istanbul', 'thesaurus'], 'istanbul', { always: true }),
    lang: field.list('lang'),
    repealed: field.flag('include_repealed'),
  },
  // Row titles and concept labels come in the UI language.
  reloadOnLang: true,
  box: 'matrix-box', status: 'mx-status', error: 'mx-error',
  loadingKey: 'mx_loading',
  errorKey: 'errorMatrix',
  load: async (s, signal) => {
    if (!s.jurisdictions.length) return null;
    const [d] = await Promise.all([apiGet('matrix', page.apiParams(s), signal), loadLabels()]);
    return d;
  },
  form: renderForm,
  render,
  relabel: renderLegend,
  start,
});

function level(n) {
  for (let i = LEVELS.length - 1; i >= 0; i--) if (n >= LEVELS[i][0]) return i;
  return 0;
}

// ---- form -------------------------------------------------------------------

function renderForm() {
  $('scheme-' + page.state.scheme).checked = true;
  const ul = clear($('mx-jurisdictions'));
  const vals = facets && facets.jurisdiction ? facets.jurisdiction.map((v) => String(v.value)) : [];
  for (const j of page.state.jurisdictions) if (!vals.includes(j)) vals.push(j);
  const full = page.state.jurisdictions.length >= MAX_J;
  vals.forEach((v, i) => {
    const checked = page.state.jurisdictions.includes(v);
    const id = 'mxj-' + i;
    ul.appendChild(el('li', null, el('label', { class: 'chip', for: id },
      el('input', { type: 'checkbox', id, value: v, checked: checked || null, disabled: !checked && full ? true : null }),
      el('span', null, valueLabel('jurisdiction', v)))));
  });
  $('mx-repealed').checked = !!page.state.repealed;
  const legend = document.querySelector('#mx-langs-legend');
  if (legend) legend.textContent = facetName('lang');
  const langs = clear($('mx-langs'));
  const lvals = facets && facets.lang ? facets.lang.map((v) => String(v.value)) : [];
  for (const l of page.state.lang) if (!lvals.includes(l)) lvals.push(l);
  lvals.forEach((v, i) => {
    const id = 'mxl-' + i;
    langs.appendChild(el('li', null, el('label', { class: 'chip', for: id },
      el('input', { type: 'checkbox', id, value: v, checked: page.state.lang.includes(v) || null }),
      el('span', null, valueLabel('lang', v)))));
  });
  const csv = page.apiParams(page.state);
  csv.set('format', 'csv');
  $('mx-csv').setAttribute('href', '/api/matrix?' + csv.toString());
  $('mx-csv').setAttribute('download', `himoya-matrix-${page.state.scheme}.csv`);
  $('mx-csv').hidden = !page.state.jurisdictions.length;
}

function renderLegend() {
  const box = clear($('mx-legend'));
  box.appendChild(el('span', null, t('mx_legendAbout') + ':'));
  LEVELS.forEach(([lo, hi], i) => {
    const text = lo === hi ? String(lo) : hi === Infinity ? `${lo}+` : `${lo}–${hi}`;
    box.appendChild(el('span', { class: 'swatch heat-' + i }, text));
  });
  box.appendChild(el('span', { class: 'legend-gaps' }, t('mx_legendGaps')));
}

// ---- data -------------------------------------------------------------------

function compareHref(row) {
  const cells = row.cells || [];
  // Up to four jurisdictions, those with provisions first.
  const withHits = cells.filter((c) => about(c) > 0).map((c) => c.jurisdiction);
  const js = [...new Set([...withHits, ...cells.map((c) => c.jurisdiction)])].slice(0, 4);
  if (js.length < 2) return null;
  const p = new URLSearchParams();
  for (const j of js) p.append('jurisdiction', j);
  if (data.scheme === 'istanbul') p.set('ic', row.key); else p.set('topic', row.key);
  for (const l of page.state.lang) p.append('lang', l);
  // The comparison counts what the row counted: with repealed law when it did.
  if (page.state.repealed) p.set('include_repealed', '1');
  return withUi('compare.html?' + p.toString(), page.state.ui || null);
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
    for (const l of page.state.lang) p.append('lang', l);
    if (page.state.repealed) p.set('include_repealed', '1');
    return withUi('compare.html?' + p.toString(), page.state.ui || null);
  }
  p.append('jurisdiction', j);
  const concept = data.scheme === 'istanbul' ? (row.concepts || [])[0] : row.key;
  if (concept) p.append('topic', concept);
  return withUi('index.html?' + p.toString(), page.state.ui || null);
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

function render({ data: answer }) {
  data = answer;
  const thead = clear($('matrix').tHead);
  const tbody = clear($('matrix').tBodies[0]);
  const status = $('mx-status');
  status.textContent = '';
  document.title = t('matrixTitle') + ' — ' + t('brand');
  $('mx-caption').textContent = t('matrixTitle') + ': ' + t(page.state.scheme === 'istanbul' ? 'scheme_istanbul' : 'scheme_thesaurus');
  if (!data) { if (!page.error) status.textContent = t('mx_pickOne'); return; }
  const js = data.jurisdictions || [];
  const rows = data.rows || [];
  status.textContent = t('mx_rows', { n: rows.length });
  const hr = el('tr', null, el('th', { scope: 'col' }, t('mx_rowHead')));
  for (const j of js) hr.appendChild(el('th', { scope: 'col', dataset: { jurisdiction: j } }, valueLabel('jurisdiction', j)));
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
          class: cls, href: docLink(c.best.url, page.state.ui || null),
          'aria-label': t('mx_cellAbout', { j: jName, n: formatNumber(n), m: formatNumber(m) }),
          // A provision no longer (or not yet) in force says so (include_repealed).
          title: [c.best.title, c.best.label || c.best.heading, notInForce(c.best.legal_status)].filter(Boolean).join(' — '),
          dataset: { jurisdiction: j, about: String(n), mentions: String(m) },
        }, el('span', { class: 'mx-about' }, formatNumber(n)), extra);
      } else if (n === 0) {
        // What the gap rests on (docs/corpus-format.md, "Extent"); a server
        // that does not say is read as "not in the provisions held".
        const kind = c.gap_kind === 'silent' || c.gap_kind === 'not-held' || c.gap_kind === 'stated' ? c.gap_kind : 'not-found';
        const acts = kind === 'not-held' && Array.isArray(c.not_held) ? c.not_held.map((w) => w.title).join('; ') : '';
        const say = kind === 'silent' ? t('mx_gap_silent', { j: jName })
          : kind === 'stated' ? t('mx_gap_stated', { j: jName })
          : kind === 'not-held' ? t('mx_gap_notHeld', { j: jName, acts }) : t('mx_gap_notFound', { j: jName });
        inner = el('a', {
          class: cls + ' is-gap gap-' + kind, href: gapHref(row, j), 'aria-label': say, title: say,
          dataset: { jurisdiction: j, about: '0', mentions: String(m), gap: '1', gapKind: kind },
        }, el('span', { class: 'mx-about', 'aria-hidden': 'true' }, GAP_MARK[kind]), extra);
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

// A change of the form: the new state, focus kept on the input changed
// (the form is drawn anew).
function change(next, list, value) {
  page.navigate({ ...page.state, ...next });
  const again = [...$(list).querySelectorAll('input')].find((x) => x.value === value);
  if (again) again.focus({ preventScroll: true });
}

async function start() {
  $('scheme').addEventListener('change', (ev) => {
    page.navigate({ ...page.state, scheme: ev.target.value === 'thesaurus' ? 'thesaurus' : 'istanbul' });
  });
  $('mx-jurisdictions').addEventListener('change', (ev) => {
    const v = ev.target.value;
    let js = page.state.jurisdictions.filter((j) => j !== v);
    if (ev.target.checked) js.push(v);
    // Keep the facet order so columns do not jump around.
    const order = facets && facets.jurisdiction ? facets.jurisdiction.map((x) => String(x.value)) : [];
    js = js.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99)).slice(0, MAX_J);
    change({ jurisdictions: js }, 'mx-jurisdictions', v);
  });
  $('mx-langs').addEventListener('change', (ev) => {
    const list = page.state.lang.filter((l) => l !== ev.target.value);
    if (ev.target.checked) list.push(ev.target.value);
    change({ lang: list }, 'mx-langs', ev.target.value);
  });
  $('mx-repealed').addEventListener('change', () => {
    page.navigate({ ...page.state, repealed: $('mx-repealed').checked });
    $('mx-repealed').focus({ preventScroll: true });
  });
  $('matrix-form').addEventListener('submit', (ev) => { ev.preventDefault(); page.reload(); });
  facets = await loadFacets();
  if (!page.state.jurisdictions.length && facets && facets.jurisdiction) {
    // Tajikistan first, then the jurisdictions with most documents.
    const all = facets.jurisdiction.map((v) => String(v.value));
    page.set({ ...page.state, jurisdictions: [...new Set(['TJ', ...all])].filter((j) => all.includes(j)).slice(0, MAX_J) });
  }
}

page.start();
