// The search page: state in the URL, /api/search, facets, results, pages.
import { t, getLang, valueLabel, formatNumber, locale } from './i18n.js';
import {
  el, clear, snippetNodes, markedWords, apiGet, initLang, applyLabels, renderLangSwitch, switchLang,
  renderNav, loadTopics, conceptLabel, snippetText, absoluteUrl, loadLabels, registerFacetLabels, facetName,
  legalStatusBadge,
} from './common.js';
import { downloadCsv, csvHeader, slug, today } from './export.js';

// Facets filtered by repeated parameters (OR inside, AND across).
const LIST_FACETS = ['jurisdiction', 'lang', 'type', 'status', 'year', 'topic', 'body', 'audience'];
// Display order of the facet groups. year_from/year_to (a range) are kept
// when a URL carries them and shown as a removable line in the year group.
const FACET_ORDER = ['jurisdiction', 'lang', 'type', 'status', 'year', 'topic', 'audience', 'body'];
// Groups left out while they have no values (audience: practice documents
// only; status: laws with a recorded legal status, on newer servers).
const OPTIONAL_FACETS = new Set(['audience', 'status']);
const FACET_LIMIT = 8;
const YEAR_RE = /^\d{4}$/;

const $ = (id) => document.getElementById(id);

let state = readState(location.search);
let lastData = null;
let lastError = null;
let inflight = null;
const expanded = new Set();

// ---- state <-> URL ------------------------------------------------------

function readState(search) {
  const p = new URLSearchParams(search);
  const filters = {};
  for (const f of LIST_FACETS) filters[f] = [...new Set(p.getAll(f).filter((v) => v !== ''))];
  const yf = p.get('year_from');
  const yt = p.get('year_to');
  const page = parseInt(p.get('page') || '1', 10);
  const ui = p.get('ui');
  return {
    q: p.get('q') || '',
    filters,
    year_from: yf && YEAR_RE.test(yf) ? yf : '',
    year_to: yt && YEAR_RE.test(yt) ? yt : '',
    sort: p.get('sort') === 'date' ? 'date' : 'relevance',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    per_page: p.get('per_page') || '',
    cross_language: p.get('cross_language') === 'false' ? 'false' : '',
    // places=0: place names are ordinary words; relax=0: every word required.
    places: p.get('places') === '0' ? '0' : '',
    relax: p.get('relax') === '0' ? '0' : '',
    ui: ['en', 'ru', 'tg'].includes(ui) ? ui : '',
  };
}

// Parameters of the API request (withUi=false) or of the page URL.
function toParams(s, withUi) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of LIST_FACETS) for (const v of s.filters[f]) p.append(f, v);
  if (s.year_from) p.set('year_from', s.year_from);
  if (s.year_to) p.set('year_to', s.year_to);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.per_page) p.set('per_page', s.per_page);
  if (s.cross_language) p.set('cross_language', s.cross_language);
  if (s.places) p.set('places', s.places);
  if (s.relax) p.set('relax', s.relax);
  if (withUi && s.ui) p.set('ui', s.ui);
  // The API labels facet values in the UI language.
  if (!withUi) p.set('ui', getLang());
  return p;
}

function pageUrl(s) {
  const qs = toParams(s, true).toString();
  return location.pathname + (qs ? '?' + qs : '');
}

function navigate(next, { replace = false } = {}) {
  state = next;
  const url = pageUrl(state);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  remember();
}

// The document page's "Back to search" link returns here.
function remember() {
  try { sessionStorage.setItem('himoya.lastSearch', location.pathname + location.search); } catch (e) { /* storage disabled */ }
}

function withChange(change) {
  const next = structuredClone(state);
  change(next);
  return next;
}

// A new query starts from the default reading (places boosted, relaxed
// matching when needed): places=0 and relax=0 are choices about one query.
function setQuery(s, q) {
  if (q !== s.q) { s.places = ''; s.relax = ''; }
  s.q = q;
  s.page = 1;
}

