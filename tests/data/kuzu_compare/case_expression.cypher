MATCH (j:Project)
RETURN j.name AS name,
       CASE WHEN j.evidence_count > 2 THEN 'hot' WHEN j.cncf = true THEN 'cncf' ELSE 'other' END AS kind,
       CASE j.maturity WHEN 'graduated' THEN 1 WHEN 'sandbox' THEN 3 ELSE 0 END AS rank
