MATCH (t:Talk)-[r:HELD_IN|IN_TRACK]->(x)
RETURN t.id AS talk, label(r) AS rel, x.name AS target
