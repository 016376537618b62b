-- Shared by the route scripts (prepended by the run): per-thread random seeds, and one
-- machine-readable result line, WRK-RESULT {json}, that Wrk.java reads with Jackson.
-- Latencies are in microseconds. errorsStatus counts HTTP statuses >= 400.
local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919)
  rows = tonumber(os.getenv("BENCH_ROWS") or "10000")
  counter = 0
end

function done(summary, latency, requests)
  io.write(string.format(
    'WRK-RESULT {"requests":%d,"durationMicros":%d,"bytes":%d,"errorsConnect":%d,"errorsRead":%d,'
      .. '"errorsWrite":%d,"errorsStatus":%d,"errorsTimeout":%d,"p50Micros":%d,"p90Micros":%d,"p99Micros":%d,'
      .. '"p999Micros":%d,"meanMicros":%.1f,"maxMicros":%d}\n',
    summary.requests, summary.duration, summary.bytes,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.mean, latency.max))
end
