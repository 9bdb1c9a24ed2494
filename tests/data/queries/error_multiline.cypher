MATCH (t:Talk)
WHERE t.name CONTAINS 'GPU'
RETURN t.name ORDER t.name