function activeFilterCount(s) {
  let n = 0;
  for (const f of LIST_FACETS) n += s.filters[f].length;
  if (s.year_from || s.year_to) n += 1;
  return n;
}

// ---- fetching -----------------------------------------------------------

async function run({ focusResults = false } = {}) {
  if (inflight) inflight.abort();
  const ctrl = new AbortController();
  inflight = ctrl;
  syncForm();
  const results = $('results');
  results.setAttribute('aria-busy', 'true');
  results.classList.add('is-loading');
  const slow = setTimeout(() => { if (inflight === ctrl) setSummaryText(t('loading')); }, 250);
  try {
    const [data] = await Promise.all([apiGet('search', toParams(state, false), ctrl.signal), loadLabels()]);
    if (inflight !== ctrl) return;
    registerFacetLabels(data.facets, toParams(state, false).get('ui'));
    lastData = data;
    lastError = null;
    render();
  } catch (e) {
    if (e && e.name === 'AbortError') return;
    if (inflight !== ctrl) return;
    lastError = e;
    lastData = null;
    render();
  } finally {
    clearTimeout(slow);
    if (inflight === ctrl) {
      inflight = null;
      results.removeAttribute('aria-busy');
      results.classList.remove('is-loading');
    }
  }
  if (focusResults) {
    $('results').focus({ preventScroll: true });
    $('results').scrollIntoView({ block: 'start' });
  }
}

// ---- rendering ----------------------------------------------------------

function syncForm() {
  const q = $('q');
  if (q.value !== state.q) q.value = state.q;
  $('sort').value = state.sort;
  const n = activeFilterCount(state);
  $('clear-filters').hidden = n === 0;
  const badge = $('filters-active');
  badge.hidden = n === 0;
  badge.textContent = n ? formatNumber(n) : '';
  document.title = (state.q ? state.q + ' — ' : '') + t('brand');
}

function render() {
  syncForm();
  renderLangSwitch($('ui-lang'), onLangSwitch);
  renderFacets(lastData ? lastData.facets || {} : null);
  const err = $('error');
  clear(err);
  if (lastError) {
    err.hidden = false;
    err.appendChild(el('p', null, lastError.network ? lastError.message : t('errorSearch', { msg: lastError.message })));
    setSummaryText('');
    $('summary').removeAttribute('data-total');
    clear($('hits'));
    $('pager').hidden = true;
    $('suggestion').hidden = true;
    $('expanded').hidden = true;
    $('interpretation').hidden = true;
    $('empty').hidden = true;
    return;
  }
  err.hidden = true;
  if (!lastData) return;
  renderSummary(lastData);
  renderSuggestion(lastData.suggestion);
  renderInterpretation(lastData);
  renderExpanded(lastData);
  renderHits(lastData.hits || []);
  $('empty').hidden = (lastData.total || 0) > 0;
  renderPager(lastData);
}

function setSummaryText(text) {
  const s = $('summary');
  clear(s);
  s.textContent = text;
}

function renderSummary(data) {
  const s = $('summary');
  clear(s);
  const total = Number(data.total) || 0;
  s.dataset.total = String(total);
  s.appendChild(el('span', { class: 'summary-count' }, t('results', { n: total })));
  // Facet counts count every language version; say so when that differs from the hits.
  const versions = Number(data.total_versions);
  if (versions > total) s.appendChild(el('span', { class: 'summary-versions' }, t('inVersions', { n: versions })));
  if (typeof data.took_ms === 'number') {
    const ms = new Intl.NumberFormat(getLang() === 'tg' ? 'ru-RU' : locale(), {
      maximumFractionDigits: data.took_ms < 10 ? 2 : 0,
    }).format(data.took_ms);
    s.appendChild(el('span', { class: 'summary-took' }, t('took', { ms })));
  }
}

