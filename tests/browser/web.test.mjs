// End-to-end test of the Himoya web UI in Debian's Chromium.
//   node web.test.mjs http://127.0.0.1:PORT
// The server must serve web/ at / and the JSON API under /api. Prints one
// line per step and a closing line "N passed, M failed[, K skipped]".
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const IMG_DIR = path.resolve(HERE, '../../docs/img');
const BASE = (process.argv[2] || process.env.HIMOYA_URL || '').replace(/\/+$/, '');
if (!/^https?:\/\//.test(BASE)) {
  console.error('usage: node web.test.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CANARY = 'xsscanary';
const EVIL = '<script>window.__himoyaXss=1</script><img src=x onerror="window.__himoyaXss=2">';

let passed = 0;
let failed = 0;
let skipped = 0;
const pageErrors = [];

class Skip extends Error {}
const skip = (why) => { throw new Skip(why); };

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    if (e instanceof Skip) {
      skipped++;
      console.log(`skip ${name}: ${e.message}`);
      return;
    }
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message.split('\n')[0] : e}`);
    if (process.env.VERBOSE && e && e.stack) console.log(e.stack);
  }
}

async function api(pathAndQuery) {
  const res = await fetch(BASE + pathAndQuery);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  return { status: res.status, body };
}

// Wait for the /api/search request that `action` triggers and for the page
// to finish rendering it; returns the API's JSON.
async function searchDone(page, action) {
  const resp = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/search', { timeout: 15000 });
  await action();
  const r = await resp;
  const body = await r.json().catch(() => null);
  await page.waitForFunction(() => {
    const res = document.getElementById('results');
    return res && !res.hasAttribute('aria-busy');
  }, null, { timeout: 15000 });
  return body;
}

async function total(page) {
  const v = await page.getAttribute('#summary', 'data-total');
  assert(v !== null, 'the result summary shows no total (#summary[data-total] missing)');
  return Number(v);
}

function attachErrorLog(page, label) {
  page.on('pageerror', (err) => pageErrors.push(`${label}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (/Failed to load resource: the server responded with a status of (400|404)/.test(text)) return;
    pageErrors.push(`${label}: console error: ${text}`);
  });
  page.on('dialog', (d) => { pageErrors.push(`${label}: unexpected dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}).catch((e) => {
  console.error(`cannot launch ${CHROMIUM}: ${e.message.split('\n')[0]}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});

const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
ctx.setDefaultTimeout(10000);
const page = await ctx.newPage();
attachErrorLog(page, 'main');

let query = null;        // a query with hits and <mark> snippets
let browseTotal = 0;
let queryTotal = 0;
let queryVersions = 0;   // matching records in every language version: what facet counts add up to
let facetUrl = null;
let facetState = null;

await step('API health answers', async () => {
  const { status, body } = await api('/api/health');
  assert(status === 200, `/api/health answered ${status}`);
  assert(body && body.status === 'ok', `/api/health body: ${JSON.stringify(body)}`);
  assert(body.documents > 0, `the index holds no documents: ${JSON.stringify(body)}`);
});

await step('page loads and browses everything with facets', async () => {
  const data = await searchDone(page, () => page.goto(BASE + '/', { waitUntil: 'domcontentloaded' }));
  assert(data, 'no JSON from /api/search on page load');
  browseTotal = await total(page);
  assert(browseTotal > 0, 'empty-query browse shows 0 results');
  assert(browseTotal === data.total, `summary shows ${browseTotal}, API said ${data.total}`);
  const hits = await page.locator('#hits > li.hit').count();
  assert(hits > 0, 'no result items rendered');
  const groups = await page.locator('#facets fieldset.facet').count();
  for (const f of ['jurisdiction', 'lang', 'type', 'year', 'topic', 'body']) {
    assert(await page.locator(`#facets fieldset[data-facet-group=${f}]`).count() === 1, `facet group ${f} missing`);
  }
  assert(groups >= 6, `expected at least 6 facet groups, found ${groups}`);
  const boxes = await page.locator('#facets input[type=checkbox]').count();
  assert(boxes > 0, 'no facet checkboxes rendered');
  const label = await page.locator('label[for=q]').textContent();
  assert(label && label.trim().length > 0, 'the search box has no label');
  const took = await page.locator('#summary .summary-took').count();
  assert(took === 1, 'took_ms is not shown');
});

await step('typing a query shows hits with <mark> snippets', async () => {
  const candidates = ['protection order', 'violence', 'family', 'насилие', 'зӯроварӣ', 'court', 'police'];
  for (const c of candidates) {
    const { status, body } = await api('/api/search?q=' + encodeURIComponent(c));
    if (status === 200 && body.total > 0 && body.hits.some((h) => /<mark>/.test(h.snippet || ''))) { query = c; break; }
  }
  assert(query, `none of ${JSON.stringify(candidates)} returns hits with <mark> in the snippet`);
  await page.fill('#q', query);
  const data = await searchDone(page, () => page.press('#q', 'Enter'));
  const url = new URL(page.url());
  assert(url.searchParams.get('q') === query, `URL has q=${url.searchParams.get('q')}, expected ${query}`);
  queryTotal = await total(page);
  queryVersions = data.total_versions;
  assert(queryVersions >= queryTotal, `total_versions ${queryVersions} < total ${queryTotal}`);
  assert(queryTotal === data.total && queryTotal > 0, `summary total ${queryTotal} vs API ${data.total}`);
  const marks = await page.locator('#hits .snippet mark').count();
  assert(marks > 0, 'no <mark> in the rendered snippets');
  const cite = await page.locator('#hits > li.hit').first().locator('.cite').textContent();
  assert(cite && cite.includes('·'), `citation line looks wrong: "${cite}"`);
  const title = await page.locator('#hits > li.hit .hit-title a').first().textContent();
  assert(title && title.trim() === data.hits[0].title.trim(), `first title "${title}" vs API "${data.hits[0].title}"`);
});

await step('a text found in one language lists its other language versions under the hit', async () => {
  const page = await ctx.newPage();  // its own tab: the steps below go on from the query above
  attachErrorLog(page, 'versions');
  const data = await searchDone(page, () => page.goto(BASE + '/?q=' + encodeURIComponent('охранный ордер'), { waitUntil: 'domcontentloaded' }));
  assert(data && data.total > 0, 'no hits for охранный ордер');
  const withVersions = data.hits.findIndex((h) => (h.versions || []).some((v) => v.matched));
  assert(withVersions >= 0, 'no hit lists a matching version: ' + JSON.stringify(data.hits.map((h) => h.id)));
  const hit = data.hits[withVersions];
  const item = page.locator('#hits > li.hit').nth(withVersions);
  assert(await item.getAttribute('data-id') === hit.id, 'hit order on the page differs from the API');
  const pills = item.locator('.hit-versions a.lang-pill');
  assert(await pills.count() === hit.versions.length, `${await pills.count()} version links, API lists ${hit.versions.length}`);
  const matched = hit.versions.find((v) => v.matched);
  const pill = item.locator(`.hit-versions a.lang-pill.matched[data-version-id="${matched.id}"]`);
  assert(await pill.count() === 1, `no marked link to ${matched.id}`);
  const href = await pill.getAttribute('href');
  assert(href.includes('document.html?id=' + encodeURIComponent(matched.document_id)), `version link ${href}`);
  // No two hits on the page are versions of one text.
  const groups = data.hits.map((h) => h.version_group);
  assert(new Set(groups).size === groups.length, 'two hits share a version_group');
  if (data.total_versions > data.total) {
    const note = await page.locator('#summary .summary-versions').textContent();
    assert(note.includes(String(data.total_versions)), `summary note "${note}"`);
  }
  await page.close();
});

await step('ticking a facet checkbox changes the count and the URL', async () => {
  assert(query, 'no query from the previous step');
  const before = page.url();
  // A jurisdiction or language value that narrows the result set.
  const candidates = page.locator('#facets fieldset[data-facet-group=jurisdiction] input[type=checkbox], #facets fieldset[data-facet-group=lang] input[type=checkbox], #facets fieldset[data-facet-group=type] input[type=checkbox]');
  const n = await candidates.count();
  let chosen = null;
  for (let i = 0; i < n; i++) {
    const box = candidates.nth(i);
    const count = Number((await box.locator('xpath=..').locator('.facet-count').textContent()).replace(/\D/g, ''));
    if (count > 0 && count < queryVersions) { chosen = { box, count, facet: await box.getAttribute('name'), value: await box.getAttribute('value') }; break; }
  }
  assert(chosen, 'no jurisdiction/language/type value narrows the results (all counts equal the total)');
  const data = await searchDone(page, () => chosen.box.click());
  const after = await total(page);
  assert(after === data.total, `summary shows ${after}, API said ${data.total}`);
  // A facet value's count is the number of results when ticked (texts; older
  // servers counted every language version).
  assert(data.total === chosen.count || data.total_versions === chosen.count, `${data.total} texts / ${data.total_versions} records after the filter, the facet said ${chosen.count}`);
  assert(after <= chosen.count && after <= queryTotal, `${after} hits after ticking ${chosen.facet}=${chosen.value}`);
  assert(page.url() !== before, 'URL did not change');
  const url = new URL(page.url());
  assert(url.searchParams.getAll(chosen.facet).includes(chosen.value), `URL lacks ${chosen.facet}=${chosen.value}: ${page.url()}`);
  const checked = await page.locator(`#facets input[name="${chosen.facet}"][value="${chosen.value}"]`).isChecked();
  assert(checked, 'the ticked checkbox is not checked after the results came back');
  facetUrl = page.url();
  facetState = { facet: chosen.facet, value: chosen.value, total: after, first: await page.locator('#hits .hit-title a').first().textContent() };
  fs.mkdirSync(IMG_DIR, { recursive: true });
  await page.screenshot({ path: path.join(IMG_DIR, 'search.png') });
});

await step('reloading the shared URL restores the same state', async () => {
  assert(facetUrl, 'no facet URL from the previous step');
  const p2 = await ctx.newPage();
  attachErrorLog(p2, 'shared');
  await searchDone(p2, () => p2.goto(facetUrl, { waitUntil: 'domcontentloaded' }));
  assert((await p2.inputValue('#q')) === query, 'query box not restored');
  assert(await p2.locator(`#facets input[name="${facetState.facet}"][value="${facetState.value}"]`).isChecked(), 'facet checkbox not restored');
  assert((await total(p2)) === facetState.total, `total ${await total(p2)} vs ${facetState.total}`);
  assert((await p2.locator('#hits .hit-title a').first().textContent()) === facetState.first, 'first hit differs');
  await p2.close();
});

await step('back and forward restore earlier searches', async () => {
  assert(facetUrl, 'no facet URL');
  await searchDone(page, () => page.goBack());
  assert(!new URL(page.url()).searchParams.has(facetState.facet), `back did not drop the facet: ${page.url()}`);
  assert((await total(page)) === queryTotal, `after back total is ${await total(page)}, expected ${queryTotal}`);
  assert(!(await page.locator(`#facets input[name="${facetState.facet}"][value="${facetState.value}"]`).isChecked()), 'checkbox still ticked after back');
  await searchDone(page, () => page.goForward());
  assert(page.url() === facetUrl, `forward went to ${page.url()}`);
  assert((await total(page)) === facetState.total, 'forward did not restore the filtered total');
});

await step('keyboard: Space on a facet checkbox filters and keeps focus', async () => {
  await searchDone(page, () => page.goto(BASE + '/?q=' + encodeURIComponent(query), { waitUntil: 'domcontentloaded' }));
  const box = page.locator('#facets input[type=checkbox]').first();
  await box.focus();
  const name = await box.getAttribute('name');
  const value = await box.getAttribute('value');
  await searchDone(page, () => page.keyboard.press('Space'));
  assert(await page.locator(`#facets input[name="${name}"][value="${value}"]`).isChecked(), 'Space did not tick the checkbox');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.name + '=' + document.activeElement.value);
  assert(focused === `${name}=${value}`, `focus moved to ${focused}`);
});

await step('sort by date orders hits by year, newest first', async () => {
  await searchDone(page, () => page.goto(BASE + '/?q=' + encodeURIComponent(query), { waitUntil: 'domcontentloaded' }));
  const data = await searchDone(page, () => page.selectOption('#sort', 'date'));
  assert(new URL(page.url()).searchParams.get('sort') === 'date', 'URL lacks sort=date');
  const years = data.hits.map((h) => h.year || 0);
  for (let i = 1; i < years.length; i++) assert(years[i] <= years[i - 1], `years not descending: ${years.join(',')}`);
  const shown = await page.locator('#hits .hit-title a').first().textContent();
  assert(shown === data.hits[0].title, 'first rendered hit is not the first of the date-sorted response');
});

await step('pagination moves to page 2', async () => {
  const per = 10;
  if (browseTotal <= per) skip(`only ${browseTotal} results`);
  await searchDone(page, () => page.goto(BASE + '/', { waitUntil: 'domcontentloaded' }));
  const first = await page.locator('#hits .hit').first().getAttribute('data-id');
  const data = await searchDone(page, () => page.locator('#pager a.pager-next').click());
  assert(new URL(page.url()).searchParams.get('page') === '2', `URL is ${page.url()}`);
  assert(data.page === 2, `API answered page ${data.page}`);
  const second = await page.locator('#hits .hit').first().getAttribute('data-id');
  assert(second !== first, 'page 2 shows the same first hit');
  assert((await page.getAttribute('#hits', 'start')) === String(per + 1), 'list numbering does not continue');
  assert(await page.locator('#pager a[aria-current=page]').textContent() === '2', 'current page not marked');
});

await step('opening a result scrolls to the highlighted provision', async () => {
  await searchDone(page, () => page.goto(BASE + '/?q=' + encodeURIComponent(query), { waitUntil: 'domcontentloaded' }));
  // The first hit that is a provision (its link carries #unit).
  const links = page.locator('#hits .hit-title a');
  const n = await links.count();
  let link = null;
  for (let i = 0; i < n; i++) if ((await links.nth(i).getAttribute('href')).includes('#')) { link = links.nth(i); break; }
  assert(link, 'no provision hit (link with #unit) on the first page');
  const href = await link.getAttribute('href');
  const unit = decodeURIComponent(href.split('#')[1]);
  await Promise.all([page.waitForURL(/document\.html/), link.click()]);
  await page.waitForSelector('.provision.is-target', { timeout: 15000 });
  const targetId = await page.getAttribute('.provision.is-target', 'id');
  assert(targetId === unit || targetId.endsWith('__' + unit), `highlighted provision is ${targetId}, expected ${unit}`);
  await page.waitForTimeout(300);
  const inView = await page.evaluate(() => {
    const r = document.querySelector('.provision.is-target').getBoundingClientRect();
    return r.top >= -2 && r.top < window.innerHeight - 20;
  });
  assert(inView, 'the target provision is not scrolled into view');
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.provision.is-target')).backgroundColor);
  const plain = await page.evaluate(() => {
    const other = document.querySelector('.provision:not(.is-target)');
    return other ? getComputedStyle(other).backgroundColor : null;
  });
  assert(plain === null || bg !== plain, 'the target provision is not visually highlighted');
  const h1 = (await page.textContent('#doc-title')) || '';
  assert(h1.trim().length > 0, 'no document title');
  const rows = await page.locator('#doc-meta .meta-row').count();
  assert(rows >= 3, `only ${rows} metadata rows`);
  const toc = await page.locator('#toc-list a').count();
  const provs = await page.locator('#provisions .provision').count();
  assert(provs > 0 && (toc === provs || provs < 2), `contents has ${toc} entries for ${provs} provisions`);
  const back = await page.getAttribute('#back-link', 'href');
  assert(back && back.includes('q='), `"Back to search" does not return to the search: ${back}`);
  await page.screenshot({ path: path.join(IMG_DIR, 'document.png') });
});

