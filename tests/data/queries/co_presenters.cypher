// Pairs of people who present a talk together (walk semantics: exclude the pair with itself).
MATCH (a:Person)-[:PRESENTS]->(t:Talk)<-[:PRESENTS]-(b:Person)
WHERE a.name < b.name
RETURN a.name AS first, b.name AS second, t.name AS talk
ORDER BY first, second
