// Kuzu's spelling of a shortest path; the relationship variable holds the hops.
MATCH (a:Person {name: 'Sigrid Dahl'})-[r:PRESENTS|AFFILIATED_WITH* SHORTEST 1..6]-(b:Person {name: 'Bao Tran'})
RETURN size(r) AS hops, [x IN r | type(x)] AS types
