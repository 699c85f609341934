-- wrk script for scripts/soak: a mix of searches (tg, ru, en, phrases,
-- operators, facets, paging, date sort), documents, analyze, topics and
-- health. Counts every non-200 answer per thread and prints the total.
local paths = {
  "/api/search?q=protection%20order",
  "/api/search?q=%22protection%20order%22&per_page=20",
  "/api/search?q=%D0%BE%D1%85%D1%80%D0%B0%D0%BD%D0%BD%D1%8B%D0%B9%20%D0%BE%D1%80%D0%B4%D0%B5%D1%80",  -- охранный ордер
  "/api/search?q=%D0%B7%D3%AF%D1%80%D0%BE%D0%B2%D0%B0%D1%80%D3%A3%20%D0%B4%D0%B0%D1%80%20%D0%BE%D0%B8%D0%BB%D0%B0", -- зӯроварӣ дар оила
  "/api/search?q=zurovari&qlang=tg",
  "/api/search?q=%D0%BD%D0%B0%D1%81%D0%B8%D0%BB%D0%B8%D0%B5&lang=ru&sort=date",
  "/api/search?q=police%20OR%20militia&scope=all",
  "/api/search?q=violence%20-sexual&jurisdiction=TJ&jurisdiction=GE",
  "/api/search?q=title%3Alaw&type=law&page=2",
  "/api/search?q=&jurisdiction=INT&facets=false",
  "/api/search?q=&year_from=2010&year_to=2020&per_page=50",
  "/api/search?q=shelter&topic=victim-support",
  "/api/search?q=protecton%20ordr",
  "/api/search?q=victim%20support%20hotline&page=3&per_page=5",
  "/api/documents/int-cedaw-1979-en",
  "/api/documents/int-istanbul-convention-ru",
  "/api/analyze?text=%D2%B2%D0%B8%D0%BC%D0%BE%D1%8F%D0%B8%20%D2%9B%D1%83%D1%80%D0%B1%D0%BE%D0%BD%D0%B8%D1%91%D0%BD&lang=auto",
  "/api/topics",
  "/api/health",
}
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  statuses = {}
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total_bad = 0
  for _, t in ipairs(threads) do total_bad = total_bad + t:get("bad") end
  local e = summary.errors
  io.write(string.format("soak: %d requests, %d non-200, errors connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, total_bad, e.connect, e.read, e.write, e.status, e.timeout))
  io.write(string.format("soak: latency p50=%.1fms p99=%.1fms max=%.1fms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
