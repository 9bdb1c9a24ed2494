// compare: ordered
MATCH (p:Person)-[:AFFILIATED_WITH]->(o)
WITH o, count(p) AS people ORDER BY people DESC, o.name LIMIT 4
RETURN o.name AS org, people
