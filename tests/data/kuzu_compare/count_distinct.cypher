MATCH (o:Organization)<-[:AFFILIATED_WITH]-(p:Person)-[:PRESENTS]->(t:Talk)
RETURN o.name AS org, count(DISTINCT t) AS talks, count(DISTINCT p.name) AS people
