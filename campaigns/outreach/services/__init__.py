"""Writes with side effects: letters (submit), deliveries (send, sweep, retry), purge, calls."""
