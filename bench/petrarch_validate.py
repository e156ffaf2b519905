"""Score coder against PETRARCH-style validation records.

The records are a CoNLL-U file (UD v1 or v2 labels) whose sentences carry the expected events
as ``# expected = SRC CODE TGT; SRC CODE TGT`` (or ``none``). Prints found % (expected events
coded), extra % (coded events not expected, over the number expected) and the misses/extras
with the sentence text.

    # code in-process with a native directory or a directory of PETRARCH files
    python bench/petrarch_validate.py tests/data/petrarch/validate.conllu -d tests/data/petrarch
    # import PETRARCH files first (as `coder dict import` does)
    python bench/petrarch_validate.py FILE.conllu --verbs CAMEO.2.0.txt --actors A.txt --agents G.txt
    # score the output of `coder code FILE.conllu --dictionaries DIR -o out.parquet`
    python bench/petrarch_validate.py FILE.conllu --events out.parquet

An event with no target is written ``SRC CODE -`` and counts as an extra unless expected so.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Record:
    story: str
    index: int  # sentence index in its story
    sent_id: str
    text: str
    expected: list[str]


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    extra: int = 0
    misses: list[tuple[Record, str]] = field(default_factory=list)
    extras: list[tuple[Record, str]] = field(default_factory=list)

    @property
    def found_rate(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def extra_rate(self) -> float:
        return self.extra / self.expected if self.expected else 0.0

    def report(self, details: bool = True) -> str:
        lines = [f"expected events: {self.expected}",
                 f"found:  {self.found} ({100 * self.found_rate:.1f}%)",
                 f"extra:  {self.extra} ({100 * self.extra_rate:.1f}% of expected)"]
        if details:
            for title, items in (("MISSED", self.misses), ("EXTRA", self.extras)):
                for rec, ev in items:
                    lines.append(f"{title:7} {rec.sent_id:12} {ev:24} | {rec.text}")
        return "\n".join(lines)


def read_records(path: str | Path) -> list[Record]:
    """The sentences of a CoNLL-U file with their expected events, in file order."""
    out: list[Record] = []
    story, index = None, 0
    comments: dict[str, str] = {}
    has_newdoc = any(line.startswith("# newdoc") for line in Path(path).read_text(encoding="utf-8").splitlines())
    for line in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#"):
            k, _, v = line[1:].partition("=")
            comments[k.strip()] = v.strip()
            continue
        if line.strip():
            comments.setdefault("_rows", "")
            continue
        if "_rows" not in comments:
            continue
        sid = comments.get("sent_id", f"s{len(out) + 1}")
        if "newdoc id" in comments or not has_newdoc:
            story, index = comments.get("newdoc id") or sid, 0
        exp = comments.get("expected", "none")
        events = [" ".join(e.split()) for e in exp.split(";") if e.strip() and e.strip().lower() != "none"]
        out.append(Record(str(story), index, sid, comments.get("text", ""), events))
        index += 1
        comments = {}
    return out


def score(records: list[Record], rows: list[dict]) -> Score:
    """Match coded rows (story_id, sentence_id, source, code, target) against the records."""
    got: dict[tuple[str, int], Counter] = {}
    for r in rows:
        key = (str(r["story_id"]), int(r["sentence_id"]))
        ev = f"{r['source']} {r['code']} {r.get('target') or '-'}"
        got.setdefault(key, Counter())[ev] += 1
    s = Score()
    for rec in records:
        want = Counter(rec.expected)
        have = got.pop((rec.story, rec.index), Counter())
        s.expected += sum(want.values())
        hit = want & have
        s.found += sum(hit.values())
        s.misses += [(rec, e) for e in (want - hit).elements()]
        s.extras += [(rec, e) for e in (have - hit).elements()]
    s.extra = len(s.extras) + sum(sum(c.values()) for c in got.values())
    return s


def code_rows(conllu: str | Path, dictionaries, lang: str = "en", require_target: bool = False) -> list[dict]:
    """Code a CoNLL-U file in-process (no Stanza): the rows `coder code` would write."""
    from coder.conllu import read_conllu
    from coder.pipeline import Pipeline

    pipe = Pipeline(dictionaries=dictionaries, cache=False, require_target=require_target)
    return [row for rows in pipe.code(read_conllu(conllu), lang=lang) for row in rows]


def run(conllu: str | Path, dict_dir: str | Path | None = None, events: str | Path | None = None,
        require_target: bool = False) -> Score:
    records = read_records(conllu)
    if events:
        import pyarrow.parquet as pq

        rows = pq.read_table(events).to_pylist()
    else:
        from coder.dictionaries import load_dictionaries

        rows = code_rows(conllu, load_dictionaries(dict_dir), require_target=require_target)
    return score(records, rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("conllu")
    ap.add_argument("-d", "--dictionaries", help="native dictionary directory or directory of PETRARCH files")
    ap.add_argument("--events", help="score this events parquet instead of coding")
    ap.add_argument("--verbs", action="append", default=[])
    ap.add_argument("--actors", action="append", default=[])
    ap.add_argument("--agents", action="append", default=[])
    ap.add_argument("--discards", action="append", default=[])
    ap.add_argument("--require-target", action="store_true", help="drop events with no target (as coder code does)")
    ap.add_argument("-q", "--quiet", action="store_true", help="figures only")
    args = ap.parse_args(argv)
    if args.verbs or args.actors or args.agents:
        from coder.dictionaries.petrarch import import_petrarch

        with tempfile.TemporaryDirectory(prefix="petrarch-validate-") as tmp:
            import_petrarch(tmp, args.verbs, args.actors, args.agents, args.discards)
            s = run(args.conllu, tmp, require_target=args.require_target)
    else:
        s = run(args.conllu, args.dictionaries, args.events, args.require_target)
    print(s.report(not args.quiet))
    return 0


if __name__ == "__main__":
    sys.exit(main())
