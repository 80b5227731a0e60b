"""Entry point for `python -m llmbreaker`."""

from llmbreaker.cli import main

raise SystemExit(main())
