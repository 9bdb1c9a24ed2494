MATCH (a:Person {name: 'Wen Li'})-[:PRESENTS*0..2]-(x)
RETURN x.id AS reached, count(*) AS walks
