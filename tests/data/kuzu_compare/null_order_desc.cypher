// compare: ordered
MATCH (p:Person)
RETURN p.name AS name, p.job_title AS title
ORDER BY title DESC, name
