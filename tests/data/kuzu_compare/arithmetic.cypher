UNWIND [-7, 7, 0, 12] AS x
RETURN x, x % 3 AS m, x / 2 AS d, x * 1.5 AS f, -x AS neg, x + 2 - 1 AS e
