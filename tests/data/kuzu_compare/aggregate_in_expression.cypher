MATCH (t:Talk)-[:MENTIONS]->(j:Project)
RETURN t.id AS talk, count(*) * 100 / sum(j.evidence_count) AS pct, avg(j.evidence_count) AS mean
