"""Server-rendered pages, one module per area (check, practice, transcripts, journal, account)."""
