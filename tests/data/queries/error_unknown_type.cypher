MATCH (p:Person)-[:PRESENT]->(t:Talk) RETURN t.name
