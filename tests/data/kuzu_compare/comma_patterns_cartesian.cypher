MATCH (r:Room), (k:Track)
WHERE r.name STARTS WITH 'Room' AND k.name CONTAINS '+'
RETURN r.name AS room, k.name AS track
