"""Referenced documents: find citations, resolve short forms and groups, link the catalogue.

One module per job, the way eyecite splits its work:

- ``registry``: document kinds, issuer codes and the catalogue, read from data files;
- ``regexes``: the patterns, assembled from named fragments built from the registry;
- ``parse``: full citations (both symbol grammars, lists and ranges) and their context
  (kind word, date, issuing body, title, pinpoint);
- ``resolve``: groups, aliases and short forms, merged into one entry per document;
- ``catalogue``: linking entries to the catalogue of central documents;
- ``checks``: reference checks (catalogue dates, impossible ids, citations from the future).

``nq_extract.extract.references`` is the pipeline stage that strings them together.
"""

from __future__ import annotations

from .parse import Cite, canonical_id, find_cites
from .resolve import resolve

__all__ = ["Cite", "canonical_id", "find_cites", "resolve"]
