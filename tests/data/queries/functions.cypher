MATCH (p:Project)<-[r:MENTIONS]-(t:Talk {name: 'Policy Guardrails for Shared GPU Clusters'})
RETURN labels(p) AS labels, label(p) AS label, type(r) AS type, toLower(p.name) AS lower, toUpper(p.name) AS upper,
       size(p.name) AS size, coalesce(p.maturity, 'not in CNCF') AS maturity
ORDER BY lower
