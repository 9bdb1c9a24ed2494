MATCH p = (a:Person)-[:AFFILIATED_WITH]->(o)<-[:AFFILIATED_WITH]-(b:Person)
WHERE a.name < b.name
RETURN a.name AS a, b.name AS b, properties(rels(p), 'title') AS titles
