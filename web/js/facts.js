// The protection-order table (/api/facts): one row per jurisdiction, one
// column per field; a missing field is "unknown"; every value cites the
// provisions it rests on, cited in the UI language where a version in it
// exists; the table downloads as CSV. State (topic, jurisdiction filter, ui)
// in the URL; header, language switch, loading and errors: page.js.
import { t, getLang, valueLabel } from './i18n.js';
import {
  el, clear, apiGet, docLink, withUi, loadLabels, absoluteUrl, notHeldList,
} from './common.js';
import { downloadCsv, slug, today } from './export.js';
import { createPage, field } from './page.js';

const $ = (id) => document.getElementById(id);
let data = null;

const page = createPage({
  nav: 'facts',
  fields: {
    topic: field.text('topic', 'protection-orders', { clean: (v) => v.replace(/[^a-z0-9-]/gi, '') }),
    // Rows shown (all when empty); the request asks for every jurisdiction.
    only: { ...field.list('jurisdiction'), write: (p, vs, forApi) => { if (!forApi) for (const v of vs) p.append('jurisdiction', v); } },
  },
  box: 'facts-box', status: 'facts-status', error: 'facts-error',
  loadingKey: 'factsLoading',
  reloadOnLang: true,  // the server cites each provision in the UI language
  slowMs: 0,
  errorKey: 'errorFacts',
  load: async (s, signal) => {
    const [d] = await Promise.all([apiGet('facts', { topic: s.topic, ui: getLang() }, signal), loadLabels()]);
    data = d;
    return d;
  },
  render,
  start: () => { $('facts-csv').addEventListener('click', onExport); },
});
// A note "(in English)" in the UI language for text in another language.
function langNote(lang) {
  return el('span', { class: 'lang-note' }, lang === 'en' ? t('inEnglish') : t('inLang', { lang: valueLabel('lang', lang) }));
}

// A citation as the server gives it (in the UI language where the text has a
// version in it): {text, url, lang, title}.
function citation(c) {
  return { text: c.label || c.heading || c.id, url: c.url, lang: c.lang || null, title: c.title };
}

// The value in the UI language, else English, else any: [text, lang].
function pick(obj) {
  if (!obj) return [null, null];
  if (typeof obj === 'string') return [obj, null];
  for (const l of [getLang(), 'en', 'ru', 'tg']) if (obj[l]) return [obj[l], l];
  const k = Object.keys(obj).find((x) => obj[x]);
  return k ? [obj[k], k] : [null, null];
}

