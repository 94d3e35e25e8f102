"""Text in: readers for .docx/.pdf/.html, documents and their metadata, the normalised view, numbers."""
