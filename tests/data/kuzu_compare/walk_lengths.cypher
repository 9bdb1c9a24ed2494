MATCH p = (a:Person {name: 'Wen Li'})-[*1..3]-(b:Project)
RETURN length(p) AS len, count(*) AS walks
