"""Scenes: the landing/attract screen and the dashboard."""
