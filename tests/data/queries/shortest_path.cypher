// format: csv
MATCH p = shortestPath((a:Person {name: 'Oskar Lind'})-[:PRESENTS|MENTIONS*..6]-(b:Project {name: 'Volcano'}))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS route
