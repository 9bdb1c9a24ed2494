MATCH (p:Person)
OPTIONAL MATCH (p)-[a:AFFILIATED_WITH]->(o:Organization)
RETURN p.name AS person, count(o) AS orgs, count(*) AS rows
