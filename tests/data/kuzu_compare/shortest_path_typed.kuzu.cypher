MATCH (a:Person), (b:Organization {name: 'Initech'})
WHERE a.name STARTS WITH 'P'
MATCH p = (a)-[:PRESENTS|AFFILIATED_WITH* SHORTEST 1..6]-(b)
RETURN a.name AS person, length(p) AS len, size(rels(p)) AS n_rels