function renderSuggestion(suggestion) {
  const box = $('suggestion');
  clear(box);
  if (!suggestion || typeof suggestion !== 'string' || suggestion === state.q) { box.hidden = true; return; }
  const next = withChange((s) => { setQuery(s, suggestion); });
  const a = el('a', { href: pageUrl(next), id: 'suggestion-link' }, suggestion);
  a.addEventListener('click', (ev) => {
    if (isPlainClick(ev)) { ev.preventDefault(); navigate(next); run(); }
  });
  box.append(t('didYouMean'), ' ', a);
  box.hidden = false;
}

// The question words the server set aside ("who", "кто", "чанд"): unique,
// non-empty strings, in the order typed.
function questionWords(it) {
  const words = Array.isArray(it.question_words) ? it.question_words : [];
  return [...new Set(words.filter((w) => typeof w === 'string' && w.trim()).map((w) => w.trim()))];
}

// How the server read the query: jurisdictions it named (boosted, with
// links to keep only them or to treat place names as words), question words
// (not required) and relaxed matching (few texts have every word; link to
// require every word).
function renderInterpretation(data) {
  const box = clear($('interpretation'));
  const it = data && data.interpretation && typeof data.interpretation === 'object' ? data.interpretation : {};
  let places = Array.isArray(it.jurisdictions) ? [...new Set(it.jurisdictions.filter((j) => typeof j === 'string' && j))] : [];
  // "Showing Georgia first" only when Georgia has texts among the results.
  const counts = data && data.facets && Array.isArray(data.facets.jurisdiction) ? data.facets.jurisdiction : null;
  if (counts) places = places.filter((j) => counts.some((v) => v && String(v.value) === j && Number(v.count) > 0));
  const chosen = state.filters.jurisdiction;
  // Nothing to say when the filter already keeps only these jurisdictions.
  const boosted = places.length > 0 && !state.places && !(chosen.length && chosen.every((j) => places.includes(j)));
  const relaxed = it.relaxed === true && !state.relax;
  const link = (id, text, change) => {
    const next = withChange((s) => { change(s); s.page = 1; });
    const a = el('a', { href: pageUrl(next), id }, text);
    a.addEventListener('click', (ev) => { if (isPlainClick(ev)) { ev.preventDefault(); navigate(next); run(); } });
    return a;
  };
  if (boosted) {
    const names = places.map((j) => valueLabel('jurisdiction', j)).join(', ');
    box.appendChild(el('p', { class: 'interp-places', dataset: { jurisdictions: places.join(' ') } },
      t('interpPlaces', { places: names, n: places.length }), ' ',
      link('interp-only', t('interpOnly', { places: names }), (s) => { s.filters.jurisdiction = places.slice(); }),
      el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
      link('interp-all-places', t('interpAllPlaces'), (s) => { s.places = '0'; })));
  }
  const asked = state.q ? questionWords(it) : [];
  if (asked.length) {
    // The words as typed, in the query's language: no lang attribute of the UI's.
    box.appendChild(el('p', { class: 'interp-question' }, t('interpQuestion', { words: asked.join(', ') })));
  }
  if (relaxed) {
    box.appendChild(el('p', { class: 'interp-relaxed' },
      t('interpRelaxed'), ' ',
      link('interp-strict', t('interpStrict'), (s) => { s.relax = '0'; })));
  }
  box.hidden = !box.firstChild;
}

