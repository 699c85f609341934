// The page controller shared by the five pages: the site header (brand, the
// Search · Compare · Matrix · Protection orders links, the en / ru / tg
// switch), state in the URL (read at load, written with pushState /
// replaceState, restored on back / forward), the interface-language switch
// (relabels everything, keeps the state), and the loading and error states
// of the page's one request (a loading note, a readable error with "Try
// again", aborts of stale requests).
//
// A page declares what is its own and calls start():
//
//   const page = createPage({
//     nav: 'search',                 // its key in the header links (null: none marked)
//     fields: {                      // its state, one field a URL parameter (see `field`)
//       q: field.text('q'),
//       page: field.int('page', 1),
//     },
//     normalize: (state) => state,   // rules across fields (optional)
//     load: (state, signal) => …,    // its data for a state: a promise; null/undefined: nothing to show yet
//     reloadOnLang: false,           // the answer depends on the UI language (labels in it): ask again on a switch
//     box: 'results', status: 'summary', error: 'error',
//                                    // ids of the element that carries aria-busy, .is-loading and
//                                    // data-state; of the line that says "Loading…" while the request
//                                    // is slow; of the alert box the controller fills
//     loadingKey: 'loading',         // i18n key of the loading note
//     errorKey: 'errorSearch',       // i18n key of the error ({msg}); a network error says itself
//     errorText: (e) => …,           // or: the error as a string or [title, hint]
//     form: (state) => …,            // brings the page's inputs in line with the state (every change)
//     render: ({state, data, error}) => …,  // draws the answer (after a load, a switch, a state change that needs no load)
//     relabel: () => …,              // page-specific labels on a language switch
//     start: async (page) => …,      // once, before the first load: wiring, defaults
//   });
//   page.start();
//
// and uses page.state, page.navigate(next), page.href(state), page.reload(),
// page.render(), page.set(next) and page.apiParams(state).
import { t, getLang, setLang, UI_LANGS, UI_LANG_NAMES, defaultLang } from './i18n.js';
import { el, clear, applyLabels, withUi } from './common.js';

export function isPlainClick(ev) {
  return ev.button === 0 && !ev.metaKey && !ev.ctrlKey && !ev.shiftKey && !ev.altKey;
}

// ---- state fields ------------------------------------------------------------
// A field is {parse(params) → value, write(params, value, forApi, state)}:
// how its value is read from the URL and written to the page URL (forApi
// false) or to the API request (forApi true). Defaults are left out of the
// URL. Rules across fields go in the page's normalize(state) → state, applied
// to every state read from the URL.

const uniq = (xs) => [...new Set(xs)];

export const field = {
  // A string; `clean` may rewrite it (drop characters), `ok` may reject it.
  text(param, def = '', { clean = (v) => v, ok = () => true, api = true } = {}) {
    return {
      parse: (p) => { const v = clean(p.get(param) || ''); return v && ok(v) ? v : def; },
      write: (p, v, forApi) => { if (v && v !== def && (api || !forApi)) p.set(param, v); },
    };
  },
  // Repeated values, unique, non-empty, at most `max`.
  list(param, { max = Infinity } = {}) {
    return {
      parse: (p) => uniq(p.getAll(param).filter((v) => v !== '')).slice(0, max),
      write: (p, vs) => { for (const v of vs) p.append(param, v); },
    };
  },
  // One of `values`; `always` writes the default too.
  choice(param, values, def = values[0], { always = false, apiAlways = always } = {}) {
    return {
      parse: (p) => (values.includes(p.get(param)) ? p.get(param) : def),
      write: (p, v, forApi) => { if (v !== def || (forApi ? apiAlways : always)) p.set(param, v); },
    };
  },
  // A positive whole number.
  int(param, def = 1) {
    return {
      parse: (p) => { const n = parseInt(p.get(param) || '', 10); return Number.isFinite(n) && n > 0 ? n : def; },
      write: (p, v) => { if (v !== def) p.set(param, String(v)); },
    };
  },
  // A switch written as param=on (include_repealed=1, places=0).
  flag(param, on = '1') {
    return {
      parse: (p) => p.get(param) === on,
      write: (p, v) => { if (v) p.set(param, on); },
    };
  },
};

// ---- the UI language -----------------------------------------------------------

// The ?ui= of a query string when valid, else ''.
const uiOf = (search) => {
  const v = new URLSearchParams(search).get('ui');
  return UI_LANGS.includes(v) ? v : '';
};

