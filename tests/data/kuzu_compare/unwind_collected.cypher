MATCH (p:Person)-[:AFFILIATED_WITH]->(o:Organization)
WITH o, collect(p.name) AS names
UNWIND names AS name
RETURN o.name AS org, name
