MATCH p = (s:Person {name: 'Ravi Iyer'})-[:PRESENTS]->(t:Talk)-[:MENTIONS]->(x:Project)
RETURN length(p) AS hops, [r IN relationships(p) | type(r)] AS types, x.name AS project, startNode(relationships(p)[0]).name AS from
ORDER BY project
