MATCH (t:Talk)-[r]->(x)
RETURN label(x) AS label, label(r) AS rel, count(*) AS n
