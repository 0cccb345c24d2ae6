"""newstag events."""
