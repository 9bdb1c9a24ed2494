MATCH (p:Person)
WHERE p.name =~ '[A-M].* [A-Z][a-z]+' AND NOT p.name =~ '.*a'
RETURN p.name AS name
