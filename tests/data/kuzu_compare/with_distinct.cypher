MATCH (p:Person)-[:PRESENTS]->(t:Talk)-[:MENTIONS]->(j:Project)
WITH DISTINCT p, j
RETURN j.name AS project, count(*) AS speakers
