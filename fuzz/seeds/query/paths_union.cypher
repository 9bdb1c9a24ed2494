MATCH p = shortestPath((a:Person {name: $name})-[*..6]-(b:Project))
RETURN b.name AS x, length(p) AS y, [n IN nodes(p) | labels(n)] AS z
UNION ALL
UNWIND range(1, 3) AS i RETURN toString(i) AS x, i * 2.5 AS y, i % 2 = 0 AS z
