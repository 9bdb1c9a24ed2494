MATCH (t:Talk) RETURN t.name - 1
