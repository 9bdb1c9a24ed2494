MATCH (n:Person) RETURN count(*) AS people
