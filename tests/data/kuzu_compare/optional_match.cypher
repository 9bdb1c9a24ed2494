MATCH (t:Talk)
OPTIONAL MATCH (p:Person)-[:PRESENTS]->(t)
RETURN t.id AS talk, p.name AS speaker
