"""newstag quotes."""
