"""`coder explain`: the tree, every candidate predicate, which pattern matched or why none did."""

from __future__ import annotations

from coder.coding.actors import Actor
from coder.coding.context import fill_from_context
from coder.coding.engine import SentenceCoder
from coder.coding.repair import repair_for
from coder.doc import Story


def explain_text(pipe, text: str, lang: str | None, date: str | None) -> str:
    from coder.langid import detect

    lang = lang or detect(text, pipe.dictionaries) or "en"
    lex = pipe.dictionaries.lexicon(lang)
    ps = next(pipe.parser.parse([Story("explain", text, date, lang)]))
    coder = SentenceCoder(lex)
    out = [f"language: {lang}   date: {date or '-'}   parser: {ps.parser}"]
    all_events = []
    for i, sent in enumerate(ps.sentences):
        out.append(f"\nsentence {i}: {sent.text}")
        sent = repair_for(sent, lex)
        for t in sent.tokens:
            head = sent.token(t.head).form if t.head else "ROOT"
            out.append(f"  {t.id:>3} {t.form:<18} {t.lemma:<16} {t.upos:<6} {t.deprel:<12} -> {t.head} {head}")
        attempts = coder.explain(sent, date, i)
        if not attempts:
            out.append("  no word of this sentence has a pattern")
        for a in attempts:
            out.append(f"  candidate {a.pred} {sent.token(a.pred).form!r} (lemma {a.lemma!r})")
            if a.frame is not None:
                deps = ", ".join(f"{r}={sent.token(t).form}" for r, t in a.frame.deps)
                flags = [n for n, v in (("negated", a.frame.negated), ("passive", a.frame.passive)) if v]
                out.append(f"    frame: {deps or '-'}" + (f"  [{', '.join(flags)}]" if flags else ""))
            if a.note:
                out.append(f"    {a.note}")
            for pid, why in a.tried:
                out.append(f"    pattern {pid}: {why}")
        all_events.extend(e for a in attempts for e in a.events)
    all_events = fill_from_context(all_events, [repair_for(s, lex) for s in ps.sentences], lex)
    out.append("\nevents:" if all_events else "\nevents: none")
    for e in all_events:
        tgt = f"{e.target.code} ({_words(e.target)})" if e.target else "-"
        out.append(f"  {e.source.code} {e.code} {e.target.code if e.target else '-'}   pattern {e.pattern.id} "
                   f"({e.pattern.ref}), verb {e.lemma!r}")
        out.append(f"    source: {_words(e.source)}")
        out.append(f"    target: {tgt}")
    return "\n".join(out)


def _words(a: Actor) -> str:
    """The words that gave an actor, the dictionary entries used, and its known group if any."""
    group = f", known group {a.group}" if a.group else ""
    return f"{a.text!r} via {', '.join(a.refs)}{group}"
