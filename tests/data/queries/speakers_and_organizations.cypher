// Each speaker with the organisation and the job title on the affiliation.
MATCH (p:Person)-[a:AFFILIATED_WITH]->(o:Organization)
RETURN p.name AS speaker, a.title AS title, o.name AS organization
ORDER BY organization, speaker
