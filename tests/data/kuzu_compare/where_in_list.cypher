MATCH (j:Project)
WHERE j.maturity IN ['sandbox', 'incubating'] OR j.name IN ['Git', 'Helm']
RETURN j.name AS name, j.maturity AS maturity
