"""LLMBreaker: a tiny character-level GPT that trains live and shows its learning."""

import os

# Idle OpenMP threads sleep instead of spinning. The exhibit always shares two cores between
# the UI and a worker; spinning threads then starve each other (measured: 2.75 steps/s
# spinning vs 16.7 passive, 2 threads under load). Set before torch is ever imported.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"
