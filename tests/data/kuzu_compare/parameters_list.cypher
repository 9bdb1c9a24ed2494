MATCH (p:Person)-[:AFFILIATED_WITH]->(o:Organization)
WHERE o.name IN $orgs
RETURN p.name AS person, o.name AS org
