// The document page: /api/documents/{id}, metadata, contents, provisions,
// the target provision (#unit_id) scrolled into view and highlighted.
// State in the URL (id, hl: words to highlight, open: panels of the target
// provision), header, language switch, loading and errors: page.js.
import { t, getLang, valueLabel, formatDate, knownLabel } from './i18n.js';
import {
  el, clear, apiGet, safeHttpUrl, loadDocument, snippetNodes, docLink, absoluteUrl, loadLabels, legalStatusBadge,
  legalStatusText, labelHeading, provisionName, facetName,
} from './common.js';
import { createPage, field } from './page.js';

const $ = (id) => document.getElementById(id);
let doc = null;      // the answer shown
let shown = null;    // the answer whose text is built

const page = createPage({
  nav: null,
  fields: {
    id: field.text('id'),
    hl: field.text('hl', '', { api: false }),
    open: field.text('open', '', { api: false }),
  },
  box: 'main', status: 'doc-status', error: 'doc-error',
  loadingKey: 'loadingDoc',
  slowMs: 0,
  errorText: (e) => {
    if (e.noId) return t('docNoId');
    if (e.status === 404) return [t('docNotFound'), t('docNotFoundHint', { id: page.state.id })];
    return e.network ? e.message : t('errorDoc', { msg: e.message });
  },
  load: async (s, signal) => {
    if (!s.id) throw Object.assign(new Error('no id'), { noId: true });
    const [d] = await Promise.all([apiGet('documents/' + encodeURIComponent(s.id), null, signal), loadLabels()]);
    return d;
  },
  relabel: relabelBack,
  render,
  start: () => {
    window.addEventListener('hashchange', () => showTarget());
    $('provisions').addEventListener('click', onToolClick);
  },
});

function docHref(id, hash) {
  const p = new URLSearchParams({ id });
  if (page.state.ui) p.set('ui', page.state.ui);
  return 'document.html?' + p.toString() + (hash || '');
}

// ---- metadata -----------------------------------------------------------

// labelKey: an i18n key, or 'facet:NAME' for a field the search filters
// also name (facetName: one name per field on every page).
function metaRow(dl, labelKey, ...value) {
  const parts = value.flat().filter((v) => v !== null && v !== undefined && v !== '');
  if (!parts.length) return;
  dl.appendChild(el('div', { class: 'meta-row' }, el('dt', null, labelKey.startsWith('facet:') ? facetName(labelKey.slice(6)) : t(labelKey)), el('dd', null, parts)));
}

function joinList(items) {
  const out = [];
  items.forEach((x, i) => { if (i) out.push(', '); out.push(x); });
  return out;
}

