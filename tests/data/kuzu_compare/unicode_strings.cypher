MATCH (p:Person)
WHERE p.name =~ '.*[éó].*' OR p.name =~ 'Chlo. Dubois'
RETURN p.name AS name, size(p.name) AS len, toUpper(p.name) AS upper, toLower(p.name) AS lower
