MATCH (k:Track)
RETURN toLower(k.name) AS lower, toUpper(toLower(k.name)) AS upper, size(k.name) AS len
