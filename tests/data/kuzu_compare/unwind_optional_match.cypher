UNWIND ['Kubernetes', 'Helm', 'No Such Project'] AS name
OPTIONAL MATCH (j:Project {name: name})
RETURN name, j.maturity AS maturity
