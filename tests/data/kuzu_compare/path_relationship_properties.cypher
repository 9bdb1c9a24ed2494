MATCH p = (a:Person)-[:AFFILIATED_WITH]->(o)<-[:AFFILIATED_WITH]-(b:Person)
WHERE a.name < b.name
RETURN a.name AS a, b.name AS b, [r IN relationships(p) | r.title] AS titles
