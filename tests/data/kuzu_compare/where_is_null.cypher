MATCH (p:Person)
WHERE p.job_title IS NULL
RETURN p.name AS name
