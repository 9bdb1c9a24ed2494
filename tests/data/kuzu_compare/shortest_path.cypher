MATCH (a:Person {name: 'Wen Li'}), (b:Project)
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN b.name AS project, length(p) AS len
