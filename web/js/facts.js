// The protection-order table (/api/facts): one row per jurisdiction, one
// column per field; a missing field is "unknown"; every value cites the
// provisions it rests on. State (topic, jurisdiction filter, ui) in the URL.
import { t, getLang, valueLabel } from './i18n.js';
import {
  el, clear, apiGet, initLang, applyLabels, renderLangSwitch, switchLang, renderNav, docLink, withUi,
} from './common.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
let ui = ['en', 'ru', 'tg'].includes(params.get('ui')) ? params.get('ui') : '';
const topic = (params.get('topic') || 'protection-orders').replace(/[^a-z0-9-]/gi, '');
const only = params.getAll('jurisdiction').filter(Boolean);
let data = null;
let lastError = null;

// The value in the UI language, else English, else any: [text, lang].
function pick(obj) {
  if (!obj) return [null, null];
  if (typeof obj === 'string') return [obj, null];
  for (const l of [getLang(), 'en', 'ru', 'tg']) if (obj[l]) return [obj[l], l];
  const k = Object.keys(obj).find((x) => obj[x]);
  return k ? [obj[k], k] : [null, null];
}

function render() {
  const err = clear($('facts-error'));
  err.hidden = true;
  const thead = clear($('facts').tHead);
  const tbody = clear($('facts').tBodies[0]);
  $('facts-caption').textContent = t('factsCaption');
  document.title = t('factsTitle') + ' — ' + t('brand');
  if (lastError) {
    err.hidden = false;
    err.appendChild(el('p', null, lastError.network ? lastError.message : t('errorFacts', { msg: lastError.message })));
    $('facts-status').textContent = '';
    return;
  }
  if (!data) return;
  $('facts-status').textContent = '';
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
      if (!value) {
        td.classList.add('is-unknown');
        td.appendChild(el('p', { class: 'fact-value fact-unknown', title: t('unknownHint') }, t('unknown')));
      } else {
        td.appendChild(el('p', { class: 'fact-value', lang: lang && lang !== getLang() ? lang : null }, value));
        const cites = (fact.citations || []).filter((c) => c && c.url);
        if (cites.length) {
          const ul = el('ul', { class: 'fact-cites' });
          cites.forEach((c, i) => {
            const text = c.label || c.heading || c.id;
            ul.appendChild(el('li', null, el('a', {
              href: docLink(c.url, ui || null), lang: c.lang || null,
              title: [c.title, text].filter(Boolean).join(' — '),
            }, `[${i + 1}] ${text}`)));
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
  cmp.set('topic', data.topic || topic);
  const link = $('facts-compare');
  link.setAttribute('href', withUi('compare.html?' + cmp.toString(), ui || null));
  link.hidden = rows.length < 2;
}

function relabel() {
  applyLabels();
  renderLangSwitch($('ui-lang'), onLangSwitch);
  renderNav($('site-nav'), 'facts', ui || null);
}

function onLangSwitch(lang) {
  ui = lang;
  switchLang(lang);
  const url = new URL(location.href);
  url.searchParams.set('ui', lang);
  history.replaceState(null, '', url.pathname + url.search + url.hash);
  relabel();
  render();
}

async function init() {
  initLang();
  relabel();
  const box = $('facts-box');
  box.dataset.state = 'loading';
  $('facts-status').textContent = t('factsLoading');
  try {
    data = await apiGet('facts', { topic });
  } catch (e) {
    lastError = e;
  }
  render();
  box.dataset.state = lastError ? 'error' : 'ready';
}

init();