await step('document page links other language versions', async () => {
  const doc = new URL(page.url()).searchParams.get('id');
  const { body } = await api('/api/documents/' + encodeURIComponent(doc));
  const others = (body.versions || []).filter((v) => v.id !== doc);
  if (!others.length) skip(`${doc} has no other versions`);
  const links = await page.locator('#versions a.version-link').count();
  assert(links === others.length, `${links} version links for ${others.length} versions`);
  await Promise.all([page.waitForURL(new RegExp('id=' + others[0].id.replace(/[.]/g, '\\.'))), page.locator('#versions a.version-link').first().click()]);
  await page.waitForSelector('#doc:not([hidden])');
  assert((await page.textContent('#doc-title')).trim() === others[0].title.trim(), 'version link opened another title');
});

await step('document page shows what a provision refers to, and following the link shows it referred to by', async () => {
  const id = 'tj-criminal-code-dv-ru';
  const { body } = await api('/api/documents/' + id);
  const citing = (body.provisions || []).find((p) => (p.refers_to || []).some((r) => (r.provisions || []).length));
  if (!citing) throw new Error(`${id}: no provision with a resolved reference in the API answer`);
  const ref = citing.refers_to.find((r) => (r.provisions || []).length);
  const target = ref.provisions[0];
  const p = await browser.newPage({ locale: 'ru-RU' });
  await p.goto(BASE + '/document.html?ui=ru&id=' + id, { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#doc:not([hidden])');
  const box = p.locator(`[id="${citing.unit_id}"] .prov-links`);
  const text = await box.textContent();
  assert(text.includes('Ссылается на') && text.includes(ref.text), `links row: ${text}`);
  await Promise.all([p.waitForURL(new RegExp('id=' + target.document.replace(/[.]/g, '\\.'))),
    box.locator('a.ref-link').first().click()]);
  await p.waitForSelector('#doc:not([hidden])');
  const back = await p.locator(`[id="${target.unit_id}"] .prov-links`).textContent();
  assert(back.includes('На него ссылаются'), `target provision lists who refers to it: ${back}`);
  await p.close();
});

for (const ui of ['en', 'ru', 'tg']) {
  await step(`the definitions page shows "family member" in at least six jurisdictions (${ui} UI)`, async () => {
    const { status, body } = await api(`/api/glossary?concept=family-definition&ui=${ui}`);
    assert(status === 200, `/api/glossary answered ${status}`);
    const p = await ctx.newPage();
    attachErrorLog(p, 'glossary-' + ui);
    await p.goto(BASE + `/glossary.html?ui=${ui}&concept=family-definition`, { waitUntil: 'domcontentloaded' });
    await p.waitForSelector('#gl-box[data-state=ready]', { timeout: 20000 });
    const heads = await p.locator('#gl-grid .gl-col').evaluateAll((ns) => ns.map((n) => n.dataset.jurisdiction));
    assert(heads.length >= 6, `${heads.length} jurisdictions: ${heads.join(' ')}`);
    assert(JSON.stringify(heads) === JSON.stringify(body.columns.map((c) => c.jurisdiction)), `columns ${heads} vs API`);
    assert(await p.locator('#gl-grid .gl-card').count() >= heads.length, 'a column without a definition');
    // Each definition in the UI language where that version exists.
    const inUi = body.columns.flatMap((c) => c.provisions).filter((x) => x.in_ui_language).length;
    assert(inUi >= heads.length, `${inUi} definitions in the ${ui} UI language`);
    await p.close();
  });
}

await step('the definitions page (ru): on an unknown term its term list is still in Russian', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'glossary-error');
  await p.goto(BASE + '/glossary.html?ui=ru&concept=nope', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#gl-box[data-state=error]', { timeout: 20000 });
  const { body } = await api('/api/labels?ui=ru');
  const options = await p.locator('#gl-term option').evaluateAll((os) => os.map((o) => ({ id: o.value, text: o.textContent })));
  assert(options.length > 0, 'no term list on the error page');
  for (const o of options) {
    assert(!/[A-Za-z]{4,}/.test(o.text), `an English term on the Russian page: ${o.id} "${o.text}"`);
    const label = body.labels.topic && body.labels.topic[o.id];
    if (label) assert(o.text.toLowerCase() === String(label).toLowerCase(), `${o.id}: "${o.text}" where the API says "${label}"`);
  }
  await p.close();
});

await step('unknown document id shows "not found"', async () => {
  await page.goto(BASE + '/document.html?id=no-such-document-xyz', { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('#doc-error:not([hidden])');
  const text = await page.textContent('#doc-error');
  assert(/not found/i.test(text), `error box says "${text}"`);
});

await step('document: a failed answer shows the error state, "Try again" loads the document', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'doc-retry');
  await p.route('**/api/documents/**', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'upstream timeout' }));
  await p.goto(BASE + '/document.html?ui=ru&id=tj-dv-law-2013-ru', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#doc-error:not([hidden]) button.retry');
  assert(/Сервер сообщил об ошибке/.test(await p.textContent('#doc-error')), `error box reads "${await p.textContent('#doc-error')}"`);
  assert(await p.locator('#doc').isHidden(), 'the document is shown beside the error');
  await p.unroute('**/api/documents/**');
  await p.click('#doc-error button.retry');
  await p.waitForSelector('#doc:not([hidden])');
  assert(await p.locator('#doc-error').isHidden(), 'the error stays after a successful retry');
  assert(((await p.textContent('#doc-title')) || '').trim().length > 0, 'no title after the retry');
  await p.close();
});

await step('switching the UI to Tajik translates labels and stays in the URL', async () => {
  await searchDone(page, () => page.goto(BASE + '/?q=' + encodeURIComponent(query), { waitUntil: 'domcontentloaded' }));
  await page.locator('#ui-lang a[data-ui=tg]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'tg');
  assert(new URL(page.url()).searchParams.get('ui') === 'tg', `URL lacks ui=tg: ${page.url()}`);
  const expect = {
    '#search-button': 'Ҷустуҷӯ',
    'label[for=q]': 'Ҷустуҷӯ дар қонунгузорӣ ва амалия',
    'label[for=sort]': 'Тартиб',
    '#facets fieldset[data-facet-group=lang] legend': 'Забон',
    '#facets fieldset[data-facet-group=type] legend': 'Намуди ҳуҷҷат',
  };
  // Facet names come from /api/labels (kind facet) where the server has them.
  const { status: ls, body: lb } = await api('/api/labels?ui=tg');
  const facetNames = ls === 200 && lb && lb.labels && lb.labels.facet ? lb.labels.facet : {};
  for (const f of ['lang', 'type']) if (facetNames[f]) expect[`#facets fieldset[data-facet-group=${f}] legend`] = facetNames[f];
  for (const [sel, text] of Object.entries(expect)) {
    const got = ((await page.textContent(sel)) || '').trim();
    assert(got === text, `${sel} reads "${got}", expected "${text}"`);
  }
  // Language facet values are translated (tg → Тоҷикӣ, ru → Русӣ, en → Англисӣ).
  const names = { tg: 'Тоҷикӣ', ru: 'Русӣ', en: 'Англисӣ' };
  const langBoxes = page.locator('#facets fieldset[data-facet-group=lang] label.facet-item');
  const nb = await langBoxes.count();
  let seen = 0;
  for (let i = 0; i < nb; i++) {
    const v = await langBoxes.nth(i).locator('input').getAttribute('value');
    if (!names[v]) continue;
    const got = (await langBoxes.nth(i).locator('.facet-name').textContent()).trim();
    assert(got === names[v], `language value ${v} reads "${got}", expected "${names[v]}"`);
    seen++;
  }
  assert(seen > 0, 'no tg/ru/en value in the language facet');
  const summary = await page.textContent('#summary');
  assert(/натиҷа/.test(summary), `summary not in Tajik: "${summary}"`);
  // The choice survives a reload and reaches the document page.
  await searchDone(page, () => page.reload({ waitUntil: 'domcontentloaded' }));
  assert(((await page.textContent('#search-button')) || '').trim() === 'Ҷустуҷӯ', 'Tajik lost after reload');
  const href = await page.locator('#hits .hit-title a').first().getAttribute('href');
  assert(/[?&]ui=tg/.test(href), `result link lacks ui=tg: ${href}`);
  await Promise.all([page.waitForURL(/document\.html/), page.locator('#hits .hit-title a').first().click()]);
  await page.waitForSelector('#doc:not([hidden])');
  assert(((await page.textContent('#back-link')) || '').includes('Бозгашт ба ҷустуҷӯ'), 'document page not in Tajik');
  assert(((await page.textContent('#toc-title')) || '').trim() === 'Мундариҷа', 'contents label not in Tajik');
});

await step('default UI language follows the browser (ru)', async () => {
  const ctxRu = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  const p = await ctxRu.newPage();
  attachErrorLog(p, 'ru');
  await searchDone(p, () => p.goto(BASE + '/', { waitUntil: 'domcontentloaded' }));
  const got = ((await p.textContent('#search-button')) || '').trim();
  assert(got === 'Найти', `search button reads "${got}" under a Russian browser`);
  await ctxRu.close();
});

await step('a hit title with <script> stays text (served by himoya)', async () => {
  const { body } = await api('/api/search?q=' + CANARY);
  if (!body || !body.total) skip(`no document with "${CANARY}" in the index (run.sh adds one)`);
  const evilHit = body.hits.find((h) => /<script>/i.test(h.title || ''));
  assert(evilHit, `the canary document's title has no <script>: ${JSON.stringify(body.hits[0] && body.hits[0].title)}`);
  await searchDone(page, () => page.goto(BASE + '/?q=' + CANARY, { waitUntil: 'domcontentloaded' }));
  const title = await page.locator('#hits .hit-title a').first().textContent();
  assert(title.includes('<script>'), `title is not shown as text: "${title}"`);
  assert((await page.locator('#hits script, #hits img').count()) === 0, 'a <script>/<img> element was created from the title');
  await page.waitForTimeout(200);
  assert(await page.evaluate(() => window.__himoyaXss === undefined), 'script from the title ran');
  await Promise.all([page.waitForURL(/document\.html/), page.locator('#hits .hit-title a').first().click()]);
  await page.waitForSelector('#doc:not([hidden])');
  assert((await page.textContent('#doc-title')).includes('<script>'), 'document title not shown as text');
  assert((await page.locator('main script, main img').count()) === 0, 'markup from the document was injected');
  assert(await page.evaluate(() => window.__himoyaXss === undefined), 'script from the document ran');
});

await step('markup in any API field stays text (intercepted response)', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'evil');
  await p.route('**/api/search?**', async (route) => {
    const res = await route.fetch();
    const data = await res.json();
    if (data.hits && data.hits[0]) {
      Object.assign(data.hits[0], { title: 'T' + EVIL, heading: 'H' + EVIL, label: 'L' + EVIL, snippet: 'S &lt;b&gt; <img src=x onerror="window.__himoyaXss=3"><mark>m</mark>' });
    }
    data.facets = data.facets || {};
    data.facets.body = [{ value: 'B' + EVIL, count: 1 }].concat(data.facets.body || []);
    data.suggestion = 'S' + EVIL;
    await route.fulfill({ response: res, json: data });
  });
  await searchDone(p, () => p.goto(BASE + '/?q=' + encodeURIComponent(query), { waitUntil: 'domcontentloaded' }));
  await p.waitForTimeout(200);
  assert((await p.locator('#results script, #results img, #facets script, #facets img').count()) === 0, 'markup was injected');
  assert(await p.evaluate(() => window.__himoyaXss === undefined), 'injected script ran');
  assert((await p.locator('#hits .hit-title a').first().textContent()).includes('<script>'), 'title not shown as text');
  assert((await p.locator('#hits .snippet').first().innerHTML()).includes('<mark>m</mark>'), 'snippet <mark> lost');
  assert((await p.locator('#suggestion a').textContent()).includes('<script>'), 'suggestion not shown as text');
  await p.close();
});

await step('a 400 from the API is shown as a readable message', async () => {
  let bad = null;
  for (const qs of ['year_from=2020&year_to=2010', 'per_page=1000', 'per_page=0']) {
    const { status, body } = await api('/api/search?q=' + encodeURIComponent(query) + '&' + qs);
    if (status === 400) {
      assert(body && body.error && body.error.code === 400 && body.error.message, `400 without {"error":{code,message}}: ${JSON.stringify(body)}`);
      bad = { qs, message: body.error.message };
      break;
    }
  }
  assert(bad, 'the API never answered 400 to year_from>year_to or per_page=1000/0');
  await searchDone(page, () => page.goto(BASE + '/?q=' + encodeURIComponent(query) + '&' + bad.qs, { waitUntil: 'domcontentloaded' }));
  await page.waitForSelector('#error:not([hidden])');
  const text = await page.textContent('#error');
  assert(text.includes(bad.message), `error box "${text}" lacks the API's message "${bad.message}"`);
});

await step('"did you mean" offers the suggestion (the words searched as typed)', async () => {
  // correct=0: a word that matches nothing is not searched in its corrected
  // spelling (a later step covers that), so the page offers the suggestion.
  let found = null;
  for (const w of query.split(/\s+/)) {
    if (w.length < 5) continue;
    const typo = w.slice(0, 2) + w.slice(3);
    const { body } = await api('/api/search?correct=0&q=' + encodeURIComponent(typo));
    if (body && body.suggestion) { found = { typo, suggestion: body.suggestion }; break; }
  }
  if (!found) skip('the API made no suggestion for a misspelt query word');
  await searchDone(page, () => page.goto(BASE + '/?correct=0&q=' + encodeURIComponent(found.typo), { waitUntil: 'domcontentloaded' }));
  await page.waitForSelector('#suggestion:not([hidden]) a');
  assert((await page.textContent('#suggestion a')) === found.suggestion, 'suggestion link text differs');
  await searchDone(page, () => page.click('#suggestion a'));
  assert(new URL(page.url()).searchParams.get('q') === found.suggestion, 'clicking the suggestion did not search for it');
});

