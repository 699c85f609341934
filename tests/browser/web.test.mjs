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
  assert(queryTotal === data.total && queryTotal > 0, `summary total ${queryTotal} vs API ${data.total}`);
  const marks = await page.locator('#hits .snippet mark').count();
  assert(marks > 0, 'no <mark> in the rendered snippets');
  const cite = await page.locator('#hits > li.hit').first().locator('.cite').textContent();
  assert(cite && cite.includes('·'), `citation line looks wrong: "${cite}"`);
  const title = await page.locator('#hits > li.hit .hit-title a').first().textContent();
  assert(title && title.trim() === data.hits[0].title.trim(), `first title "${title}" vs API "${data.hits[0].title}"`);
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
    if (count > 0 && count < queryTotal) { chosen = { box, count, facet: await box.getAttribute('name'), value: await box.getAttribute('value') }; break; }
  }
  assert(chosen, 'no jurisdiction/language/type value narrows the results (all counts equal the total)');
  await searchDone(page, () => chosen.box.click());
  const after = await total(page);
  assert(after !== queryTotal, `count did not change after ticking ${chosen.facet}=${chosen.value} (still ${after})`);
  assert(after === chosen.count, `count ${after} differs from the facet's count ${chosen.count}`);
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

await step('unknown document id shows "not found"', async () => {
  await page.goto(BASE + '/document.html?id=no-such-document-xyz', { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('#doc-error:not([hidden])');
  const text = await page.textContent('#doc-error');
  assert(/not found/i.test(text), `error box says "${text}"`);
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
    '#facets fieldset[data-facet-group=type] legend': 'Навъи ҳуҷҷат',
  };
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

await step('"did you mean" offers the suggestion', async () => {
  let found = null;
  for (const w of query.split(/\s+/)) {
    if (w.length < 5) continue;
    const typo = w.slice(0, 2) + w.slice(3);
    const { body } = await api('/api/search?q=' + encodeURIComponent(typo));
    if (body && body.suggestion) { found = { typo, suggestion: body.suggestion }; break; }
  }
  if (!found) skip('the API made no suggestion for a misspelt query word');
  await searchDone(page, () => page.goto(BASE + '/?q=' + encodeURIComponent(found.typo), { waitUntil: 'domcontentloaded' }));
  await page.waitForSelector('#suggestion:not([hidden]) a');
  assert((await page.textContent('#suggestion a')) === found.suggestion, 'suggestion link text differs');
  await searchDone(page, () => page.click('#suggestion a'));
  assert(new URL(page.url()).searchParams.get('q') === found.suggestion, 'clicking the suggestion did not search for it');
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
  await small.close();
});

await step('no script errors or CSP violations', async () => {
  assert(pageErrors.length === 0, pageErrors.slice(0, 3).join(' | '));
});

await browser.close();
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed ? 1 : 0);
