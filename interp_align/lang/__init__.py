"""Language data (labels, markers, abbreviations) kept as data."""
