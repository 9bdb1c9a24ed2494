// compare: unordered-lists
MATCH (t:Talk)<-[:PRESENTS]-(p:Person)
RETURN t.id AS talk, collect(p.name) AS speakers, size(collect(p.name)) AS n
