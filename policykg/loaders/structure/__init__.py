"""Structure of a document: its section tree, the strategic goals sections name, and goal alignment."""
