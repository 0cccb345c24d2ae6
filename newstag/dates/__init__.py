"""newstag dates."""