function renderHeader() {
  const d = doc;
  document.title = (d.title || d.id) + ' — ' + t('brand');

  const cite = clear($('doc-cite'));
  const bits = [
    d.jurisdiction && valueLabel('jurisdiction', d.jurisdiction),
    d.type && valueLabel('type', d.type),
    d.year ? String(d.year) : null,
  ].filter(Boolean);
  bits.forEach((b, i) => {
    if (i) cite.appendChild(el('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '));
    cite.appendChild(el('span', null, b));
  });
  if (d.lang) cite.appendChild(el('span', { class: 'lang-badge' }, valueLabel('lang', d.lang)));

  const title = $('doc-title');
  title.textContent = d.title || d.id;
  if (d.lang) title.setAttribute('lang', d.lang);
  legalNotice(title, d.legal_status);

  const dl = clear($('doc-meta'));
  metaRow(dl, 'facet:jurisdiction', d.jurisdiction ? valueLabel('jurisdiction', d.jurisdiction) : '');
  metaRow(dl, 'facet:lang', d.lang ? valueLabel('lang', d.lang) : '');
  metaRow(dl, 'facet:type', d.type ? valueLabel('type', d.type) : '');
  metaRow(dl, 'meta_date', d.date ? el('time', { datetime: d.date }, formatDate(d.date)) : '');
  // The issuing body by its canonical id in the UI language; the name as
  // written in the document (its language marked) when there is no label.
  const bodyLabel = d.body_id ? knownLabel('body', d.body_id) : null;
  metaRow(dl, 'facet:body', bodyLabel ? el('span', { class: 'doc-body-name', dataset: { body: d.body_id } }, bodyLabel)
    : d.body ? el('span', { lang: d.lang || null }, d.body) : '');
  metaRow(dl, 'meta_status', d.text_status ? el('span', { class: 'status status-' + String(d.text_status).replace(/[^a-z-]/g, '') }, valueLabel('text_status', d.text_status)) : '');
  // How much of the source this text holds, and what it regulates in parts
  // not held: what a gap in compare and the matrix rests on.
  const notHeld = Array.isArray(d.not_held) ? d.not_held : [];
  metaRow(dl, 'docExtent', d.extent ? el('span', { class: 'doc-extent', dataset: { extent: d.extent } }, valueLabel('extent', d.extent)) : '',
    notHeld.length ? el('span', { class: 'doc-not-held' }, '. ' + t('docNotHeld', { topics: notHeld.map((x) => valueLabel('topic', x)).join(', ') })) : '');
  metaRow(dl, 'facet:status', legalStatusNodes(d.legal_status));
  if (Array.isArray(d.topics) && d.topics.length) {
    metaRow(dl, 'meta_topics', joinList(d.topics.map((x) => {
      const p = new URLSearchParams();
      p.append('topic', x);
      if (page.state.ui) p.set('ui', page.state.ui);
      return el('a', { href: 'index.html?' + p.toString() }, valueLabel('topic', x));
    })));
  }
  if (d.concepts_by) metaRow(dl, 'meta_indexing', d.concepts_by === 'automatic' ? t('indexing_automatic') : t('indexing_editors'));
  if (Array.isArray(d.audience) && d.audience.length) metaRow(dl, 'facet:audience', joinList(d.audience.map((x) => valueLabel('audience', x))));
  if (d.translation_of) {
    const v = (d.versions || []).find((x) => x.id === d.translation_of);
    metaRow(dl, 'meta_translationOf', el('a', { href: docHref(d.translation_of), hreflang: v && v.lang ? v.lang : null },
      v ? [valueLabel('lang', v.lang), ' — ', el('span', { lang: v.lang || null }, v.title || v.id)] : d.translation_of));
  }
  const s = d.source || {};
  const srcParts = [];
  if (s.official_title) srcParts.push(el('span', { class: 'src-title' }, el('cite', null, s.official_title)));
  const small = [];
  if (s.number) small.push(`${t('src_number')}: ${s.number}`);
  if (s.publisher) small.push(`${t('src_publisher')}: ${s.publisher}`);
  if (small.length) srcParts.push(el('span', { class: 'src-detail' }, small.join(' · ')));
  if (s.note) srcParts.push(el('span', { class: 'src-note' }, `${t('src_note')}: ${s.note}`));
  const href = s.url ? safeHttpUrl(s.url) : null;
  if (href) srcParts.push(el('span', { class: 'src-link' }, el('a', { href, rel: 'noopener noreferrer external', target: '_blank' }, t('src_link')), ' ', el('span', { class: 'src-url' }, s.url)));
  else if (s.url) srcParts.push(el('span', { class: 'src-url' }, s.url));
  metaRow(dl, 'meta_source', srcParts);

  const others = (Array.isArray(d.versions) ? d.versions : []).filter((v) => v && v.id && v.id !== d.id);
  const nav = $('versions');
  const list = clear($('versions-list'));
  nav.hidden = others.length === 0;
  for (const v of others) {
    list.appendChild(el('li', null,
      el('a', { href: docHref(v.id, location.hash), hreflang: v.lang || null, class: 'version-link', dataset: { versionId: v.id } },
        el('span', { class: 'version-lang' }, valueLabel('lang', v.lang)),
        ' ',
        el('span', { class: 'version-title', lang: v.lang || null }, v.title || v.id)),
      v.text_status ? el('span', { class: 'version-status' }, ' · ' + valueLabel('text_status', v.text_status)) : null));
  }
}

