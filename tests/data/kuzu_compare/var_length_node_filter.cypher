MATCH (a:Person {name: 'Pieter de Vries'})-[*1..3 (r, n | WHERE label(n) <> 'Talk')]-(b)
RETURN label(b) AS label, count(*) AS walks
