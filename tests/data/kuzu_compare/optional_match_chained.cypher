MATCH (t:Talk)
OPTIONAL MATCH (p:Person)-[:PRESENTS]->(t)
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(o)
RETURN t.id AS talk, p.name AS speaker, o.name AS org
