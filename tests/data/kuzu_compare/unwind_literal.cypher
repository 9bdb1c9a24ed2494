UNWIND [3, 1, 2, 1] AS x
RETURN x, x * 10 AS y
