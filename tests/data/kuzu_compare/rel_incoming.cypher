MATCH (t:Talk)<-[:PRESENTS]-(p:Person)
RETURN t.name AS talk, p.name AS speaker
