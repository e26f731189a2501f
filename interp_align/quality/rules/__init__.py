"""Rule families of the quality check, one module each."""
