-- GET /items?after=N&limit=20: 20 rows from a random place among the seeded rows.
request = function()
  return wrk.format("GET", "/items?after=" .. math.random(0, rows - 20) .. "&limit=20")
end
