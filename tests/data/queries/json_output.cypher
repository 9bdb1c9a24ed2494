// format: json
MATCH (p:Person {name: 'Sigrid Dahl'})-[a:AFFILIATED_WITH]->(o:Organization)
RETURN p.name AS name, a, o, [1, 2.5, null, true] AS mixed