function useLang(lang) {
  setLang(lang);
  document.documentElement.lang = lang;
}

// ---- the header ------------------------------------------------------------------

const NAV_PAGES = [
  { key: 'search', href: 'index.html', label: 'nav_search' },
  { key: 'compare', href: 'compare.html', label: 'nav_compare' },
  { key: 'matrix', href: 'matrix.html', label: 'nav_matrix' },
  { key: 'facts', href: 'facts.html', label: 'nav_facts' },
  { key: 'glossary', href: 'glossary.html', label: 'nav_glossary' },
];

// This page's URL in another UI language.
function langHref(lang) {
  const url = new URL(location.href);
  url.searchParams.set('ui', lang);
  return url.pathname + url.search + url.hash;
}

// Fills the page's <header id="site-header"> and <footer id="site-footer">
// placeholders: brand, navigation (current: this page's key), the language
// switch (onSwitch(lang) on a plain click) and the footer note.
function renderChrome(current, ui, onSwitch) {
  const main = document.getElementById('main');
  const wrap = 'wrap' + (main && main.classList.contains('wide') ? ' wide' : '');
  const header = document.getElementById('site-header');
  if (header) {
    const nav = el('ul', { class: 'nav-list' }, NAV_PAGES.map((p) => el('li', null, el('a', {
      href: withUi(p.href, ui), 'aria-current': p.key === current ? 'page' : null, dataset: { nav: p.key },
    }, t(p.label)))));
    const langs = el('ul', { class: 'lang-list' }, UI_LANGS.map((lang) => {
      const a = el('a', {
        href: langHref(lang), lang, hreflang: lang,
        'aria-current': lang === getLang() ? 'true' : null, dataset: { ui: lang },
      }, UI_LANG_NAMES[lang]);
      a.addEventListener('click', (ev) => { if (isPlainClick(ev)) { ev.preventDefault(); onSwitch(lang); } });
      return el('li', null, a);
    }));
    clear(header).appendChild(el('div', { class: wrap + ' header-inner' },
      el('a', { class: 'brand', href: withUi('index.html', ui), id: 'home-link' },
        el('span', { class: 'brand-mark', 'aria-hidden': 'true' }),
        el('span', { class: 'brand-text' },
          el('span', { class: 'brand-name' }, t('brand')),
          el('span', { class: 'tagline' }, t('tagline')))),
      el('nav', { class: 'site-nav', id: 'site-nav', 'aria-label': t('navLabel') }, nav),
      el('nav', { class: 'ui-lang', id: 'ui-lang', 'aria-label': t('uiLanguage') }, langs)));
  }
  const footer = document.getElementById('site-footer');
  if (footer) clear(footer).appendChild(el('div', { class: wrap }, el('p', null, t('footer'))));
}

// ---- the controller ----------------------------------------------------------------

