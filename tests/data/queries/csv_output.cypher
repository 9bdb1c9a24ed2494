// format: csv
MATCH (t:Talk)-[:HELD_IN]->(r:Room)
WHERE r.name = 'Room Kelp'
RETURN t.name AS talk, t.start AS start, r.name AS room, r.level AS level
ORDER BY start
