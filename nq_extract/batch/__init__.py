"""Bulk processing: process pool or Dask cluster, resumable through a SQLite ledger."""