// The concepts the query was widened to (other languages, synonyms), with a
// switch to search only the words typed (cross_language=false) and back.
// Beside a topic the other words only rank: said when the query has some.
let topicLabels = null;
function renderExpanded(data) {
  const box = clear($('expanded'));
  const concepts = Array.isArray(data.expanded_concepts) ? data.expanded_concepts : [];
  if (!state.q || (!concepts.length && !state.cross_language)) { box.hidden = true; return; }
  const toggle = (text, value) => {
    const next = withChange((s) => { s.cross_language = value; s.page = 1; });
    const a = el('a', { href: pageUrl(next), id: 'expanded-toggle' }, text);
    a.addEventListener('click', (ev) => { if (isPlainClick(ev)) { ev.preventDefault(); navigate(next); run(); } });
    return a;
  };
  if (state.cross_language) {
    box.append(t('expandedOffNote'), ' ', toggle(t('expandedOn'), ''));
  } else {
    const names = concepts.map((id) => (topicLabels && topicLabels.byId.get(id) ? conceptLabel(topicLabels.byId.get(id)) : valueLabel('topic', id)));
    box.append(t('expandedNote', { concepts: names.join(', ') }));
    const it = data.interpretation && typeof data.interpretation === 'object' ? data.interpretation : {};
    // The words beside the topic, which the server ranks by rather than
    // requires; relaxed matching ranks every word anyway (the relaxed note says so).
    const ranking = Array.isArray(it.ranking_words) ? it.ranking_words.filter((w) => typeof w === 'string' && w) : [];
    if (it.relaxed !== true && ranking.length) {
      box.append(' ', el('span', { class: 'expanded-rank' }, t('expandedRank')));
    }
    box.append(' ', toggle(t('expandedOff'), 'false'));
    if (!topicLabels) loadTopics().then((x) => { topicLabels = x; if (lastData === data) renderExpanded(data); }).catch(() => {});
  }
  box.hidden = false;
}

// CSV of the current search (up to 100 hits of its first page).
async function exportCsv() {
  const btn = $('export-csv');
  btn.disabled = true;
  try {
    const p = toParams(withChange((s) => { s.page = 1; }), false);
    p.set('per_page', '100');
    p.set('facets', 'false');
    const data = await apiGet('search', p);
    // Headers and value labels in the UI language; texts as found.
    const rows = [csvHeader(['rank', 'title', 'label', 'heading', 'jurisdiction', 'language', 'type', 'legal_status', 'date', 'url', 'matched_concepts', 'snippet', 'other_languages'])];
    const status = (ls) => (ls && ls.state ? valueLabel('status', ls.state) + (ls.since ? ' ' + ls.since : '') : '');
    (data.hits || []).forEach((h, i) => rows.push([i + 1, h.title, h.kind === 'document' ? '' : h.label, h.heading,
      valueLabel('jurisdiction', h.jurisdiction), valueLabel('lang', h.lang), valueLabel('type', h.type), status(h.legal_status),
      h.date || (h.year ? String(h.year) : ''), absoluteUrl(h.url || ''),
      (h.concepts || h.matched_concepts || []).map((c) => valueLabel('topic', c)).join('; '), snippetText(h.snippet),
      (h.versions || []).map((v) => `${valueLabel('lang', v.lang)} ${absoluteUrl(v.url || '')}`).join('; ')]));
    const name = `himoya-search-${slug(state.q || 'all')}-${today()}.csv`;
    downloadCsv(name, rows);
  } catch (e) {
    const err = $('error');
    clear(err).appendChild(el('p', null, t('errorSearch', { msg: e.message })));
    err.hidden = false;
  } finally {
    btn.disabled = false;
  }
}

function hitHref(hit) {
  const url = new URL(hit.url || ('/document.html?id=' + encodeURIComponent(hit.document_id)), location.href);
  if (state.ui) url.searchParams.set('ui', state.ui);
  // The words the server marked in this hit's snippet, to highlight them in the document.
  const words = markedWords(hit.snippet).slice(0, 12);
  if (words.length) url.searchParams.set('hl', words.join('\n'));
  return url.pathname + url.search + url.hash;
}

// The same text in its other languages (the server lists them under the hit);
// a version that matches the query itself is marked.
function versionLinks(hit) {
  const versions = Array.isArray(hit.versions) ? hit.versions.filter((v) => v && v.id) : [];
  if (!versions.length) return null;
  const p = el('p', { class: 'hit-versions' }, el('span', { class: 'hit-versions-label' }, t('alsoIn')), ' ');
  versions.forEach((v, i) => {
    if (i) p.appendChild(document.createTextNode(' '));
    const status = v.text_status ? valueLabel('text_status', v.text_status) : '';
    const title = [status, v.matched ? t('versionMatches') : ''].filter(Boolean).join(' · ');
    p.appendChild(el('a', {
      href: hitHref({ url: v.url, document_id: v.document_id, snippet: '' }),
      hreflang: v.lang || null, class: v.matched ? 'lang-pill matched' : 'lang-pill', title: title || null,
      dataset: { versionId: v.id },
    }, valueLabel('lang', v.lang)));
  });
  return p;
}