// A text that is not the law in force (repealed, expired, not yet in force)
// says so by its title: the status and its date, and the act that replaces
// it, linked when the collection holds it.
function legalNotice(title, ls) {
  const old = $('doc-legal-notice');
  if (old) old.remove();
  const state = ls && ls.state ? String(ls.state) : '';
  const gone = state === 'repealed' || state === 'expired';
  if (!gone && state !== 'not-yet-in-force') return;
  const box = el('div', { id: 'doc-legal-notice', class: 'legal-notice legal-' + state.replace(/[^a-z-]/g, ''), role: 'note', dataset: { legalStatus: state } },
    el('p', null, el('strong', { class: 'legal-notice-status' }, legalStatusText(ls)), ' · ', t(gone ? 'legalNotice_gone' : 'legalNotice_future')));
  const rels = Array.isArray(ls.relations) ? ls.relations.filter((r) => r && (r.type === 'replaced-by' || r.type === 'repealed-by')) : [];
  for (const r of rels) {
    const target = el('span', { class: 'rel-target' }, r.citation ? el('cite', null, r.citation) : t('relatedWork'));
    box.appendChild(el('p', { class: 'legal-notice-rel', dataset: { relation: r.type, work: r.work || '' } },
      valueLabel('relation', r.type), ': ', target, r.date ? [', ', el('time', { datetime: r.date }, formatDate(r.date))] : null));
    if (r.work) resolveWork(r.work).then((w) => {
      if (!w) return;
      clear(target).appendChild(el('a', { href: docHref(w.id), hreflang: w.lang || null, lang: w.lang && w.lang !== getLang() ? w.lang : null, class: 'rel-work', dataset: { documentId: w.id } }, w.title || w.id));
    });
  }
  title.after(box);
}

// The legal status badge and its relations ("Replaced by: <law>, 12 March
// 2025"). A relation naming a `work` links to that work's document in the
// UI language when one exists (else the document's own language, else any
// version); its citation stays as written, as a <cite>.
function legalStatusNodes(ls) {
  const badge = legalStatusBadge(ls);
  if (!badge) return '';
  const out = [badge];
  const rels = Array.isArray(ls.relations) ? ls.relations.filter((r) => r && r.type) : [];
  if (!rels.length) return out;
  const ul = el('ul', { class: 'legal-relations' });
  for (const r of rels) {
    const li = el('li', { dataset: { relation: r.type, work: r.work || '' } }, el('span', { class: 'rel-type' }, valueLabel('relation', r.type)), ': ');
    const target = el('span', { class: 'rel-target' });
    if (r.citation) target.appendChild(el('cite', { class: 'rel-citation' }, r.citation));
    else if (r.work) target.appendChild(el('span', null, t('relatedWork')));
    li.appendChild(target);
    if (r.date) li.append(', ', el('time', { datetime: r.date }, formatDate(r.date)));
    const href = r.url ? safeHttpUrl(r.url) : null;
    if (href) li.append(' ', el('a', { href, rel: 'noopener noreferrer external', target: '_blank', class: 'rel-source' }, t('src_link')));
    if (r.work) resolveWork(r.work).then((w) => {
      if (!w) return;
      clear(target).appendChild(el('a', { href: docHref(w.id), hreflang: w.lang || null, lang: w.lang && w.lang !== getLang() ? w.lang : null, class: 'rel-work', dataset: { documentId: w.id } }, w.title || w.id));
    });
    ul.appendChild(li);
  }
  out.push(ul);
  return out;
}

// The document of a work: WORK-ui, WORK-(this document's language), WORK-en,
// then WORK itself; resolves to {id, lang, title} or null.
const workCache = new Map();
function resolveWork(work) {
  if (!workCache.has(work)) {
    const ids = [...new Set([`${work}-${getLang()}`, doc && doc.lang ? `${work}-${doc.lang}` : null, `${work}-en`, `${work}-ru`, `${work}-tg`, work].filter(Boolean))];
    workCache.set(work, (async () => {
      for (const id of ids) {
        try {
          const d = await loadDocument(id);
          // Prefer the version in the UI language when the document lists one.
          const v = (d.versions || []).find((x) => x && x.lang === getLang());
          if (d.lang !== getLang() && v) return { id: v.id, lang: v.lang, title: v.title };
          return { id: d.id, lang: d.lang, title: d.title };
        } catch (e) { /* try the next id */ }
      }
      return null;
    })());
  }
  return workCache.get(work);
}

// ---- text ---------------------------------------------------------------

