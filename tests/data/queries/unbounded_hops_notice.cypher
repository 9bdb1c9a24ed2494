// A variable-length pattern without an upper bound is capped, with a notice.
// max-hops: 4
MATCH (o:Organization {name: 'Google'})-[:AFFILIATED_WITH|PRESENTS*3..]-(x)
RETURN label(x) AS label, count(DISTINCT x) AS reached, count(*) AS walks
ORDER BY label
