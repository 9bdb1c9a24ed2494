MATCH p = (a:Person {name: 'Wen Li'})-[* SHORTEST 1..4]-(b:Organization)
RETURN b.name AS org, length(p) AS len, size(nodes(p)) AS n_nodes
