// The compare page: 2–4 jurisdictions side by side on a thesaurus topic, an
// Istanbul Convention article or free text (/api/compare), provisions lined
// up by concept, the practice under them, exports. All state in the URL.
import { t, getLang, valueLabel, formatNumber, formatDate, upperFirst } from './i18n.js';
import {
  el, clear, apiGet, loadTopics, conceptLabel, conceptLabelLang, snippetNodes, snippetText, docLink, absoluteUrl,
  loadLabels, loadFacets, legalStatusBadge, notHeldList, conceptsAutomaticBadge, conceptDefinition, istanbulTitle, facetName,
  legalStatusText, gapMarkOf, labelHeading, otherLanguagesText,
} from './common.js';
import { downloadCsv, downloadMarkdown, csvHeader, mdText, slug, today } from './export.js';
import { createPage, field, isPlainClick } from './page.js';

const $ = (id) => document.getElementById(id);
const MAX_J = 4;
const PER_VALUES = ['3', '5', '10', '20'];
const MODES = ['topic', 'ic', 'q'];
const DEFAULT = { jurisdictions: ['TJ', 'BA-BIH'], topic: 'protection-orders' };

let topics = null;          // {concepts, top, byId}
let facets = null;          // jurisdiction / lang / type facet values
let data = null;            // last /api/compare answer
let versions = new Map();   // document_id → [{id, lang, title}] (other versions)
let topicFocus = null;      // id of the topic button in the tab order

const page = createPage({
  nav: 'compare',
  fields: {
    jurisdictions: field.list('jurisdiction', { max: MAX_J }),
    topic: field.text('topic'),
    ic: field.text('ic', '', { clean: (v) => v.replace(/[^0-9a-z]/gi, '') }),
    q: field.text('q'),
    lang: field.list('lang'),
    type: field.list('type'),
    per: field.choice('per_jurisdiction', PER_VALUES, '5', { apiAlways: true }),
    // Repealed law is left out unless asked for.
    repealed: field.flag('include_repealed'),
    // The subject pane shown while no subject is chosen (page URL only).
    mode: {
      parse: (p) => p.get('mode') || '',
      write: (p, v, forApi, s) => { if (!forApi && !s.topic && !s.ic && !s.q && v !== 'topic') p.set('mode', v); },
    },
  },
  // One subject at a time: topic, else article, else words.
  normalize: (s) => {
    if (s.topic) { s.ic = ''; s.q = ''; s.mode = 'topic'; } else if (s.ic) { s.q = ''; s.mode = 'ic'; } else if (s.q) s.mode = 'q';
    if (!MODES.includes(s.mode)) s.mode = 'topic';
    return s;
  },
  // Concept labels in the answer follow ?ui=.
  reloadOnLang: true,
  box: 'compare', status: 'cmp-status', error: 'cmp-error',
  loadingKey: 'cmp_loading',
  errorKey: 'errorCompare',
  load: async (s, signal) => {
    if (!ready(s)) return null;
    const [d] = await Promise.all([apiGet('compare', page.apiParams(s), signal), loadLabels()]);
    return d;
  },
  form: renderForm,
  render: renderResults,
  start,
});

const ready = (s) => s.jurisdictions.length >= 2 && !!(s.topic || s.ic || s.q);

// ---- the form ---------------------------------------------------------------

function jurisdictionValues() {
  const vals = facets && facets.jurisdiction ? facets.jurisdiction.map((v) => String(v.value)) : [];
  for (const j of page.state.jurisdictions) if (!vals.includes(j)) vals.push(j);
  return vals;
}

function renderPickers() {
  const box = clear($('pickers'));
  const vals = jurisdictionValues();
  const counts = new Map((facets && facets.jurisdiction ? facets.jurisdiction : []).map((v) => [String(v.value), v.count]));
  for (let i = 0; i < MAX_J; i++) {
    const id = 'pick-' + i;
    const sel = el('select', { id, name: 'jurisdiction', dataset: { col: String(i) } });
    if (i >= 2) sel.appendChild(el('option', { value: '' }, t('cmp_noneOption')));
    for (const v of vals) {
      const n = counts.get(v);
      sel.appendChild(el('option', { value: v }, valueLabel('jurisdiction', v) + (n ? ` (${formatNumber(n)})` : '')));
    }
    sel.value = page.state.jurisdictions[i] || (i < 2 ? '' : '');
    if (i < 2 && !page.state.jurisdictions[i]) sel.selectedIndex = -1;
    box.appendChild(el('div', { class: 'picker' }, el('label', { for: id, class: 'field-label' }, t('cmp_column', { n: i + 1 })), sel));
  }
}

function readPickers() {
  const out = [];
  for (const sel of $('pickers').querySelectorAll('select')) if (sel.value && !out.includes(sel.value)) out.push(sel.value);
  return out;
}

function renderModes() {
  for (const m of ['topic', 'ic', 'q']) {
    $('mode-' + m).checked = page.state.mode === m;
    $('pane-' + m).hidden = page.state.mode !== m;
  }
  $('cq').value = page.state.q;
}

