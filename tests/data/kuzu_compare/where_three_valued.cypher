MATCH (j:Project)
WHERE NOT (j.maturity = 'graduated') OR j.maturity IS NULL AND j.cncf
RETURN j.name AS name