function renderHits(hits) {
  const list = $('hits');
  clear(list);
  const start = ((lastData.page || state.page) - 1) * (lastData.per_page || 10);
  list.setAttribute('start', String(start + 1));
  hits.forEach((hit) => {
    const cite = [];
    if (hit.jurisdiction) cite.push(el('span', { class: 'cite-jurisdiction' }, valueLabel('jurisdiction', hit.jurisdiction)));
    if (hit.type) cite.push(el('span', { class: 'cite-type' }, valueLabel('type', hit.type)));
    if (hit.year) cite.push(el('span', { class: 'cite-year' }, String(hit.year)));
    if (hit.kind === 'document') cite.push(el('span', { class: 'cite-label' }, t('kind_document')));
    // Some sources have no numbering: their label is the heading, shown below.
    else if (hit.label && hit.label !== hit.heading) cite.push(el('span', { class: 'cite-label', lang: hit.lang || null }, hit.label));
    const citeLine = el('p', { class: 'cite' });
    cite.forEach((c, i) => {
      if (i) citeLine.appendChild(el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
      citeLine.appendChild(c);
    });
    if (hit.lang) citeLine.appendChild(el('span', { class: 'lang-badge' }, valueLabel('lang', hit.lang)));
    const badge = legalStatusBadge(hit.legal_status);
    if (badge) citeLine.appendChild(badge);
    const item = el('li', { class: 'hit', dataset: { id: hit.id || '' } },
      citeLine,
      el('h3', { class: 'hit-title', lang: hit.lang || null },
        el('a', { href: hitHref(hit) }, hit.title || hit.document_id || '')),
      hit.heading ? el('p', { class: 'hit-heading', lang: hit.lang || null }, hit.heading) : null,
      hit.snippet ? el('p', { class: 'snippet', lang: hit.lang || null }, snippetNodes(hit.snippet)) : null,
      versionLinks(hit));
    list.appendChild(item);
  });
}

function pageItems(cur, last) {
  const set = new Set([1, last, cur - 1, cur, cur + 1]);
  if (cur <= 3) { set.add(2); set.add(3); }
  if (cur >= last - 2) { set.add(last - 1); set.add(last - 2); }
  const pages = [...set].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  const out = [];
  pages.forEach((p, i) => {
    if (i && p - pages[i - 1] > 1) out.push(null);
    out.push(p);
  });
  return out;
}

function renderPager(data) {
  const nav = $('pager');
  clear(nav);
  nav.setAttribute('aria-label', t('pagination'));
  const per = Number(data.per_page) || 10;
  // The API serves at most 10 000 results deep (page * per_page).
  const last = Math.max(1, Math.min(Math.ceil((Number(data.total) || 0) / per), Math.floor(10000 / per)));
  const cur = Math.min(Number(data.page) || state.page, Math.max(last, Number(data.page) || 1));
  if (last <= 1 && cur <= 1) { nav.hidden = true; return; }
  nav.hidden = false;
  const link = (p, text, cls, aria) => {
    const next = withChange((s) => { s.page = p; });
    const a = el('a', { href: pageUrl(next), class: cls, 'aria-label': aria || null, rel: null, dataset: { page: String(p) } }, text);
    a.addEventListener('click', (ev) => {
      if (isPlainClick(ev)) { ev.preventDefault(); navigate(next); run({ focusResults: true }); }
    });
    return a;
  };
  const ul = el('ul');
  ul.appendChild(el('li', null, cur > 1 ? link(cur - 1, t('prev'), 'pager-prev') : el('span', { class: 'pager-prev is-disabled', 'aria-disabled': 'true' }, t('prev'))));
  for (const p of pageItems(cur, last)) {
    if (p === null) ul.appendChild(el('li', { class: 'pager-gap', 'aria-hidden': 'true' }, '…'));
    else if (p === cur) ul.appendChild(el('li', null, el('a', { href: pageUrl(state), 'aria-current': 'page', 'aria-label': t('pageOf', { n: p, m: last }), class: 'is-current' }, formatNumber(p))));
    else ul.appendChild(el('li', null, link(p, formatNumber(p), 'pager-num', t('pageN', { n: p }))));
  }
  ul.appendChild(el('li', null, cur < last ? link(cur + 1, t('next'), 'pager-next') : el('span', { class: 'pager-next is-disabled', 'aria-disabled': 'true' }, t('next'))));
  nav.appendChild(ul);
}

// ---- facets -------------------------------------------------------------


function facetLabel(facet, value) {
  if (facet === 'year' && String(value) === '0') return t('noDate');
  if (facet === 'year') return String(value);
  return valueLabel(facet, value);
}

function renderFacets(facets) {
  const box = $('facets');
  // Keep keyboard focus on the checkbox the user just toggled.
  const active = document.activeElement;
  const focusKey = active && active.dataset && active.dataset.facet ? active.dataset.facet + '\u0000' + active.value : null;
  const focusMore = active && active.classList && active.classList.contains('facet-more') ? active.dataset.facetMore : null;
  clear(box);
  if (!facets) return;
  for (const facet of FACET_ORDER) {
    let values = Array.isArray(facets[facet]) ? facets[facet].map((v) => ({ value: String(v.value), count: Number(v.count) || 0 })) : [];
    const selected = state.filters[facet];
    for (const s of selected) if (!values.some((v) => v.value === s)) values.push({ value: s, count: 0 });
    if (facet === 'year') values.sort((a, b) => Number(b.value) - Number(a.value));
    const isChecked = (v) => selected.includes(v.value);
    const legendId = 'facet-' + facet + '-legend';
    const fs = el('fieldset', { class: 'facet', dataset: { facetGroup: facet } },
      el('legend', { id: legendId }, facetName(facet)));
    if (facet === 'year' && (state.year_from || state.year_to)) {
      const range = `${state.year_from || '…'}–${state.year_to || '…'}`;
      fs.appendChild(el('p', { class: 'facet-range' },
        el('span', null, t('yearRange', { range })), ' ',
        el('button', { type: 'button', class: 'link-button', id: 'clear-year-range', 'aria-label': t('removeRangeAria', { range }) }, t('remove'))));
    }
    if (!values.length && OPTIONAL_FACETS.has(facet)) continue;
    if (!values.length) {
      fs.appendChild(el('p', { class: 'facet-none' }, t('noValues')));
      box.appendChild(fs);
      continue;
    }
    const open = expanded.has(facet);
    const ul = el('ul', { class: 'facet-list' });
    let hiddenCount = 0;
    values.forEach((v, i) => {
      const checked = isChecked(v);
      if (!open && i >= FACET_LIMIT && !checked) { hiddenCount++; return; }
      const id = 'f-' + facet + '-' + i;
      const input = el('input', {
        type: 'checkbox', id, name: facet, value: v.value,
        checked: checked || null, dataset: { facet },
      });
      const label = el('label', { for: id, class: 'facet-item' + (v.count === 0 ? ' is-empty' : '') },
        input,
        el('span', { class: 'facet-name', lang: facet === 'lang' ? null : null }, facetLabel(facet, v.value)),
        el('span', { class: 'facet-count' }, formatNumber(v.count)));
      ul.appendChild(el('li', null, label));
    });
    fs.appendChild(ul);
    if (values.length > FACET_LIMIT) {
      const more = el('button', {
        type: 'button', class: 'link-button facet-more', 'aria-expanded': open ? 'true' : 'false',
        dataset: { facetMore: facet },
      }, open ? t('showFewer') : t('showAll', { n: formatNumber(values.length) }));
      if (!open && hiddenCount === 0) more.hidden = true;
      fs.appendChild(more);
    }
    box.appendChild(fs);
  }
  if (focusKey) {
    for (const input of box.querySelectorAll('input[data-facet]')) {
      if (input.dataset.facet + '\u0000' + input.value === focusKey) { input.focus({ preventScroll: true }); break; }
    }
  } else if (focusMore) {
    const b = box.querySelector(`button[data-facet-more="${focusMore}"]`);
    if (b) b.focus({ preventScroll: true });
  }
}

function onFacetChange(ev) {
  const input = ev.target;
  if (!input || !input.dataset || !input.dataset.facet) return;
  const facet = input.dataset.facet;
  const value = input.value;
  const next = withChange((s) => {
    s.page = 1;
    const list = s.filters[facet];
    const i = list.indexOf(value);
    if (input.checked && i < 0) list.push(value);
    if (!input.checked && i >= 0) list.splice(i, 1);
  });
  navigate(next);
  run();
}

function isPlainClick(ev) {
  return ev.button === 0 && !ev.metaKey && !ev.ctrlKey && !ev.shiftKey && !ev.altKey;
}

// ---- wiring -------------------------------------------------------------

function onLangSwitch(lang) {
  switchLang(lang);
  navigate(withChange((s) => { s.ui = lang; }));
  relabel();
  render();
}

function relabel() {
  applyLabels();
  $('ui-lang').setAttribute('aria-label', t('uiLanguage'));
  renderLangSwitch($('ui-lang'), onLangSwitch);
  renderNav($('site-nav'), 'search', state.ui || null);
  const home = $('home-link');
  home.setAttribute('href', state.ui ? 'index.html?ui=' + state.ui : 'index.html');
}

function init() {
  initLang();
  relabel();

  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = $('q').value.trim();
    navigate(withChange((s) => { setQuery(s, q); }));
    run();
  });
  $('sort').addEventListener('change', () => {
    navigate(withChange((s) => { s.sort = $('sort').value === 'date' ? 'date' : 'relevance'; s.page = 1; }));
    run();
  });
  $('facets').addEventListener('change', onFacetChange);
  $('export-csv').addEventListener('click', exportCsv);
  $('facets').addEventListener('click', (ev) => {
    if (ev.target.closest('#clear-year-range')) {
      navigate(withChange((s) => { s.year_from = s.year_to = ''; s.page = 1; }));
      run();
      return;
    }
    const b = ev.target.closest('button.facet-more');
    if (!b) return;
    const f = b.dataset.facetMore;
    if (expanded.has(f)) expanded.delete(f); else expanded.add(f);
    renderFacets(lastData ? lastData.facets || {} : null);
  });
  $('clear-filters').addEventListener('click', () => {
    navigate(withChange((s) => {
      for (const f of LIST_FACETS) s.filters[f] = [];
      s.year_from = s.year_to = '';
      s.page = 1;
    }));
    run();
    $('q').focus();
  });
  $('filters-toggle').addEventListener('click', () => {
    const aside = $('filters-toggle').closest('.filters');
    const open = !aside.classList.contains('is-open');
    aside.classList.toggle('is-open', open);
    $('filters-toggle').setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  window.addEventListener('popstate', () => {
    state = readState(location.search);
    remember();
    const lang = state.ui || getLang();
    if (lang !== getLang()) { switchLang(lang); relabel(); }
    run();
  });
  // "/" focuses the search box, as on many search sites.
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const tag = (document.activeElement && document.activeElement.tagName) || '';
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (document.activeElement && document.activeElement.isContentEditable)) return;
    ev.preventDefault();
    $('q').focus();
    $('q').select();
  });

  // Normalise the URL (drops invalid values) without adding a history entry.
  history.replaceState(null, '', pageUrl(state) + location.hash);
  remember();
  run();
}

init();