function renderIcOptions() {
  const sel = clear($('ic'));
  if (!topics) return;
  const arts = new Map();
  for (const c of topics.concepts) {
    for (const a of c.istanbul || []) {
      if (!arts.has(a)) arts.set(a, []);
      arts.get(a).push(conceptLabel(c));
    }
  }
  const keys = [...arts.keys()].sort((a, b) => (parseInt(a, 10) - parseInt(b, 10)) || String(a).localeCompare(String(b)));
  sel.appendChild(el('option', { value: '' }, '—'));
  for (const a of keys) {
    // The article's own title (/api/labels kind istanbul), else its concepts.
    let labels = istanbulTitle(a) || [...new Set(arts.get(a))].join('; ');
    if (labels.length > 70) labels = labels.slice(0, 68).replace(/[;,\s]+\S*$/, '') + '…';
    sel.appendChild(el('option', { value: a }, t('icOption', { n: a, labels })));
  }
  sel.value = page.state.ic;
}

// The thesaurus as a tree of buttons (arrow keys move, one tab stop), or a
// flat list of matches while the filter box has text.
function renderTopicTree() {
  const box = clear($('topic-tree'));
  box.setAttribute('aria-label', t('topicTree'));
  if (!topics) return;
  const filter = $('topic-filter').value.trim().toLocaleLowerCase();
  const lang = getLang();
  const button = (c, extra) => {
    const pressed = c.id === page.state.topic;
    return el('button', {
      type: 'button', class: 'topic-btn' + (c.count ? '' : ' is-empty'), dataset: { topic: c.id },
      'aria-pressed': pressed ? 'true' : 'false', tabindex: '-1',
    }, el('span', { class: 'topic-name', lang: conceptLabelLang(c, lang) }, upperFirst(conceptLabel(c, lang))),
    extra || null,
    el('span', { class: 'topic-count' }, formatNumber(c.count || 0)));
  };
  if (filter) {
    const hay = (c) => {
      const parts = [c.id];
      for (const l of Object.values(c.labels || {})) { parts.push(l.pref || ''); parts.push(...(l.alt || [])); }
      return parts.join('\n').toLocaleLowerCase();
    };
    const hits = topics.concepts.filter((c) => hay(c).includes(filter)).slice(0, 60);
    if (!hits.length) { box.appendChild(el('p', { class: 'facet-none' }, t('noTopicMatch'))); return; }
    const ul = el('ul', { class: 'topic-list flat' });
    for (const c of hits) {
      const parent = (c.broader || []).map((b) => topics.byId.get(b)).filter(Boolean)[0];
      ul.appendChild(el('li', null, button(c, parent ? el('span', { class: 'topic-parent' }, upperFirst(conceptLabel(parent, lang))) : null)));
    }
    box.appendChild(ul);
  } else {
    const build = (ids, seen) => {
      const ul = el('ul', { class: 'topic-list' });
      for (const id of ids) {
        const c = topics.byId.get(id);
        if (!c || seen.has(id)) continue;
        const li = el('li', null, button(c));
        const kids = (c.narrower || []).filter((k) => topics.byId.has(k));
        if (kids.length && seen.size < 6) li.appendChild(build(kids, new Set([...seen, id])));
        ul.appendChild(li);
      }
      return ul;
    };
    box.appendChild(build(topics.top.length ? topics.top : topics.concepts.filter((c) => !(c.broader || []).length).map((c) => c.id), new Set()));
  }
  // One tab stop: the chosen topic, else the first.
  const buttons = [...box.querySelectorAll('.topic-btn')];
  const current = buttons.find((b) => b.dataset.topic === topicFocus) || buttons.find((b) => b.getAttribute('aria-pressed') === 'true') || buttons[0];
  if (current) current.tabIndex = 0;
  // Bring the chosen topic into the tree's view (not the page's).
  const pressed = buttons.find((b) => b.getAttribute('aria-pressed') === 'true');
  if (pressed && !filter) box.scrollTop = Math.max(0, pressed.offsetTop - 48);
}

function onTreeKey(ev) {
  const b = ev.target.closest('.topic-btn');
  if (!b) return;
  const buttons = [...$('topic-tree').querySelectorAll('.topic-btn')];
  let i = buttons.indexOf(b);
  if (ev.key === 'ArrowDown') i = Math.min(buttons.length - 1, i + 1);
  else if (ev.key === 'ArrowUp') i = Math.max(0, i - 1);
  else if (ev.key === 'Home') i = 0;
  else if (ev.key === 'End') i = buttons.length - 1;
  else if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') return;
  else return;
  ev.preventDefault();
  if (i === 0 && ev.key === 'ArrowUp' && buttons[0] === b) { $('topic-filter').focus(); return; }
  for (const x of buttons) x.tabIndex = -1;
  buttons[i].tabIndex = 0;
  buttons[i].focus();
  topicFocus = buttons[i].dataset.topic;
}

