"""CoNLL-U reading and writing, with UD v1 -> v2 label normalisation."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coder.doc import ParsedStory, Sentence, Story, Token

V1_TO_V2 = {
    "dobj": "obj", "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "auxpass": "aux:pass",
    "name": "flat", "mwe": "fixed", "foreign": "flat:foreign", "nmod:agent": "obl:agent",
    "nmod:tmod": "obl:tmod", "nmod:npmod": "obl:npmod", "remnant": "orphan",
}
PREDICATE_UPOS = {"VERB", "AUX", "ADJ"}


class ConlluError(ValueError):
    story_id: str | None = None


def normalize_v1(tokens: list[Token]) -> None:
    """Rewrite UD v1 relations in place: dobj->obj, nsubjpass->nsubj:pass, neg->advmod (+Polarity=Neg),
    and nmod attached to a verb -> obl (keeping subtypes)."""
    for t in tokens:
        rel = t.deprel
        if rel in V1_TO_V2:
            rel = V1_TO_V2[rel]
        elif rel == "neg":  # "not", "never"; "no" on a noun is its determiner ("signed no truce")
            nominal = 0 < t.head <= len(tokens) and tokens[t.head - 1].upos in ("NOUN", "PROPN")
            rel = "det" if nominal else "advmod"
            if "Polarity=" not in t.feats:
                t.feats = "Polarity=Neg" if t.feats in ("", "_") else t.feats + "|Polarity=Neg"
        if rel.split(":")[0] == "nmod" and rel != "nmod:poss" and 0 < t.head <= len(tokens):
            if tokens[t.head - 1].upos in PREDICATE_UPOS:
                rel = "obl" + rel[4:]
        t.deprel = rel


@dataclass
class _Block:
    comments: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    line: int = 0


def _blocks(lines: Iterator[str]) -> Iterator[_Block]:
    b = _Block()
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip():
            if b.rows:
                yield b
            b = _Block()
            continue
        if not b.line:
            b.line = n
        if line.startswith("#"):
            k, sep, v = line[1:].partition("=")
            b.comments[k.strip() if sep else line[1:].strip()] = v.strip() if sep else ""
        else:
            b.rows.append((n, line.split("\t")))
    if b.rows:
        yield b


def _sentence(b: _Block, path: str, index: int) -> Sentence:
    tokens: list[Token] = []
    ranges: dict[int, tuple[int, str]] = {}  # first word id -> (last word id, surface text)
    for n, cols in b.rows:
        if len(cols) != 10:
            raise ConlluError(f"{path}:{n}: expected 10 tab-separated columns, got {len(cols)}")
        if "-" in cols[0]:
            a, _, z = cols[0].partition("-")
            if a.isdigit() and z.isdigit():
                ranges[int(a)] = (int(z), cols[1])
            continue
        if "." in cols[0]:
            continue  # empty nodes
        try:
            tid, head = int(cols[0]), int(cols[6]) if cols[6] != "_" else 0
        except ValueError:
            raise ConlluError(f"{path}:{n}: bad ID or HEAD ({cols[0]!r}, {cols[6]!r})") from None
        if tid != len(tokens) + 1:
            raise ConlluError(f"{path}:{n}: word ids must run 1, 2, 3...; got {tid}")
        form = cols[1]
        lemma = cols[2] if cols[2] != "_" or form == "_" else form
        start = end = -1
        if "start_char=" in cols[9]:
            misc = dict(kv.partition("=")[::2] for kv in cols[9].split("|"))
            start, end = int(misc.get("start_char", -1)), int(misc.get("end_char", -1))
        tokens.append(Token(tid, form, lemma, cols[3], cols[5], head, cols[7], start, end))
    for first, (last, text) in ranges.items():
        for k in range(first, min(last, len(tokens)) + 1):
            tokens[k - 1].surface = text if k == first else ""
    for t in tokens:
        if not 0 <= t.head <= len(tokens):
            raise ConlluError(f"{path}:{b.line}: HEAD {t.head} of word {t.id} is outside the sentence")
    normalize_v1(tokens)
    text = b.comments.get("text") or " ".join(t.form for t in tokens)
    return Sentence(index, text, tokens, sent_id=b.comments.get("sent_id"))


def read_conllu(path: str | Path, default_date: str | None = None, default_lang: str | None = None,
                parser: str = "conllu") -> Iterator[ParsedStory | ConlluError]:
    """Stories from a CoNLL-U file: ``# newdoc id = X`` starts a story; without any newdoc every
    sentence is its own story (id from ``# sent_id``). ``# date = YYYY-MM-DD`` and
    ``# language = fr`` comments set story fields. Broken sentences are yielded as ConlluError
    and the rest of the file goes on."""
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        yield from _stories(path, _blocks(fh), default_date, default_lang, parser)


def _stories(path: Path, blocks: Iterator, default_date: str | None, default_lang: str | None,
             parser: str) -> Iterator[ParsedStory | ConlluError]:
    """Streams the stories of a block sequence (memory stays flat however long the file):
    a file uses ``newdoc`` when its first sentence does."""
    first = next(blocks, None)
    if first is None:
        return
    blocks = itertools.chain([first], blocks)
    has_newdoc = any(k.startswith("newdoc") for k in first.comments)
    current: ParsedStory | None = None
    for n, b in enumerate(blocks):
        doc_id = next((v or k for k, v in b.comments.items() if k.startswith("newdoc")), None)
        if doc_id is not None and doc_id.startswith("newdoc"):
            doc_id = doc_id[len("newdoc"):].strip() or f"{path.stem}-{n + 1}"
        starts = (not has_newdoc) or doc_id is not None or current is None
        if starts:
            if current is not None:
                yield current
            sid = doc_id or b.comments.get("sent_id") or f"{path.stem}-{n + 1}"
            current = ParsedStory(Story(str(sid), "", default_date, default_lang, meta={"file": str(path)}), [], parser)
        assert current is not None
        date = b.comments.get("date") or b.comments.get("doc_date")
        if date and not current.sentences:
            current.story.date = date
        lang = b.comments.get("language") or b.comments.get("lang")
        if lang:
            current.story.language = lang
        try:
            s = _sentence(b, str(path), len(current.sentences))
        except ConlluError as e:
            e.story_id = current.story.id
            yield e
            continue
        current.sentences.append(s)
        current.story.text = (current.story.text + " " + s.text).strip()
    if current is not None:
        yield current


def write_conllu(stories: list[ParsedStory]) -> str:
    out = []
    for ps in stories:
        st = ps.story
        out.append(f"# newdoc id = {st.id}")
        if st.date:
            out.append(f"# date = {st.date}")
        if st.language:
            out.append(f"# language = {st.language}")
        for s in ps.sentences:
            out.append(f"# sent_id = {s.sent_id or f'{st.id}-{s.id + 1}'}")
            out.append(f"# text = {' '.join(s.text.split())}")
            last = 0
            for t in s.tokens:
                if t.surface and t.id > last:
                    last = t.id
                    while last < len(s.tokens) and s.tokens[last].surface == "":
                        last += 1
                    out.append(f"{t.id}-{last}\t{t.surface}\t_\t_\t_\t_\t_\t_\t_\t_")
                misc = f"start_char={t.start}|end_char={t.end}" if t.start >= 0 else "_"
                out.append("\t".join([str(t.id), t.form, t.lemma or "_", t.upos, "_", t.feats or "_",
                                      str(t.head), t.deprel, "_", misc]))
            out.append("")
    return "\n".join(out) + "\n"
