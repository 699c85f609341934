// Defined terms side by side (/api/glossary): how each jurisdiction's law
// defines one term ("family member", "domestic violence" …), a column per
// jurisdiction that has such a definition, each provision in the UI language
// when that version exists, else its original (marked). State (the term, ui)
// in the URL; header, language switch, loading and errors: page.js.
import { t, getLang, valueLabel } from './i18n.js';
import { el, clear, apiGet, docLink, loadLabels, legalStatusBadge, provisionName } from './common.js';
import { createPage, field } from './page.js';

const $ = (id) => document.getElementById(id);

// The terms offered: thesaurus concepts the laws define.
const TERMS = ['family-definition', 'domestic-violence-definition', 'physical-violence', 'psychological-violence',
  'sexual-violence', 'economic-violence'];

const page = createPage({
  nav: 'glossary',
  fields: {
    concept: field.text('concept', TERMS[0], { clean: (v) => v.replace(/[^a-z0-9-]/gi, '') }),
  },
  box: 'gl-box', status: 'gl-status', error: 'gl-error',
  loadingKey: 'glossaryLoading',
  slowMs: 0,
  errorKey: 'errorGlossary',
  load: async (s, signal) => {
    // The labels even when the glossary answers an error: the term list is
    // drawn on the error page too, and must not fall back to ids in English.
    const [d] = await Promise.allSettled([apiGet('glossary', { concept: s.concept, ui: getLang() }, signal), loadLabels()]);
    if (d.status === 'rejected') throw d.reason;
    return d.value;
  },
  render,
  start: () => {
    $('gl-term').addEventListener('change', (e) => page.navigate({ ...page.state, concept: e.target.value }));
    $('gl-form').addEventListener('submit', (e) => e.preventDefault());
  },
});

function langNote(lang) {
  return el('span', { class: 'lang-note' }, lang === 'en' ? t('inEnglish') : t('inLang', { lang: valueLabel('lang', lang) }));
}

function card(p, ui) {
  const text = String(p.text || '').split(/\n+/).map((x) => x.trim()).filter(Boolean);
  const foreign = p.lang && p.lang !== getLang();
  const name = provisionName(p.label, p.heading);
  return el('article', { class: 'prov-card gl-card', dataset: { id: p.id } },
    el('h3', { class: 'gl-card-head' },
      el('a', { href: docLink(p.url, ui), lang: p.lang || null }, name || p.id), foreign ? [' ', langNote(p.lang)] : null),
    el('p', { class: 'gl-card-doc' }, el('span', { lang: p.lang || null }, p.title || p.document_id), ' ',
      legalStatusBadge ? legalStatusBadge(p.legal_status) : null),
    text.map((x) => el('p', { lang: p.lang || null }, x)));
}

function render({ state, data }) {
  document.title = t('glossaryTitle') + ' — ' + t('brand');
  const select = clear($('gl-term'));
  for (const id of TERMS) select.appendChild(el('option', { value: id, selected: id === state.concept }, valueLabel('topic', id)));
  const grid = clear($('gl-grid'));
  if (!data) return;
  const columns = Array.isArray(data.columns) ? data.columns : [];
  $('gl-status').textContent = columns.length
    ? t('glossaryCount', { n: columns.length, term: valueLabel('topic', state.concept) })
    : t('glossaryNone', { term: valueLabel('topic', state.concept) });
  for (const c of columns) {
    grid.appendChild(el('section', { class: 'gl-col', dataset: { jurisdiction: c.jurisdiction } },
      el('h2', { class: 'gl-colhead' }, valueLabel('jurisdiction', c.jurisdiction)),
      (c.provisions || []).map((p) => card(p, state.ui || null))));
  }
}

page.start();
