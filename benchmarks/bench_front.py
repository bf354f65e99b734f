"""The researchers' front: rule tokenizer, spaCy component and HTML review page, as ratios.

- tokenizer: MB/s of the rule tokenizer (``nq_extract.spacy_pipeline``) against
  spaCy's own Vietnamese tokenizer without pyvi (a split on whitespace) and
  spaCy's rule-based multi-language tokenizer (``spacy.blank("xx")``), on the
  same texts in the same run;
- component: time of ``nlp(text)`` against ``nq_extract.parse_text(text)`` (the
  component's extra cost: tokenizing and mapping spans back to the doc);
- HTML: time of ``report.to_html()`` against ``report.to_json()``.

    .venv/bin/python benchmarks/bench_front.py
"""

from __future__ import annotations

from _common import best_of, machine, texts


def main() -> None:
    import spacy

    import nq_extract
    from nq_extract.spacy_pipeline import RuleTokenizer

    docs = [t for _, t in texts()]
    mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6
    plain = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    xx = spacy.blank("xx")
    rule = RuleTokenizer(plain.vocab)

    def run(tok) -> None:
        for t in docs:
            tok(t)

    t_rule, t_plain, t_xx = best_of(lambda: run(rule), 3), best_of(lambda: run(plain.tokenizer), 3), best_of(lambda: run(xx.tokenizer), 3)
    print(f"machine: {machine()}")
    print(f"corpus: {len(docs)} documents, {mb:.2f} MB of text")
    print(
        f"tokenizer: rule {mb / t_rule:.1f} MB/s; spaCy vi whitespace {mb / t_plain:.1f} MB/s; spaCy xx rules {mb / t_xx:.1f} MB/s; "
        f"ratio rule/whitespace time {t_rule / t_plain:.2f}x, rule/xx {t_rule / t_xx:.2f}x"
    )

    nlp = nq_extract.spacy_pipeline()
    nlp(docs[0])  # warm the caches
    t_nlp = best_of(lambda: [nlp(t) for t in docs], 2)
    t_parse = best_of(lambda: [nq_extract.parse_text(t) for t in docs], 2)
    print(f"component: nlp(text) {t_nlp:.2f} s; parse_text {t_parse:.2f} s; ratio {t_nlp / t_parse:.2f}x")

    reports = [nq_extract.parse_text(t) for t in docs]
    t_html = best_of(lambda: [r.to_html() for r in reports], 3)
    t_json = best_of(lambda: [r.to_json(with_text=True) for r in reports], 3)
    size = sum(len(r.to_html().encode("utf-8")) for r in reports) / 1e6
    print(
        f"html: {t_html * 1000:.0f} ms for {len(reports)} pages ({size:.1f} MB); to_json {t_json * 1000:.0f} ms; ratio html/json {t_html / t_json:.2f}x"
    )


if __name__ == "__main__":
    main()
