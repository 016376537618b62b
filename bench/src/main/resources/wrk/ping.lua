-- GET /ping: touches no database.
request = function()
  return wrk.format("GET", "/ping")
end
