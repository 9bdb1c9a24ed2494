MATCH p = (a:Person)-[:PRESENTS]->(t:Talk)-[:MENTIONS]->(j:Project)
RETURN a.name AS person, j.name AS project, length(p) AS len, size(nodes(p)) AS n_nodes, size(relationships(p)) AS n_rels
