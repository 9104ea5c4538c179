-- A mixed load for wrk: public pages, searches, service pages and route-finder posts.
-- LOAD_RATE (environment, requests per second; one wrk thread) holds a steady rate: every
-- request has a slot on a fixed timetable, as in wrk2, whatever the answers' latency. Without
-- it, every connection sends its next request as soon as the last is answered (the maximum).
local paths = {
  "/", "/stoke-on-trent/", "/essex/", "/stoke-on-trent/services/?q=short+breaks",
  "/essex/services/?q=respite", "/bexley/services/?q=assessment&age=9",
  "/stoke-on-trent/services/aiming-high/", "/stoke-on-trent/services/early-help/",
  "/stoke-on-trent/levels-of-need/", "/stoke-on-trent/routes/short-breaks/", "/rights/",
  "/norfolk/services/", "/tools/deadlines/?start=2027-03-03&timescale=child-and-family-assessment",
}
-- Django accepts an unmasked 32-character CSRF secret as both cookie and form token.
local token = "benchmarkcsrftokenbenchmarkcsrf1"
local counter = 0
local rate = tonumber(os.getenv("LOAD_RATE") or "0")

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local next_slot = nil

request = function()
  counter = counter + 1
  if counter % 5 == 0 then
    return wrk.format("POST", "/stoke-on-trent/find-my-route/age/", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = "csrftoken=" .. token,
    }, "csrfmiddlewaretoken=" .. token .. "&age=" .. (counter % 26))
  end
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

-- Called before each request: wait until its slot on the timetable (0 when running late).
delay = function()
  if rate <= 0 then
    return 0
  end
  local now = now_ms()
  next_slot = (next_slot or now) + 1000 / rate
  return math.max(0, math.floor(next_slot - now))
end
