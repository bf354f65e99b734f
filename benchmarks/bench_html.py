"""HTML speed: the HTML reader and the whole pipeline against a bare lxml parse of the same pages.

    .venv/bin/python benchmarks/bench_html.py [--repeat 5]

On the portal pages of the dev corpus (``*/original.html``; a page made here
from the seed report when the corpus is absent), in the same run, times

- the baseline: ``lxml.html.document_fromstring`` of the page and its
  ``text_content()`` (the whole page's text, menus and scripts included);
- the HTML loader alone (decoding, trafilatura's main-content extraction, the
  widget trimming and the block walk);
- ``nq_extract.parse`` on the file: load, normalize, segment, every extractor and the checks;

and prints milliseconds per page (CPU time of this process, best of
``--repeat``) and the ratio to the baseline. The first call of the loader,
which imports trafilatura, is timed apart as the cold start.
"""

from __future__ import annotations

import argparse
import html
import sys
import time

from _common import DEV, ROOT, SEED, best_of, machine

sys.path.insert(0, str(ROOT))


def pages() -> list[tuple[str, bytes]]:
    found = sorted(DEV.glob("*/original.html")) if DEV.exists() else []
    if found:
        return [(p.parent.name[:3], p.read_bytes()) for p in found]
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip())
    page = f"<!DOCTYPE html><html><head><meta charset='utf-8'><script>var a=1;</script></head><body><nav><a href='/'>Trang chủ</a></nav><article>{body}</article></body></html>"
    return [("seed", page.encode("utf-8"))]


def cpu(fn, repeat: int) -> float:
    return best_of(fn, repeat, clock=time.process_time)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from lxml import html as lxml_html

    import nq_extract
    from nq_extract.load import load_bytes

    docs = pages()
    t0 = time.process_time()
    load_bytes(docs[0][1], "page.html")
    cold = time.process_time() - t0

    print(f"machine: {machine()}")
    print(f"cold start of the HTML loader (imports trafilatura): {cold * 1000:.0f} ms CPU")
    print(f"{'page':6} {'bytes':>8} {'bare lxml':>10} {'loader':>10} {'x bare':>7} {'parse':>10} {'x bare':>7}")
    totals = [0.0, 0.0, 0.0]
    for name, data in docs:
        bare = cpu(lambda data=data: lxml_html.document_fromstring(data).text_content(), args.repeat)
        loader = cpu(lambda data=data: load_bytes(data, "page.html"), args.repeat)
        whole = cpu(lambda data=data: nq_extract.parse(data, name="page.html"), args.repeat)
        for k, v in enumerate((bare, loader, whole)):
            totals[k] += v
        print(
            f"{name:6} {len(data):8d} {bare * 1000:8.1f}ms {loader * 1000:8.1f}ms {loader / bare:6.1f}x {whole * 1000:8.1f}ms {whole / bare:6.1f}x"
        )
    bare, loader, whole = totals
    n = len(docs)
    print(
        f"{'all':6} {'':8} {bare / n * 1000:8.1f}ms {loader / n * 1000:8.1f}ms {loader / bare:6.1f}x {whole / n * 1000:8.1f}ms {whole / bare:6.1f}x"
        "  (per page, CPU)"
    )


if __name__ == "__main__":
    main()
