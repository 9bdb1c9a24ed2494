MATCH (t:Talk)-[:IN_TRACK]->(k:Track)
WHERE k.name IN ['BREAKS', 'REGISTRATION', 'KEYNOTES'] AND t.description IS NULL
RETURN k.name AS track, t.name AS talk
ORDER BY track, talk
