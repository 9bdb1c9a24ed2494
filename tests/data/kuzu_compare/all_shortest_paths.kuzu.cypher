MATCH (a:Person {name: 'Pieter de Vries'}), (b:Project)
MATCH p = (a)-[* ALL SHORTEST 1..5]-(b)
RETURN b.name AS project, length(p) AS len, count(*) AS paths
