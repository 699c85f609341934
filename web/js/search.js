// The search page: /api/search, its facets (as the answer lists them),
// results, pages. State in the URL, header, language switch, loading and
// errors: page.js.
import { t, getLang, valueLabel, formatNumber, locale } from './i18n.js';
import {
  el, clear, snippetNodes, markedWords, apiGet, loadTopics, conceptLabel, snippetText, absoluteUrl, loadLabels,
  registerFacetLabels, facetName, legalStatusBadge, conceptsAutomaticBadge, notHeldList,
  legalStatusText, labelHeading, otherLanguagesText,
} from './common.js';
import { createPage, field, isPlainClick } from './page.js';
import { downloadCsv, csvHeader, slug, today } from './export.js';

const FACET_LIMIT = 8;
const YEAR_RE = /^\d{4}$/;

const $ = (id) => document.getElementById(id);

let lastData = null;
const expanded = new Set();

// ---- state <-> URL ------------------------------------------------------

// The page's own parameters (a field's name is its parameter); every other
// parameter is a facet filter (repeated: OR inside a facet, AND across),
// passed to the API as it stands: the page knows no list of facets.
const OWN = {
  q: field.text('q'),
  year_from: field.text('year_from', '', { ok: (v) => YEAR_RE.test(v) }),
  year_to: field.text('year_to', '', { ok: (v) => YEAR_RE.test(v) }),
  sort: field.choice('sort', ['relevance', 'date']),
  page: field.int('page', 1),
  per_page: field.text('per_page'),
  cross_language: field.choice('cross_language', ['', 'false']),
  // places=0: place names are ordinary words; relax=0: every word required;
  // correct=0: the words as typed, even when nothing matches them.
  places: field.choice('places', ['', '0']),
  relax: field.choice('relax', ['', '0']),
  correct: field.choice('correct', ['', '0']),
};
const RESERVED = new Set([...Object.keys(OWN), 'ui']);
const filtersField = {
  parse: (p) => {
    const out = {};
    for (const k of new Set(p.keys())) {
      if (RESERVED.has(k)) continue;
      const vs = [...new Set(p.getAll(k).filter((v) => v !== ''))];
      if (vs.length) out[k] = vs;
    }
    return out;
  },
  write: (p, filters) => { for (const [k, vs] of Object.entries(filters)) for (const v of vs) p.append(k, v); },
};

const page = createPage({
  nav: 'search',
  fields: { ...OWN, filters: filtersField },
  box: 'results', status: 'summary', error: 'error',
  loadingKey: 'loading',
  slowMs: 250,
  errorKey: 'errorSearch',
  load: async (s, signal) => {
    const params = page.apiParams(s);
    const [data] = await Promise.all([apiGet('search', params, signal), loadLabels()]);
    registerFacetLabels(data.facets, params.get('ui'));
    // Nothing under the filters: how many the words find without them, so the
    // empty page can say so (a filter that empties the page is a finding too).
    if (!data.total && s.q && (Object.keys(s.filters).length || s.year_from || s.year_to)) {
      const bare = withoutFilters(s);
      bare.page = 1;
      const p = page.apiParams(bare);
      p.set('per_page', '1');
      p.set('facets', '0');
      try {
        const unfiltered = await apiGet('search', p, signal);
        data.totalWithoutFilters = Number(unfiltered.total) || 0;
      } catch (e) {
        if (signal && signal.aborted) throw e;  // a newer search replaces this one
      }
    }
    return data;
  },
  form: syncForm,
  render,
  start: wire,
});

const selected = (s, facet) => s.filters[facet] || [];

// The state with its facet filters and year range removed.
function withoutFilters(s) {
  const next = structuredClone(s);
  next.filters = {};
  next.year_from = '';
  next.year_to = '';
  return next;
}

function withChange(change) {
  const next = structuredClone(page.state);
  change(next);
  return next;
}

