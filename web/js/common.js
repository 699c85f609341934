// Shared helpers of the pages: DOM building (text only), the API client,
// links that keep the UI language, labels. The page controller (state in the
// URL, header, language switch, loading and errors) is page.js.
import {
  t, hasLabel, getLang, UI_LANGS, registerLabel, knownLabel, valueLabel, formatDate,
} from './i18n.js';

// el('a', {href: '/x', class: 'y'}, 'text', otherNode): builds an element.
// Strings become text nodes; nothing is ever parsed as HTML.
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else if (v === true) node.setAttribute(k, '');
      else node.setAttribute(k, String(v));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else if (c instanceof Node) node.appendChild(c);
    else node.appendChild(document.createTextNode(String(c)));
  }
}

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

// The snippet from the API is HTML-escaped text with <mark> elements. It is
// never parsed as HTML: split at <mark>/</mark>, decode the entities of the
// text between, and build text nodes and <mark> elements. Anything else that
// looks like markup stays visible text, so a malformed snippet cannot inject
// elements, attributes or script.
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s) {
  return String(s).replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
    }
    const v = ENTITIES[e.toLowerCase()];
    return v === undefined ? m : v;
  });
}

// [{text, mark}] pieces of a snippet.
export function snippetPieces(html) {
  const out = [];
  let marked = false;
  for (const part of String(html || '').split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(part)) { marked = true; continue; }
    if (/^<\/mark>$/i.test(part)) { marked = false; continue; }
    if (part) out.push({ text: decodeEntities(part), mark: marked });
  }
  return out;
}

export function snippetNodes(html) {
  const out = document.createDocumentFragment();
  for (const p of snippetPieces(html)) {
    if (p.mark) { const m = document.createElement('mark'); m.textContent = p.text; out.appendChild(m); }
    else out.appendChild(document.createTextNode(p.text));
  }
  return out;
}

// The words marked in a snippet.
export function markedWords(html) {
  return [...new Set(snippetPieces(html).filter((p) => p.mark).map((p) => p.text.trim()).filter(Boolean))];
}

// Only http(s) links from data are made clickable.
export function safeHttpUrl(u) {
  try {
    const url = new URL(String(u), location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) { return null; }
}

export class ApiError extends Error {
  constructor(status, message, network = false) {
    super(message);
    this.status = status;
    this.network = network;
  }
}

// GET /api/PATH?params; params is a URLSearchParams or a plain object.
export async function apiGet(path, params, signal) {
  const qs = params ? new URLSearchParams(params).toString() : '';
  const url = '/api/' + path + (qs ? '?' + qs : '');
  let res;
  try {
    res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, t('errorNetwork'), true);
  }
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    // Refusals of the HTTP layer come before the request's ui= is read, so
    // their messages are English: the page says them in its own language.
    // A 400 or 404 is answered in the UI language (docs/api.md, "Errors");
    // a 500's text is the server's, for its log, not for the reader.
    const byStatus = { 408: 'errorTimeout', 413: 'errorTooLong', 414: 'errorTooLong', 431: 'errorTooLong', 503: 'errorBusy' };
    let msg;
    if (byStatus[res.status]) msg = t(byStatus[res.status]);
    else if (res.status < 500 && body && body.error && body.error.message) msg = String(body.error.message);
    else msg = t('errorServer', { code: res.status });
    throw new ApiError(res.status, msg);
  }
  if (body === null) throw new ApiError(res.status, t('errorServer', { code: res.status }));
  return body;
}

// The ?ui= value to keep in links, or null when the URL has none.
export function explicitUi() {
  const p = new URLSearchParams(location.search).get('ui');
  return UI_LANGS.includes(p) ? p : null;
}

