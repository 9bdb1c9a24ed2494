MATCH (a:Person), (b:Organization {name: 'Initech'})
WHERE a.name STARTS WITH 'P'
MATCH p = shortestPath((a)-[:PRESENTS|AFFILIATED_WITH*..6]-(b))
RETURN a.name AS person, length(p) AS len, size(relationships(p)) AS n_rels