await step('search: the facet groups follow the answer (its facet_order, a facet the page does not know)', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'facet-order');
  // Unchanged, the server's order: jurisdiction first.
  await searchDone(p, () => p.goto(BASE + '/?q=' + encodeURIComponent(query), { waitUntil: 'domcontentloaded' }));
  const first = await p.locator('#facets fieldset.facet').first().getAttribute('data-facet-group');
  assert(first === 'jurisdiction', `the first facet group is ${first}, not jurisdiction`);
  let served = null;
  await p.route('**/api/search?**', async (route) => {
    const res = await route.fetch();
    const data = await res.json();
    // The answer's facet_order reversed, and one more facet the page has never heard of (not in the order).
    const order = (data.facet_order || Object.keys(data.facets || {})).slice().reverse();
    data.facet_order = order;
    data.facets.newfacet = [{ value: 'nv', count: 1, label: 'NV' }];
    served = [...order, 'newfacet'].filter((k) => Array.isArray(data.facets[k]) && data.facets[k].length);
    await route.fulfill({ response: res, json: data });
  });
  await searchDone(p, () => p.goto(BASE + '/?q=' + encodeURIComponent(query) + '&page=1', { waitUntil: 'domcontentloaded' }));
  const shown = await p.locator('#facets fieldset.facet').evaluateAll((fs) => fs.map((f) => f.dataset.facetGroup));
  assert(JSON.stringify(shown) === JSON.stringify(served), `facet groups ${JSON.stringify(shown)}, the answer listed ${JSON.stringify(served)}`);
  // Ticking the new facet's value filters by it: the page knows no list of facets.
  await p.unroute('**/api/search?**');
  const resp = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/search');
  await p.locator('#facets input[name=newfacet][value=nv]').click();
  assert(new URL((await resp).url()).searchParams.get('newfacet') === 'nv', 'the request lacks newfacet=nv');
  assert(new URL(p.url()).searchParams.get('newfacet') === 'nv', `the URL lacks newfacet=nv: ${p.url()}`);
  await p.close();
});

await step('search: an answer that is not JSON shows the error state, "Try again" recovers', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'not-json');
  await p.route('**/api/search?**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>proxy page</body></html>' }));
  await searchDone(p, () => p.goto(BASE + '/?q=' + encodeURIComponent(query), { waitUntil: 'domcontentloaded' }));
  await p.waitForSelector('#error:not([hidden])');
  assert(/server reported an error/i.test(await p.textContent('#error')), `error box reads "${await p.textContent('#error')}"`);
  assert(await p.getAttribute('#results', 'data-state') === 'error', '#results is not in the error state');
  assert(await p.locator('#hits li').count() === 0, 'hits are shown beside the error');
  await p.unroute('**/api/search?**');
  const data = await searchDone(p, () => p.click('#error button.retry'));
  assert(await p.locator('#error').isHidden(), 'the error stays after a successful retry');
  assert(await p.getAttribute('#results', 'data-state') === 'ready', '#results is not ready after the retry');
  assert((await total(p)) === data.total && data.total > 0, 'the retry shows no results');
  await p.close();
});

await step('search (ru): a refusal of the HTTP layer (busy, too long) is said in Russian, not in the server\'s English', async () => {
  const p = await ctx.newPage();  // no error log: the 503 and 414 are the point
  for (const [status, expect] of [[503, /Сервер занят/], [414, /Запрос слишком длинный/]]) {
    await p.route('**/api/search?**', (route) => route.fulfill({
      status, contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ error: { code: status, message: status === 503 ? 'server busy: too many connections' : 'request line too long (limit 8192 bytes)' } }) }));
    await p.goto(BASE + '/?ui=ru&q=' + encodeURIComponent(query), { waitUntil: 'domcontentloaded' });
    await p.waitForSelector('#error:not([hidden])');
    const text = (await p.textContent('#error')) || '';
    assert(expect.test(text) && !/server busy|request line/.test(text), `${status}: the error box reads "${text}"`);
    await p.unroute('**/api/search?**');
  }
  await p.close();
});

await step('search (ru): a filter written in the query is ticked, and unticking it takes it out of the words', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'query-filter');
  await p.goto(BASE + '/index.html?q=' + encodeURIComponent('jurisdiction:TJ ордер') + '&ui=ru', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#results[data-state=ready]', { timeout: 20000 });
  const tj = p.locator('#facets input[name="jurisdiction"][value="TJ"]');
  assert(await tj.count() === 1 && await tj.isChecked(), 'the jurisdiction written in the query is not ticked');
  const total = Number(await p.locator('#summary').getAttribute('data-total'));
  const { body } = await api('/api/search?q=' + encodeURIComponent('ордер') + '&jurisdiction=TJ');
  assert(total === body.total, `the page says ${total}, the same filter as a parameter gives ${body.total}`);
  await tj.uncheck();
  await p.waitForFunction(() => !/jurisdiction:/i.test(document.getElementById('q').value), null, { timeout: 10000 });
  await p.waitForSelector('#results[data-state=ready]');
  assert(!(await p.locator('#facets input[name="jurisdiction"][value="TJ"]').isChecked()), 'still ticked after unticking');
  assert(!/jurisdiction%3A/i.test(p.url()), `the URL keeps the filter: ${p.url()}`);
  await p.close();
});

await step('search (ru): a page past the last says where the results end, with a link there', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'past-last');
  await p.goto(BASE + '/index.html?page=999&ui=ru', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#results[data-state=ready]', { timeout: 20000 });
  const note = p.locator('#past-last-page');
  assert(await note.count() === 1, 'no note on a page past the last');
  assert(/999/.test(await note.textContent()), 'the note does not name the page asked for');
  assert(await p.locator('#empty').isHidden(), '"nothing found" shown although the results exist');
  await note.locator('a').click();
  await p.waitForFunction(() => document.querySelectorAll('#hits > li').length > 0, null, { timeout: 10000 });
  await p.close();
});

await step('document: switching the UI language rebuilds the open panels in the new language', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'doc-panels');
  await p.goto(BASE + '/document.html?id=ge-dv-law-2006-ru&ui=en&open=langs,related#breach', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#breach .prov-panel .parallel h3', { timeout: 20000 });
  const enHead = await p.locator('#breach .prov-panel .parallel h3').first().textContent();
  assert(/This version/.test(enHead || ''), `the English panel heading: ${enHead}`);
  // No button names a panel that does not exist.
  for (const id of await p.locator('.prov-tools button[aria-controls]').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-controls'))))
    assert(await p.locator('#' + id).count() === 1, `aria-controls names a missing element: ${id}`);
  await p.click('#site-header a[hreflang="tg"], #site-header [data-lang="tg"]');
  await p.waitForFunction(() => document.documentElement.lang === 'tg', null, { timeout: 10000 });
  const english = /This version|Summary|Shared concepts|Practice|Loading/;
  await p.waitForFunction((re) => {
    const panels = [...document.querySelectorAll('#breach .prov-panel')];
    return panels.length >= 2 && panels.every((x) => x.getAttribute('lang') === 'tg' && !new RegExp(re).test(x.textContent));
  }, english.source, { timeout: 10000 }).catch(() => {});
  const texts = await p.locator('#breach .prov-panel').allTextContents();
  assert(texts.length >= 2, `panels open: ${texts.length}`);
  for (const x of texts) assert(!english.test(x), `English left in the Tajik panels: ${x.slice(0, 200)}`);
  await p.close();
});

await step('search: switching the UI language keeps the query, filters and sort', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'lang-keeps-state');
  await searchDone(p, () => p.goto(BASE + '/?q=' + encodeURIComponent(query) + '&sort=date&type=law', { waitUntil: 'domcontentloaded' }));
  const before = await total(p);
  await p.locator('#ui-lang a[data-ui=ru]').click();
  await p.waitForFunction(() => document.documentElement.lang === 'ru');
  const url = new URL(p.url());
  assert(url.searchParams.get('q') === query && url.searchParams.get('sort') === 'date' && url.searchParams.get('type') === 'law' && url.searchParams.get('ui') === 'ru', `URL after the switch: ${url.search}`);
  assert((await p.inputValue('#q')) === query, 'the search box lost the query');
  assert(await p.isChecked('#facets input[name=type][value=law]'), 'the type filter is no longer ticked');
  assert((await total(p)) === before, 'the switch changed the results');
  assert(((await p.textContent('#search-button')) || '').trim() === 'Найти', 'the page is not in Russian');
  await p.close();
});

// ---- navigation, compare, matrix, facts, document tools, exports ----------

const COMPARE_J = ['TJ', 'BA-BIH', 'BA-SRP'];
const COMPARE_TOPIC = 'emergency-protection-orders';
let compareRenderMs = null;

// The text of a download; CSV files must start with a UTF-8 byte-order mark.
async function readDownload(download) {
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8');
  if (/\.csv$/.test(download.suggestedFilename())) assert(text.startsWith('\ufeff'), `${download.suggestedFilename()} has no UTF-8 BOM`);
  return text.replace(/^\ufeff/, '');
}

await step('the shared header links Search · Compare · Matrix · Protection orders · Definitions', async () => {
  await searchDone(page, () => page.goto(BASE + '/?ui=ru', { waitUntil: 'domcontentloaded' }));
  const links = page.locator('#site-nav a');
  assert(await links.count() === 5, `${await links.count()} navigation links`);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const [i, f] of ['index.html', 'compare.html', 'matrix.html', 'facts.html', 'glossary.html'].entries()) {
    assert(hrefs[i].includes(f) && /[?&]ui=ru/.test(hrefs[i]), `link ${i} is ${hrefs[i]}`);
  }
  assert(await page.getAttribute('#site-nav a[data-nav=search]', 'aria-current') === 'page', 'Search is not marked current');
  assert(((await page.textContent('#site-nav a[data-nav=compare]')) || '').trim() === 'Сравнение', 'nav not translated');
});

await step('every page draws the shared header from one definition (brand, 5 links, 3 languages)', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'header');
  for (const [file, nav, ready] of [
    ['index.html', 'search', '#results[data-state=ready]'],
    ['document.html?id=tj-dv-law-2013-ru', null, '#doc:not([hidden])'],
    ['compare.html', 'compare', '#compare[data-state=ready]'],
    ['matrix.html', 'matrix', '#matrix-box[data-state=ready]'],
    ['facts.html', 'facts', '#facts-box[data-state=ready], #facts-box[data-state=error]'],
    ['glossary.html', 'glossary', '#gl-box[data-state=ready], #gl-box[data-state=error]'],
  ]) {
    // The static page holds a placeholder (and a note without JavaScript), no header markup.
    const html = await (await fetch(BASE + '/' + file.split('?')[0])).text();
    assert(/id="site-header"/.test(html) && /<noscript>/.test(html) && !/id="site-nav"/.test(html), `${file}: the static header is not a placeholder`);
    await p.goto(BASE + '/' + file + (file.includes('?') ? '&' : '?') + 'ui=ru', { waitUntil: 'domcontentloaded' });
    await p.waitForSelector(ready, { timeout: 20000 });
    assert(((await p.textContent('#site-header .brand-name')) || '').trim() === 'Химоя', `${file}: brand not in Russian`);
    assert(await p.locator('#site-nav a').count() === 5, `${file}: ${await p.locator('#site-nav a').count()} navigation links`);
    assert(await p.locator('#ui-lang a').count() === 3, `${file}: ${await p.locator('#ui-lang a').count()} language links`);
    const current = await p.locator('#site-nav a[aria-current=page]').evaluateAll((as) => as.map((a) => a.dataset.nav));
    assert(JSON.stringify(current) === JSON.stringify(nav ? [nav] : []), `${file}: current link ${JSON.stringify(current)}`);
    assert(/[?&]ui=ru/.test(await p.getAttribute('#home-link', 'href')), `${file}: the brand link drops ui=ru`);
    assert(((await p.textContent('#site-footer')) || '').trim().length > 0, `${file}: no footer`);
  }
  await p.close();
});

