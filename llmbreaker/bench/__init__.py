"""`llmbreaker bench`: the project's own measurements of learning speed, throughput, UI and memory."""
