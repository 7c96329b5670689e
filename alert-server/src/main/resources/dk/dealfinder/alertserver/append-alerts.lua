-- Appends a batch of alerts to the stream, at most once per alert id.
-- KEYS[1] = stream, KEYS[2..n+1] = one guard key per alert
-- ARGV[1] = approximate MAXLEN, ARGV[2] = guard TTL in seconds, ARGV[3..n+2] = alert JSON,
-- ARGV[n+3..2n+2] = the saved query id of each alert (stored beside it to filter per user)
-- Returns {added_1, entry_id_1, added_2, entry_id_2, ...}; added is 1 for a new entry and 0 for a
-- duplicate, whose entry id is the one stored by the first delivery.
local n = #KEYS - 1
local result = {}
for i = 2, #KEYS do
  local existing = redis.call('GET', KEYS[i])
  if existing then
    result[#result + 1] = 0
    result[#result + 1] = existing
  else
    local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*',
      'alert', ARGV[i + 1], 'query', ARGV[n + i + 1])
    redis.call('SET', KEYS[i], id, 'EX', ARGV[2])
    result[#result + 1] = 1
    result[#result + 1] = id
  end
end
return result
