// Two shortest paths of the same length, both returned.
MATCH p = allShortestPaths((a:Talk {name: 'Closing Remarks'})-[:PRESENTS|AFFILIATED_WITH*..6]-(b:Talk {name: 'Gang Scheduling Showdown: Kueue Versus Volcano'}))
RETURN [n IN nodes(p)[1..-1] | n.name] AS through
ORDER BY through
