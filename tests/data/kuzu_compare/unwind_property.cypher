MATCH (j:Project)
WHERE j.evidence_count > 1
UNWIND j.aliases AS alias
RETURN j.name AS project, alias
