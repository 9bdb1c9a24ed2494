MATCH (a:Person), (b:Project {name: 'Kubernetes'})
MATCH p = (a)-[* SHORTEST 1..4]->(b)
RETURN a.name AS person, length(p) AS len