function renderBody() {
  const d = doc;
  const provisions = Array.isArray(d.provisions) ? d.provisions : [];
  const toc = clear($('toc-list'));
  const box = clear($('provisions'));
  if (d.lang) box.setAttribute('lang', d.lang);
  if (!provisions.length) {
    $('toc').hidden = true;
    box.appendChild(el('p', { class: 'empty-title' }, t('noProvisions')));
    return;
  }
  $('toc').hidden = provisions.length < 2;
  if (window.matchMedia('(max-width: 900px)').matches) $('toc').open = false;
  for (const p of provisions) {
    const uid = p.unit_id || p.id;
    // The heading without the label it starts with ("Article 1. Subject").
    const { label, heading } = labelHeading(p.label || p.num || '', p.heading);
    const headingId = '_h_' + uid;
    toc.appendChild(el('li', null, el('a', { href: '#' + uid, lang: d.lang || null },
      label ? el('span', { class: 'toc-label' }, label) : null,
      label && heading ? ' ' : null,
      heading ? el('span', { class: 'toc-heading' }, heading) : null)));
    const text = String(p.text || '').split(/\n+/).map((x) => x.trim()).filter(Boolean);
    box.appendChild(el('section', { class: 'provision', id: uid, 'aria-labelledby': headingId, tabindex: '-1', dataset: { kind: p.kind || '' } },
      el('h2', { id: headingId, class: 'provision-head' },
        label ? el('span', { class: 'provision-label' }, label) : null,
        heading ? el('span', { class: 'provision-heading' }, heading) : null,
        el('a', { class: 'anchor', href: '#' + uid, 'aria-label': t('linkToProvision') + (label ? ': ' + label : ''), lang: getLang() }, '#')),
      text.map((x) => el('p', null, x)),
      provisionLinks(p),
      provisionTools(p, uid, label || heading)));
  }
}

// ---- connected provisions: what a provision refers to, what refers to it --

function linkedName(l) {
  return provisionName(l.label, l.heading) || l.id;
}

function linkTo(l) {
  return el('a', { href: docHref(l.document, '#' + l.unit_id), class: 'ref-link' }, linkedName(l));
}

function provisionLinks(p) {
  const refers = Array.isArray(p.refers_to) ? p.refers_to : [];
  const referred = Array.isArray(p.referred_by) ? p.referred_by : [];
  if (!refers.length && !referred.length) return null;
  const box = el('div', { class: 'prov-links', lang: getLang() });
  if (refers.length) {
    const items = refers.map((r) => {
      const quote = el('q', { lang: doc.lang || null }, r.text);
      if (Array.isArray(r.provisions) && r.provisions.length) {
        return el('li', null, quote, ' → ', joinList(r.provisions.map(linkTo)));
      }
      if (r.resolved && r.document) {
        return el('li', null, quote, ' → ', el('a', { href: docHref(r.document), class: 'ref-link' }, r.document_title || r.document));
      }
      return el('li', { class: 'ref-unresolved' }, quote, ' (', t('refNotHere'), ')');
    });
    box.appendChild(el('div', { class: 'ref-row' }, el('span', { class: 'ref-title' }, t('refersTo') + ': '), el('ul', null, items)));
  }
  if (referred.length) {
    box.appendChild(el('div', { class: 'ref-row' }, el('span', { class: 'ref-title' }, t('referredBy') + ': '),
      el('ul', null, referred.map((l) => el('li', null, linkTo(l))))));
  }
  return box;
}

// ---- per-provision tools: citation, other languages, related ------------

function otherVersions() {
  return (Array.isArray(doc.versions) ? doc.versions : []).filter((v) => v && v.id && v.id !== doc.id);
}

function provisionTools(p, uid, name) {
  const bar = el('div', { class: 'prov-tools', lang: getLang(), dataset: { unit: uid } },
    el('button', { type: 'button', class: 'link-button tool-cite', dataset: { tool: 'cite' }, 'aria-label': t('copyCitationAria', { label: name || doc.title }) }, t('copyCitation')));
  if (otherVersions().length) {
    bar.appendChild(el('button', { type: 'button', class: 'link-button tool-langs', dataset: { tool: 'langs' }, 'aria-expanded': 'false' }, t('showLanguages')));
  }
  bar.appendChild(el('button', { type: 'button', class: 'link-button tool-related', dataset: { tool: 'related' }, 'aria-expanded': 'false' }, t('showRelated')));
  return bar;
}

function provisionByUnit(d, uid) {
  const list = Array.isArray(d.provisions) ? d.provisions : [];
  const tail = (x) => String(x || '').split('__').pop();
  return list.find((x) => x.unit_id === uid) || list.find((x) => tail(x.unit_id) === tail(uid)) || null;
}

