MATCH (r:Room)<-[:HELD_IN]-(t:Talk)-[:IN_TRACK]->(k:Track)
RETURN r.name AS room, k.name AS track, count(*) AS talks
ORDER BY room, track
