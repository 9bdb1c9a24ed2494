// People two hops from Kueue: they present a talk that mentions it.
MATCH (p:Person)-[:PRESENTS|MENTIONS*2]-(k:Project {name: 'Kueue'})
RETURN DISTINCT p.name AS person
ORDER BY person