await step(`compare ${COMPARE_J.join(' vs ')} on ${COMPARE_TOPIC}`, async () => {
  const qs = COMPARE_J.map((j) => 'jurisdiction=' + encodeURIComponent(j)).join('&') + '&topic=' + COMPARE_TOPIC;
  const { status, body } = await api('/api/compare?' + qs);
  assert(status === 200, `/api/compare answered ${status}`);
  const t0 = Date.now();
  await page.goto(BASE + '/compare.html?' + qs, { waitUntil: 'commit' });
  await page.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
  compareRenderMs = Date.now() - t0;
  console.log(`     compare page with ${COMPARE_J.length} jurisdictions fully rendered in ${compareRenderMs} ms (navigation → data-state=ready)`);
  const heads = await page.locator('#cmp-grid .cmp-colhead').evaluateAll((ns) => ns.map((n) => n.dataset.jurisdiction));
  assert(JSON.stringify(heads) === JSON.stringify(COMPARE_J), `column heads ${JSON.stringify(heads)}`);
  for (const col of body.columns) {
    const j = col.jurisdiction;
    const provs = await page.locator(`#cmp-grid .cmp-row:not(.cmp-practice) .cmp-cell[data-jurisdiction="${j}"] .prov-card:not(.is-mention)`).count();
    const gaps = await page.locator(`#cmp-grid .cmp-cell[data-jurisdiction="${j}"] .gap-mark`).count();
    assert(provs > 0 || gaps > 0, `column ${j} has neither provisions nor a "no provision found" mark`);
    if (col.gap) assert(gaps > 0 && provs === 0, `column ${j} is a gap in the API but shows ${provs} provisions / ${gaps} gap marks`);
    else assert(provs > 0, `column ${j} has ${col.total} provisions in the API but none on the page`);
  }
  // Rows line up: every concept row has one cell per jurisdiction, and the
  // concept row of the topic exists.
  const cellsPerRow = await page.locator('#cmp-grid .cmp-row').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('.cmp-cell').length));
  assert(cellsPerRow.length > 0 && cellsPerRow.every((n) => n === COMPARE_J.length), `cells per row: ${cellsPerRow}`);
  assert(await page.locator(`#cmp-grid .cmp-row[data-concept="${COMPARE_TOPIC}"]`).count() === 1, 'no row for the topic concept');
  // Citations: each card links to its document; other languages one click away.
  const href = await page.locator('#cmp-grid .prov-card .prov-title a').first().getAttribute('href');
  assert(/document\.html\?id=/.test(href), `card link ${href}`);
  const pills = await page.locator('#cmp-grid .prov-card .lang-pill').count();
  assert(pills > 0, 'no other-language links on the cards');
  assert(await page.locator('#cmp-grid .snippet mark').count() > 0, 'no <mark> in the snippets');
  // The label capitalised: it starts the heading.
  const pref = body.topic.labels.en.pref;
  assert(await page.locator('#cmp-title').textContent() === pref.charAt(0).toUpperCase() + pref.slice(1), 'title is not the topic label');
  await page.screenshot({ path: path.join(IMG_DIR, 'compare.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1700 } });
});

await step('compare: CSV and Markdown brief downloads', async () => {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#export-csv')]);
  assert(/\.csv$/.test(dl.suggestedFilename()), `file name ${dl.suggestedFilename()}`);
  const csv = await readDownload(dl);
  const lines = csv.split('\r\n');
  assert(lines[0] === 'Jurisdiction,Topic,Kind,Rank,Title,Label,Heading,Language,Document type,Legal status,Date,Link,Other languages,Text', `CSV header row: ${lines[0]}`);
  assert(lines.length > 3 && lines.slice(1).some((l) => l.startsWith('Tajikistan,')), 'CSV has no Tajikistan row');
  assert(!lines.some((l) => /(^|,)[=+@]/.test(l)), 'a CSV cell starts with a formula character');
  const [md] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#export-brief')]);
  const brief = await readDownload(md);
  assert(/^# Comparison brief: /.test(brief), `brief starts ${JSON.stringify(brief.slice(0, 40))}`);
  assert(/## Tajikistan/.test(brief) && /<http:\/\/[^>]+document\.html\?id=/.test(brief), 'brief lacks a jurisdiction section or a linked citation');
});

await step('compare: the topic picker filters, Enter chooses, a silent jurisdiction shows a gap', async () => {
  await page.fill('#topic-filter', 'stalking');
  const btn = page.locator('#topic-tree .topic-btn').first();
  assert(await btn.getAttribute('data-topic') === 'stalking', `first match is ${await btn.getAttribute('data-topic')}`);
  const resp = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/compare');
  await page.press('#topic-filter', 'Enter');
  const body = await (await resp).json();
  await page.waitForSelector('#compare[data-state=ready]');
  assert(new URL(page.url()).searchParams.get('topic') === 'stalking', `URL ${page.url()}`);
  const gap = body.columns.find((c) => c.gap);
  if (!gap) skip('no jurisdiction is silent on stalking in this corpus');
  const text = await page.locator(`.cmp-cell[data-jurisdiction="${gap.jurisdiction}"] .gap-mark`).first().textContent();
  assert(/No provision about this topic/.test(text), `gap cell reads "${text}"`);
  // The shared URL restores the same comparison.
  const p2 = await ctx.newPage();
  attachErrorLog(p2, 'compare-shared');
  await p2.goto(page.url());
  await p2.waitForSelector('#compare[data-state=ready]');
  assert(await p2.locator('.gap-mark').count() === await page.locator('.gap-mark').count(), 'reloaded comparison differs');
  assert(await p2.locator('#topic-tree .topic-btn[aria-pressed=true]').first().getAttribute('data-topic') === 'stalking', 'topic not restored in the picker');
  await p2.close();
});

await step('compare page in Tajik', async () => {
  await page.goto(BASE + '/compare.html?ui=tg&jurisdiction=TJ&jurisdiction=BA-BIH&ic=52');
  await page.waitForSelector('#compare[data-state=ready]');
  const expect = { 'h1.page-title': 'Муқоисаи қаламравҳо', '#site-nav a[data-nav=matrix]': 'Ҷадвали фарогирӣ', '#export-csv': 'Боргирии CSV', 'label[for=pick-0]': 'Сутуни 1' };
  for (const [sel, text] of Object.entries(expect)) {
    const got = ((await page.textContent(sel)) || '').trim();
    assert(got === text, `${sel} reads "${got}", expected "${text}"`);
  }
  assert((await page.textContent('#cmp-title')).includes('Конвенсияи Истанбул'), 'article title not in Tajik');
});

await step('matrix page renders ≥ 20 Istanbul rows with linked cells', async () => {
  await page.goto(BASE + '/matrix.html');
  await page.waitForSelector('#matrix-box[data-state=ready]', { timeout: 20000 });
  const rows = await page.locator('#matrix tbody tr').count();
  assert(rows >= 20, `only ${rows} rows`);
  const cols = await page.locator('#matrix thead th').count();
  assert(cols >= 3, `only ${cols - 1} jurisdiction columns`);
  const cell = page.locator('#matrix tbody a.heat:not(.is-gap)').first();
  assert(/document\.html\?id=/.test(await cell.getAttribute('href')), 'a cell does not link a provision');
  const cmp = await page.locator('#matrix tbody a.mx-compare').first().getAttribute('href');
  assert(/compare\.html\?/.test(cmp) && /[?&]ic=/.test(cmp), `row compare link ${cmp}`);
  const csvHref = await page.getAttribute('#mx-csv', 'href');
  assert(/format=csv/.test(csvHref), `CSV link ${csvHref}`);
  const res = await fetch(BASE + csvHref);
  assert(res.status === 200 && /text\/csv/.test(res.headers.get('content-type') || ''), `CSV answered ${res.status} ${res.headers.get('content-type')}`);
  await page.screenshot({ path: path.join(IMG_DIR, 'matrix.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1400 } });
  const resp = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/matrix');
  await page.locator('#scheme label').nth(1).click();
  await resp;
  await page.waitForSelector('#matrix-box[data-state=ready]');
  assert(new URL(page.url()).searchParams.get('scheme') === 'thesaurus', `URL ${page.url()}`);
  assert(await page.locator('#matrix tbody tr').count() > 0, 'no topic rows');
});

await step('matrix: back and forward restore the rows chosen', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'matrix-history');
  await p.goto(BASE + '/matrix.html?jurisdiction=TJ&jurisdiction=BA-BIH', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#matrix-box[data-state=ready]', { timeout: 20000 });
  const istanbulRows = await p.locator('#matrix tbody tr').count();
  let resp = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/matrix');
  await p.locator('#scheme label').nth(1).click();
  await resp;
  await p.waitForSelector('#matrix-box[data-state=ready]');
  const topicRows = await p.locator('#matrix tbody tr').count();
  resp = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/matrix');
  await p.goBack();
  await resp;
  await p.waitForSelector('#matrix-box[data-state=ready]');
  assert(new URL(p.url()).searchParams.get('scheme') === 'istanbul', `back went to ${p.url()}`);
  assert(await p.isChecked('#scheme-istanbul'), 'the Istanbul rows are not chosen after back');
  assert(await p.locator('#matrix tbody tr').count() === istanbulRows, 'back did not restore the Istanbul rows');
  resp = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/matrix');
  await p.goForward();
  await resp;
  await p.waitForSelector('#matrix-box[data-state=ready]');
  assert(await p.isChecked('#scheme-thesaurus') && await p.locator('#matrix tbody tr').count() === topicRows, 'forward did not restore the topic rows');
  await p.close();
});

await step('protection-order table: values cited, blanks "unknown" or set in a part not held', async () => {
  const { status, body } = await api('/api/facts?topic=protection-orders');
  if (status === 404) skip('/api/facts is not served yet');
  assert(status === 200, `/api/facts answered ${status}`);
  await page.goto(BASE + '/facts.html');
  await page.waitForSelector('#facts-box[data-state=ready]');
  const rows = await page.locator('#facts tbody tr').count();
  assert(rows === body.jurisdictions.length, `${rows} rows for ${body.jurisdictions.length} jurisdictions`);
  let missing = 0;
  for (const j of body.jurisdictions) for (const f of body.fields) if (!j.facts[f.key]) missing++;
  const unknown = await page.locator('#facts td.is-unknown').count();
  assert(unknown === missing, `${unknown} "unknown" cells for ${missing} missing facts`);
  if (missing) assert(((await page.locator('#facts td.is-unknown').first().textContent()) || '').includes('Unknown'), 'blank not labelled Unknown');
  // A blank the law sets in a part Himoya does not hold says so and links the act (the Tajik order's duration).
  let unheld = 0;
  for (const j of body.jurisdictions) unheld += Object.keys(j.not_held || {}).length;
  assert(unheld > 0 && (body.jurisdictions.find((j) => j.code === 'TJ').not_held || {})['maximum-duration'], 'the API names no law for the Tajik duration');
  assert(await page.locator('#facts td.is-not-held').count() === unheld, `${await page.locator('#facts td.is-not-held').count()} "not held" cells for ${unheld} in the API`);
  const tjDuration = page.locator('#facts tr[data-jurisdiction="TJ"] td[data-field="maximum-duration"]');
  assert(/part of the law Himoya does not hold/.test(await tjDuration.textContent()), `the Tajik duration reads "${await tjDuration.textContent()}"`);
  assert(/document\.html\?id=tj-dv-law-2013-en/.test(await tjDuration.locator('a').first().getAttribute('href') || ''), 'the Tajik duration does not link the 2013 law');
  const cites = page.locator('#facts .fact-cites a');
  assert(await cites.count() > 0, 'no citation links');
  assert(/document\.html\?id=.+#/.test(await cites.first().getAttribute('href')), 'citation does not link a provision');
  await page.screenshot({ path: path.join(IMG_DIR, 'facts.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1400 } });
  // A language switch asks again: a citation whose text has a Tajik version now links the Tajik one.
  const tg = (await api('/api/facts?topic=protection-orders&ui=tg')).body;
  const tgCites = tg.jurisdictions.flatMap((j) => Object.values(j.facts).flatMap((f) => f.citations || []));
  assert(tgCites.some((c) => c.lang === 'tg'), 'no citation in Tajik with ui=tg');
  await page.click('#ui-lang a[data-ui=tg]');
  await page.waitForFunction(() => document.querySelector('#facts-box')?.dataset.state === 'ready'
    && [...document.querySelectorAll('#facts .fact-cites a')].some((a) => /-tg(#|&|$)/.test(a.getAttribute('href') || '')));
  const hrefs = await page.locator('#facts .fact-cites a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const wanted = tgCites.filter((c) => c.lang === 'tg').length;
  const shown = hrefs.filter((h) => /id=[^&#]*-tg(#|&|$)/.test(h)).length;
  assert(shown >= wanted, `${shown} Tajik citation links for ${wanted} Tajik citations`);
  await page.click('#ui-lang a[data-ui=en]');
  await page.waitForSelector('#facts-box[data-state=ready]');
});

await step('document: copy citation, other languages side by side, related passages', async () => {
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  const { body } = await api('/api/compare?jurisdiction=TJ&jurisdiction=BA-BIH&topic=' + COMPARE_TOPIC);
  const col = body.columns.find((c) => (c.provisions || []).length);
  assert(col, `no column of ${COMPARE_TOPIC} has a provision`);
  const hit = col.provisions[0];
  await page.goto(BASE + hit.url);
  await page.waitForSelector('.provision.is-target');
  const target = page.locator('.provision.is-target');
  await target.locator('button[data-tool=cite]').click();
  await page.waitForSelector('#toast:not([hidden])');
  const clip = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
  const cited = clip || await target.getAttribute('data-citation');
  assert(cited && cited.includes(hit.title) && cited.includes('document.html?id=' + hit.document_id), `citation: ${cited}`);
  const langs = target.locator('button[data-tool=langs]');
  if (await langs.count()) {
    await langs.click();
    await page.waitForSelector('.provision.is-target .parallel');
    const n = await page.locator('.provision.is-target .parallel-col').count();
    assert(n >= 2, `${n} language columns side by side`);
    assert(/[?&]open=langs/.test(page.url()), `URL lacks open=langs: ${page.url()}`);
  }
  const { status } = await api('/api/related?id=' + encodeURIComponent(hit.id));
  if (status === 404 && !(await api('/api/related?id=' + encodeURIComponent(hit.id))).body) skip('/api/related is not served yet');
  await target.locator('button[data-tool=related]').click();
  await page.waitForSelector('.provision.is-target .related, .provision.is-target .prov-panel .none-mark');
  assert(await page.locator('.provision.is-target .related li a').count() > 0, 'no related passages listed');
});

await step('search results export as CSV', async () => {
  await searchDone(page, () => page.goto(BASE + '/?q=' + encodeURIComponent(query), { waitUntil: 'domcontentloaded' }));
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#export-csv')]);
  const lines = (await readDownload(dl)).split('\r\n');
  assert(lines[0] === 'Rank,Title,Label,Heading,Jurisdiction,Language,Document type,Legal status,Date,Link,Topics,Text,Other languages', `CSV header row: ${lines[0]}`);
  assert(lines.length >= Math.min(queryTotal, 100) + 1, `${lines.length - 2} data rows for ${queryTotal} results`);
});

// ---- labels in the UI language, coverage, legal status ----------------------

const { LABELS, VALUE_LABELS } = await import(new URL('../../web/js/i18n.js', import.meta.url).href);
const normWords = (s) => ' ' + String(s).toLowerCase().replace(/\{\w+\}/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim() + ' ';

// English words that must not show in the ru/tg UI: every English label of
// the i18n table (unless the ui language has the same text), English value
// labels, English concept labels, raw / humanized ids of facet values and
// English labels from /api/labels.
let englishTermsCache = null;
async function englishTerms(ui) {
  if (!englishTermsCache) {
    const all = new Map(); // normalized term → where it comes from
    const add = (text, from, same) => {
      const n = normWords(text);
      if (n.trim().length < 3 || (same && normWords(same) === n)) return;
      if (!all.has(n)) all.set(n, { from, same: new Set() });
    };
    const flat = (v) => (typeof v === 'object' && v ? Object.values(v) : [v]);
    englishTermsCache = { all, perUi: {} };
    for (const lang of ['ru', 'tg']) englishTermsCache.perUi[lang] = new Set();
    for (const [key, v] of Object.entries(LABELS.en)) {
      for (const x of flat(v)) {
        add(x, 'i18n ' + key);
        for (const lang of ['ru', 'tg']) for (const y of flat(LABELS[lang][key])) if (normWords(y) === normWords(x)) englishTermsCache.perUi[lang].add(normWords(x));
      }
    }
    for (const [kind, table] of Object.entries(VALUE_LABELS)) {
      for (const [value, e] of Object.entries(table)) {
        add(e.en, `value ${kind}/${value}`);
        for (const lang of ['ru', 'tg']) if (e[lang] && normWords(e[lang]) === normWords(e.en)) englishTermsCache.perUi[lang].add(normWords(e.en));
      }
    }
    const { body: topics } = await api('/api/topics');
    for (const c of (topics && topics.concepts) || []) {
      add(c.labels && c.labels.en && c.labels.en.pref, 'concept ' + c.id);
      add(c.id.replace(/-/g, ' '), 'concept id ' + c.id);
    }
    const { body: browse } = await api('/api/search?per_page=1');
    for (const [facet, values] of Object.entries((browse && browse.facets) || {})) {
      if (facet === 'year' || facet === 'jurisdiction' || facet === 'lang') continue;
      for (const v of values) if (/^[a-z][a-z0-9]*(-[a-z0-9]+)+$|^[a-z]{4,}$/.test(String(v.value))) add(String(v.value).replace(/-/g, ' '), `facet ${facet} id`);
    }
    const { status, body: labels } = await api('/api/labels');
    if (status === 200 && labels && labels.labels) {
      for (const [kind, values] of Object.entries(labels.labels)) {
        if (kind === 'istanbul') continue; // numbers
        for (const [value, l] of Object.entries(values)) {
          if (l && typeof l === 'object' && l.en) {
            add(l.en, `api label ${kind}/${value}`);
            for (const lang of ['ru', 'tg']) if (l[lang] && normWords(l[lang]) === normWords(l.en)) englishTermsCache.perUi[lang].add(normWords(l.en));
          }
        }
      }
    }
  }
  const same = englishTermsCache.perUi[ui] || new Set();
  return [...englishTermsCache.all.entries()].filter(([n]) => !same.has(n)).map(([n, v]) => [n, v.from]);
}

// Visible text nodes of the page that contain an English term. Exempt: the
// language switch (names in their own language), the query syntax help
// (literal operators), URLs, <cite> citations, and text whose element
// carries another lang AND whose card / hit / cell shows a language note or
// badge.
async function englishLeaks(p, ui) {
  const terms = await englishTerms(ui);
  return p.evaluate(({ terms, ui }) => {
    const norm = (s) => ' ' + String(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() + ' ';
    const out = [];
    const marked = '.lang-note, .lang-badge, .card-lang-note, .version-lang';
    const boxes = '.prov-card, li.hit, .cmp-def, .fact-value, .fact-cites li, .version-link, .versions li, .parallel-col, .legal-relations li, #doc, .topic-btn';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const n = walker.currentNode;
      const el = n.parentElement;
      const text = n.nodeValue;
      if (!el || !/[A-Za-z]/.test(text)) continue;
      if (el.closest('script, style, noscript, #ui-lang, #syntax-help, cite, textarea')) continue;
      const opt = el.closest('option');
      const host = opt ? opt.closest('select') : el;
      if (!host || !host.checkVisibility({ visibilityProperty: true })) continue;
      const langEl = el.closest('[lang]');
      if (langEl && langEl !== document.documentElement && langEl.lang && langEl.lang !== ui) {
        const box = langEl.closest(boxes);
        if (box && box.querySelector(marked)) continue;
      }
      if (/https?:\/\/|\/document\.html|\w+\.html\?/.test(text)) continue;
      // The browser-test fixture (run.sh) is a proper name of its own.
      if (/Himoya browser test|xsscanary/.test(text)) continue;
      const t = norm(text);
      for (const [term, from] of terms) {
        if (t.includes(term)) {
          // An acronym written in capitals (CEDAW in a Tajik title) is a proper name.
          const re = new RegExp('(?:^|[^A-Za-z0-9])(' + term.trim().split(' ').join('[^A-Za-z0-9]+') + ')(?![A-Za-z0-9])', 'gi');
          const found = [...text.matchAll(re)].map((m) => m[1]);
          if (found.length && found.every((w) => w === w.toUpperCase() && !/\s/.test(w))) continue;
          const where = (el.id ? '#' + el.id : el.tagName.toLowerCase()) + (el.className ? '.' + String(el.className).split(' ')[0] : '');
          out.push(`"${text.trim().slice(0, 60)}" (${from}) in ${where}`);
          break;
        }
      }
    }
    return out;
  }, { terms, ui });
}

const LEAK_PAGES = (ui) => [
  ['search', `/?ui=${ui}`, '#results:not([aria-busy]) #hits li'],
  ['search with a filter', `/?ui=${ui}&jurisdiction=TJ&type=law`, '#results:not([aria-busy]) #hits li'],
  ['compare', `/compare.html?ui=${ui}&jurisdiction=TJ&jurisdiction=BA-BIH&jurisdiction=BA-SRP&topic=${COMPARE_TOPIC}`, '#compare[data-state=ready]'],
  ['compare by article', `/compare.html?ui=${ui}&jurisdiction=TJ&jurisdiction=BA-BIH&ic=52`, '#compare[data-state=ready]'],
  ['matrix', `/matrix.html?ui=${ui}`, '#matrix-box[data-state=ready]'],
  ['matrix of topics', `/matrix.html?ui=${ui}&scheme=thesaurus&jurisdiction=TJ&jurisdiction=BA-BIH`, '#matrix-box[data-state=ready]'],
  ['facts', `/facts.html?ui=${ui}`, '#facts-box[data-state=ready]'],
  ['definitions', `/glossary.html?ui=${ui}&concept=family-definition`, '#gl-box[data-state=ready]'],
  ['document', `/document.html?ui=${ui}&id=tj-dv-law-2013-${ui}`, '#doc:not([hidden])'],
  ['repealed law', `/document.html?ui=${ui}&id=ba-bih-dv-law-2013-${ui}`, '#doc:not([hidden])'],
];

for (const ui of ['tg', 'ru']) {
  await step(`no English labels or ids in the ${ui} UI (search, compare, matrix, facts, document)`, async () => {
    const p = await ctx.newPage();
    attachErrorLog(p, 'leaks-' + ui);
    const problems = [];
    for (const [name, url, ready] of LEAK_PAGES(ui)) {
      await p.goto(BASE + url, { waitUntil: 'domcontentloaded' });
      await p.waitForSelector(ready, { timeout: 20000 });
      await p.waitForTimeout(300); // late labels (related works, citations)
      for (const leak of await englishLeaks(p, ui)) problems.push(`${name}: ${leak}`);
    }
    await p.close();
    assert(problems.length === 0, `${problems.length} English texts: ${problems.slice(0, 6).join(' | ')}`);
  });
}

await step('compare by words (ru): a misspelt word compares its corrected spelling; words matching nothing show no gaps', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'compare-words');
  const open = async (q) => {
    const resp = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/compare');
    await p.goto(BASE + '/compare.html?ui=ru&jurisdiction=TJ&jurisdiction=BA-BIH&mode=q&q=' + encodeURIComponent(q), { waitUntil: 'domcontentloaded' });
    const body = await (await resp).json();
    await p.waitForSelector('#compare[data-state=ready]');
    return body;
  };
  const typo = await open('убежещах');
  assert(typo.corrected === 'убежищах' && typo.matched_anywhere === true, `the API did not correct: ${JSON.stringify({ c: typo.corrected, m: typo.matched_anywhere })}`);
  let note = (await p.locator('#cmp-words-note:not([hidden])').textContent()) || '';
  assert(note.includes('убежищах') && note.includes('сравнивается'), `the note reads "${note}"`);
  const nothing = await open('щщзззхх');
  assert(nothing.matched_anywhere === false && nothing.columns.every((c) => c.gap), 'the API did not say the words match nothing');
  note = (await p.locator('#cmp-words-note:not([hidden])').textContent()) || '';
  assert(note.includes('ничего не говорят'), `the note reads "${note}"`);
  assert(await p.locator('.gap-mark').count() === 0, 'columns empty only because of the words are shown as gaps');
  const leaks = await englishLeaks(p, 'ru');
  assert(leaks.length === 0, `English in the Russian UI: ${leaks.slice(0, 3).join(' | ')}`);
  await p.close();
});

await step('compare: coverage does not change with the language filter (Tajikistan is never a gap)', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'coverage');
  const base = COMPARE_J.map((j) => 'jurisdiction=' + encodeURIComponent(j)).join('&') + '&topic=' + COMPARE_TOPIC;
  const totals = {};
  for (const lang of ['', 'ru', 'tg', 'en']) {
    const qs = base + (lang ? '&lang=' + lang : '');
    const { body } = await api('/api/compare?' + qs);
    const tj = body.columns.find((c) => c.jurisdiction === 'TJ');
    assert(tj && !tj.gap && tj.total > 0, `lang=${lang || '(none)'}: the API makes Tajikistan a gap (total ${tj && tj.total})`);
    totals[lang] = body.columns.map((c) => c.total).join('/');
    await p.goto(BASE + '/compare.html?ui=en&' + qs, { waitUntil: 'domcontentloaded' });
    await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
    assert(await p.locator('.cmp-cell[data-jurisdiction="TJ"] .gap-mark').count() === 0, `lang=${lang}: the page shows Tajikistan as a gap`);
    assert(await p.locator('.cmp-colhead[data-jurisdiction="TJ"].is-gap').count() === 0, `lang=${lang}: Tajikistan's column head is marked as a gap`);
    // Cards not in the UI language say so.
    const cards = await p.locator('#cmp-grid .prov-card').evaluateAll((ns) => ns.map((n) => ({ lang: n.dataset.shownLang, note: !!n.querySelector('.card-lang-note') })));
    for (const c of cards) assert(c.lang === 'en' || c.note, `lang=${lang}: a card in ${c.lang} has no language note`);
  }
  assert(new Set(Object.values(totals)).size === 1, `coverage differs by language: ${JSON.stringify(totals)}`);
  // Without a language filter the English UI shows English cards.
  await p.goto(BASE + '/compare.html?ui=en&' + base, { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#compare[data-state=ready]');
  const langs = await p.locator('#cmp-grid .cmp-row:not(.cmp-practice) .prov-card').evaluateAll((ns) => ns.map((n) => n.dataset.shownLang));
  const { body } = await api('/api/compare?ui=en&' + base);
  const apiLangs = body.columns.flatMap((c) => (c.provisions || []).map((h) => h.shown_lang || h.lang));
  const enAvailable = body.columns.flatMap((c) => c.provisions || []).filter((h) => (h.versions || []).some((v) => v.lang === 'en') || (h.shown_lang || h.lang) === 'en').length;
  assert(langs.filter((l) => l === 'en').length >= enAvailable, `English UI shows ${JSON.stringify(langs)} though ${enAvailable} cards have an English version (API: ${JSON.stringify(apiLangs)})`);
  await p.close();
});

await step('compare: the repealed FBiH 2013 law shows only with "Include repealed law"', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'repealed');
  const qs = 'jurisdiction=TJ&jurisdiction=BA-BIH&topic=protection-orders&per_jurisdiction=20';
  const { body } = await api('/api/compare?' + qs);
  const bih = body.columns.find((c) => c.jurisdiction === 'BA-BIH');
  assert(bih && Number(bih.repealed_excluded) > 0, `the API leaves no repealed text out for BA-BIH (repealed_excluded ${bih && bih.repealed_excluded})`);
  await p.goto(BASE + '/compare.html?ui=en&' + qs, { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
  const old = '#cmp-grid .prov-card[data-id^="ba-bih-dv-law-2013"]';
  assert(await p.locator(old).count() === 0, 'the repealed 2013 law is shown by default');
  assert(!(await p.isChecked('#include-repealed')), '"Include repealed law" is ticked by default');
  const note = await p.locator('.cmp-colhead[data-jurisdiction="BA-BIH"] .colhead-repealed').textContent().catch(() => '');
  assert(/no longer in force left out/.test(note || ''), `no "left out" note on the BA-BIH column: "${note}"`);
  const resp = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/compare');
  await p.check('#include-repealed');
  const r = await resp;
  assert(new URL(r.url()).searchParams.get('include_repealed') === '1', `request lacks include_repealed=1: ${r.url()}`);
  await p.waitForSelector('#compare[data-state=ready]');
  assert(new URL(p.url()).searchParams.get('include_repealed') === '1', `URL lacks include_repealed=1: ${p.url()}`);
  assert(await p.locator(old).count() > 0, 'the repealed 2013 law does not appear after ticking "Include repealed law"');
  const badge = await p.locator(old).first().locator('.legal-badge').textContent().catch(() => '');
  assert(/Repealed/.test(badge || ''), `the 2013 card has no "Repealed" badge: "${badge}"`);
  await p.close();
});

await step('compare (tg): every row shows the provisions of each column about its concept, in full or pointing above', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'compare-rows');
  const qs = 'jurisdiction=TJ&jurisdiction=BA-BIH&topic=protection-orders&ui=tg';
  const { body } = await api('/api/compare?' + qs);
  await p.goto(BASE + '/compare.html?' + qs, { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
  const rows = await p.locator('#cmp-grid .cmp-row:not(.cmp-practice)').evaluateAll((rs) => rs.map((r) => ({
    concept: r.dataset.concept,
    cells: [...r.querySelectorAll('.cmp-cell')].map((c) => ({ j: c.dataset.jurisdiction, none: !!c.querySelector('.none-mark') })),
  })));
  let checked = 0;
  for (const r of rows) {
    if (r.concept === '_other') continue;
    for (const c of r.cells) {
      const col = body.columns.find((x) => x.jurisdiction === c.j);
      const about = (col.provisions || []).filter((h) => [...(h.concepts || []), ...(h.matched_concepts || [])].includes(r.concept));
      if (!about.length) continue;
      ++checked;
      assert(!c.none, `row ${r.concept}: ${c.j} says "nothing on this concept" though ${about.length} of its provisions are about it`);
    }
  }
  assert(checked >= 3, `only ${checked} cells had provisions about their row`);
  const pointers = await p.locator('#cmp-grid .shown-above').count();
  assert(pointers > 0, 'no provision shown in an earlier row points there');
  const label = (await p.locator('#cmp-grid .shown-above-label').first().textContent()) || '';
  assert(/Дар боло/.test(label), `the pointer is not in Tajik: "${label}"`);
  // A row for a concept the law regulates in parts not held says so, as the
  // fact table does, instead of "nothing on this concept".
  const withGe = 'jurisdiction=TJ&jurisdiction=BA-BIH&jurisdiction=GE&topic=protection-orders&ui=tg';
  await p.goto(BASE + '/compare.html?' + withGe, { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
  const duration = p.locator('#cmp-grid .cmp-row[data-concept="protection-order-duration"] .cmp-cell[data-jurisdiction="TJ"]');
  assert(await duration.count() === 1, 'no protection-order-duration row with a Tajik cell');
  assert(await duration.locator('.not-held-mark').count() === 1, 'the Tajik duration cell does not say it is covered in parts not held');
  assert(await duration.locator('.not-held-mark a[href*="tj-dv-law-2013"]').count() === 1, 'the act not held is not linked');
  await p.close();
});

await step('compare (ru): a gap lists the texts that only mention the subject, linked', async () => {
  // Moldova's law has no provision about stalking; its note on the 2016 amendments names it in passing.
  const qs = 'jurisdiction=TJ&jurisdiction=MD&topic=stalking';
  const { body } = await api('/api/compare?ui=ru&' + qs);
  const md = body.columns.find((c) => c.jurisdiction === 'MD');
  assert(md && md.gap && Array.isArray(md.mentioned) && md.mentioned.length > 0, `the API lists no mentioning text for MD: ${JSON.stringify(md && md.mentioned)}`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'mentioned');
  await p.goto(BASE + '/compare.html?ui=ru&' + qs, { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
  const links = p.locator('.cmp-colhead[data-jurisdiction="MD"] .colhead-mentioned a');
  assert(await links.count() === md.mentioned.length, `the MD column lists ${await links.count()} mentioning texts, the API ${md.mentioned.length}`);
  const href = await links.first().getAttribute('href');
  assert(/document\.html\?/.test(href || '') && /ui=ru/.test(href || ''), `the link is "${href}"`);
  await p.close();
});

await step('matrix: article titles, about/mentions cells, gap cells link to compare, include repealed', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'matrix-cells');
  await p.goto(BASE + '/matrix.html?ui=tg&jurisdiction=TJ&jurisdiction=BA-BIH&jurisdiction=BA-SRP', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#matrix-box[data-state=ready]', { timeout: 20000 });
  const { body } = await api('/api/matrix?ui=tg&scheme=istanbul&jurisdiction=TJ&jurisdiction=BA-BIH&jurisdiction=BA-SRP');
  const row = body.rows.find((r) => r.key === '52');
  assert(row && row.title, `row 52 has no title in the API: ${JSON.stringify(row && row.title)}`);
  const shown = (await p.locator('#matrix tbody tr[data-key="52"] .mx-label').textContent()).trim();
  assert(shown === row.title, `row 52 reads "${shown}", the API's title is "${row.title}"`);
  const cell = row.cells.find((c) => c.about > 0 && c.best);
  assert(cell, 'no cell of row 52 has texts about it');
  const a = p.locator(`#matrix tbody tr[data-key="52"] a.heat[data-jurisdiction="${cell.jurisdiction}"]`);
  assert(await a.getAttribute('data-about') === String(cell.about), 'cell does not show the about count');
  assert((await a.getAttribute('href')).includes('id=' + encodeURIComponent(cell.best.document_id)), 'cell does not link its best provision');
  const gap = p.locator('#matrix tbody a.heat.is-gap').first();
  assert(await gap.count() === 1, 'no clickable gap cell');
  const gh = await gap.getAttribute('href');
  assert(/compare\.html\?|index\.html\?/.test(gh) && /[?&]ui=tg/.test(gh), `gap cell link ${gh}`);
  const resp = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/matrix');
  await p.check('#mx-repealed');
  assert(new URL((await resp).url()).searchParams.get('include_repealed') === '1', 'matrix request lacks include_repealed=1');
  // A row's comparison counts what the row counted: with repealed law.
  await p.waitForFunction(() => {
    const a = document.querySelector('#matrix-box[data-state=ready] #matrix tbody a.mx-compare');
    return a && a.getAttribute('href').includes('include_repealed=1');
  }, null, { timeout: 10000 }).catch(() => {});
  const rowCompare = await p.locator('#matrix tbody a.mx-compare').first().getAttribute('href');
  assert(new URL(rowCompare, BASE).searchParams.get('include_repealed') === '1', `row compare link drops include_repealed: ${rowCompare}`);
  await p.close();
});

await step('compare and matrix (ru): a gap says what it rests on; the document says how much of its source it holds', async () => {
  // Brčko's summary holds Articles 1–2; its note names safe houses among the parts not read.
  const qs = 'jurisdiction=TJ&jurisdiction=BA-BRC&topic=shelters';
  const { body } = await api('/api/compare?ui=ru&' + qs);
  const brc = body.columns.find((c) => c.jurisdiction === 'BA-BRC');
  assert(brc && brc.gap && brc.gap_kind === 'not-held', `the API's Brčko column: ${JSON.stringify(brc && { gap: brc.gap, kind: brc.gap_kind })}`);
  assert(brc.not_held.length === 1 && brc.not_held[0].document_id === 'ba-brc-dv-law-2018-ru', `not_held ${JSON.stringify(brc.not_held)}`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'gap-kinds');
  await p.goto(BASE + '/compare.html?ui=ru&' + qs, { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
  const mark = p.locator('.cmp-cell[data-jurisdiction="BA-BRC"] .gap-mark[data-gap-kind="not-held"]').first();
  assert(await mark.count() === 1, 'the Brčko gap is not marked as covered in parts not held');
  const said = await mark.textContent();
  assert(/в частях, которых нет в Химоя/.test(said) && said.includes(brc.not_held[0].title), `the Brčko gap reads "${said}"`);
  const held = p.locator('.cmp-colhead[data-jurisdiction="BA-BRC"] .colhead-held');
  assert(await held.count() === 1 && await held.getAttribute('data-in-part') === String(brc.holdings.in_part),
    'the Brčko column does not say its law is held in selected provisions');
  const href = await mark.locator('a').first().getAttribute('href');
  assert(/document\.html\?id=ba-brc-dv-law-2018-ru/.test(href || '') && /ui=ru/.test(href || ''), `the act not held links to "${href}"`);
  // The matrix: every gap cell says what it rests on, never that a law held in part is silent.
  await p.goto(BASE + '/matrix.html?ui=ru&jurisdiction=TJ&jurisdiction=BA-BRC', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#matrix-box[data-state=ready]', { timeout: 20000 });
  const shelters = p.locator('#matrix tbody tr[data-key="23"] a.heat.is-gap[data-jurisdiction="BA-BRC"]');
  assert(await shelters.count() === 1 && await shelters.getAttribute('data-gap-kind') === 'not-held', 'row 23 of Brčko is not "covered in parts not held"');
  assert(/регулируется в частях/.test(await shelters.getAttribute('title') || ''), `its title is "${await shelters.getAttribute('title')}"`);
  assert(await p.locator('#matrix tbody a.heat.gap-silent').count() === 0, 'a gap of a law held only in selected provisions is shown as silence');
  const notFound = p.locator('#matrix tbody a.heat.gap-not-found').first();
  assert(await notFound.count() === 1 && /закон может это регулировать/.test(await notFound.getAttribute('title') || ''), 'no "not in the provisions held" cell reads so');
  // Search: nothing on safe houses under the Brčko filter, and the page names the law that covers them elsewhere.
  const empty = await searchDone(p, () => p.goto(BASE + '/?ui=ru&jurisdiction=BA-BRC&q=' + encodeURIComponent('безопасный дом'), { waitUntil: 'domcontentloaded' }));
  assert(empty && empty.total === 0 && (empty.interpretation.not_held || {})['BA-BRC'], `the API's empty search: ${JSON.stringify(empty && empty.interpretation.not_held)}`);
  const note = p.locator('#empty-not-held .empty-not-held[data-jurisdiction="BA-BRC"]');
  await note.waitFor({ timeout: 10000 });
  assert(/в частях, которых нет в Химоя/.test(await note.textContent()), `the empty page reads "${await note.textContent()}"`);
  assert(/id=ba-brc-dv-law-2018-ru/.test(await p.locator('#empty-not-held a').first().getAttribute('href') || ''), 'the empty page does not link the Brčko law');
  // The document page: how much of the source the text holds, and what it leaves out.
  await p.goto(BASE + '/document.html?ui=ru&id=ba-brc-dv-law-2018-ru', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('.doc-extent', { timeout: 20000 });
  assert((await p.textContent('.doc-extent')).trim() === 'Избранные положения', 'the extent is not "Избранные положения"');
  assert(/Приют/i.test(await p.textContent('.doc-not-held')), `the parts not held read "${await p.textContent('.doc-not-held')}"`);
  await p.close();
});

await step('search: legal-status facet and badges; document: status with its relations', async () => {
  const { body } = await api('/api/search?per_page=1&ui=ru');
  const st = (body.facets && body.facets.status) || [];
  assert(st.some((v) => v.value === 'repealed'), `no "repealed" value in the status facet: ${JSON.stringify(st)}`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'status');
  await searchDone(p, () => p.goto(BASE + '/?ui=ru&status=repealed', { waitUntil: 'domcontentloaded' }));
  const legend = (await p.textContent('#facets fieldset[data-facet-group=status] legend')).trim();
  assert(legend === 'Правовой статус' || !/[A-Za-z]/.test(legend), `status facet legend "${legend}"`);
  const name = (await p.locator('#facets fieldset[data-facet-group=status] input[value=repealed]').locator('xpath=..').locator('.facet-name').textContent()).trim();
  assert(!/[A-Za-z]/.test(name), `status value reads "${name}"`);
  const hits = await p.locator('#hits > li.hit').count();
  assert(hits > 0 && await p.locator('#hits > li.hit .legal-badge.legal-repealed').count() === hits, 'not every repealed hit has a badge');
  await p.goto(BASE + '/document.html?ui=ru&id=ba-bih-dv-law-2013-ru', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#doc:not([hidden]) .legal-badge.legal-repealed');
  const rel = p.locator('.legal-relations li[data-work] a.rel-work');
  await rel.first().waitFor({ timeout: 10000 });
  const href = await rel.first().getAttribute('href');
  assert(/document\.html\?id=ba-bih-dv-law-2025/.test(href) && /[?&]ui=ru/.test(href), `relation link ${href}`);
  await p.close();
});

await step('search (ru): a text no editor indexed says its topics are automatic; document: how it was indexed', async () => {
  // run.sh's fixture document has no subject indexing; the corpus's documents all have.
  const { body } = await api('/api/search?q=' + CANARY);
  if (!body || !body.total) skip(`no document with "${CANARY}" in the index (run.sh adds one)`);
  assert(body.hits.every((h) => h.concepts_by === 'automatic'), `fixture hits: ${body.hits.map((h) => h.concepts_by)}`);
  const corpus = (await api('/api/search?q=shelter&per_page=20')).body;
  assert(corpus.hits.length && corpus.hits.every((h) => h.concepts_by === 'editors'), 'a corpus hit is not indexed by editors');
  const p = await ctx.newPage();
  attachErrorLog(p, 'concepts-by');
  await searchDone(p, () => p.goto(BASE + '/?ui=ru&q=' + CANARY, { waitUntil: 'domcontentloaded' }));
  const badge = p.locator('#hits > li.hit .concepts-badge[data-concepts-by=automatic]');
  assert(await badge.count() === await p.locator('#hits > li.hit').count(), 'not every fixture hit has the badge');
  const text = (await badge.first().textContent()).trim();
  assert(text === 'Темы определены автоматически', `badge reads "${text}"`);
  await searchDone(p, () => p.goto(BASE + '/?ui=ru&q=shelter', { waitUntil: 'domcontentloaded' }));
  assert(await p.locator('#hits .concepts-badge').count() === 0, 'a corpus hit shows the automatic badge');
  await p.goto(BASE + '/document.html?ui=tg&id=browser-test-xss-en', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#doc:not([hidden])');
  const rows = await p.locator('#doc .meta-row').allTextContents();
  assert(rows.some((r) => r.includes('Индексатсияи мавзӯӣ') && r.includes('худкор')), `document rows: ${rows.join(' | ').slice(0, 300)}`);
  await p.close();
});

await step('CSV exports: UTF-8 BOM, headers in the UI language; facts table downloads', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'exports');
  await p.goto(BASE + '/facts.html?ui=ru', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#facts-box[data-state=ready]');
  const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 10000 }), p.click('#facts-csv')]);
  const lines = (await readDownload(dl)).split(/\r?\n/);
  assert(/[А-Яа-яЁё]/.test(lines[0]) && !/Who may apply/.test(lines[0]), `facts CSV header not in Russian: ${lines[0].slice(0, 80)}`);
  assert(lines.length > 2, 'facts CSV has no rows');
  // The download is the table shown: a row per jurisdiction, every cell.
  const shownRows = await p.locator('.facts-table tbody tr').count();
  const dataLines = lines.filter((l) => l.trim()).length - 1;
  assert(dataLines === shownRows, `facts CSV has ${dataLines} rows, the table ${shownRows}`);
  await p.goto(BASE + `/compare.html?ui=tg&jurisdiction=TJ&jurisdiction=BA-BIH&topic=${COMPARE_TOPIC}`, { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#compare[data-state=ready]');
  const [dl2] = await Promise.all([p.waitForEvent('download', { timeout: 10000 }), p.click('#export-csv')]);
  const head = (await readDownload(dl2)).split('\r\n')[0];
  assert(head.startsWith('Қаламрав,Мавзӯъ,') && !/[A-Za-z]{3,}/.test(head), `compare CSV header in Tajik: ${head}`);
  await p.close();
});

// ---- how the query was read: places named, question words, relaxed matching -

await step('search (ru): a place in the query is boosted; "only" and "all jurisdictions equally" links', async () => {
  const q = 'охранный ордер в Грузии';
  const { body } = await api('/api/search?ui=ru&q=' + encodeURIComponent(q));
  assert(body && body.interpretation && Array.isArray(body.interpretation.jurisdictions), 'the API answers without interpretation.jurisdictions');
  assert(body.interpretation.jurisdictions.includes('GE'), `the API did not recognise Georgia: ${JSON.stringify(body.interpretation)}`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'interpretation');
  await searchDone(p, () => p.goto(BASE + '/?ui=ru&q=' + encodeURIComponent(q), { waitUntil: 'domcontentloaded' }));
  const line = p.locator('#interpretation:not([hidden]) .interp-places');
  await line.waitFor({ timeout: 5000 });
  const text = await line.textContent();
  assert(text.includes('Грузия'), `the interpretation line does not name Грузия: "${text}"`);
  const firstJ = (await p.locator('#hits li.hit .cite-jurisdiction').first().textContent()) || '';
  assert(firstJ.trim() === 'Грузия', `the first hit is from "${firstJ}", not Грузия (GE)`);
  assert(body.hits[0] && body.hits[0].jurisdiction === 'GE', `the API's first hit is ${body.hits[0] && body.hits[0].jurisdiction}, not GE`);
  const leaks = await englishLeaks(p, 'ru');
  assert(leaks.length === 0, `English in the Russian UI: ${leaks.slice(0, 3).join(' | ')}`);
  // "Only Грузия" filters to GE and keeps places on; the line has nothing more to say.
  assert(((await p.textContent('#interp-only')) || '').includes('Грузия'), 'the "only" link does not name Грузия');
  const only = await searchDone(p, () => p.click('#interp-only'));
  let url = new URL(p.url());
  assert(url.searchParams.getAll('jurisdiction').join() === 'GE' && !url.searchParams.has('places'), `"only" link made ${url.search}`);
  assert(only && only.total > 0 && only.hits.every((h) => h.jurisdiction === 'GE'), '"only" did not keep only Georgian texts');
  assert(await p.locator('#interpretation').isHidden(), 'the interpretation line stays once only GE is shown');
  await searchDone(p, () => p.goBack());
  await p.locator('#interpretation:not([hidden]) #interp-all-places').waitFor({ timeout: 5000 });
  // "Search all jurisdictions equally" sets places=0; the line disappears.
  const all = await searchDone(p, () => p.click('#interp-all-places'));
  url = new URL(p.url());
  assert(url.searchParams.get('places') === '0', `places=0 missing from the URL: ${url.search}`);
  assert(!url.searchParams.has('jurisdiction'), `"all jurisdictions" added a filter: ${url.search}`);
  assert(all && all.interpretation && all.interpretation.jurisdictions.length === 0, `the API still boosts places with places=0: ${JSON.stringify(all && all.interpretation)}`);
  assert(await p.locator('#interpretation').isHidden(), 'the interpretation line is still shown with places=0');
  // The state survives a reload.
  await searchDone(p, () => p.reload({ waitUntil: 'domcontentloaded' }));
  assert(new URL(p.url()).searchParams.get('places') === '0' && await p.locator('#interpretation').isHidden(), 'places=0 lost on reload');
  await p.close();
});

await step('search (tg): a place named with nothing on the question is said to have nothing, not to be shown first', async () => {
  // The collection holds Moldovan provisions, none on shelters.
  const q = 'Молдова дар бораи паноҳгоҳ чӣ мегӯяд?';
  const { body } = await api('/api/search?ui=tg&q=' + encodeURIComponent(q));
  const it = body && body.interpretation;
  assert(it && Array.isArray(it.places_without_match), `the API answers without interpretation.places_without_match: ${JSON.stringify(it)}`);
  assert(it.jurisdictions.includes('MD') && it.places_without_match.includes('MD'), `Moldova not reported as without a match: ${JSON.stringify(it)}`);
  assert(it.question_words.includes('мегӯяд'), `"мегӯяд" (says) not set aside as a question word: ${JSON.stringify(it)}`);
  assert(body.total > 0 && body.hits.every((h) => h.jurisdiction !== 'MD'), 'the API shows no other places, or shows a Moldovan hit');
  const p = await ctx.newPage();
  attachErrorLog(p, 'place-without-match');
  await searchDone(p, () => p.goto(BASE + '/?ui=tg&q=' + encodeURIComponent(q), { waitUntil: 'domcontentloaded' }));
  const line = p.locator('#interpretation:not([hidden]) .interp-no-place');
  await line.waitFor({ timeout: 5000 });
  const text = (await line.textContent()) || '';
  assert(text.includes('Молдова') && text.includes('мувофиқ нест'), `the line reads "${text}"`);
  assert(await p.locator('#interpretation .interp-places').count() === 0, 'Moldova is still said to be shown first');
  const leaks = await englishLeaks(p, 'tg');
  assert(leaks.length === 0, `English in the Tajik UI: ${leaks.slice(0, 3).join(' | ')}`);
  await p.close();
});

await step('search (ru): a negated place leaves out its texts and the page says so', async () => {
  const q = 'насилие NOT Таджикистан';
  const { body } = await api('/api/search?ui=ru&q=' + encodeURIComponent(q));
  const it = body && body.interpretation;
  assert(it && Array.isArray(it.excluded_jurisdictions) && it.excluded_jurisdictions.includes('TJ'), `Tajikistan not left out: ${JSON.stringify(it)}`);
  const tj = (body.facets.jurisdiction || []).find((v) => v.value === 'TJ');
  assert(body.total > 0 && !tj && body.hits.every((h) => h.jurisdiction !== 'TJ'), `Tajik texts are still found: ${JSON.stringify(tj)}`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'place-excluded');
  await searchDone(p, () => p.goto(BASE + '/?ui=ru&q=' + encodeURIComponent(q), { waitUntil: 'domcontentloaded' }));
  const line = p.locator('#interpretation:not([hidden]) .interp-excluded');
  await line.waitFor({ timeout: 5000 });
  const text = (await line.textContent()) || '';
  assert(text.includes('Таджикистан') && text.includes('Исключены'), `the line reads "${text}"`);
  const leaks = await englishLeaks(p, 'ru');
  assert(leaks.length === 0, `English in the Russian UI: ${leaks.slice(0, 3).join(' | ')}`);
  await p.close();
});

await step('search (tg): a refused request is explained in Tajik, not in English', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'refusal-tg');
  await p.goto(BASE + '/?ui=tg&q=' + encodeURIComponent('ҳимоя') + '&year_from=2020&year_to=2010', { waitUntil: 'domcontentloaded' });
  const box = p.locator('#error:not([hidden])');
  await box.waitFor({ timeout: 5000 });
  const text = (await box.textContent()) || '';
  assert(/соли аввал аз соли охир дертар аст/.test(text), `the error reads "${text}"`);
  assert(!/year_from is after/.test(text), `the English message is shown: "${text}"`);
  await p.close();
});

await step('search (ru): a misspelt word that matches nothing shows the corrected spelling\'s results, and the words as typed on request', async () => {
  const q = 'убежещах';
  const { body } = await api('/api/search?ui=ru&q=' + encodeURIComponent(q));
  const it = body && body.interpretation;
  assert(it && it.corrected === 'убежищах' && body.total > 0 && body.query === q, `the API did not correct "${q}": ${JSON.stringify(it)}, total ${body && body.total}`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'corrected');
  await searchDone(p, () => p.goto(BASE + '/?ui=ru&q=' + encodeURIComponent(q), { waitUntil: 'domcontentloaded' }));
  const line = p.locator('#interpretation:not([hidden]) .interp-corrected');
  await line.waitFor({ timeout: 5000 });
  const text = (await line.textContent()) || '';
  assert(text.includes('убежищах') && text.includes('ничего не найдено'), `the line reads "${text}"`);
  assert(await p.locator('#hits li.hit').count() > 0, 'no hits shown for the corrected spelling');
  const leaks = await englishLeaks(p, 'ru');
  assert(leaks.length === 0, `English in the Russian UI: ${leaks.slice(0, 3).join(' | ')}`);
  // The words as typed: nothing, and the suggestion offered instead.
  const typed = await searchDone(p, () => p.click('#interp-as-typed'));
  assert(new URL(p.url()).searchParams.get('correct') === '0', `correct=0 missing: ${p.url()}`);
  assert(typed && typed.total === 0 && !typed.interpretation.corrected, `as typed still corrected: ${JSON.stringify(typed && typed.interpretation)}`);
  await p.locator('#suggestion:not([hidden]) #suggestion-link').waitFor({ timeout: 5000 });
  // Following the suggestion is a new query: correct=0 does not stay.
  await searchDone(p, () => p.click('#suggestion-link'));
  assert(!new URL(p.url()).searchParams.has('correct'), `correct=0 kept for a new query: ${p.url()}`);
  await p.close();
});

await step('search (tg): a spelling searched because it names a topic says so, never "nothing found" for words that find texts', async () => {
  // "зуравари" (substitute letters) finds texts as typed; "зӯроварӣ дар оила" names the concept.
  const q = 'зуравари дар оила';
  const { body } = await api('/api/search?ui=tg&q=' + encodeURIComponent(q));
  const it = body && body.interpretation;
  assert(it && it.corrected && it.corrected_because === 'names-more', `the API did not say why: ${JSON.stringify(it)}`);
  const asTyped = await api('/api/search?ui=tg&correct=0&q=' + encodeURIComponent(q));
  assert(asTyped.body.total > 0, 'the words as typed find nothing: this step tests the other case');
  const p = await ctx.newPage();
  attachErrorLog(p, 'corrected-names-more');
  await searchDone(p, () => p.goto(BASE + '/?ui=tg&q=' + encodeURIComponent(q), { waitUntil: 'domcontentloaded' }));
  const line = p.locator('#interpretation:not([hidden]) .interp-corrected');
  await line.waitFor({ timeout: 5000 });
  const text = (await line.textContent()) || '';
  assert(text.includes(it.corrected) && text.includes('мавзӯъ ё макон'), `the line reads "${text}"`);
  assert(!text.includes('чизе ёфт нашуд'), `the line says nothing was found: "${text}"`);
  await p.close();
});

await step('search (ru): a subject no text deals with shows its broader subject, and says so', async () => {
  const q = 'похищение невесты';
  const { body } = await api('/api/search?ui=ru&q=' + encodeURIComponent(q));
  const it = body && body.interpretation;
  assert(it && it.corrected_because === 'broader' && it.corrected && body.total > 0, `the API did not broaden: ${JSON.stringify(it)}`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'corrected-broader');
  await searchDone(p, () => p.goto(BASE + '/?ui=ru&q=' + encodeURIComponent(q), { waitUntil: 'domcontentloaded' }));
  const line = p.locator('#interpretation:not([hidden]) .interp-corrected[data-because="broader"]');
  await line.waitFor({ timeout: 5000 });
  const text = (await line.textContent()) || '';
  assert(text.includes(it.corrected) && text.includes('более широкой'), `the line reads "${text}"`);
  assert(!text.includes('ничего не найдено'), `the line says nothing was found: "${text}"`);
  await p.close();
});

await step('search (tg): a language filter says how many texts match in other languages only, and shows all on request', async () => {
  const q = 'referral';
  const { body } = await api('/api/search?ui=tg&lang=tg&q=' + encodeURIComponent(q));
  const others = body && body.interpretation && body.interpretation.other_languages;
  assert(others > 0, `no text left out by lang=tg: ${JSON.stringify(body && body.interpretation)}`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'other-languages');
  await searchDone(p, () => p.goto(BASE + '/?ui=tg&lang=tg&q=' + encodeURIComponent(q), { waitUntil: 'domcontentloaded' }));
  const line = p.locator('#interpretation:not([hidden]) .interp-other-languages');
  await line.waitFor({ timeout: 5000 });
  const text = (await line.textContent()) || '';
  assert(text.includes(String(others)) && text.includes('забонҳои дигар'), `the line reads "${text}"`);
  const all = await searchDone(p, () => p.click('#interp-all-languages'));
  assert(!new URL(p.url()).searchParams.has('lang'), `lang kept: ${p.url()}`);
  assert(all && all.total === body.total + others, `all languages: ${all && all.total}, expected ${body.total + others}`);
  await p.close();
});

await step('search (ru): an empty page under a filter says how many texts match without the filters, and clears them', async () => {
  // The collection holds Moldovan provisions, none on shelters.
  const q = 'убежище';
  const filtered = await api('/api/search?ui=ru&jurisdiction=MD&q=' + encodeURIComponent(q));
  const all = await api('/api/search?ui=ru&q=' + encodeURIComponent(q));
  assert(filtered.body.total === 0 && all.body.total > 0, `expected 0 in MD and some overall: ${filtered.body.total} / ${all.body.total}`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'empty-under-filters');
  await searchDone(p, () => p.goto(BASE + '/?ui=ru&jurisdiction=MD&q=' + encodeURIComponent(q), { waitUntil: 'domcontentloaded' }));
  const line = p.locator('#empty:not([hidden]) #empty-unfiltered');
  await line.waitFor({ timeout: 5000 });
  const text = (await line.textContent()) || '';
  assert(text.includes('Без фильтров') && text.includes(String(all.body.total)), `the line reads "${text}"`);
  const cleared = await searchDone(p, () => p.click('#empty-clear-filters'));
  const url = new URL(p.url());
  assert(!url.searchParams.has('jurisdiction') && url.searchParams.get('q') === q, `clearing made ${url.search}`);
  assert(cleared && cleared.total === all.body.total, `after clearing: ${cleared && cleared.total} results`);
  assert(await p.locator('#empty-unfiltered').count() === 0, 'the line stays once results are shown');
  await p.close();
});

await step('search (ru): question words are said to be not required, beside the place named', async () => {
  const q = 'кто выдаёт охранный ордер в Таджикистане?';
  const { body } = await api('/api/search?ui=ru&q=' + encodeURIComponent(q));
  const it = body && body.interpretation;
  assert(it && Array.isArray(it.question_words), `the API answers without interpretation.question_words: ${JSON.stringify(it)}`);
  assert(it.question_words.includes('кто'), `the API did not set "кто" aside: ${JSON.stringify(it)}`);
  assert(it.jurisdictions.includes('TJ'), `the API did not recognise Tajikistan: ${JSON.stringify(it)}`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'question-words');
  await searchDone(p, () => p.goto(BASE + '/?ui=ru&q=' + encodeURIComponent(q), { waitUntil: 'domcontentloaded' }));
  const line = p.locator('#interpretation:not([hidden]) .interp-question');
  await line.waitFor({ timeout: 5000 });
  const text = (await line.textContent()) || '';
  assert(/(^|[^а-яё])кто([^а-яё]|$)/i.test(text) && text.includes('Не обязательны'), `question-word line reads "${text}"`);
  const places = (await p.locator('#interpretation .interp-places').textContent()) || '';
  assert(places.includes('Таджикистан'), `the place line does not name Таджикистан: "${places}"`);
  // "выдаёт" is a word beside the topic named (охранный ордер): it ranks.
  if ((body.expanded_concepts || []).length) {
    const rank = p.locator('#expanded:not([hidden]) .expanded-rank');
    await rank.waitFor({ timeout: 5000 });
    assert(/не обязательны/.test((await rank.textContent()) || ''), 'the ranking note is not in Russian');
  }
  const leaks = await englishLeaks(p, 'ru');
  assert(leaks.length === 0, `English in the Russian UI: ${leaks.slice(0, 3).join(' | ')}`);
  await p.close();
});

await step('search (en): words beside a topic are said to rank; a topic alone says nothing of it', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'ranking-words');
  const beside = await searchDone(p, () => p.goto(BASE + '/?ui=en&q=' + encodeURIComponent('protection order duration'), { waitUntil: 'domcontentloaded' }));
  if (!beside || !(beside.expanded_concepts || []).length) skip('"protection order" names no concept in this index');
  await p.locator('#expanded:not([hidden]) .expanded-rank').waitFor({ timeout: 5000 });
  const rankText = (await p.locator('#expanded .expanded-rank').textContent()) || '';
  assert(rankText.includes('duration'), `the ranking note does not name the word that ranks: "${rankText}"`);
  assert(await p.locator('#expanded #expanded-toggle').count() === 1, 'the "Only the words typed" toggle is gone');
  await searchDone(p, () => p.goto(BASE + '/?ui=en&q=' + encodeURIComponent('protection order'), { waitUntil: 'domcontentloaded' }));
  await p.waitForFunction(() => /protection order/i.test(document.getElementById('expanded').textContent || ''), null, { timeout: 5000 });
  await p.waitForLoadState('networkidle'); // the thesaurus labels arrive late
  assert(await p.locator('#expanded .expanded-rank').count() === 0, 'the ranking note is shown for a topic alone');
  // The toggle searches only the words typed: no concepts, no ranking note.
  await searchDone(p, () => p.goto(BASE + '/?ui=en&cross_language=false&q=' + encodeURIComponent('protection order duration'), { waitUntil: 'domcontentloaded' }));
  assert(await p.locator('#expanded .expanded-rank').count() === 0, 'the ranking note is shown with cross_language=false');
  await p.close();
});

await step('search (tg): a work named by its popular name is said, with its title in the UI language', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'work-names');
  const body = await searchDone(p, () => p.goto(BASE + '/?ui=tg&q=' + encodeURIComponent('VAWA 2022'), { waitUntil: 'domcontentloaded' }));
  const works = (body && body.interpretation && body.interpretation.works) || [];
  if (!works.length) skip('no work in this index is known as VAWA');
  const line = p.locator('#interpretation:not([hidden]) .interp-works');
  await line.waitFor({ timeout: 5000 });
  const text = (await line.textContent()) || '';
  assert(text.includes('матнҳои ҳуҷҷат') && text.includes(works[0].title), `the work line reads "${text}"`);
  await p.close();
});

await step('search (ru): relaxed matching is said, "require every word" sets relax=0', async () => {
  let q = null;
  for (const c of ['restraining court fine', 'restraining order fine prison', 'охранный ордер штраф тюрьма', 'shelter court fine']) {
    const { body } = await api('/api/search?q=' + encodeURIComponent(c));
    if (body && body.interpretation && body.interpretation.relaxed === true) { q = c; break; }
  }
  if (!q) skip('no candidate query relaxes in this corpus');
  const p = await ctx.newPage();
  attachErrorLog(p, 'relaxed');
  const before = await searchDone(p, () => p.goto(BASE + '/?ui=ru&q=' + encodeURIComponent(q), { waitUntil: 'domcontentloaded' }));
  const note = p.locator('#interpretation:not([hidden]) .interp-relaxed');
  await note.waitFor({ timeout: 5000 });
  const text = (await note.textContent()) || '';
  assert(text.includes('Все ваши слова есть лишь в немногих текстах'), `relaxed note not in Russian: "${text}"`);
  const strict = await searchDone(p, () => p.click('#interp-strict'));
  const url = new URL(p.url());
  assert(url.searchParams.get('relax') === '0' && url.searchParams.get('q') === q, `relax=0 missing from the URL: ${url.search}`);
  assert(strict && strict.interpretation && strict.interpretation.relaxed === false, 'the API still relaxes with relax=0');
  assert(strict.total <= before.total, `relax=0 found more (${strict.total}) than relaxed (${before.total})`);
  assert(await p.locator('#interpretation').isHidden(), 'the relaxed note is still shown with relax=0');
  // A new query starts from the default reading again.
  await p.fill('#q', 'охранный ордер в Грузии');
  await searchDone(p, () => p.press('#q', 'Enter'));
  assert(!new URL(p.url()).searchParams.has('relax'), 'relax=0 carried over to a new query');
  await p.close();
});

// ---- web QA pass: gaps, exports, repealed law, headings, field names -------

// CSV text (as export.js writes it) into rows of fields.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(f); rows.push(row); row = []; f = ''; i++; } else f += c;
  }
  if (f || row.length) { row.push(f); rows.push(row); }
  return rows;
}

// A heading that repeats the label before it: "Article 1 Article 1. Subject".
const LABEL_TWICE = /^\s*((?:Article|Статья|Моддаи|Paragraph|Пункт|Банди)\s+\d+)\s+\1\b/;

await step('compare (ru): a gap not among the provisions held is marked "?", never "∅" (the law is silent)', async () => {
  const qs = 'jurisdiction=TJ&jurisdiction=BA-BRC&topic=economic-violence';
  const { body } = await api('/api/compare?' + qs);
  const brc = (body.columns || []).find((c) => c.jurisdiction === 'BA-BRC');
  if (!brc || !brc.gap || brc.gap_kind !== 'not-found') skip(`the Brčko column on economic violence is no "not found" gap: ${brc && brc.gap_kind}`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'gap-mark');
  await p.goto(BASE + '/compare.html?ui=ru&' + qs, { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
  const icons = await p.locator('.gap-mark[data-gap-kind="not-found"] .gap-icon').allTextContents();
  assert(icons.length > 0, 'no "not found" gap mark');
  assert(icons.every((x) => x.trim() === '?'), `"not found" gaps are marked ${JSON.stringify(icons)}`);
  // The matrix marks the same kind the same way.
  await p.goto(BASE + '/matrix.html?ui=ru&jurisdiction=TJ&jurisdiction=BA-BRC', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#matrix-box[data-state=ready]', { timeout: 20000 });
  const mx = await p.locator('#matrix tbody a.heat.gap-not-found .mx-about').allTextContents();
  assert(mx.length > 0 && mx.every((x) => x.trim() === '?'), `matrix "not found" cells read ${JSON.stringify(mx.slice(0, 3))}`);
  await p.close();
});

await step('compare (tg): the gap explanations attach no ending to the jurisdiction\'s name', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'gap-tg');
  await p.goto(BASE + '/compare.html?ui=tg&jurisdiction=TJ&jurisdiction=BA-BRC&topic=economic-violence', { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
  const hints = await p.locator('.gap-mark .gap-hint').allTextContents();
  if (!hints.length) skip('no gap on this comparison');
  for (const h of hints) assert(!/[\p{L})]-(ро|ра|и|ба)(?!\p{L})/u.test(h) && !/\}-/.test(h), `a Tajik gap reads "${h}"`);
  await p.close();
});

await step('search (tg): on a page past the last, "Previous" leads to the last page', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'pager-past');
  const body = await searchDone(p, () => p.goto(BASE + '/?q=' + encodeURIComponent('ордер') + '&page=30&ui=tg', { waitUntil: 'domcontentloaded' }));
  const last = Math.ceil(body.total / (body.per_page || 10));
  if (last < 2 || last >= 30) skip(`"ордер" has ${last} pages`);
  const prev = p.locator('#pager a.pager-prev');
  assert(await prev.count() === 1, 'no "Previous" link');
  assert(await prev.getAttribute('data-page') === String(last), `"Previous" leads to page ${await prev.getAttribute('data-page')}, not ${last}`);
  assert(new URL(await prev.getAttribute('href'), BASE).searchParams.get('page') === String(last), `its href is ${await prev.getAttribute('href')}`);
  await p.close();
});

for (const ui of ['ru', 'tg']) {
  await step(`compare (${ui}): a concept label that starts a heading, the title or a topic is capitalised`, async () => {
    const p = await ctx.newPage();
    attachErrorLog(p, 'upper-first-' + ui);
    await p.goto(BASE + `/compare.html?ui=${ui}&jurisdiction=TJ&jurisdiction=BA-BIH&topic=${COMPARE_TOPIC}`, { waitUntil: 'domcontentloaded' });
    await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
    await p.waitForSelector('#topic-tree .topic-name');
    const upper = (s) => { const c = String(s).trim().charAt(0); return c === c.toLocaleUpperCase() && c !== c.toLocaleLowerCase(); };
    assert(upper(await p.textContent('#cmp-title')), `the heading reads "${await p.textContent('#cmp-title')}"`);
    assert(upper(await p.title()), `the page title reads "${await p.title()}"`);
    assert(upper(await p.textContent('#cmp-status')), `the summary reads "${await p.textContent('#cmp-status')}"`);
    for (const x of await p.locator('.cmp-row-head .row-label').allTextContents()) assert(upper(x), `a row reads "${x}"`);
    const topics = await p.locator('#topic-tree .topic-name').allTextContents();
    assert(topics.length > 5 && topics.every((x) => !/^\p{Ll}/u.test(x.trim())), `a topic reads "${topics.find((x) => /^\p{Ll}/u.test(x.trim()))}"`);
    await p.close();
  });
}

for (const ui of ['en', 'ru', 'tg']) {
  await step(`search and document (${ui}): one name per field (document type, audience) on both pages`, async () => {
    const p = await ctx.newPage();
    attachErrorLog(p, 'field-names-' + ui);
    await searchDone(p, () => p.goto(BASE + `/?ui=${ui}`, { waitUntil: 'domcontentloaded' }));
    const legend = async (f) => ((await p.locator(`#facets fieldset[data-facet-group=${f}] legend`).first().textContent()) || '').trim();
    const names = { type: await legend('type'), audience: await legend('audience') };
    // A document with an audience: the first the search finds with one.
    const { body } = await api('/api/search?per_page=1&audience=police&facets=false');
    const id = body && body.hits && body.hits[0] ? body.hits[0].document_id : `tj-dv-law-2013-${ui}`;
    await p.goto(BASE + `/document.html?ui=${ui}&id=${encodeURIComponent(id)}`, { waitUntil: 'domcontentloaded' });
    await p.waitForSelector('#doc:not([hidden]) #doc-meta dt');
    const dts = (await p.locator('#doc-meta dt').allTextContents()).map((x) => x.trim());
    assert(names.type && dts.includes(names.type), `the filter "${names.type}" is not a field of the document (${dts.join(' | ')})`);
    if (names.audience && (await p.locator('#doc-meta dt').count()) && body && body.hits && body.hits[0]) {
      assert(dts.includes(names.audience), `the filter "${names.audience}" is not a field of the document (${dts.join(' | ')})`);
    }
    await p.close();
  });
}

for (const [ui, words] of [['en', /Repealed since/], ['ru', /Утратил силу с/], ['tg', /Эътибори худро гум кардааст аз/]]) {
  await step(`document (${ui}): a repealed law says so by its title, with the act replacing it linked`, async () => {
    const p = await ctx.newPage();
    attachErrorLog(p, 'legal-notice-' + ui);
    await p.goto(BASE + `/document.html?ui=${ui}&id=ba-bih-dv-law-2013-${ui}`, { waitUntil: 'domcontentloaded' });
    const notice = p.locator('#doc-title + #doc-legal-notice[data-legal-status=repealed]');
    await notice.waitFor({ timeout: 20000 });
    const text = await notice.textContent();
    assert(words.test(text) && !/\d{4}-\d{2}/.test(text), `the notice reads "${text}"`);
    const link = notice.locator('.legal-notice-rel[data-relation="replaced-by"] a.rel-work');
    await link.waitFor({ timeout: 10000 });
    const href = await link.getAttribute('href');
    assert(/document\.html\?id=ba-bih-dv-law-2025/.test(href || '') && new RegExp(`[?&]ui=${ui}`).test(href || ''), `the replacing act links to "${href}"`);
    // A law in force has no notice.
    await p.goto(BASE + `/document.html?ui=${ui}&id=ba-bih-dv-law-2025-${ui}`, { waitUntil: 'domcontentloaded' });
    await p.waitForSelector('#doc:not([hidden]) .provision');
    assert(await p.locator('#doc-legal-notice').count() === 0, 'a law in force shows a notice');
    await p.close();
  });
}

for (const ui of ['en', 'ru', 'tg']) {
  await step(`document, definitions and compare CSV (${ui}): a heading that starts with the provision's label does not repeat it`, async () => {
    const p = await ctx.newPage();
    attachErrorLog(p, 'label-twice-' + ui);
    await p.goto(BASE + `/document.html?ui=${ui}&id=ba-bih-dv-law-2025-${ui}`, { waitUntil: 'domcontentloaded' });
    await p.waitForSelector('#doc:not([hidden]) .provision');
    const toc = (await p.locator('#toc-list a').allTextContents()).map((x) => x.replace(/\s+/g, ' '));
    const heads = (await p.locator('.provision-head').allTextContents()).map((x) => x.replace(/#$/, '').replace(/\s+/g, ' '));
    for (const x of [...toc, ...heads]) assert(!LABEL_TWICE.test(x.replace(/(\d)(?=\S)/, '$1 ')), `a heading reads "${x}"`);
    const first = await p.locator('.provision-head').first().evaluate((h) => [h.querySelector('.provision-label')?.textContent || '', h.querySelector('.provision-heading')?.textContent || '']);
    assert(!first[1] || !first[1].startsWith(first[0]), `the first provision reads "${first.join(' ')}"`);
    await p.goto(BASE + `/glossary.html?ui=${ui}&concept=family-definition`, { waitUntil: 'domcontentloaded' });
    await p.waitForSelector('.gl-card-head a', { timeout: 20000 });
    for (const x of await p.locator('.gl-card-head a').allTextContents()) assert(!LABEL_TWICE.test(x), `a definition reads "${x}"`);
    await p.goto(BASE + `/compare.html?ui=${ui}&jurisdiction=BA-BIH&jurisdiction=BA-SRP&topic=${COMPARE_TOPIC}`, { waitUntil: 'domcontentloaded' });
    await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
    const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 10000 }), p.click('#export-csv')]);
    const rows = parseCsv(await readDownload(dl)).slice(1).filter((r) => r[5]);
    assert(rows.length > 0, 'the compare CSV has no provision with a label');
    for (const r of rows) assert(!r[6].startsWith(r[5] + '.') && !LABEL_TWICE.test(`${r[5]} ${r[6]}`), `a CSV row has label "${r[5]}", heading "${r[6]}"`);
    await p.close();
  });
}

await step('search (en): the CSV export holds every result, paging through the API, not the first 100', async () => {
  const { body } = await api('/api/search?q=violence&per_page=1&facets=false');
  if (!body || body.total <= 100) skip(`"violence" finds ${body && body.total} texts, not more than 100`);
  const p = await ctx.newPage();
  attachErrorLog(p, 'export-all');
  await searchDone(p, () => p.goto(BASE + '/?ui=en&q=violence', { waitUntil: 'domcontentloaded' }));
  const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 20000 }), p.click('#export-csv')]);
  const rows = parseCsv(await readDownload(dl)).filter((r) => r.length > 1);
  const data = rows.slice(1).filter((r) => /^\d+$/.test(r[0]));
  assert(data.length === body.total, `the CSV has ${data.length} rows, the search ${body.total} results`);
  assert(new Set(data.map((r) => r[9])).size === data.length, 'a result is exported twice');
  await p.waitForSelector('#export-note:not([hidden])');
  assert(/Downloaded/.test(await p.textContent('#export-note')), 'the page does not say the file was downloaded');
  await p.close();
});

for (const ui of ['ru', 'tg']) {
  await step(`search and compare CSV (${ui}): the legal status reads as the badge does, never a raw date`, async () => {
    const p = await ctx.newPage();
    attachErrorLog(p, 'status-csv-' + ui);
    await searchDone(p, () => p.goto(BASE + `/?ui=${ui}&status=repealed&status=expired`, { waitUntil: 'domcontentloaded' }));
    const badges = new Set((await p.locator('#hits .legal-badge').allTextContents()).map((x) => x.trim()));
    assert(badges.size > 0, 'no badge on the page');
    const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 20000 }), p.click('#export-csv')]);
    const rows = parseCsv(await readDownload(dl)).slice(1).filter((r) => /^\d+$/.test(r[0]));
    for (const r of rows) assert(badges.has(r[7]), `the CSV's status "${r[7]}" is no badge of the page (${[...badges].join(' | ')})`);
    await p.goto(BASE + `/compare.html?ui=${ui}&jurisdiction=TJ&jurisdiction=BA-BIH&topic=${COMPARE_TOPIC}&include_repealed=true`, { waitUntil: 'domcontentloaded' });
    await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
    const cmpBadges = new Set((await p.locator('.prov-card .legal-badge').allTextContents()).map((x) => x.trim()));
    const [dl2] = await Promise.all([p.waitForEvent('download', { timeout: 10000 }), p.click('#export-csv')]);
    const crows = parseCsv(await readDownload(dl2)).slice(1).filter((r) => r[9]);
    assert(crows.length > 0, 'no compare CSV row has a legal status');
    for (const r of crows) assert(cmpBadges.has(r[9]) && !/\d{4}-\d{2}/.test(r[9]), `the compare CSV's status "${r[9]}" is no badge of the page`);
    await p.close();
  });
}

await step('compare CSV (tg): the other languages column names each language with its link, as search\'s CSV does', async () => {
  const p = await ctx.newPage();
  attachErrorLog(p, 'other-langs');
  await p.goto(BASE + `/compare.html?ui=tg&jurisdiction=TJ&jurisdiction=BA-BIH&topic=${COMPARE_TOPIC}`, { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#compare[data-state=ready]', { timeout: 20000 });
  const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 10000 }), p.click('#export-csv')]);
  const cells = parseCsv(await readDownload(dl)).slice(1).map((r) => r[12]).filter(Boolean);
  assert(cells.length > 0, 'no row lists other languages');
  for (const c of cells) assert(c.split('; ').every((x) => /^\S[^;]* https?:\/\/\S+document\.html\?id=\S+$/.test(x)), `other languages read "${c}"`);
  await searchDone(p, () => p.goto(BASE + '/?ui=tg&q=' + encodeURIComponent('ордер'), { waitUntil: 'domcontentloaded' }));
  const [dl2] = await Promise.all([p.waitForEvent('download', { timeout: 20000 }), p.click('#export-csv')]);
  const scells = parseCsv(await readDownload(dl2)).slice(1).map((r) => r[12]).filter(Boolean);
  for (const c of scells) assert(c.split('; ').every((x) => /^\S[^;]* https?:\/\/\S+document\.html\?id=\S+$/.test(x)), `search's other languages read "${c}"`);
  await p.close();
});

