MATCH (o:Organization)-[:AFFILIATED_WITH]-(p)
RETURN o.name AS org, p.name AS person
