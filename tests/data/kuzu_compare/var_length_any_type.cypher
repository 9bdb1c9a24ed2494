MATCH (a:Talk)-[*2..3]-(b:Track)
WHERE a.name STARTS WITH 'Policy'
RETURN b.name AS track, count(*) AS walks
