"""Evaluation harness: the pipeline against hand-made gold annotations.

Like GROBID's end-to-end evaluation: per field and per document, precision,
recall and F1, under strict and soft matching. See ``corpora/gold/README.md``
for the gold format.
"""

from .run import FieldScore, evaluate, evaluate_dir

__all__ = ["FieldScore", "evaluate", "evaluate_dir"]
