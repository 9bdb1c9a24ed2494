MATCH (p:Person)-[:PRESENTS|MENTIONS*1..4]->(x:Project)
RETURN p.name AS person, x.name AS project, count(*) AS walks
