MATCH (:Talk)-[:IN_TRACK]->(k:Track)
RETURN DISTINCT k.name AS track
ORDER BY track
SKIP 1 LIMIT 3
