MATCH (t:Talk)-[:IN_TRACK]->(k:Track)
RETURN k.name AS track, min(t.start) AS first, max(t.end) AS last, count(*) AS talks
ORDER BY first