// "Title, Label, date. Source: official title, number, URL. Himoya: URL (accessed …)."
function citationText(d, p, pageHref) {
  const parts = [d.title || d.id];
  const label = p.label || p.heading;
  if (label) parts.push(label);
  if (d.date) parts.push(formatDate(d.date));
  let out = parts.join(', ') + '.';
  const s = d.source || {};
  const src = [s.official_title, s.number, s.url].filter(Boolean);
  if (src.length) out += ` ${t('meta_source')}: ${src.join(', ')}.`;
  out += ` ${t('brand')}: ${pageHref} (${t('cit_accessed', { date: formatDate(new Date().toISOString().slice(0, 10)) })}).`;
  return out;
}

function toast(text) {
  let box = document.getElementById('toast');
  if (!box) {
    box = el('div', { id: 'toast', class: 'toast', role: 'status', 'aria-live': 'polite' });
    document.body.appendChild(box);
  }
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 3500);
}

async function copyCitation(section, p) {
  const uid = section.id;
  const href = absoluteUrl('/document.html?id=' + encodeURIComponent(doc.id) + '#' + encodeURIComponent(uid));
  const text = citationText(doc, p, href);
  section.dataset.citation = text;
  try {
    await navigator.clipboard.writeText(text);
    toast(t('citationCopied'));
  } catch (e) {
    // Fallback: show the text selected so the reader can copy it.
    let area = section.querySelector('textarea.cite-text');
    if (!area) {
      area = el('textarea', { class: 'cite-text', rows: '3', readonly: true, 'aria-label': t('copyCitation') });
      section.querySelector('.prov-tools').after(area);
    }
    area.value = text;
    area.focus();
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (e2) { ok = false; }
    toast(ok ? t('citationCopied') : t('copyFailed'));
  }
}

function setOpenParam(uid, tool, open) {
  const set = new Set(page.state.open.split(',').filter(Boolean));
  if (open) set.add(tool); else set.delete(tool);
  page.navigate({ ...page.state, open: [...set].join(',') }, { replace: true, hash: open ? '#' + uid : null, render: false });
  if (open) showTarget({ scroll: false });
}

function togglePanel(section, button, id, build) {
  let panel = document.getElementById(id);
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  if (!open) { if (panel) panel.hidden = true; return false; }
  if (!panel) {
    panel = el('div', { class: 'prov-panel', id, lang: getLang() }, el('p', { class: 'summary' }, t('loadingShort')));
    section.appendChild(panel);
    build(panel);
  }
  // Named once the panel exists: aria-controls must point at an element.
  button.setAttribute('aria-controls', id);
  panel.hidden = false;
  return true;
}

async function buildParallel(panel, p) {
  const uid = p.unit_id || p.id;
  const cols = [{ d: doc, prov: p, current: true }];
  const others = await Promise.all(otherVersions().map((v) => loadDocument(v.id).then((d) => ({ d, prov: provisionByUnit(d, uid) })).catch(() => null)));
  for (const o of others) if (o && o.prov) cols.push(o);
  clear(panel);
  if (cols.length < 2) { panel.appendChild(el('p', { class: 'none-mark' }, t('noParallel'))); return; }
  const grid = el('div', { class: 'parallel' });
  for (const c of cols) {
    const text = String(c.prov.text || '').split(/\n+/).map((x) => x.trim()).filter(Boolean);
    const head = c.current
      ? el('h3', null, valueLabel('lang', c.d.lang), ' · ', t('thisVersion'))
      : el('h3', null, el('a', { href: docHref(c.d.id, '#' + (c.prov.unit_id || '')), hreflang: c.d.lang || null }, valueLabel('lang', c.d.lang)),
        c.d.text_status ? ' · ' + valueLabel('text_status', c.d.text_status) : '');
    grid.appendChild(el('div', { class: 'parallel-col', lang: c.d.lang || null, dataset: { lang: c.d.lang || '' } },
      head,
      (({ label, heading }) => el('p', { class: 'parallel-label' }, el('strong', null, label), label && heading ? ' ' : '', heading))(labelHeading(c.prov.label, c.prov.heading)),
      text.map((x) => el('p', null, x))));
  }
  panel.appendChild(grid);
}