// The table (asked for again on a language switch: the citations follow it).
function render({ state, data: answer }) {
  data = answer;
  const thead = clear($('facts').tHead);
  const tbody = clear($('facts').tBodies[0]);
  $('facts-caption').textContent = t('factsCaption');
  document.title = t('factsTitle') + ' — ' + t('brand');
  $('facts-csv').hidden = !data;
  if (!data) return;
  $('facts-status').textContent = '';
  const only = state.only;
  const fields = data.fields || [];
  let rows = data.jurisdictions || [];
  if (only.length) rows = rows.filter((j) => only.includes(j.code));
  const hr = el('tr', null, el('th', { scope: 'col' }, t('factsJurisdiction')));
  for (const f of fields) {
    const [label, lang] = pick(f.labels);
    hr.appendChild(el('th', { scope: 'col', lang: lang || null, dataset: { field: f.key } }, label || f.key));
  }
  thead.appendChild(hr);
  for (const j of rows) {
    const facts = j.facts || {};
    const cmp = new URLSearchParams();
    cmp.append('jurisdiction', 'TJ');
    if (j.code !== 'TJ') cmp.append('jurisdiction', j.code);
    const tr = el('tr', { dataset: { jurisdiction: j.code } },
      el('th', { scope: 'row' }, valueLabel('jurisdiction', j.code)));
    for (const f of fields) {
      const [label] = pick(f.labels);
      const fact = facts[f.key];
      const td = el('td', { 'data-label': label || f.key, dataset: { field: f.key } });
      const [value, lang] = fact ? pick(fact.value) : [null, null];
      // A blank the law covers in a part Himoya does not hold says so, with the act.
      const unheld = !value && j.not_held && Array.isArray(j.not_held[f.key]) ? j.not_held[f.key] : [];
      if (!value && unheld.length) {
        td.classList.add('is-unknown', 'is-not-held');
        td.appendChild(el('p', { class: 'fact-value fact-unknown fact-not-held' }, t('factNotHeld')));
        td.appendChild(notHeldList(unheld, state.ui || null, 'fact-cites'));
      } else if (!value) {
        td.classList.add('is-unknown');
        td.appendChild(el('p', { class: 'fact-value fact-unknown', title: t('unknownHint') }, t('unknown')));
      } else {
        const foreign = lang && lang !== getLang();
        td.appendChild(foreign
          ? el('p', { class: 'fact-value' }, el('span', { lang }, value), ' ', langNote(lang))
          : el('p', { class: 'fact-value' }, value));
        const cites = (fact.citations || []).filter((c) => c && c.url);
        if (cites.length) {
          const ul = el('ul', { class: 'fact-cites' });
          cites.forEach((c0, i) => {
            const c = citation(c0);
            const other = c.lang && c.lang !== getLang();
            ul.appendChild(el('li', null, el('a', {
              href: docLink(c.url, state.ui || null), hreflang: c.lang || null,
              title: [c.title, c.text].filter(Boolean).join(' — '),
            }, `[${i + 1}] `, el('span', { lang: c.lang || null }, c.text)), other ? [' ', langNote(c.lang)] : null));
          });
          td.appendChild(ul);
        }
      }
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  // The compare page on the same topic, for the first few jurisdictions.
  const cmp = new URLSearchParams();
  for (const j of rows.slice(0, 4)) cmp.append('jurisdiction', j.code);
  cmp.set('topic', data.topic || state.topic);
  const link = $('facts-compare');
  link.setAttribute('href', withUi('compare.html?' + cmp.toString(), state.ui || null));
  link.hidden = rows.length < 2;
}

// ---- export ------------------------------------------------------------------

function exportName() {
  return `himoya-facts-${slug(page.state.topic)}-${today()}.csv`;
}

// The table as CSV, built here: headers and values in the UI language
// (English where no translation exists), citations as "label <url>".
function factsRows() {
  const only = page.state.only;
  const fields = data.fields || [];
  let rows = data.jurisdictions || [];
  if (only.length) rows = rows.filter((j) => only.includes(j.code));
  const header = [t('factsJurisdiction')];
  for (const f of fields) {
    const [label] = pick(f.labels);
    header.push(label || f.key, `${label || f.key} — ${t('col_sources')}`);
  }
  const out = [header];
  for (const j of rows) {
    const line = [valueLabel('jurisdiction', j.code)];
    for (const f of fields) {
      const fact = (j.facts || {})[f.key];
      const [value] = fact ? pick(fact.value) : [null];
      const unheld = !value && j.not_held && Array.isArray(j.not_held[f.key]) ? j.not_held[f.key] : [];
      line.push(value || (unheld.length ? `${t('factNotHeld')}: ${unheld.map((w) => w.title).join('; ')}` : t('unknown')));
      line.push(((fact && fact.citations) || []).filter((c) => c && c.url).map((c0) => {
        const c = citation(c0);
        return `${c.text} <${absoluteUrl(c.url)}>`;
      }).join('; '));
    }
    out.push(line);
  }
  return out;
}

// The table as shown, in the UI language, whatever the filter: one wide row
// per jurisdiction, every cell (an unknown one says so), citations with their
// URLs. (The API's CSV, /api/facts?format=csv, is one line per answered fact,
// for researchers; the page's download is the page.)
async function onExport() {
  if (!data) { $('facts-status').textContent = t('exportNothing'); return; }
  const name = exportName();
  downloadCsv(name, factsRows());
  $('facts-status').textContent = t('exportDone', { name });
}

page.start();