function renderFilterFacets() {
  let active = 0;
  for (const f of ['lang', 'type']) {
    const legend = document.querySelector(`[data-facet-group="${f}"] legend`);
    if (legend) legend.textContent = facetName(f);
    const ul = clear($('f-' + f));
    const values = facets && facets[f] ? facets[f].map((v) => ({ value: String(v.value), count: v.count })) : [];
    for (const s of page.state[f]) if (!values.some((v) => v.value === s)) values.push({ value: s, count: 0 });
    values.forEach((v, i) => {
      const id = `cf-${f}-${i}`;
      const checked = page.state[f].includes(v.value);
      if (checked) active++;
      ul.appendChild(el('li', null, el('label', { for: id, class: 'chip' },
        el('input', { type: 'checkbox', id, name: f, value: v.value, checked: checked || null, dataset: { facet: f } }),
        el('span', { class: 'facet-name' }, valueLabel(f, v.value)),
        el('span', { class: 'facet-count' }, formatNumber(v.count)))));
    });
  }
  const badge = $('cmp-filters-count');
  badge.hidden = active === 0;
  badge.textContent = active ? formatNumber(active) : '';
  $('per').value = page.state.per;
  $('include-repealed').checked = !!page.state.repealed;
}

function renderForm() {
  renderPickers();
  renderModes();
  renderIcOptions();
  renderTopicTree();
  renderFilterFacets();
}

// ---- results ----------------------------------------------------------------

function subjectLabel(d) {
  if (d.topic) return upperFirst(conceptLabel(d.topic));
  if (d.ic) {
    const title = istanbulTitle(d.ic);
    return title ? t('ic_articleTitle', { n: d.ic, title }) : t('ic_article', { n: d.ic });
  }
  if (d.query) return t('cmp_query', { q: d.query });
  return '';
}

// Hits of a column with translations of the same provision folded into the
// first (best-ranked) one: {hit, langs: [{id, lang, title, url}]}.
function fold(hits) {
  const out = [];
  const seen = new Map(); // "docId#unit" → entry
  for (const h of hits || []) {
    const key = h.document_id + '#' + (h.unit_id || '');
    if (seen.has(key)) continue;
    // Newer servers list a card's versions on the hit ({lang, id, url}),
    // older ones per document in the answer's `versions`.
    const own = Array.isArray(h.versions) && h.versions.length ? h.versions : versions.get(h.document_id) || [];
    const others = own.filter((v) => v && v.id && v.id !== h.document_id && v.id !== h.id);
    const entry = {
      hit: h,
      langs: others.map((v) => ({
        id: v.id, lang: v.lang, title: v.title || '',
        url: v.url || '/document.html?id=' + encodeURIComponent(v.id) + (h.unit_id ? '#' + encodeURIComponent(h.unit_id) : ''),
      })),
    };
    seen.set(key, entry);
    for (const v of others) seen.set(v.id + '#' + (h.unit_id || ''), entry);
    out.push(entry);
  }
  return out;
}

// Rows: one per concept of the answer (in its order), then "other".
function buildRows(d) {
  const concepts = (d.concepts || []).map((c) => ({ id: c.id, label: knownTopic(c.id) || upperFirst(c.label || '') || c.id }));
  const ids = concepts.map((c) => c.id);
  const rows = concepts.map((c) => ({ key: c.id, label: c.label, cells: [] }));
  const other = { key: '', label: ids.length ? t('cmp_otherRow') : t('cmp_allRow'), cells: [] };
  (d.columns || []).forEach((col, ci) => {
    for (const r of rows) r.cells[ci] = [];
    other.cells[ci] = [];
    for (const entry of fold(col.provisions)) {
      const mc = hitConcepts(entry.hit);
      const fits = ids.filter((id) => mc.includes(id));
      if (!fits.length) { other.cells[ci].push(entry); continue; }
      // Shown in full in the first row it fits; the other rows it fits point
      // to it, so that no row says "nothing" of a column that has it.
      const first = rows[ids.indexOf(fits[0])];
      first.cells[ci].push(entry);
      for (const id of fits.slice(1)) rows[ids.indexOf(id)].cells[ci].push({ ...entry, shownUnder: first.label });
    }
  });
  const kept = rows.filter((r) => r.cells.some((c) => c.length));
  // Keep every concept row when none has hits, so gaps still show per concept.
  const out = kept.length ? kept : rows.slice(0, 1);
  if (other.cells.some((c) => c.length) || !out.length) out.push(other);
  return out;
}

// The concepts a hit is about (newer servers: `concepts`), else those it matched.
function hitConcepts(h) {
  const about = Array.isArray(h.concepts) ? h.concepts : [];
  const matched = Array.isArray(h.matched_concepts) ? h.matched_concepts : [];
  return [...about, ...matched];
}

// A topic's label in the UI language (/api/labels, thesaurus, i18n).
function knownTopic(id) {
  const c = topics && topics.byId.get(id);
  return c ? upperFirst(conceptLabel(c)) : valueLabel('topic', id);
}

// The language a card is shown in, and its original language.
const shownLang = (h) => h.shown_lang || h.lang || '';

