MATCH (a:Project), (b:Project)
WHERE a.name < b.name
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN a.name AS a, b.name AS b, length(p) AS l
