MATCH p = (a:Person {name: 'Wen Li'})-[:PRESENTS]->(t)<-[:PRESENTS]-(b:Person)
RETURN properties(nodes(p), 'name') AS names
