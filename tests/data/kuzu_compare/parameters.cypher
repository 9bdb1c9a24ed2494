MATCH (j:Project)
WHERE j.maturity = $maturity AND j.evidence_count >= $min
RETURN j.name AS name
