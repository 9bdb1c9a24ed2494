// compare: ordered
MATCH (t:Talk)-[:MENTIONS]->(j:Project)
RETURN t.id AS talk, count(*) AS mentions
ORDER BY mentions DESC, talk
SKIP 1
