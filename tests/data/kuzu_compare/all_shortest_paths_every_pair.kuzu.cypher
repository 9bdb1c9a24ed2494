MATCH (a:Person), (b:Person)
WHERE a.name < b.name
MATCH p = (a)-[* ALL SHORTEST 1..6]-(b)
RETURN a.name AS a, b.name AS b, length(p) AS l, count(*) AS c
