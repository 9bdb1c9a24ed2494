MATCH (p:Projet) RETURN p.name
