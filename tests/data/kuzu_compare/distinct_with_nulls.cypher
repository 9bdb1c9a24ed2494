MATCH (j:Project)
RETURN DISTINCT j.maturity AS maturity
