// compare: ordered
MATCH (j:Project)
RETURN j.maturity AS maturity, j.name AS name
ORDER BY maturity, name
