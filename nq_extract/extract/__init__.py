"""Extractors: one module per kind of item, each a stage ``run(ctx)``.

A stage reads ``ctx.doc`` (normalized text and segments) and what earlier
stages put on ``ctx.report``, and fills its own fields of the report. The
matching itself lives in pure functions of each module, tested on tables of
real sentences.
"""