await step('no horizontal scrolling at 360 px', async () => {
  const small = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-US', isMobile: true, hasTouch: true });
  const p = await small.newPage();
  attachErrorLog(p, 'mobile');
  await searchDone(p, () => p.goto(BASE + '/?ui=tg&q=' + encodeURIComponent(query), { waitUntil: 'domcontentloaded' }));
  let w = await p.evaluate(() => document.documentElement.scrollWidth);
  assert(w <= 360, `search page is ${w}px wide at 360px`);
  await p.click('#filters-toggle');
  assert(await p.locator('#facets input[type=checkbox]').first().isVisible(), 'filters toggle does not show the facets');
  const href = await p.locator('#hits .hit-title a').first().getAttribute('href');
  await p.goto(BASE + href, { waitUntil: 'domcontentloaded' });
  await p.waitForSelector('#doc:not([hidden])');
  w = await p.evaluate(() => document.documentElement.scrollWidth);
  assert(w <= 360, `document page is ${w}px wide at 360px`);
  for (const [url, sel] of [
    ['/compare.html?ui=tg&jurisdiction=TJ&jurisdiction=BA-BIH&jurisdiction=BA-SRP&topic=' + COMPARE_TOPIC, '#compare[data-state=ready]'],
    ['/matrix.html?ui=tg', '#matrix-box[data-state=ready]'],
    ['/facts.html?ui=tg', '#facts-box[data-state=ready], #facts-box[data-state=error]'],
  ]) {
    await p.goto(BASE + url, { waitUntil: 'domcontentloaded' });
    await p.waitForSelector(sel, { timeout: 20000 });
    w = await p.evaluate(() => document.documentElement.scrollWidth);
    assert(w <= 360, `${url.split('?')[0]} is ${w}px wide at 360px`);
  }
  await small.close();
});

await step('no script errors or CSP violations', async () => {
  assert(pageErrors.length === 0, pageErrors.slice(0, 3).join(' | '));
});

await browser.close();
if (compareRenderMs !== null) console.log(`compare render time (3 jurisdictions): ${compareRenderMs} ms`);
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed ? 1 : 0);
