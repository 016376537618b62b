-- GET /items/{id}, id uniformly random among the seeded rows.
request = function()
  return wrk.format("GET", "/items/" .. math.random(1, rows))
end
