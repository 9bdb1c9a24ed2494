// compare: unordered-lists
MATCH (p:Person)-[:AFFILIATED_WITH]->(o:Organization)
RETURN collect(DISTINCT o.name) AS orgs, count(*) AS n
