"""Break It (tab 5): switches, the broken run and its ghost, samples side by side, verdict."""
