MATCH (a:Person)-[:PRESENTS]->(t), (b:Person)-[:PRESENTS]->(t)
WHERE a.name < b.name
RETURN a.name AS a, b.name AS b
