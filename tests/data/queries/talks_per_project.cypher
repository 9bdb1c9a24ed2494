// How many talks mention each project.
MATCH (t:Talk)-[:MENTIONS]->(p:Project)
RETURN p.name AS project, count(*) AS talks
ORDER BY talks DESC, project
