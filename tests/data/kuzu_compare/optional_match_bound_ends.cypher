MATCH (p:Person), (o:Organization {name: 'Initech'})
OPTIONAL MATCH (p)-[r:AFFILIATED_WITH]->(o)
RETURN p.name AS person, r.title AS title, o.name AS org
