MATCH p = (o:Organization {name: 'Hooli'})-[:AFFILIATED_WITH|PRESENTS*1..3]-(x)
RETURN x.id AS reached, length(p) AS len, size(nodes(p)) AS n_nodes
