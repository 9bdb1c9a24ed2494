MATCH (o:Organization {name: 'Initech'})-[:AFFILIATED_WITH|PRESENTS*1..4]-(x)
RETURN x.id AS reached, count(*) AS walks
