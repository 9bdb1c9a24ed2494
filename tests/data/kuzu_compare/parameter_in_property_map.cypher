MATCH (p:Person {name: $name})-[:PRESENTS]->(t)
RETURN t.id AS talk
