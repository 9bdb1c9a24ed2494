MATCH (a:Person {name: 'Pieter de Vries'}), (b:Project)
MATCH p = (a)-[*1..4 (r, n | WHERE label(n) <> 'Document')]-(b)
RETURN b.name AS project, min(length(p)) AS len
