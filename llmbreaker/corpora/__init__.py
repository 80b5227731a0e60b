"""Building blocks of the bundled corpora: text cleaning, the pinned download, the tiny text."""
