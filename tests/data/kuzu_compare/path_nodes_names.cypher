MATCH p = (a:Person {name: 'Wen Li'})-[:PRESENTS]->(t)<-[:PRESENTS]-(b:Person)
RETURN [n IN nodes(p) | n.name] AS names
