MATCH (j:Project)
WHERE j.maturity IS NOT NULL AND j.category IS NOT NULL
RETURN j.name AS name, j.maturity AS maturity
