// compare: ordered
MATCH (p:Person)
RETURN p.name AS name
ORDER BY name
SKIP $skip LIMIT $limit
