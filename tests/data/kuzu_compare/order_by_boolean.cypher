// compare: ordered
MATCH (j:Project)
RETURN j.cncf AS cncf, j.name AS name
ORDER BY cncf, name
