-- GET /items/{id}/parts: the parts of an item uniformly random among the seeded rows (5 to 10 each).
request = function()
  return wrk.format("GET", "/items/" .. math.random(1, rows) .. "/parts")
end
