// format: csv
// Organisations, through their people and talks, to projects.
MATCH (o:Organization)
MATCH (o)<-[:AFFILIATED_WITH]-(p:Person)
MATCH (p)-[:PRESENTS]->(:Talk)-[:MENTIONS]->(x:Project)
WITH o, x ORDER BY x.name
RETURN o.name AS organization, collect(DISTINCT x.name) AS projects
ORDER BY organization