export function createPage(spec) {
  const ui = { parse: (p) => uiOf('?' + p.toString()), write: (p, v, forApi) => { if (!forApi && v) p.set('ui', v); } };
  const fields = { ...spec.fields, ui };
  const $ = (id) => (id ? document.getElementById(id) : null);
  let inflight = null;
  let loadedKey = null;
  let shownSearch = null;

  const page = {
    state: null,
    data: null,
    error: null,
    loading: false,

    read(search = location.search) {
      const p = new URLSearchParams(search);
      const s = {};
      for (const [name, f] of Object.entries(fields)) s[name] = f.parse(p);
      return spec.normalize ? spec.normalize(s) : s;
    },
    // The page URL's parameters (forApi false) or the API request's (forApi
    // true: with ui= the UI language, which labels the answer).
    params(s, forApi) {
      const p = new URLSearchParams();
      for (const [name, f] of Object.entries(fields)) f.write(p, s[name], forApi, s);
      if (forApi) p.set('ui', getLang());
      return p;
    },
    apiParams(s = page.state) { return page.params(s, true); },
    href(s = page.state) {
      const qs = page.params(s, false).toString();
      return location.pathname + (qs ? '?' + qs : '');
    },
    // Sets the state without touching the URL or loading.
    set(next) { page.state = next; },

    // A new state: a history entry (replace: the current one, keeping the
    // hash unless `hash` names another), the form updated, then a load when
    // the request changes (or `force`), else a render (render: false skips
    // it). Returns a promise settled when the page shows the new state.
    navigate(next, { replace = false, hash = null, render = true, force = false } = {}) {
      page.state = next;
      const url = page.href(next) + (hash !== null ? hash : replace ? location.hash : '');
      if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
      urlChanged();
      if (spec.form) spec.form(next);
      if (force || key(next) !== loadedKey) return page.reload();
      if (render) page.render();
      return Promise.resolve();
    },

    render() {
      if (spec.render) spec.render({ state: page.state, data: page.data, error: page.error });
      renderError();
    },

    async reload() {
      if (inflight) inflight.abort();
      const ctrl = new AbortController();
      inflight = ctrl;
      const k = key(page.state);
      loadedKey = k;
      const box = $(spec.box);
      page.loading = true;
      if (box) {
        box.dataset.state = 'loading';
        box.setAttribute('aria-busy', 'true');
        box.classList.add('is-loading');
      }
      const slow = setTimeout(() => {
        const status = $(spec.status);
        if (inflight === ctrl && status) status.textContent = t(spec.loadingKey || 'loading');
      }, spec.slowMs === undefined ? 200 : spec.slowMs);
      let data = null;
      let error = null;
      try {
        data = spec.load ? await spec.load(page.state, ctrl.signal) : null;
      } catch (e) {
        if (e && e.name === 'AbortError') return;
        error = e;
      } finally {
        clearTimeout(slow);
      }
      if (inflight !== ctrl) return;
      inflight = null;
      page.loading = false;
      page.data = data === undefined ? null : data;
      page.error = error;
      page.render();
      if (box) {
        box.removeAttribute('aria-busy');
        box.classList.remove('is-loading');
        box.dataset.state = error ? 'error' : page.data === null ? 'idle' : 'ready';
      }
    },

    switchLang(lang) {
      useLang(lang);
      page.state = { ...page.state, ui: lang };
      history.replaceState(null, '', page.href() + location.hash);
      urlChanged();
      relabel();
      if (key(page.state) !== loadedKey) page.reload();
      else page.render();
    },

    async start() {
      useLang(uiOf(location.search) || defaultLang());
      page.state = page.read();
      relabel(false);
      window.addEventListener('hashchange', urlChanged);
      window.addEventListener('popstate', () => {
        // A link to #fragment pops no new state of ours.
        if (location.search === shownSearch) return;
        urlChanged();
        page.state = page.read();
        const lang = page.state.ui || getLang();
        if (lang !== getLang()) { useLang(lang); relabel(false); }
        if (spec.form) spec.form(page.state);
        if (key(page.state) !== loadedKey) page.reload();
        else page.render();
      });
      if (spec.start) await spec.start(page);
      // Normalise the URL (drops invalid values) without adding a history entry.
      history.replaceState(null, '', page.href() + location.hash);
      urlChanged();
      if (spec.form) spec.form(page.state);
      return page.reload();
    },
  };

  // The URL shown changed: the language links follow it (for a new tab).
  function urlChanged() {
    shownSearch = location.search;
    for (const a of document.querySelectorAll('#ui-lang a[data-ui]')) a.setAttribute('href', langHref(a.dataset.ui));
  }

  // What the request depends on: the API parameters (and the UI language
  // when the answer is labelled in it).
  function key(s) {
    const p = page.params(s, true);
    if (!spec.reloadOnLang) p.delete('ui');
    return p.toString();
  }

  function relabel(withForm = true) {
    applyLabels();
    renderChrome(spec.nav || null, page.state.ui || null, (lang) => page.switchLang(lang));
    if (spec.relabel) spec.relabel();
    if (withForm && spec.form) spec.form(page.state);
  }

  // The alert box: the error in the UI language, and "Try again" unless the
  // request itself was refused (4xx).
  function renderError() {
    const box = $(spec.error);
    if (!box) return;
    clear(box);
    const e = page.error;
    box.hidden = !e;
    if (!e) return;
    const text = spec.errorText ? spec.errorText(e) : e.network || !spec.errorKey ? e.message : t(spec.errorKey, { msg: e.message });
    const [title, hint] = Array.isArray(text) ? text : [text, null];
    box.appendChild(el('p', { class: hint ? 'alert-title' : null }, title));
    if (hint) box.appendChild(el('p', null, hint));
    if (!(e.status >= 400 && e.status < 500)) {
      box.appendChild(el('p', null, el('button', {
        type: 'button', class: 'btn-secondary retry', onclick: () => page.reload(),
      }, t('retry'))));
    }
    const status = $(spec.status);
    if (status) status.textContent = '';
  }

  return page;
}
