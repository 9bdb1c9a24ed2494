MATCH (t:Talk)
OPTIONAL MATCH (t)-[:MENTIONS]->(j:Project)
WHERE j.maturity = 'graduated'
RETURN t.id AS talk, j.name AS graduated
