MATCH (a:Person {name: 'Pieter de Vries'}), (b:Project)
MATCH p = allShortestPaths((a)-[*..5]-(b))
RETURN b.name AS project, length(p) AS len, count(*) AS paths