function citeLine(h, withJurisdiction) {
  const bits = [];
  if (withJurisdiction && h.jurisdiction) bits.push(valueLabel('jurisdiction', h.jurisdiction));
  if (h.type) bits.push(valueLabel('type', h.type));
  if (h.date || h.year) bits.push(h.date ? formatDate(h.date) : String(h.year));
  const p = el('p', { class: 'cite' });
  bits.forEach((b, i) => {
    if (i) p.appendChild(el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
    p.appendChild(el('span', null, b));
  });
  if (shownLang(h)) p.appendChild(el('span', { class: 'lang-badge' }, valueLabel('lang', shownLang(h))));
  const badge = legalStatusBadge(h.legal_status);
  if (badge) p.appendChild(badge);
  if (h.relevance === 'mentions') p.appendChild(el('span', { class: 'relevance-badge' }, t('rel_mentions')));
  const automatic = conceptsAutomaticBadge(h);
  if (automatic) p.appendChild(automatic);
  return p;
}

// "Original: Tajik" on a card whose text is not in the UI language.
function langNote(h) {
  const shown = shownLang(h);
  if (!shown || shown === getLang()) return null;
  const name = valueLabel('lang', shown);
  const key = h.original_lang ? (h.original_lang === shown ? 'cardOriginal' : 'cardTranslation') : 'cardLang';
  return el('p', { class: 'lang-note card-lang-note', dataset: { shownLang: shown } }, t(key, { lang: name }));
}

function card(entry, kind) {
  const h = entry.hit;
  // The heading without the label it starts with ("Статья 22. Цель …").
  const { label, heading } = labelHeading(h.label, h.heading);
  const lang = shownLang(h) || null;
  const cls = 'prov-card' + (kind === 'practice' ? ' is-practice' : '') + (h.relevance === 'mentions' ? ' is-mention' : '')
    + (lang && lang !== getLang() ? ' is-other-lang' : '');
  const art = el('article', { class: cls, dataset: { id: h.id || '', kind, shownLang: lang || '', legalStatus: (h.legal_status && h.legal_status.state) || '' } },
    citeLine(h, false),
    langNote(h),
    el('h5', { class: 'prov-title', lang },
      el('a', { href: docLink(h.url || '/document.html?id=' + encodeURIComponent(h.document_id)) },
        label ? el('span', { class: 'prov-label' }, label) : null,
        label ? ' ' : null,
        el('span', { class: 'prov-heading' }, heading || (label ? '' : h.title || h.document_id)))),
    el('p', { class: 'prov-doc', lang }, h.title || ''),
    h.snippet ? el('p', { class: 'snippet', lang }, snippetNodes(h.snippet)) : null);
  if (entry.langs.length) {
    const p = el('p', { class: 'prov-langs' }, el('span', { class: 'prov-langs-label' }, t('cmp_otherLangs')), ' ');
    entry.langs.forEach((v, i) => {
      if (i) p.appendChild(document.createTextNode(' '));
      p.appendChild(el('a', { href: docLink(v.url), hreflang: v.lang || null, class: 'lang-pill', title: v.title || null, dataset: { versionId: v.id } }, valueLabel('lang', v.lang)));
    });
    art.appendChild(p);
  }
  return art;
}

// Compared by words no text of the collection matches: the spelling compared
// instead, or that nothing matches (then an empty column is no gap) — '' when neither.
function wordsNote(d) {
  if (!d || !d.query) return '';
  if (typeof d.corrected === 'string' && d.corrected) return t('cmp_corrected', { typed: d.query, searched: d.corrected });
  if (d.matched_anywhere === false) return t('cmp_nothingMatches', { typed: d.query });
  return '';
}
// Whether an empty column is a finding (a gap) rather than words that match nothing anywhere.
const gapsMean = (d) => !d || d.matched_anywhere !== false;

// What an empty column rests on (docs/corpus-format.md, "Extent"): the law
// held in full is silent, or none of the selected provisions held is about it,
// or the law covers it in parts not held. A server that does not say
// (no gap_kind) is read as the second: silence is claimed only when known.
const notHeldOf = (col) => (col.gap_kind === 'not-held' && Array.isArray(col.not_held) ? col.not_held : []);
function gapExplanation(col) {
  const j = valueLabel('jurisdiction', col.jurisdiction);
  const acts = notHeldOf(col);
  if (acts.length) return t('gap_notHeld', { j, acts: acts.map((w) => w.title).join('; ') });
  if (col.gap_kind === 'silent') return t('gap_silent', { j });
  if (col.gap_kind === 'stated') return t('gap_stated', { j });
  return t('gap_notFound', { j });
}

function gapMark(col) {
  const acts = notHeldOf(col);
  return el('div', { class: 'gap-mark', dataset: { gap: '1', gapKind: col.gap_kind || 'not-found' } },
    el('p', { class: 'gap-title' }, el('span', { class: 'gap-icon', 'aria-hidden': 'true' }, gapMarkOf(acts.length ? 'not-held' : col.gap_kind)), ' ', t('cmp_gapTitle')),
    el('p', { class: 'gap-hint' }, acts.length ? t('gap_notHeldIn', { j: valueLabel('jurisdiction', col.jurisdiction) }) : gapExplanation(col)),
    acts.length ? notHeldList(acts, page.state.ui || null, 'gap-acts') : null);
}

// A provision shown in full in an earlier row: a line that names it and that row.
function shownAbove(entry) {
  const h = entry.hit;
  return el('p', { class: 'shown-above', dataset: { id: h.id || '' } },
    el('span', { class: 'shown-above-label' }, t('cmp_shownAbove', { row: entry.shownUnder })), ' ',
    el('a', { href: docLink(h.url || '/document.html?id=' + encodeURIComponent(h.document_id)), lang: shownLang(h) || null },
      h.heading || h.title || h.document_id));
}

// "3 shown · show all": the column lists the best `per_jurisdiction` texts.
function shownOf(col) {
  const total = Number(col.total) || 0;
  const more = PER_VALUES.map(Number).filter((v) => v >= total)[0] || Math.max(...PER_VALUES.map(Number));
  const next = { ...structuredClone(page.state), per: String(more) };
  const link = el('a', { href: page.href(next), class: 'colhead-more', dataset: { per: String(more) } }, t('cmp_showAll'));
  link.addEventListener('click', (ev) => { if (isPlainClick(ev)) { ev.preventDefault(); go(next); } });
  return el('span', { class: 'colhead-shown' }, ' (', t('cmp_shown', { n: fold(col.provisions).length }), ' · ', link, ')');
}

function cell(col, entries, kind, rowKey = '') {
  const c = el('div', { class: 'cmp-cell', dataset: { jurisdiction: col.jurisdiction } },
    el('h4', { class: 'cell-j' }, valueLabel('jurisdiction', col.jurisdiction)));
  // A gap column says so first; texts that only mention the topic follow.
  const about = entries.filter((e) => e.hit.relevance !== 'mentions');
  if (kind !== 'practice' && col.gap && gapsMean(data) && !about.length) {
    c.appendChild(gapMark(col));
    for (const e of entries) c.appendChild(e.shownUnder ? shownAbove(e) : card(e, kind));
  } else if (entries.length) for (const e of entries) c.appendChild(e.shownUnder ? shownAbove(e) : card(e, kind));
  else if (kind === 'practice') c.appendChild(el('p', { class: 'none-mark' }, t('cmp_noPractice')));
  else if (rowKey && Array.isArray(col.not_held_concepts) && col.not_held_concepts.includes(rowKey) && notHeldOf({ ...col, gap_kind: 'not-held' }).length) {
    // Not silence: the law regulates this concept in parts Himoya does not hold (as the fact table says).
    c.appendChild(el('div', { class: 'none-mark not-held-mark', dataset: { notHeld: rowKey } },
      el('p', null, el('span', { 'aria-hidden': 'true' }, gapMarkOf('not-held') + ' '), t('gap_notHeldIn', { j: valueLabel('jurisdiction', col.jurisdiction) })),
      notHeldList(notHeldOf({ ...col, gap_kind: 'not-held' }), page.state.ui || null, 'gap-acts')));
  } else c.appendChild(el('p', { class: 'none-mark' }, el('span', { 'aria-hidden': 'true' }, '— '), t('cmp_noneForConcept')));
  return c;
}

function renderResults({ data: answer }) {
  data = answer;
  // The other language versions of every document shown come with the
  // answer: offered one click away, and used to fold translations.
  versions = new Map(Object.entries((data && data.versions) || {}));
  const grid = clear($('cmp-grid'));
  const status = $('cmp-status');
  status.textContent = '';
  $('cmp-words-note').hidden = true;
  $('cmp-head').hidden = true;
  document.title = t('compareTitle') + ' — ' + t('brand');
  if (page.error) return;
  if (!data) {
    status.textContent = page.state.jurisdictions.length < 2 ? t('cmp_pickTwo') : t('cmp_pickTopic');
    return;
  }
  const d = data;
  const cols = d.columns || [];
  const subject = subjectLabel(d);
  document.title = subject + ' — ' + t('compareTitle') + ' — ' + t('brand');
  status.textContent = t('cmp_summary', { topic: subject, n: formatNumber(cols.length) });
  const note = $('cmp-words-note');
  note.textContent = wordsNote(d);
  note.hidden = !note.textContent;

  // Heading, definition, links to the article / fact table.
  $('cmp-head').hidden = false;
  const title = $('cmp-title');
  title.textContent = subject;
  if (d.topic) title.setAttribute('lang', conceptLabelLang(d.topic)); else title.removeAttribute('lang');
  const def = clear($('cmp-def'));
  // The definition in the UI language; where only another exists, that one
  // marked "(in English)".
  const topicConcept = d.topic && topics ? topics.byId.get(d.topic.id) : null;
  const defn = conceptDefinition((d.topic && d.topic.definition) || (topicConcept && topicConcept.definition));
  def.removeAttribute('lang');
  if (defn && defn.foreign) {
    def.append(el('span', { lang: defn.lang, class: 'foreign-text' }, defn.text), ' ',
      el('span', { class: 'lang-note' }, defn.lang === 'en' ? t('inEnglish') : t('inLang', { lang: valueLabel('lang', defn.lang) })));
  } else if (defn) def.textContent = defn.text;
  def.hidden = !def.textContent;
  const links = clear($('cmp-links'));
  const ic = d.topic && Array.isArray(d.topic.istanbul) ? d.topic.istanbul : (d.ic ? [d.ic] : []);
  if (ic.length) {
    links.appendChild(el('span', { class: 'cmp-ic-label' }, t('cmp_istanbul') + ': '));
    ic.forEach((a, i) => {
      if (i) links.appendChild(document.createTextNode(', '));
      const next = { ...structuredClone(page.state), topic: '', q: '', ic: a, mode: 'ic' };
      const link = el('a', { href: page.href(next), dataset: { ic: a } }, t('mx_row_ic', { n: a }));
      link.addEventListener('click', (ev) => { if (isPlainClick(ev)) { ev.preventDefault(); go(next); } });
      links.appendChild(link);
    });
  }
  const facts = topics && (d.topic ? [d.topic.id, ...(d.topic.broader || [])] : (d.concepts || []).map((c) => c.id));
  if (facts && facts.some((id) => /protection-order/.test(id))) {
    if (links.firstChild) links.appendChild(el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
    const p = new URLSearchParams({ topic: 'protection-orders' });
    if (page.state.ui) p.set('ui', page.state.ui);
    links.appendChild(el('a', { href: 'facts.html?' + p.toString(), id: 'facts-link' }, t('cmp_seeFacts')));
  }

  // Column heads (sticky), then a row per concept, then practice.
  grid.className = 'cmp-grid cols-' + cols.length;
  const headRow = el('div', { class: 'cmp-cols', role: 'presentation' });
  // Newer servers count texts (about the topic), older ones provisions.
  const countsTexts = cols.some((c) => c.mentions_total !== undefined || c.repealed_excluded !== undefined);
  for (const col of cols) {
    const mentions = Number(col.mentions_total) || 0;
    const excluded = Number(col.repealed_excluded) || 0;
    headRow.appendChild(el('div', { class: 'cmp-colhead' + (col.gap && gapsMean(d) ? ' is-gap' : ''), dataset: { jurisdiction: col.jurisdiction } },
      el('h3', { class: 'colhead-name' }, valueLabel('jurisdiction', col.jurisdiction)),
      el('p', { class: 'colhead-counts' },
        el('span', { class: 'colhead-total' }, t(countsTexts ? 'cmp_texts' : 'cmp_provisions', { n: Number(col.total) || 0 })),
        // Fewer cards than texts: say so, and offer them all.
        fold(col.provisions).length < (Number(col.total) || 0) ? shownOf(col) : null,
        el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
        el('span', null, t('cmp_practiceCount', { n: Number(col.practice_total) || 0 }))),
      mentions ? el('p', { class: 'colhead-mentions', dataset: { mentions: String(mentions) } }, t('cmp_mentions', { n: mentions })) : null,
      // Which texts only mention it: a gap is for the reader to judge.
      Array.isArray(col.mentioned) && col.mentioned.length
        ? el('ul', { class: 'colhead-mentioned' }, ...col.mentioned.map((m) => el('li', null,
          el('a', { href: docLink(m.url || '/document.html?id=' + encodeURIComponent(m.document_id)), lang: m.lang || null }, [m.title, m.label].filter(Boolean).join(' — ')))))
        : null,
      excluded ? el('p', { class: 'colhead-repealed', dataset: { repealedExcluded: String(excluded) } }, t('repealedExcluded', { n: excluded })) : null,
      // How much of the law the column rests on: a short column of a law held
      // in part is no measure of the law.
      col.holdings && Number(col.holdings.in_part) > 0
        ? el('p', { class: 'colhead-held', dataset: { inPart: String(col.holdings.in_part), works: String(col.holdings.works) } },
          t('cmp_heldInPart', { n: Number(col.holdings.in_part), m: Number(col.holdings.works) }))
        : null));
  }
  grid.appendChild(headRow);

  const rows = buildRows(d);
  for (const r of rows) {
    const concept = r.key && topics ? topics.byId.get(r.key) : null;
    const label = r.key ? knownTopic(r.key) || r.label : r.label;
    const section = el('section', { class: 'cmp-row', dataset: { concept: r.key || '_other' }, 'aria-label': r.key ? t('cmp_rowAria', { label }) : label },
      el('h3', { class: 'cmp-row-head' }, el('span', { class: 'row-label', lang: concept ? conceptLabelLang(concept) : null }, label)));
    const cells = el('div', { class: 'cmp-cells' });
    cols.forEach((col, ci) => cells.appendChild(cell(col, r.cells[ci] || [], 'provision', r.key)));
    section.appendChild(cells);
    grid.appendChild(section);
  }
  if (cols.some((c) => (c.practice || []).length)) {
    const section = el('section', { class: 'cmp-row cmp-practice', dataset: { concept: '_practice' } },
      el('h3', { class: 'cmp-row-head' }, t('cmp_practiceRow')));
    const cells = el('div', { class: 'cmp-cells' });
    for (const col of cols) cells.appendChild(cell(col, fold(col.practice), 'practice'));
    section.appendChild(cells);
    grid.appendChild(section);
  }
}

// ---- exports ----------------------------------------------------------------

function exportRows() {
  // Headers and value labels in the UI language; texts as shown.
  const rows = [csvHeader(['jurisdiction', 'concept', 'kind', 'rank', 'title', 'label', 'heading', 'language', 'type', 'legal_status', 'date', 'url', 'other_languages', 'snippet'])];
  if (!data) return rows;
  if (wordsNote(data)) rows.push(['', '', '', '', '', '', '', '', '', '', '', '', '', wordsNote(data)]);
  const line = (j, concept, kind, i, e) => {
    const h = e.hit;
    const { label, heading } = labelHeading(h.label, h.heading);
    return [valueLabel('jurisdiction', j), concept, t('kind_' + kind), i + 1, h.title, label, heading, valueLabel('lang', shownLang(h)),
      valueLabel('type', h.type), legalStatusText(h.legal_status), h.date || (h.year ? String(h.year) : ''),
      absoluteUrl(h.url), otherLanguagesText(e.langs), snippetText(h.snippet)];
  };
  for (const col of data.columns || []) {
    const j = col.jurisdiction;
    const provs = fold(col.provisions);
    if ((!provs.length || col.gap) && gapsMean(data)) rows.push([valueLabel('jurisdiction', j), '', t('kind_gap'), '', '', '', '', '', '', '', '', '', '', t('cmp_gapTitle') + '. ' + gapExplanation(col)]);
    const ids = (data.concepts || []).map((c) => c.id);
    provs.forEach((e, i) => {
      const c = ids.find((id) => hitConcepts(e.hit).includes(id));
      rows.push(line(j, c ? knownTopic(c) : '', 'provision', i, e));
    });
    fold(col.practice).forEach((e, i) => rows.push(line(j, '', 'practice', i, e)));
  }
  return rows;
}

function exportName(ext) {
  const subject = data ? (data.topic ? data.topic.id : data.ic ? 'article-' + data.ic : slug(data.query)) : 'compare';
  return `himoya-compare-${slug(subject)}-${(page.state.jurisdictions || []).map(slug).join('-')}-${today()}.${ext}`;
}

function briefCitation(h) {
  const parts = [`**${mdText(h.title || h.document_id)}**`];
  const label = h.label || h.heading;
  if (label) parts.push(mdText(label));
  if (h.date || h.year) parts.push(h.date ? formatDate(h.date) : String(h.year));
  let line = parts.join(', ');
  if (shownLang(h)) line += ` [${mdText(valueLabel('lang', shownLang(h)))}]`;
  if (h.legal_status && h.legal_status.state) line += ` (${mdText(legalStatusBadge(h.legal_status).textContent)})`;
  if (h.concepts_by === 'automatic') line += ` (${mdText(t('conceptsAutomatic'))})`;
  return line;
}

function briefMarkdown() {
  const d = data;
  const subject = subjectLabel(d);
  const out = [];
  out.push(`# ${mdText(t('brief_title', { topic: subject }))}`, '');
  out.push(`${t('cmp_jurisdictions')}: ${(d.columns || []).map((c) => mdText(valueLabel('jurisdiction', c.jurisdiction))).join(' · ')}  `);
  const ic = d.topic && d.topic.istanbul && d.topic.istanbul.length ? d.topic.istanbul : (d.ic ? [d.ic] : []);
  if (ic.length) out.push(`${t('cmp_istanbul')}: ${ic.map((a) => t('mx_row_ic', { n: a })).join(', ')}  `);
  out.push(`${t('brief_prepared', { date: formatDate(today()) })} ${t('brief_open')}: <${absoluteUrl(page.href(page.state))}>`, '');
  if (wordsNote(d)) out.push(`**${mdText(wordsNote(d))}**`, '');
  const defn = conceptDefinition(d.topic && d.topic.definition);
  if (defn) out.push(`> **${t('brief_definition')}:** ${mdText(defn.text)}${defn.foreign ? ' ' + mdText(defn.lang === 'en' ? t('inEnglish') : t('inLang', { lang: valueLabel('lang', defn.lang) })) : ''}`, '');
  for (const col of d.columns || []) {
    out.push(`## ${mdText(valueLabel('jurisdiction', col.jurisdiction))}`, '');
    const provs = fold(col.provisions);
    if ((!provs.length || col.gap) && gapsMean(d)) out.push(`_${t('cmp_gapTitle')}._ ${mdText(gapExplanation(col))}`, '');
    if (col.holdings && Number(col.holdings.in_part) > 0) out.push(`_${mdText(t('cmp_heldInPart', { n: Number(col.holdings.in_part), m: Number(col.holdings.works) }))}_`, '');
    if (Number(col.mentions_total) > 0) {
      out.push(`_${t('cmp_mentions', { n: Number(col.mentions_total) })}_`, '');
      const named = Array.isArray(col.mentioned) ? col.mentioned : [];
      for (const m of named) out.push(`- ${briefCitation(m)}. <${absoluteUrl(m.url)}>`);
      if (named.length) out.push('');
    }
    provs.forEach((e, i) => {
      const h = e.hit;
      out.push(`${i + 1}. ${briefCitation(h)}. <${absoluteUrl(h.url)}>`);
      const text = snippetText(h.snippet);
      if (text) out.push(`   > ${mdText(text)}`);
    });
    if (provs.length) out.push('');
    const prac = fold(col.practice);
    if (prac.length) {
      out.push(`### ${t('brief_practice')}`, '');
      for (const e of prac) out.push(`- ${briefCitation(e.hit)}. <${absoluteUrl(e.hit.url)}>`);
      out.push('');
    }
  }
  out.push('---', '', `_${t('brief_caveat')}_`, '');
  return out.join('\n');
}

function onExportCsv() {
  if (!data) { $('cmp-status').textContent = t('exportNothing'); return; }
  const name = exportName('csv');
  downloadCsv(name, exportRows());
  $('cmp-status').textContent = t('exportDone', { name });
}

function onExportBrief() {
  if (!data) { $('cmp-status').textContent = t('exportNothing'); return; }
  const name = exportName('md');
  downloadMarkdown(name, briefMarkdown());
  $('cmp-status').textContent = t('exportDone', { name });
}

// ---- wiring -----------------------------------------------------------------

const go = (next) => page.navigate(next);

function wire() {
  $('pickers').addEventListener('change', () => {
    const js = readPickers();
    go({ ...page.state, jurisdictions: js });
  });
  $('mode-switch').addEventListener('change', (ev) => {
    const m = ev.target.value;
    page.set({ ...page.state, mode: m });
    renderModes();
    const focusTarget = m === 'topic' ? $('topic-filter') : m === 'ic' ? $('ic') : $('cq');
    focusTarget.focus();
  });
  $('topic-filter').addEventListener('input', () => renderTopicTree());
  $('topic-filter').addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      const b = $('topic-tree').querySelector('.topic-btn');
      if (b) { ev.preventDefault(); for (const x of $('topic-tree').querySelectorAll('.topic-btn')) x.tabIndex = -1; b.tabIndex = 0; b.focus(); }
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      const b = $('topic-tree').querySelector('.topic-btn');
      if (b) b.click();
    }
  });
  $('topic-tree').addEventListener('keydown', onTreeKey);
  $('topic-tree').addEventListener('click', (ev) => {
    const b = ev.target.closest('.topic-btn');
    if (!b) return;
    topicFocus = b.dataset.topic;
    go({ ...page.state, topic: b.dataset.topic, ic: '', q: '', mode: 'topic' });
    const again = $('topic-tree').querySelector(`.topic-btn[data-topic="${CSS.escape(topicFocus)}"]`);
    if (again) again.focus({ preventScroll: true });
  });
  $('ic').addEventListener('change', () => {
    const v = $('ic').value;
    go({ ...page.state, ic: v, topic: '', q: '', mode: 'ic' });
  });
  $('compare-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = $('cq').value.trim();
    if (page.state.mode === 'q') go({ ...page.state, q, topic: '', ic: '', mode: 'q' });
    else page.reload();
  });
  $('compare-form').addEventListener('change', (ev) => {
    const input = ev.target;
    if (input.dataset && (input.dataset.facet === 'lang' || input.dataset.facet === 'type')) {
      const f = input.dataset.facet;
      const list = page.state[f].filter((v) => v !== input.value);
      if (input.checked) list.push(input.value);
      go({ ...page.state, [f]: list });
      const again = document.querySelector(`#f-${f} input[value="${CSS.escape(input.value)}"]`);
      if (again) again.focus({ preventScroll: true });
    } else if (input.id === 'include-repealed') {
      go({ ...page.state, repealed: input.checked });
      $('include-repealed').focus({ preventScroll: true });
    } else if (input.id === 'per') {
      go({ ...page.state, per: PER_VALUES.includes(input.value) ? input.value : '5' });
    }
  });
  $('export-csv').addEventListener('click', onExportCsv);
  $('export-brief').addEventListener('click', onExportBrief);
}

// Defaults when the URL names no comparison, the form wired; the topics and
// the pickers' values load beside the comparison (it does not wait for them).
function start() {
  const p = new URLSearchParams(location.search);
  if (![...p.keys()].some((k) => ['jurisdiction', 'topic', 'ic', 'q', 'mode'].includes(k))) {
    page.set({ ...page.state, jurisdictions: DEFAULT.jurisdictions.slice(), topic: DEFAULT.topic, mode: 'topic' });
  }
  renderModes();
  // Wide screens have room for the language/type filters beside the topic tree.
  if (window.matchMedia('(min-width: 1000px)').matches || page.state.lang.length || page.state.type.length) $('cmp-filters').open = true;
  wire();
  Promise.all([
    loadTopics().then((x) => { topics = x; }).catch(() => { topics = null; }),
    loadFacets().then((x) => { facets = x; }),
  ]).then(() => {
    renderForm();
    // Concept rows use thesaurus labels when they arrive after the answer.
    if (data && !page.loading) page.render();
  });
}

page.start();
