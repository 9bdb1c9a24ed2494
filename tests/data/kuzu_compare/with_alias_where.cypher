MATCH (o:Organization)<-[:AFFILIATED_WITH]-(p:Person)
WITH o.name AS org, count(*) AS people
WHERE people > 1
RETURN org, people
