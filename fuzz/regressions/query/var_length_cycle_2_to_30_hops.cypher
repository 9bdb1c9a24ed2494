MATCH (a:Organization)-[*2..30]-(a)
RETURN a.name AS org,++++++++++++++++++++++++++++++++++++++++count(*) AS walks
