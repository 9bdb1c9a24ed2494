MATCH (t:Talk)-[r:MENTIONS]->(j:Project)
RETURN j.name AS project, sum(r.evidence_count) AS total, max(r.evidence_count) AS most
