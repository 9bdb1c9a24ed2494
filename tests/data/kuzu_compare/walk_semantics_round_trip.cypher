MATCH (a:Organization)-[*1..3]-(a)
RETURN a.name AS org, count(*) AS walks
