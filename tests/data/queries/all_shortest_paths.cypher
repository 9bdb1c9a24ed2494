// format: csv
MATCH p = allShortestPaths((a:Person {name: 'Oskar Lind'})-[:PRESENTS|MENTIONS*..6]-(b:Person {name: 'Ilse Vermeulen'}))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS route
ORDER BY route
