// param: org=Google
MATCH (o:Organization {name: $org})<-[:AFFILIATED_WITH]-(p:Person)-[:PRESENTS]->(t:Talk)
RETURN p.name AS speaker, t.name AS talk
ORDER BY speaker, talk
