MATCH (a)-[r]-(b)
RETURN count(*) AS directed_pairs