// A link to another state of this page: a plain click navigates in place.
function stateLink(attrs, text, next, after) {
  const a = el('a', { ...attrs, href: page.href(next) }, text);
  a.addEventListener('click', (ev) => {
    if (!isPlainClick(ev)) return;
    ev.preventDefault();
    const done = page.navigate(next);
    if (after) done.then(after);
  });
  return a;
}

// A new query starts from the default reading (places boosted, relaxed
// matching when needed): places=0, relax=0 and correct=0 are choices about one query.
function setQuery(s, q) {
  if (q !== s.q) { s.places = ''; s.relax = ''; s.correct = ''; }
  s.q = q;
  s.page = 1;
}

// A filter of a facet the last answer counted (before one: any filter).
const isFacet = (name) => !lastData || !lastData.facets || name in lastData.facets;

function activeFilterCount(s) {
  let n = 0;
  for (const [k, vs] of Object.entries(s.filters)) if (isFacet(k)) n += vs.length;
  if (s.year_from || s.year_to) n += 1;
  return n;
}

// ---- rendering ----------------------------------------------------------

// The form, the filter badge and the title follow the state; the document
// page's "Back to search" link returns to it.
function syncForm(state) {
  const q = $('q');
  if (q.value !== state.q) q.value = state.q;
  $('sort').value = state.sort;
  const n = activeFilterCount(state);
  $('clear-filters').hidden = n === 0;
  const badge = $('filters-active');
  badge.hidden = n === 0;
  badge.textContent = n ? formatNumber(n) : '';
  document.title = (state.q ? state.q + ' — ' : '') + t('brand');
  syncFeed(state);
  try { sessionStorage.setItem('himoya.lastSearch', location.pathname + location.search); } catch (e) { /* storage disabled */ }
}

// The Atom feed of this search (/api/search.atom: the same parameters, newest
// in the index first): the <head> link feed readers discover and the link in
// the results bar follow the query.
function syncFeed(state) {
  const params = page.apiParams(state);
  for (const k of ['page', 'sort', 'per_page', 'facets']) params.delete(k);
  const qs = params.toString();
  const href = '/api/search.atom' + (qs ? '?' + qs : '');
  const head = $('feed-alternate');
  if (head) {
    head.href = href;
    head.title = t('feedTitle') + (state.q ? ': ' + state.q : '');
  }
  const link = $('feed-link');
  if (link) {
    link.href = href;
    link.title = t('feedTitle');
  }
}

function render({ state, data, error }) {
  lastData = data;
  renderFacets(data ? data.facets || {} : null, state, data ? data.facet_order : null);
  if (error) {
    $('summary').removeAttribute('data-total');
    clear($('hits'));
    for (const id of ['pager', 'suggestion', 'expanded', 'interpretation', 'empty']) $(id).hidden = true;
    return;
  }
  if (!data) return;
  renderSummary(data);
  renderSuggestion(data.suggestion, state);
  renderInterpretation(data, state);
  renderExpanded(data, state);
  renderHits(data.hits || [], state);
  $('empty').hidden = (data.total || 0) > 0;
  renderPastLastPage(data);
  renderEmptyWithoutFilters(data);
  renderEmptyNotHeld(data);
  renderPager(data, state);
}

// A page past the last one (an old link, a hand-typed page=): the results
// exist, so say where they end rather than show an empty list.
function renderPastLastPage(data) {
  const old = $('past-last-page');
  if (old) old.remove();
  const total = Number(data.total) || 0;
  if (total <= 0 || (data.hits || []).length) return;
  const per = Number(data.per_page) || 10;
  const last = Math.max(1, Math.min(Math.ceil(total / per), Math.floor(10000 / per)));
  $('hits').before(el('p', { id: 'past-last-page', class: 'empty', role: 'status' },
    t('pastLastPage', { page: formatNumber(Number(data.page) || 1), last: formatNumber(last) }), ' ',
    stateLink({ dataset: { page: String(last) } }, t('goToPage', { page: formatNumber(last) }), withChange((s) => { s.page = last; }))));
}

