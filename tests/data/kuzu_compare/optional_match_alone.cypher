OPTIONAL MATCH (j:Project {name: 'No Such Project'})
RETURN j.name AS name, count(*) AS rows
