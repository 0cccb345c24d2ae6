"""newstag entities."""
