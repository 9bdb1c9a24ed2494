MATCH (j:Project)
WHERE (j.maturity = 'incubating' OR j.maturity = 'sandbox') AND NOT j.category = 'Runtime'
   OR j.evidence_count > 3
RETURN j.name AS name
