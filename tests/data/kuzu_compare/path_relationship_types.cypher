MATCH p = (a:Person {name: 'Hana Kobayashi'})-[*1..2]-(b)
RETURN b.id AS reached, [r IN relationships(p) | type(r)] AS types
