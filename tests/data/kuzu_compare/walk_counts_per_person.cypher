MATCH (a:Person)-[*1..4]-(b)
RETURN a.name AS a, count(*) AS c