function relatedItem(h) {
  const bits = [h.jurisdiction && valueLabel('jurisdiction', h.jurisdiction), h.type && valueLabel('type', h.type), h.date ? formatDate(h.date) : (h.year ? String(h.year) : '')].filter(Boolean);
  return el('li', { dataset: { id: h.id || '' } },
    el('a', { href: docLink(h.url || '/document.html?id=' + encodeURIComponent(h.document_id), page.state.ui || null), lang: h.lang || null }, provisionName(h.label, h.heading) || h.title || h.document_id),
    el('span', { class: 'cite' }, bits.join(' · '), h.lang ? el('span', { class: 'lang-badge' }, valueLabel('lang', h.lang)) : null),
    el('span', { class: 'prov-doc', lang: h.lang || null }, h.title || ''),
    h.snippet ? el('p', { class: 'snippet', lang: h.lang || null }, snippetNodes(h.snippet)) : null);
}

async function buildRelated(panel, p) {
  let r;
  try {
    r = await apiGet('related', { id: p.id || (doc.id + '/' + p.unit_id), limit: '5', ui: getLang() });
  } catch (e) {
    clear(panel).appendChild(el('p', { class: 'alert' }, t('errorLoad', { msg: e.message })));
    return;
  }
  clear(panel);
  const concepts = Array.isArray(r.concepts) ? r.concepts : [];
  if (concepts.length) {
    panel.appendChild(el('p', { class: 'small-heading' }, t('related_concepts')));
    panel.appendChild(el('ul', { class: 'concept-chips' }, concepts.map((c) => el('li', null, knownLabel('topic', c.id) ? valueLabel('topic', c.id) : c.label || valueLabel('topic', c.id)))));
  }
  const practice = Array.isArray(r.practice) ? r.practice : [];
  const law = Array.isArray(r.law) ? r.law : [];
  if (!practice.length && !law.length) { panel.appendChild(el('p', { class: 'none-mark' }, t('related_none'))); return; }
  const grid = el('div', { class: 'related' });
  if (practice.length) grid.appendChild(el('div', { class: 'related-practice' }, el('h3', null, t('related_practice')), el('ul', null, practice.map(relatedItem))));
  if (law.length) grid.appendChild(el('div', { class: 'related-law' }, el('h3', null, t('related_law')), el('ul', null, law.map(relatedItem))));
  panel.appendChild(grid);
}

function onToolClick(ev) {
  const button = ev.target.closest('.prov-tools button');
  if (!button || !doc) return;
  const section = button.closest('.provision');
  const p = (doc.provisions || []).find((x) => (x.unit_id || x.id) === section.id);
  if (!p) return;
  const tool = button.dataset.tool;
  if (tool === 'cite') { copyCitation(section, p); return; }
  if (tool === 'langs') {
    const open = togglePanel(section, button, '_langs_' + section.id, (panel) => buildParallel(panel, p));
    button.textContent = open ? t('hideLanguages') : t('showLanguages');
    setOpenParam(section.id, 'langs', open);
  } else if (tool === 'related') {
    const open = togglePanel(section, button, '_rel_' + section.id, (panel) => buildRelated(panel, p));
    button.textContent = open ? t('hideRelated') : t('showRelated');
    setOpenParam(section.id, 'related', open);
  }
}

function relabelTools() {
  for (const bar of document.querySelectorAll('#provisions .prov-tools')) {
    bar.setAttribute('lang', getLang());
    for (const b of bar.querySelectorAll('button')) {
      const open = b.getAttribute('aria-expanded') === 'true';
      if (b.dataset.tool === 'cite') {
        b.textContent = t('copyCitation');
        const label = b.closest('.provision').querySelector('.provision-label, .provision-heading');
        b.setAttribute('aria-label', t('copyCitationAria', { label: label ? label.textContent : doc.title }));
      } else if (b.dataset.tool === 'langs') b.textContent = open ? t('hideLanguages') : t('showLanguages');
      else if (b.dataset.tool === 'related') b.textContent = open ? t('hideRelated') : t('showRelated');
    }
  }
}

// Panels already open were built in the language they were opened in: on a
// switch they are built again in the new one (their labels and the API's
// answer, asked again with the new ui), open or hidden alike.
function rebuildPanels() {
  for (const panel of document.querySelectorAll('#provisions .prov-panel')) {
    if (panel.getAttribute('lang') === getLang()) continue;
    const section = panel.closest('.provision');
    const p = section && (doc.provisions || []).find((x) => (x.unit_id || x.id) === section.id);
    if (!p) continue;
    clear(panel);
    panel.setAttribute('lang', getLang());
    panel.appendChild(el('p', { class: 'summary' }, t('loadingShort')));
    if (panel.id.startsWith('_langs_')) buildParallel(panel, p);
    else if (panel.id.startsWith('_rel_')) buildRelated(panel, p);
  }
}

