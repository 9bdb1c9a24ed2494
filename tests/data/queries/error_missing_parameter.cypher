MATCH (p:Project {name: $project}) RETURN p
