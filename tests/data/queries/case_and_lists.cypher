MATCH (t:Talk)
WITH t, substring(t.start, 11, 5) AS at
RETURN at, CASE WHEN at < '10:00' THEN 'morning' WHEN at < '13:00' THEN 'midday' ELSE 'afternoon' END AS part,
       [w IN split(t.name, ' ') WHERE size(w) > 7] AS long_words
ORDER BY at, t.name
