// max-rows: 3
MATCH (p:Person)
RETURN p.name AS name
ORDER BY name
