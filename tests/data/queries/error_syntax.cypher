MATCH (t:Talk)-[:MENTIONS]->(p:Project
RETURN t.name
