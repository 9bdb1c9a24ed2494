MATCH (p:Project {maturity: 'graduated', cncf: true}) RETURN p.name AS name
