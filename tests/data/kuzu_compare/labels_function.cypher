MATCH (t:Talk)-[r]->(x)
RETURN labels(x)[0] AS label, type(r) AS rel, count(*) AS n
