MATCH (p:Person)
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(o:Organization)
RETURN p.name AS person, coalesce(p.job_title, o.name, 'unknown') AS what
