MATCH (p:Person)-[r:AFFILIATED_WITH]->(o:Organization)
WHERE r.title IS NOT NULL
RETURN p.name AS person, r.title AS title, r.evidence_count AS ev
