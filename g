one 3
