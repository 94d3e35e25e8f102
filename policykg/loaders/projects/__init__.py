"""Named projects: candidates in the text, coordinated lists, and resolution across documents."""
