MATCH (t:Talk)
WHERE t.name STARTS WITH 'Keynote' OR t.name ENDS WITH 'Volcano' OR t.name CONTAINS 'GPU' OR t.name =~ '(?i).*tide.*'
RETURN t.name AS talk
ORDER BY talk
