-- wrk script of the web benchmark (bench/web.py).
--   wrk ... -s bench/wrk/paths.lua http://host:port/ -- PATHS_FILE [unique]
-- With a file, each thread cycles through its paths (one per line), starting
-- at a different line; with "unique", each request adds _b=<thread>-<n> to
-- the query string, so no two requests share a URL (a page cache cannot
-- answer them). Without a file, the URL given to wrk is requested.
-- done() prints one line "BENCHJSON {...}": requests, duration and the
-- latency percentiles in microseconds, p95 included (wrk --latency has none).

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

local paths = {}
local unique = false
local counter = 0

function init(args)
  if args[1] and args[1] ~= "" then
    for line in io.lines(args[1]) do
      if #line > 0 then table.insert(paths, line) end
    end
  end
  unique = args[2] == "unique"
  counter = (tid or 1) * 7
end

function request()
  if #paths == 0 then return wrk.request() end
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  if unique then
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "_b=" .. tid .. "-" .. counter
  end
  return wrk.format(nil, path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50": %d, "p75": %d, '
    .. '"p90": %d, "p95": %d, "p99": %d, "max": %d, "mean": %.1f, "errors_connect": %d, '
    .. '"errors_read": %d, "errors_write": %d, "errors_status": %d, "errors_timeout": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(75), latency:percentile(90),
    latency:percentile(95), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout))
end
