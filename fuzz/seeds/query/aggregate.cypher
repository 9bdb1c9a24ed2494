MATCH (p:Person)-[:PRESENTS]->(t:Talk)-[:MENTIONS]->(j:Project)
WHERE j.name IN ["Kueue", "Kubernetes"] AND p.name =~ "A.*"
WITH p, count(DISTINCT t) AS talks, collect(j.name) AS projects
ORDER BY talks DESC SKIP 0 LIMIT $n
RETURN p.name, talks, projects, size(projects), toUpper(p.name)
