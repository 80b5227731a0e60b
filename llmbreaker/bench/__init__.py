"""`llmbreaker bench`: measured learning speed, throughput, UI frame times, latency, memory."""