function relabelAnchors() {
  for (const a of document.querySelectorAll('#provisions a.anchor')) {
    const label = a.parentElement.querySelector('.provision-label');
    a.setAttribute('aria-label', t('linkToProvision') + (label ? ': ' + label.textContent : ''));
    a.setAttribute('lang', getLang());
  }
}

// Words to highlight, passed by the search page from the hit's snippet.
function highlightWords(root, words) {
  if (!root || !words.length) return;
  const esc = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  let re;
  try { re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${esc.join('|')})(?![\\p{L}\\p{N}])`, 'giu'); } catch (e) { return; }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement && n.parentElement.closest('p') && !n.parentElement.closest('mark') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const text = node.nodeValue;
    re.lastIndex = 0;
    let m;
    let last = 0;
    const frag = document.createDocumentFragment();
    while ((m = re.exec(text))) {
      if (m.index > last) frag.appendChild(document.createTextNode(text.slice(last, m.index)));
      frag.appendChild(el('mark', null, m[0]));
      last = m.index + m[0].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    if (last === 0) continue;
    if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
    node.parentNode.replaceChild(frag, node);
  }
}

function findTarget() {
  let id = location.hash.slice(1);
  try { id = decodeURIComponent(id); } catch (e) { /* keep raw */ }
  if (!id) return null;
  let node = document.getElementById(id);
  if (node && node.classList.contains('provision')) return node;
  // A link from another language version may name the unit by its last
  // part only (art_5 for chp_1__art_5).
  node = [...document.querySelectorAll('#provisions .provision')].find((s) => s.id.endsWith('__' + id));
  return node || null;
}

function showTarget({ scroll = true } = {}) {
  for (const s of document.querySelectorAll('.provision.is-target')) s.classList.remove('is-target');
  for (const a of document.querySelectorAll('#toc-list a[aria-current]')) a.removeAttribute('aria-current');
  const target = findTarget();
  if (!target) return null;
  target.classList.add('is-target');
  const tocLink = [...document.querySelectorAll('#toc-list a')].find((a) => a.getAttribute('href') === '#' + target.id);
  if (tocLink) tocLink.setAttribute('aria-current', 'location');
  if (scroll) {
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }
  return target;
}

// ---- page ---------------------------------------------------------------

// Back to the search the reader came from (the server sends no Referer, so
// the search page leaves its URL in sessionStorage).
function relabelBack() {
  let back = 'index.html';
  try {
    const last = sessionStorage.getItem('himoya.lastSearch');
    if (last && last.startsWith('/')) back = last;
  } catch (e) { /* storage disabled */ }
  const url = new URL(back, location.href);
  if (page.state.ui) url.searchParams.set('ui', page.state.ui);
  $('back-link').setAttribute('href', url.pathname + url.search);
}

// The document once (then the target provision: highlighted words, the
// panels ?open= names, scrolled into view); on a language switch, its labels.
function render({ state, data, error }) {
  doc = data;
  if (error) {
    $('doc').hidden = true;
    document.title = t('docNotFound') + ' — ' + t('brand');
    return;
  }
  if (!data) return;
  $('doc-status').textContent = '';
  renderHeader();
  if (shown === data) { relabelAnchors(); relabelTools(); rebuildPanels(); return; }
  shown = data;
  renderBody();
  $('doc').hidden = false;
  const words = state.hl.split('\n').map((w) => w.trim()).filter((w) => w.length > 0 && w.length < 80).slice(0, 12);
  const target = showTarget({ scroll: false });
  highlightWords(target || $('provisions'), words);
  if (!target) return;
  // ?open=langs,related opens those panels of the target provision.
  const open = state.open.split(',');
  for (const tool of ['langs', 'related']) {
    const b = open.includes(tool) ? target.querySelector(`.prov-tools button[data-tool="${tool}"]`) : null;
    if (b) b.click();
  }
  // Let layout settle (fonts, details) before scrolling.
  requestAnimationFrame(() => { target.scrollIntoView({ block: 'start' }); target.focus({ preventScroll: true }); });
}

page.start();
