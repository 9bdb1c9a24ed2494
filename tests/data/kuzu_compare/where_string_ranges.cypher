MATCH (j:Project)
WHERE j.name > 'K' AND j.name <= 'Prometheus'
RETURN j.name AS name
