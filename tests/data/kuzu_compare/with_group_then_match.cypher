MATCH (o:Organization)<-[:AFFILIATED_WITH]-(p:Person)
WITH o, count(p) AS people
WHERE people >= 2
MATCH (o)<-[:AFFILIATED_WITH]-(q:Person)-[:PRESENTS]->(t)
RETURN o.name AS org, people, q.name AS person, t.id AS talk
