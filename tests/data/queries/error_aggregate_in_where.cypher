MATCH (t:Talk)-[:MENTIONS]->(p:Project) WHERE count(p) > 1 RETURN t.name
