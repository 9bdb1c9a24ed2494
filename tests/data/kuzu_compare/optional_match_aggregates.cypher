MATCH (p:Person)
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(o:Organization {name: 'Hooli'})
RETURN count(o) AS orgs, size(collect(o.name)) AS collected, count(DISTINCT o.name) AS names, min(o.name) AS first, count(*) AS rows
