MATCH (j:Project)
RETURN j.name AS name, size(j.aliases) AS aliases
