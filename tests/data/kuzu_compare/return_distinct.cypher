MATCH (p:Person)-[:PRESENTS]->(t:Talk)-[:HELD_IN]->(r:Room)
RETURN DISTINCT r.name AS room
