"""A batch output folder as pandas DataFrames, with the questions researchers ask first.

>>> corpus = nq_extract.Corpus.open("out/")          # doctest: +SKIP
>>> corpus.documents.status.value_counts()            # doctest: +SKIP
>>> corpus.citing("42-NQ/TW")[["path", "title"]]      # doctest: +SKIP
>>> corpus.by_unit("Tam Đường")                       # doctest: +SKIP
>>> corpus.inconsistencies()                          # doctest: +SKIP
>>> corpus.sql("SELECT kind, COUNT(*) FROM documents GROUP BY kind")  # doctest: +SKIP

Tables are read from the folder's SQLite database (``corpus.sqlite``), or from
``tables/*.parquet`` when the database is absent (a copied folder).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DB_NAME = "corpus.sqlite"
RESULTS = "results.jsonl"


class Corpus:
    """Read-only view of ``nq-extract batch`` output."""

    def __init__(self, out: Path, db: sqlite3.Connection | None) -> None:
        self.out = out
        self._db = db
        self._cache: dict[str, Any] = {}

    @classmethod
    def open(cls, out: str | os.PathLike[str]) -> Corpus:
        path = Path(out)
        db_path = path / DB_NAME
        if db_path.exists():
            db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
            return cls(path, db)
        if (path / "tables").is_dir():
            return cls(path, None)
        raise FileNotFoundError(f"no batch output in {path} (expected {DB_NAME} or tables/)")

    @property
    def unmerged(self) -> int:
        """Documents recorded as done whose table rows still wait in a worker's row file.

        Not zero while a batch runs, or after one was killed: re-running the same
        ``nq-extract batch`` command merges them (their lines are in ``results.jsonl`` already).
        """
        if self._db is None:
            return 0
        cols = [r[1] for r in self._db.execute("PRAGMA table_info(ledger)")]
        if "token" not in cols:
            return 0
        return int(self._db.execute("SELECT COUNT(*) FROM ledger WHERE token IS NOT NULL").fetchone()[0])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- tables ------------------------------------------------------------
    @property
    def table_names(self) -> list[str]:
        if self._db is not None:
            return [r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name != 'meta' ORDER BY name")]
        return sorted(p.stem for p in (self.out / "tables").glob("*.parquet"))

    def table(self, name: str) -> Any:
        """One table as a DataFrame (an empty one, with a ``doc`` column, when no document filled it)."""
        import pandas as pd

        if name not in self._cache:
            if name not in self.table_names:
                self._cache[name] = pd.DataFrame({"doc": pd.Series(dtype=object)})
            elif self._db is not None:
                self._cache[name] = pd.read_sql_query(f'SELECT * FROM "{name}"', self._db)
            else:
                self._cache[name] = pd.read_parquet(self.out / "tables" / f"{name}.parquet")
        return self._cache[name]

    @property
    def tables(self) -> dict[str, Any]:
        """Every table, by name."""
        return {name: self.table(name) for name in self.table_names}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        from .export.tables import TABLES

        if name in TABLES or name in ("ledger", "inputs"):
            return self.table(name)
        raise AttributeError(f"{type(self).__name__!s} has no attribute or table {name!r}")

    def __len__(self) -> int:
        return len(self.table("documents"))

    def sql(self, query: str, params: tuple[Any, ...] = ()) -> Any:
        """Any SQL over the tables (SQLite dialect), as a DataFrame."""
        import pandas as pd

        if self._db is None:
            raise RuntimeError("SQL needs corpus.sqlite; this folder only has Parquet tables")
        return pd.read_sql_query(query, self._db, params=params)

    def reports(self) -> Iterator[Any]:
        """Every report of ``results.jsonl`` as a :class:`nq_extract.Report`."""
        from .models import Report

        with open(self.out / RESULTS, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield Report.model_validate_json(line)

    # -- questions ---------------------------------------------------------
    def _with_documents(self, frame: Any, cols: tuple[str, ...] = ("path", "kind", "id", "date", "title")) -> Any:
        docs = self.table("documents")
        keep = [c for c in ("doc", *cols) if c in docs.columns]
        return frame.merge(docs[keep], on="doc", how="left", suffixes=("", "_document"))

    def citing(self, ref_id: str) -> Any:
        """Documents that cite ``ref_id`` (canonical id; spelling variants accepted), with mention counts."""
        from .extract.references import canonical_id

        refs = self.table("references")
        if refs.empty or "id" not in refs.columns:
            return self._with_documents(refs.iloc[0:0][["doc"]])
        wanted = {ref_id, canonical_id(ref_id) or ref_id}
        hits = refs[refs["id"].isin(wanted)]
        cols = [c for c in ("doc", "n_mentions") if c in hits.columns]
        out = hits[cols].groupby("doc", as_index=False).sum() if "n_mentions" in cols else hits[["doc"]].drop_duplicates()
        return self._with_documents(out).sort_values("path", ignore_index=True)

    def most_cited(self, n: int = 20) -> Any:
        """Referenced ids by the number of documents citing them."""
        refs = self.table("references")
        if refs.empty:
            import pandas as pd

            return pd.DataFrame({"id": [], "documents": []})
        counts = refs.groupby("id")["doc"].nunique().rename("documents").reset_index()
        return counts.sort_values(["documents", "id"], ascending=[False, True], ignore_index=True).head(n)

    def by_unit(self, name: str) -> Any:
        """Reports naming a unit, or issued by it: ``name`` matched case-insensitively inside
        a unit's name or canonical name, or the document's issuer."""
        import pandas as pd

        needle = name.casefold()

        def contains(col: Any) -> Any:
            return col.fillna("").astype(str).str.casefold().str.contains(needle, regex=False)

        units = self.table("units")
        found = []
        if not units.empty and "name" in units.columns:
            mask = contains(units["name"])
            if "canonical" in units.columns:
                mask |= contains(units["canonical"])
            found.append(units.loc[mask, ["doc", "name"]])
        docs = self.table("documents")
        if not docs.empty and "issuer" in docs.columns:
            found.append(docs.loc[contains(docs["issuer"]), ["doc", "issuer"]].rename(columns={"issuer": "name"}))
        hits = pd.concat(found, ignore_index=True) if found else pd.DataFrame({"doc": [], "name": []})
        out = hits.groupby("doc")["name"].agg(lambda s: sorted(set(s))).rename("units").reset_index()
        return self._with_documents(out).sort_values("path", ignore_index=True)

    def inconsistencies(self) -> Any:
        """Every inconsistent check, with its document's path and title."""
        checks = self.table("checks")
        if checks.empty or "status" not in checks.columns:
            return self._with_documents(checks.iloc[0:0])
        return self._with_documents(checks[checks["status"] == "inconsistent"].reset_index(drop=True))

    def failures(self) -> Any:
        """Documents whose status is not ``ok``, with the reason."""
        docs = self.table("documents")
        return docs[docs["status"] != "ok"].reset_index(drop=True)
