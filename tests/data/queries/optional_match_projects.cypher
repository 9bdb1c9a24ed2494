// Every talk, with the projects it mentions (none for breaks).
MATCH (t:Talk)
OPTIONAL MATCH (t)-[:MENTIONS]->(p:Project)
WITH t, p ORDER BY p.name
RETURN t.name AS talk, collect(p.name) AS projects, count(p) AS n
ORDER BY n DESC, talk
