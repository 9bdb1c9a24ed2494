// An edge seen in two places has two pieces of evidence.
MATCH (p:Person)-[a:AFFILIATED_WITH]->(o:Organization)
RETURN p.name AS person, o.name AS organization, a.evidence_count AS evidence, a.documents AS documents, [e IN a.evidence | e.line] AS lines
ORDER BY evidence DESC, person
