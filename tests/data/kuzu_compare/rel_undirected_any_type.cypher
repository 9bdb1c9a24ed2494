MATCH (t:Talk {id: 'talk:platform-engineering-with-backstage-and-crossplane'})--(x)
RETURN x.id AS neighbour
