-- wrk script: cycles through the request paths in the file named by $WRK_PATHS
-- (one path per line), each connection starting at a different offset.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local counter = 0
function setup(thread)
  thread:set("offset", counter * 7)
  counter = counter + 1
end
local i = 0
function request()
  i = i + 1
  local p = paths[((i + (offset or 0)) % #paths) + 1]
  return wrk.format("GET", p)
end
function done(summary, latency, requests)
  io.write(string.format("CSV,%d,%d,%.3f,%.3f,%.3f,%.3f,%d\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.timeout))
  -- (read errors are not counted: Python's CGI server answers HTTP/1.0 and closes each connection)
end
