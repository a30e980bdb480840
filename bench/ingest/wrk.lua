-- bench/ingest/wrk.lua: wrk drives pre-signed WhatsApp webhooks, each a distinct event.
-- Arguments (after --): file of requests (one per line: signature TAB body), threads, count.
-- WRK_RATE (environment): requests per second for the whole run (open loop, as wrk2's -R). With it,
-- request k is due k/rate seconds after the first and no connection sends it earlier, so the
-- offered load is the rate whatever the latency; without, each connection sends its next request
-- as soon as the answer came (closed loop: the concurrency, not a rate, sets the load).
-- Thread t sends lines t, t+threads, ... and stops once `count / threads` answers came back; the
-- file holds spare lines so the requests still in flight at that moment are distinct events too.
-- wrk's main thread sleeps for -d; with one thread (what drive.ts runs) the thread wakes it with
-- SIGINT (what Ctrl-C does) once done, so the run's duration is the time the answers took, not -d.
local ffi = require("ffi")
ffi.cdef[[
int kill(int pid, int sig);
int getpid(void);
typedef struct { long tv_sec; long tv_nsec; } timespec_t;
int clock_gettime(int clk, timespec_t *tp);
]]
local ts = ffi.new("timespec_t")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local reqs = {}
local nexti = 0
local share = 0
local nthreads = 1
local answered = 0
ok = 0
overflow = 0

-- wrk decides at load whether the script has a delay(), so the rate is read here, not in init
local rate = tonumber(os.getenv("WRK_RATE") or "0") or 0
local first = nil
local scheduled = 0

function init(args)
  local file, count = args[1], tonumber(args[3])
  rate = rate / tonumber(args[2])
  nthreads = tonumber(args[2])
  share = math.floor(count / nthreads) + ((tid < count % nthreads) and 1 or 0)
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == tid then
      local tab = string.find(line, "\t", 1, true)
      local sig, body = string.sub(line, 1, tab - 1), string.sub(line, tab + 1)
      reqs[#reqs + 1] = wrk.format("POST", nil, {
        ["Content-Type"] = "application/json",
        ["User-Agent"] = "facebookexternalua",
        ["X-Hub-Signature-256"] = sig,
      }, body)
    end
    i = i + 1
  end
end

-- wrk calls delay() before each request, once the connection may send (its previous answer came):
-- the next due time in the run's schedule, however many connections are waiting for one
if rate > 0 then
  function delay()
    local now = now_ms()
    if not first then first = now end
    local due = first + scheduled * 1000 / rate
    scheduled = scheduled + 1
    return (due > now) and math.floor(due - now) or 0
  end
end

function request()
  nexti = nexti + 1
  if nexti > #reqs then
    overflow = overflow + 1 -- never expected: the file has a spare line per connection
    nexti = #reqs
  end
  return reqs[nexti]
end

first_answer = 0
last_answer = 0
function response(status, headers, body)
  local now = now_ms()
  if answered == 0 then first_answer = now end
  last_answer = now
  answered = answered + 1
  if status == 200 then ok = ok + 1 end
  if answered == share then
    wrk.thread:stop()
    if nthreads == 1 then ffi.C.kill(ffi.C.getpid(), 2) end
  end
end

function done(summary, latency, requests)
  local okAll, overflowAll, firstAll, lastAll = 0, 0, nil, 0
  for _, t in ipairs(threads) do
    okAll = okAll + t:get("ok")
    overflowAll = overflowAll + t:get("overflow")
    local f, l = t:get("first_answer"), t:get("last_answer")
    if not firstAll or f < firstAll then firstAll = f end
    if l > lastAll then lastAll = l end
  end
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"answer_span_us":%d,"ok":%d,"overflow":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"p50_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, math.floor(((lastAll or 0) - (firstAll or 0)) * 1000), okAll, overflowAll, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout, latency:percentile(50), latency:percentile(99), latency.max))
end
