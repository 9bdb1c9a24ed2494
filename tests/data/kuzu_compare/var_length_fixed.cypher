MATCH (a:Person)-[:PRESENTS*2]-(b:Person)
RETURN a.name AS a, b.name AS b
