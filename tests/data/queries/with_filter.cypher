// Speakers with at least two talks.
MATCH (p:Person)-[:PRESENTS]->(t:Talk)
WITH p, count(t) AS talks, collect(t.name) AS titles
WHERE talks >= 2
RETURN p.name AS speaker, talks
ORDER BY talks DESC, speaker
