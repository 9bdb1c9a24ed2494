MATCH (p:Person)-[:AFFILIATED_WITH]->(o:Organization)
MATCH (p)-[:PRESENTS]->(t:Talk)
MATCH (t)-[:IN_TRACK]->(k:Track)
RETURN o.name AS org, k.name AS track, count(*) AS n
