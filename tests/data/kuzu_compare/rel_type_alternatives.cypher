MATCH (t:Talk)-[r:HELD_IN|IN_TRACK]->(x)
RETURN t.id AS talk, type(r) AS rel, x.name AS target
