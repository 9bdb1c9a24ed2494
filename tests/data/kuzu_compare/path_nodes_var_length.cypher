MATCH p = (a:Person {name: 'Hana Kobayashi'})-[:PRESENTS|AFFILIATED_WITH*1..3]-(b:Person)
RETURN [n IN nodes(p) | n.name] AS names
