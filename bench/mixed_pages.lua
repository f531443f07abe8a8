-- wrk script for bench/load_mixed.py: each request takes the next path of the list file
-- given after "--" (one path a line), so the load is an even mix of the site's pages.
--   wrk -t2 -c64 -d60s -s bench/mixed_pages.lua http://127.0.0.1:PORT -- paths.txt

local paths = {}
local position = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  -- Threads start at different places in the list.
  position = math.random(#paths)
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "WRK-JSON {\"requests\": %d, \"duration_us\": %d, \"bytes\": %d, " ..
    "\"connect\": %d, \"read\": %d, \"write\": %d, \"timeout\": %d, \"status\": %d, " ..
    "\"p50_us\": %d, \"p90_us\": %d, \"p99_us\": %d, \"max_us\": %d}\n",
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max
  ))
end
