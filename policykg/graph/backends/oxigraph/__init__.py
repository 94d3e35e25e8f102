"""The default store: pyoxigraph on disk, and the directory layout that makes swaps atomic."""