// Fill [data-i18n] (text), [data-i18n-placeholder], [data-i18n-aria] and
// [data-i18n-title] elements.
export function applyLabels(root = document) {
  for (const n of root.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  for (const n of root.querySelectorAll('[data-i18n-placeholder]')) n.setAttribute('placeholder', t(n.dataset.i18nPlaceholder));
  for (const n of root.querySelectorAll('[data-i18n-aria]')) n.setAttribute('aria-label', t(n.dataset.i18nAria));
  for (const n of root.querySelectorAll('[data-i18n-title]')) n.setAttribute('title', t(n.dataset.i18nTitle));
}

// ---- links ----------------------------------------------------------------------

// A link within the site that keeps the interface language.
export function withUi(href, ui = explicitUi()) {
  if (!ui) return href;
  const url = new URL(href, location.href);
  url.searchParams.set('ui', ui);
  return url.pathname + url.search + url.hash;
}

// ---- thesaurus ---------------------------------------------------------------

let topicsPromise = null;

// GET /api/topics once per page: {concepts, top, byId: Map}.
export function loadTopics() {
  if (!topicsPromise) {
    topicsPromise = apiGet('topics').then((data) => {
      const concepts = Array.isArray(data.concepts) ? data.concepts : [];
      registerThesaurus(concepts);
      return { concepts, top: Array.isArray(data.top) ? data.top : [], byId: new Map(concepts.map((c) => [c.id, c])) };
    });
    topicsPromise.catch(() => { topicsPromise = null; });
  }
  return topicsPromise;
}

// The preferred label of a concept in the UI language (English, then id).
export function conceptLabel(concept, lang = getLang()) {
  if (!concept) return '';
  const labels = concept.labels || {};
  const l = labels[lang] || labels.en || {};
  return l.pref || (labels.en && labels.en.pref) || concept.id || '';
}

// The language of conceptLabel's answer, for a lang attribute.
export function conceptLabelLang(concept, lang = getLang()) {
  const labels = (concept && concept.labels) || {};
  return labels[lang] && labels[lang].pref ? lang : 'en';
}

// A link from the API (/document.html?id=…#unit) made absolute-path and
// carrying ?ui=.
export function docLink(url, ui = explicitUi()) {
  const u = new URL(url || '/', location.href);
  if (ui) u.searchParams.set('ui', ui);
  return u.pathname + u.search + u.hash;
}

// The acts a gap, a blank fact or an empty search rests on: law works the
// API names as covering the subject in parts not held ({document_id, title,
// lang}), a list of links to their documents (docs/corpus-format.md, "Extent").
export function notHeldList(works, ui, cls = null) {
  return el('ul', { class: cls }, ...works.map((w) => el('li', null,
    el('a', { href: docLink('/document.html?id=' + encodeURIComponent(w.document_id), ui), hreflang: w.lang || null }, w.title))));
}

// Absolute URL for exports and citations.
export function absoluteUrl(url) {
  try { return new URL(url, location.href).href; } catch (e) { return String(url || ''); }
}

// Plain text of a snippet (marks dropped, entities decoded).
export function snippetText(html) {
  return snippetPieces(html).map((p) => p.text).join('');
}

// Fetch a document once per page. The API answers its provisions a page at a
// time (provisions_page: offset, limit, total); the pages are joined here, at
// most 200 of them.
async function fetchDocument(id) {
  const path = 'documents/' + encodeURIComponent(id);
  const doc = await apiGet(path);
  const page = doc && doc.provisions_page;
  if (!page || !Array.isArray(doc.provisions)) return doc;
  for (let n = 0; doc.provisions.length < page.total && n < 200; n++) {
    const next = await apiGet(path, { offset: doc.provisions.length, limit: page.limit });
    if (!Array.isArray(next.provisions) || !next.provisions.length) break;
    doc.provisions.push(...next.provisions);
  }
  return doc;
}

const docCache = new Map();
export function loadDocument(id) {
  if (!docCache.has(id)) {
    const p = fetchDocument(id);
    p.catch(() => docCache.delete(id));
    docCache.set(id, p);
  }
  return docCache.get(id);
}

// ---- value labels ------------------------------------------------------------

function registerThesaurus(concepts) {
  for (const c of concepts) {
    for (const [lang, l] of Object.entries((c && c.labels) || {})) if (l && l.pref) registerLabel('topic', c.id, lang, l.pref);
  }
}

let labelsPromise = null;

// GET /api/labels once per page (all languages, so a language switch needs
// no new request). Every label goes into i18n's table that valueLabel reads.
// When the server has no /api/labels (or no topic labels), the thesaurus
// from /api/topics stands in for topic labels. Never rejects.
export function loadLabels() {
  if (!labelsPromise) {
    labelsPromise = apiGet('labels').then((data) => {
      const kinds = (data && data.labels) || {};
      const ui = data && UI_LANGS.includes(data.ui) ? data.ui : getLang();
      for (const [kind, values] of Object.entries(kinds)) {
        for (const [value, label] of Object.entries(values || {})) {
          if (typeof label === 'string') registerLabel(kind, value, ui, label, { server: true });
          else if (label && typeof label === 'object') {
            for (const [lang, text] of Object.entries(label)) if (typeof text === 'string') registerLabel(kind, value, lang, text, { server: true });
          }
        }
      }
      return kinds.topic && Object.keys(kinds.topic).length > 0;
    }).catch(() => false).then((hasTopics) => (hasTopics ? true : loadTopics().then(() => true, () => false)));
  }
  return labelsPromise;
}

// Labels that come with an answer (facet values' `label`, in the UI
// language of the request): used when /api/labels has none.
export function registerFacetLabels(facets, lang = getLang()) {
  for (const [facet, values] of Object.entries(facets || {})) {
    if (!Array.isArray(values)) continue;
    for (const v of values) if (v && v.label && v.value !== undefined) registerLabel(facet, v.value, lang, v.label);
  }
}

// The facet values of the whole collection (jurisdictions, languages, types
// with their counts) for the pickers of the compare and matrix pages, their
// labels registered; null when the server does not answer.
export async function loadFacets() {
  try {
    const facets = (await apiGet('search', { per_page: '1', ui: getLang() })).facets || {};
    registerFacetLabels(facets);
    return facets;
  } catch (e) { return null; }
}

// The name of a field ("Document type", "Тип документа"), one source for
// every page (the search and compare filters, the document's details):
// /api/labels kind facet, else i18n (facet_*, the same words), else the
// facet's own name.
export function facetName(facet) {
  return knownLabel('facet', facet) || (hasLabel('facet_' + facet) ? t('facet_' + facet) : String(facet));
}

// The title of an Istanbul Convention article in the UI language, or ''.
export function istanbulTitle(n) {
  return knownLabel('istanbul', String(n)) || '';
}

// A concept's definition in the UI language: {text, lang, foreign}. Takes
// definition as {en: '…', ru: '…'} or a plain string (English).
export function conceptDefinition(def, lang = getLang()) {
  if (!def) return null;
  if (typeof def === 'string') return { text: def, lang: 'en', foreign: lang !== 'en' };
  if (def[lang]) return { text: def[lang], lang, foreign: false };
  for (const l of ['en', ...UI_LANGS]) if (def[l]) return { text: def[l], lang: l, foreign: true };
  return null;
}

// Text in another language than the UI's, marked as such: the text with its
// lang attribute, then "(in English)" in the UI language.
export function foreignText(tag, attrs, text, lang) {
  const note = lang === 'en' ? t('inEnglish') : t('inLang', { lang: valueLabel('lang', lang) });
  return el(tag, attrs, el('span', { lang, class: 'foreign-text' }, text), ' ', el('span', { class: 'lang-note' }, note));
}

// "Topics assigned automatically" for a text whose document no editor has
// indexed (API `concepts_by`), else null.
export function conceptsAutomaticBadge(h) {
  if (!h || h.concepts_by !== 'automatic') return null;
  return el('span', { class: 'concepts-badge', title: t('conceptsAutomaticHint'), dataset: { conceptsBy: 'automatic' } }, t('conceptsAutomatic'));
}

// The legal status of a law as text: "Repealed since 10 April 2025" — the
// badge's words, and the exports' (never a raw ISO date). '' when none.
export function legalStatusText(ls) {
  if (!ls || !ls.state) return '';
  const state = String(ls.state);
  const name = valueLabel('status', state);
  // "Since" fits a state that lasts from a date (in force, repealed); an
  // expiry or a coming into force is at its date ("Срок действия истёк с 2023"
  // read wrongly).
  const at = state === 'expired' || state === 'not-yet-in-force';
  return ls.since ? t(at ? 'statusAt' : 'statusSince', { status: name, date: formatDate(ls.since) }) : name;
}

// The legal status of a law as a badge: "Repealed since 10 April 2025".
// ls: null or {state, since, relations}; returns null when there is none.
export function legalStatusBadge(ls) {
  if (!ls || !ls.state) return null;
  const state = String(ls.state);
  const text = legalStatusText(ls);
  return el('span', { class: 'legal-badge legal-' + state.replace(/[^a-z-]/g, ''), dataset: { legalStatus: state } }, text);
}

// A gap's mark, by what it rests on (API gap_kind): the law silent, a text
// saying it has none, not among the provisions held, covered in parts not
// held. One table for the compare and matrix pages.
export const GAP_MARK = { silent: '∅', stated: '✕', 'not-found': '?', 'not-held': '↗' };
export const gapMarkOf = (kind) => GAP_MARK[kind] || GAP_MARK['not-found'];

// A provision's label and heading, the heading without the label it starts
// with ("Article 1" + "Article 1. Subject of the Law" → "Article 1" +
// "Subject of the Law"; a heading equal to the label is dropped), so that
// no page or export shows the label twice.
export function labelHeading(label, heading) {
  const l = String(label || '').trim();
  let h = String(heading || '').trim();
  if (l && h) {
    const norm = (s) => s.replace(/\s+/g, ' ').toLocaleLowerCase();
    const hl = norm(h);
    const ll = norm(l);
    if (hl === ll || hl === ll.replace(/[.:]+$/, '')) h = '';
    // The label then a stop or dash ("Article 1. Subject"), never words that
    // go on ("Article 7 and state programmes" is a heading of its own).
    else if (hl.startsWith(ll) && /^\s*[.:\u2013\u2014-]/.test(hl.slice(ll.length))) {
      // The same number of characters in h, whitespace runs counted once.
      let i = 0; let n = 0;
      while (i < h.length && n < ll.length) {
        if (/\s/.test(h[i])) { while (i < h.length && /\s/.test(h[i])) i++; n++; } else { i++; n++; }
      }
      h = h.slice(i).replace(/^[\s.:\u2013\u2014-]+/, '');
    }
  }
  return { label: l, heading: h };
}

// "Label Heading" of a provision, the label not repeated.
export function provisionName(label, heading) {
  const x = labelHeading(label, heading);
  return [x.label, x.heading].filter(Boolean).join(' ');
}

// A hit's other language versions for an export: "English URL; Russian URL".
export function otherLanguagesText(versions) {
  return (versions || []).filter((v) => v && (v.lang || v.url))
    .map((v) => [valueLabel('lang', v.lang), v.url ? absoluteUrl(v.url) : ''].filter(Boolean).join(' ')).join('; ');
}
