MATCH (j:Project)
WHERE j.cncf XOR j.evidence_count > 1
RETURN j.name AS name
