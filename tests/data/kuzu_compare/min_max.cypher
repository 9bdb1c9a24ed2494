MATCH (t:Talk)-[:HELD_IN]->(r:Room)
RETURN r.name AS room, min(t.start) AS first, max(t.start) AS last, min(t.evidence_count) AS lo, max(t.evidence_count) AS hi
