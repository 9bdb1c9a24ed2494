MATCH (j:Project)
WITH j ORDER BY j.evidence_count DESC, j.name LIMIT 3
MATCH (t:Talk)-[:MENTIONS]->(j)
RETURN j.name AS project, t.id AS talk
