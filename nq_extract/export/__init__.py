"""Exporters: JSON (the contract), a human summary, tables, HTML review."""
