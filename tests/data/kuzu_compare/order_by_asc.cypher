// compare: ordered
MATCH (p:Person)
RETURN p.id AS key
ORDER BY key
LIMIT 5
