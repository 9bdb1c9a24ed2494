// param: names=["Kueue", "volcano", "Volcano"]
UNWIND $names AS name
OPTIONAL MATCH (p:Project {name: name})<-[:MENTIONS]-(t:Talk)
RETURN name, count(t) AS talks
ORDER BY name
