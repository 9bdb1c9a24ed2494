MATCH (n) RETURN head(labels(n)) AS label, count(*) AS nodes
