// compare: ordered
MATCH (j:Project)
RETURN j.name AS name, j.evidence_count AS ev
ORDER BY ev DESC, name ASC
SKIP 3 LIMIT 8
