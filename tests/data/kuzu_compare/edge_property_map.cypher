MATCH (p:Person)-[r:AFFILIATED_WITH {title: 'Software Engineer'}]->(o)
RETURN p.name AS person, o.name AS org
