MATCH (a:Organization)-[*23]-(a)
RETURN a.name AS org,++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++ count(*) AS walalks
