MATCH (p:Person)-[:PRESENTS]->(t:Talk), (t)-[:MENTIONS]->(j:Project)
RETURN p.name AS person, j.name AS project