// On an empty page under filters: the words find texts without them.
function renderEmptyWithoutFilters(data) {
  const old = $('empty-unfiltered');
  if (old) old.remove();
  const n = Number(data.totalWithoutFilters) || 0;
  if ((data.total || 0) > 0 || n <= 0) return;
  const next = withoutFilters(page.state);
  next.page = 1;
  $('empty').appendChild(el('p', { id: 'empty-unfiltered' }, t('emptyWithoutFilters', { n }), ' ',
    stateLink({ id: 'empty-clear-filters' }, t('clearFilters'), next)));
}

// On an empty page under a jurisdiction filter: the law there covers the
// subject in parts Himoya does not hold (docs/corpus-format.md, "Extent").
function renderEmptyNotHeld(data) {
  const old = $('empty-not-held');
  if (old) old.remove();
  const byJ = (data.interpretation && data.interpretation.not_held) || {};
  const codes = Object.keys(byJ).filter((j) => Array.isArray(byJ[j]) && byJ[j].length);
  if ((data.total || 0) > 0 || !codes.length) return;
  const box = el('div', { id: 'empty-not-held' });
  for (const j of codes) {
    box.appendChild(el('p', { class: 'empty-not-held', dataset: { jurisdiction: j } }, t('emptyNotHeld', { j: valueLabel('jurisdiction', j) })));
    box.appendChild(notHeldList(byJ[j], page.state.ui || null));
  }
  $('empty').appendChild(box);
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

function renderSuggestion(suggestion, state) {
  const box = $('suggestion');
  clear(box);
  if (!suggestion || typeof suggestion !== 'string' || suggestion === state.q) { box.hidden = true; return; }
  const a = stateLink({ id: 'suggestion-link' }, suggestion, withChange((s) => { setQuery(s, suggestion); }));
  box.append(t('didYouMean'), ' ', a);
  box.hidden = false;
}

// The question words the server set aside ("who", "кто", "чанд"): unique,
// non-empty strings, in the order typed.
function questionWords(it) {
  const words = Array.isArray(it.question_words) ? it.question_words : [];
  // As typed, without the question's closing mark ("мегӯяд?" reads "мегӯяд").
  const bare = (w) => w.trim().replace(/[?？!.؟]+$/u, '');
  return [...new Set(words.filter((w) => typeof w === 'string' && bare(w)).map(bare))];
}

// How the server read the query: jurisdictions it named (boosted, with
// links to keep only them or to treat place names as words), question words
// (not required) and relaxed matching (few texts have every word; link to
// require every word).
function renderInterpretation(data, state) {
  const box = clear($('interpretation'));
  const it = data && data.interpretation && typeof data.interpretation === 'object' ? data.interpretation : {};
  let places = Array.isArray(it.jurisdictions) ? [...new Set(it.jurisdictions.filter((j) => typeof j === 'string' && j))] : [];
  // "Showing Georgia first" only when Georgia has texts among the results.
  const counts = data && data.facets && Array.isArray(data.facets.jurisdiction) ? data.facets.jurisdiction : null;
  if (counts) places = places.filter((j) => counts.some((v) => v && String(v.value) === j && Number(v.count) > 0));
  const chosen = selected(state, 'jurisdiction');
  // Nothing to say when the filter already keeps only these jurisdictions.
  const boosted = places.length > 0 && !state.places && !(chosen.length && chosen.every((j) => places.includes(j)));
  const relaxed = it.relaxed === true && !state.relax;
  const link = (id, text, change) => stateLink({ id }, text, withChange((s) => { change(s); s.page = 1; }));
  // The corrected spelling was searched: nothing matched the words as typed,
  // or they matched texts but the spelling names a topic or place they do not
  // (the page must not say "nothing found" then: correct=0 finds texts).
  if (state.q && !state.correct && typeof it.corrected === 'string' && it.corrected) {
    const why = it.corrected_because === 'names-more' ? 'interpCorrectedNamesMore'
      : it.corrected_because === 'broader' ? 'interpCorrectedBroader' : 'interpCorrected';
    box.appendChild(el('p', { class: 'interp-corrected', dataset: { because: it.corrected_because || '' } },
      t(why, { typed: state.q, searched: it.corrected }), ' ',
      link('interp-as-typed', t('interpAsTyped', { typed: state.q }), (s) => { s.correct = '0'; })));
  }
  if (boosted) {
    const names = places.map((j) => valueLabel('jurisdiction', j)).join(', ');
    box.appendChild(el('p', { class: 'interp-places', dataset: { jurisdictions: places.join(' ') } },
      t('interpPlaces', { places: names, n: places.length }), ' ',
      link('interp-only', t('interpOnly', { places: names }), (s) => { s.filters.jurisdiction = places.slice(); }),
      el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
      link('interp-all-places', t('interpAllPlaces'), (s) => { s.places = '0'; })));
  }
  // Places named none of whose own texts matches: a finding, said plainly.
  const missing = Array.isArray(it.places_without_match)
    ? [...new Set(it.places_without_match.filter((j) => typeof j === 'string' && j))] : [];
  if (state.q && missing.length && !state.places) {
    const names = missing.map((j) => valueLabel('jurisdiction', j)).join(', ');
    box.appendChild(el('p', { class: 'interp-no-place', dataset: { jurisdictions: missing.join(' ') } },
      t('interpNoPlace', { places: names, n: missing.length })));
  }
  // A language filter leaves out the texts matching in other languages only: said, with the way back.
  const others = Number(it.other_languages) || 0;
  if (others > 0 && selected(state, 'lang').length) {
    box.appendChild(el('p', { class: 'interp-other-languages', dataset: { n: String(others) } },
      t('interpOtherLanguages', { n: others }), ' ',
      link('interp-all-languages', t('interpAllLanguages'), (s) => { delete s.filters.lang; })));
  }
  // Places negated ("-Tajikistan"): their texts were left out, said so.
  const excluded = Array.isArray(it.excluded_jurisdictions)
    ? [...new Set(it.excluded_jurisdictions.filter((j) => typeof j === 'string' && j))] : [];
  if (state.q && excluded.length) {
    const names = excluded.map((j) => valueLabel('jurisdiction', j)).join(', ');
    box.appendChild(el('p', { class: 'interp-excluded', dataset: { jurisdictions: excluded.join(' ') } },
      t('interpExcluded', { places: names, n: excluded.length })));
  }
  // Works named by a popular name ("VAWA"): their texts come first.
  const works = Array.isArray(it.works) ? it.works.filter((w) => w && typeof w.id === 'string' && w.id) : [];
  if (state.q && works.length) {
    const names = works.map((w) => (typeof w.title === 'string' && w.title ? w.title : String(w.name || w.id))).join('; ');
    box.appendChild(el('p', { class: 'interp-works', dataset: { works: works.map((w) => w.id).join(' ') } }, t('interpWorks', { works: names })));
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
function renderExpanded(data, state) {
  const box = clear($('expanded'));
  const concepts = Array.isArray(data.expanded_concepts) ? data.expanded_concepts : [];
  const it = data.interpretation && typeof data.interpretation === 'object' ? data.interpretation : {};
  // The words the server ranks by rather than requires (beside a topic, or
  // common to most texts); relaxed matching ranks every word anyway (the
  // relaxed note says so).
  const ranking = Array.isArray(it.ranking_words) ? it.ranking_words.filter((w) => typeof w === 'string' && w) : [];
  const rankNote = () => el('span', { class: 'expanded-rank' }, t('expandedRank', { words: ranking.join(', ') }));
  if (state.q && !concepts.length && !state.cross_language && ranking.length && it.relaxed !== true) {
    box.append(rankNote());
    box.hidden = false;
    return;
  }
  if (!state.q || (!concepts.length && !state.cross_language)) { box.hidden = true; return; }
  const toggle = (text, value) => stateLink({ id: 'expanded-toggle' }, text, withChange((s) => { s.cross_language = value; s.page = 1; }));
  if (state.cross_language) {
    box.append(t('expandedOffNote'), ' ', toggle(t('expandedOn'), ''));
  } else {
    const names = concepts.map((id) => (topicLabels && topicLabels.byId.get(id) ? conceptLabel(topicLabels.byId.get(id)) : valueLabel('topic', id)));
    box.append(t('expandedNote', { concepts: names.join(', ') }));
    if (it.relaxed !== true && ranking.length) box.append(' ', rankNote());
    box.append(' ', toggle(t('expandedOff'), 'false'));
    if (!topicLabels) loadTopics().then((x) => { topicLabels = x; if (lastData === data) renderExpanded(data, page.state); }).catch(() => {});
  }
  box.hidden = false;
}

// The API's limits (docs/api.md, /api/search): per_page 1–100, and
// page × per_page at most 10 000.
const API_MAX_PER_PAGE = 100;
const API_RESULT_WINDOW = 10000;

// Every hit of the current search, a page of API_MAX_PER_PAGE at a time, as
// far as the API's result window goes: {hits, total}.
async function allHits() {
  const base = page.apiParams(withChange((s) => { s.page = 1; }));
  base.set('per_page', String(API_MAX_PER_PAGE));
  base.set('facets', 'false');
  const hits = [];
  let total = 0;
  for (let n = 1; n * API_MAX_PER_PAGE <= API_RESULT_WINDOW; n++) {
    const p = new URLSearchParams(base);
    p.set('page', String(n));
    const data = await apiGet('search', p);
    total = Number(data.total) || 0;
    const got = Array.isArray(data.hits) ? data.hits : [];
    hits.push(...got);
    if (got.length < API_MAX_PER_PAGE || hits.length >= total) break;
  }
  return { hits, total: Math.max(total, hits.length) };
}

// The export's note on the page: the file's name, and when the API's window
// held fewer results than the search found, how many the file holds.
function exportNote(text) {
  let note = $('export-note');
  if (!note) {
    note = el('p', { id: 'export-note', class: 'export-note', role: 'status' });
    document.querySelector('#results .results-bar').after(note);
  }
  note.textContent = text;
  note.hidden = !text;
}

// CSV of the current search: every result, or when there are more than the
// API serves of one search, the first ones, said in the file and on the page.
async function exportCsv() {
  const btn = $('export-csv');
  btn.disabled = true;
  try {
    const { hits, total } = await allHits();
    // Headers and value labels in the UI language; texts as found.
    const rows = [csvHeader(['rank', 'title', 'label', 'heading', 'jurisdiction', 'language', 'type', 'legal_status', 'date', 'url', 'matched_concepts', 'snippet', 'other_languages'])];
    const capped = hits.length < total ? t('exportCapped', { n: formatNumber(hits.length), total: formatNumber(total) }) : '';
    if (capped) rows.push(['', capped, '', '', '', '', '', '', '', '', '', '', '']);
    hits.forEach((h, i) => {
      const { label, heading } = labelHeading(h.kind === 'document' ? '' : h.label, h.heading);
      rows.push([i + 1, h.title, label, heading,
        valueLabel('jurisdiction', h.jurisdiction), valueLabel('lang', h.lang), valueLabel('type', h.type), legalStatusText(h.legal_status),
        h.date || (h.year ? String(h.year) : ''), absoluteUrl(h.url || ''),
        (h.concepts || h.matched_concepts || []).map((c) => valueLabel('topic', c)).join('; '), snippetText(h.snippet),
        otherLanguagesText(h.versions)]);
    });
    const name = `himoya-search-${slug(page.state.q || 'all')}-${today()}.csv`;
    downloadCsv(name, rows);
    exportNote([t('exportDone', { name }), capped].filter(Boolean).join(' '));
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
  if (page.state.ui) url.searchParams.set('ui', page.state.ui);
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

function renderHits(hits, state) {
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
    // The heading without the label the cite line shows ("Article 1. Subject").
    const heading = hit.kind === 'document' || !hit.label || hit.label === hit.heading ? hit.heading : labelHeading(hit.label, hit.heading).heading;
    const citeLine = el('p', { class: 'cite' });
    cite.forEach((c, i) => {
      if (i) citeLine.appendChild(el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
      citeLine.appendChild(c);
    });
    if (hit.lang) citeLine.appendChild(el('span', { class: 'lang-badge' }, valueLabel('lang', hit.lang)));
    const badge = legalStatusBadge(hit.legal_status);
    if (badge) citeLine.appendChild(badge);
    const automatic = conceptsAutomaticBadge(hit);
    if (automatic) citeLine.appendChild(automatic);
    const item = el('li', { class: 'hit', dataset: { id: hit.id || '' } },
      citeLine,
      el('h3', { class: 'hit-title', lang: hit.lang || null },
        el('a', { href: hitHref(hit) }, hit.title || hit.document_id || '')),
      heading ? el('p', { class: 'hit-heading', lang: hit.lang || null }, heading) : null,
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

function renderPager(data, state) {
  const nav = $('pager');
  clear(nav);
  nav.setAttribute('aria-label', t('pagination'));
  const per = Number(data.per_page) || 10;
  // The API serves at most 10 000 results deep (page * per_page).
  const last = Math.max(1, Math.min(Math.ceil((Number(data.total) || 0) / per), Math.floor(10000 / per)));
  const cur = Math.min(Number(data.page) || state.page, Math.max(last, Number(data.page) || 1));
  if (last <= 1 && cur <= 1) { nav.hidden = true; return; }
  nav.hidden = false;
  const link = (p, text, cls, aria) => stateLink({ class: cls, 'aria-label': aria || null, dataset: { page: String(p) } }, text,
    withChange((s) => { s.page = p; }), () => {
      $('results').focus({ preventScroll: true });
      $('results').scrollIntoView({ block: 'start' });
    });
  const ul = el('ul');
  // Past the last page, "Previous" leads to the last one.
  const prev = Math.min(cur - 1, last);
  ul.appendChild(el('li', null, cur > 1 ? link(prev, t('prev'), 'pager-prev') : el('span', { class: 'pager-prev is-disabled', 'aria-disabled': 'true' }, t('prev'))));
  for (const p of pageItems(cur, last)) {
    if (p === null) ul.appendChild(el('li', { class: 'pager-gap', 'aria-hidden': 'true' }, '…'));
    else if (p === cur) ul.appendChild(el('li', null, el('a', { href: page.href(state), 'aria-current': 'page', 'aria-label': t('pageOf', { n: p, m: last }), class: 'is-current' }, formatNumber(p))));
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

// The facet groups of the answer, in its order and with the names /api/labels
// gives them; the values by count as answered, ticked values kept even when
// the answer no longer counts them. A group with nothing to show is left out.
function renderFacets(facets, state, order) {
  const box = $('facets');
  // Keep keyboard focus on the checkbox the user just toggled.
  const active = document.activeElement;
  const focusKey = active && active.dataset && active.dataset.facet ? active.dataset.facet + '\u0000' + active.value : null;
  const focusMore = active && active.classList && active.classList.contains('facet-more') ? active.dataset.facetMore : null;
  clear(box);
  if (!facets) return;
  // The answer's facet_order, then any group it does not list.
  const names = Array.isArray(order) ? order.filter((n) => n in facets) : [];
  for (const n of Object.keys(facets)) if (!names.includes(n)) names.push(n);
  for (const facet of names) {
    const answered = facets[facet];
    const values = Array.isArray(answered) ? answered.filter((v) => v && v.value !== undefined).map((v) => ({ value: String(v.value), count: Number(v.count) || 0 })) : [];
    // Filters written in the query ("jurisdiction:TJ") are ticked as well:
    // they are the search's filters, and unticking one takes it out of the words.
    const inQuery = queryFilters(facet).map((q) => (values.find((v) => v.value.toLowerCase() === q.toLowerCase()) || { value: q }).value);
    const ticked = [...new Set([...selected(state, facet), ...inQuery])];
    for (const s of ticked) if (!values.some((v) => v.value === s)) values.push({ value: s, count: 0 });
    const isChecked = (v) => ticked.includes(v.value);
    // year_from / year_to narrow the year facet: shown as a removable line.
    const range = facet === 'year' && (state.year_from || state.year_to) ? `${state.year_from || '…'}–${state.year_to || '…'}` : null;
    if (!values.length && !range) continue;
    const legendId = 'facet-' + facet + '-legend';
    const fs = el('fieldset', { class: 'facet', dataset: { facetGroup: facet } },
      el('legend', { id: legendId }, facetName(facet)));
    if (range) {
      fs.appendChild(el('p', { class: 'facet-range' },
        el('span', null, t('yearRange', { range })), ' ',
        el('button', { type: 'button', class: 'link-button', id: 'clear-year-range', 'aria-label': t('removeRangeAria', { range }) }, t('remove'))));
    }
    if (!values.length) { box.appendChild(fs); continue; }
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

// The facet filters the last answer read in the query (interpretation.filters).
function queryFilters(facet) {
  const f = lastData && lastData.interpretation && lastData.interpretation.filters;
  return f && Array.isArray(f[facet]) ? f[facet].map(String) : [];
}

// The query without its "facet:value" words for `value` (any case).
function withoutQueryFilter(q, facet, value) {
  const want = (facet + ':' + value).toLowerCase();
  return String(q || '').split(/\s+/).filter((w) => w && w.toLowerCase() !== want).join(' ');
}

function onFacetChange(ev) {
  const input = ev.target;
  if (!input || !input.dataset || !input.dataset.facet) return;
  const facet = input.dataset.facet;
  const value = input.value;
  const fromQuery = queryFilters(facet).some((q) => q.toLowerCase() === value.toLowerCase());
  page.navigate(withChange((s) => {
    s.page = 1;
    if (!input.checked && fromQuery) {
      for (const q of queryFilters(facet))
        if (q.toLowerCase() === value.toLowerCase()) s.q = withoutQueryFilter(s.q, facet, q);
    }
    const list = (s.filters[facet] = s.filters[facet] || []);
    const i = list.indexOf(value);
    if (input.checked && i < 0) list.push(value);
    if (!input.checked && i >= 0) list.splice(i, 1);
    if (!list.length) delete s.filters[facet];
  }));
}

// ---- wiring -------------------------------------------------------------

function wire() {
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = $('q').value.trim();
    // Searching again for the same words asks the server again.
    page.navigate(withChange((s) => { setQuery(s, q); }), { force: true });
  });
  $('sort').addEventListener('change', () => {
    page.navigate(withChange((s) => { s.sort = $('sort').value === 'date' ? 'date' : 'relevance'; s.page = 1; }));
  });
  $('facets').addEventListener('change', onFacetChange);
  $('export-csv').addEventListener('click', exportCsv);
  $('facets').addEventListener('click', (ev) => {
    if (ev.target.closest('#clear-year-range')) {
      page.navigate(withChange((s) => { s.year_from = s.year_to = ''; s.page = 1; }));
      return;
    }
    const b = ev.target.closest('button.facet-more');
    if (!b) return;
    const f = b.dataset.facetMore;
    if (expanded.has(f)) expanded.delete(f); else expanded.add(f);
    renderFacets(lastData ? lastData.facets || {} : null, page.state, lastData ? lastData.facet_order : null);
  });
  $('clear-filters').addEventListener('click', () => {
    page.navigate(withChange((s) => {
      for (const k of Object.keys(s.filters)) if (isFacet(k)) delete s.filters[k];
      s.year_from = s.year_to = '';
      s.page = 1;
    }));
    $('q').focus();
  });
  $('filters-toggle').addEventListener('click', () => {
    const aside = $('filters-toggle').closest('.filters');
    const open = !aside.classList.contains('is-open');
    aside.classList.toggle('is-open', open);
    $('filters-toggle').setAttribute('aria-expanded', open ? 'true' : 'false');
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
}

page.start();
