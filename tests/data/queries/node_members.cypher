MATCH (p:Project)
WHERE size(p.aliases) > 0
RETURN p.key AS key, p.id AS id, p.label AS label, p.aliases AS aliases, p.evidence_count AS evidence, p.cncf AS cncf
ORDER BY key
