MATCH (a:Person)-[:PRESENTS]->(t)<-[:PRESENTS]-(a)
RETURN a.name AS person, t.id AS talk
