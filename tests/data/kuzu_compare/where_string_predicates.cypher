MATCH (t:Talk)
WHERE t.name STARTS WITH 'Keynote' OR t.name ENDS WITH 'Break' OR t.name CONTAINS 'Argo'
RETURN t.id AS talk
