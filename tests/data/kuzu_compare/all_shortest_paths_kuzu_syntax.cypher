MATCH p = (a:Person {name: 'Wen Li'})-[* ALL SHORTEST 1..4]-(b:Track)
RETURN b.name AS track, length(p) AS len, count(*) AS paths
