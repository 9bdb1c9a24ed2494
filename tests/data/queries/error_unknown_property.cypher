MATCH (p:Person) RETURN p.jobtitle
