MATCH (j:Project)
WHERE j.evidence_count >= 2 AND j.evidence_count < 4 AND j.name <> 'Flux'
RETURN j.name AS name, j.evidence_count AS ev
