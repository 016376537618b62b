-- POST /items with a new row's JSON.
local headers = { ["Content-Type"] = "application/json" }
request = function()
  counter = counter + 1
  local body = string.format(
    '{"name":"new-%d-%d","description":"Inserted by the benchmark, thread %d, request %d.","priceCents":%d,"stock":%d}',
    thread_id or 0, counter, thread_id or 0, counter, math.random(100, 99999), math.random(0, 99))
  return wrk.format("POST", "/items", headers, body)
end
