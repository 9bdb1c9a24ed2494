MATCH (a:Person), (b:Project {name: 'Kubernetes'})
MATCH p = shortestPath((a)-[*..4]->(b))
RETURN a.name AS person, length(p) AS len
