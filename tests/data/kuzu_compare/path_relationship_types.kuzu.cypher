MATCH p = (a:Person {name: 'Hana Kobayashi'})-[*1..2]-(b)
RETURN b.id AS reached, list_transform(rels(p), r -> label(r)) AS types
