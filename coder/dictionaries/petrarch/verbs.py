"""PETRARCH-2 (CAMEO.2.0.txt) and PETRARCH-1/TABARI (CAMEO.verbpatterns.*.txt) verb dictionaries.

Both formats share the layout: ``&SYNSET`` blocks of ``+word`` lines, ``--- NAME [code] ---`` verb
blocks listing verbs (``SAY {SAYS SAID SAYING} [010]``, multi-word ``+CARRY_OUT``, ``RE_+ARREST``)
and then patterns ``- words * words [code] # comment`` that apply to every verb of the block.
Pattern syntax: ``*`` the verb; ``$`` the source; ``+`` the target; ``%`` a compound actor that is
both; ``^`` skips a noun phrase; ``&NAME`` a synset; ``A_B`` consecutive words. PETRARCH-2 adds
``{A B}`` (a noun phrase holding those words) and ``(PREP ...)`` (a prepositional phrase).
Codes: ``[042]``, ``[042:043]`` (paired: the second event goes target -> source), ``[:173]`` (only
the reversed event), ``[---]`` (no event: blocks the verb's default code). ``~`` lines are
PETRARCH-2 transformations.

Translation to native patterns (logical voice; see docs/dictionaries.md):
- verb lemmas: the base form of each verb line of the block; multi-word verbs add conditions for
  their other words (``+CARRY_OUT`` -> carry with ``{any: out}``; ``RE_+OPEN`` -> reopen, re-open);
- a verb's own code or the block code -> a pattern without conditions (the fallback);
- words before ``*`` -> the subject (``{nsubj: ...}``), modal auxiliaries -> ``{aux: ...}``, adverbs
  -> ``{advmod: ...}``, NOT/NEVER -> ``negated: true``; a be-auxiliary marks a passive pattern
  whose surface subject is the logical object;
- words after ``*`` -> ``{any: ...}`` (parsers disagree on obj/xcomp/advmod); a prepositional phrase
  right after the verb (or after other such phrases) -> ``{obl: ..., case: [prep]}``; one that
  follows a noun may hang on that noun, so its words -> ``{any: ...}`` (a noun's phrase holds them);
- ``+`` / ``$`` inside a prepositional phrase -> ``target``/``source: [obl/prep]``; ``+`` before the
  verb (with ``$`` after it) -> target is the subject; ``[:B]`` swaps source and target.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from coder.dictionaries.petrarch.common import Report, lower_phrase, read_lines, strip_comment

PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "amid", "amidst", "among", "amongst", "around",
    "as", "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by",
    "despite", "during", "for", "from", "in", "inside", "into", "near", "of", "off", "on", "onto", "out",
    "outside", "over", "past", "since", "through", "throughout", "to", "toward", "towards", "under",
    "until", "upon", "via", "with", "within", "without", "like", "per", "regarding", "concerning",
}
PARTICLES = {"up", "down", "out", "off", "away", "back", "forward", "forth", "aside", "ahead", "together",
             "apart", "behind"}
MODALS = {"will", "would", "shall", "should", "must", "can", "could", "may", "might", "wo", "ca"}
TENSE_AUX = {"has", "have", "had", "having", "did", "do", "does", "done"}
BE_AUX = {"is", "are", "was", "were", "be", "been", "being", "am"}
NEGATIONS = {"not", "n't", "never", "neither", "nor"}
FUNCTION_WORDS = {"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "it", "this", "these",
                  "those", "that", "which", "who", "whose", "whom", "and", "or", "s", "'s"}
IRREGULAR = {
    "ate": "eat", "became": "become", "began": "begin", "begun": "begin", "bent": "bend", "blew": "blow",
    "blown": "blow", "bore": "bear", "borne": "bear", "bought": "buy", "bound": "bind", "broke": "break",
    "broken": "break", "brought": "bring", "built": "build", "burnt": "burn", "came": "come", "caught": "catch",
    "chose": "choose", "chosen": "choose", "dealt": "deal", "did": "do", "done": "do", "drew": "draw",
    "drawn": "draw", "drove": "drive", "driven": "drive", "fell": "fall", "fallen": "fall", "fed": "feed",
    "felt": "feel", "fled": "flee", "flew": "fly", "flown": "fly", "forbade": "forbid", "forgave": "forgive",
    "forgiven": "forgive", "fought": "fight", "found": "find", "froze": "freeze", "frozen": "freeze",
    "gave": "give", "given": "give", "got": "get", "gotten": "get", "gone": "go", "went": "go", "had": "have",
    "has": "have", "heard": "hear", "held": "hold", "hid": "hide", "hidden": "hide", "is": "be", "was": "be",
    "were": "be", "been": "be", "are": "be", "am": "be", "kept": "keep", "knew": "know", "known": "know",
    "laid": "lay", "led": "lead", "left": "leave", "lent": "lend", "lost": "lose", "made": "make",
    "meant": "mean", "met": "meet", "paid": "pay", "ran": "run", "rang": "ring", "rose": "rise",
    "risen": "rise", "said": "say", "sang": "sing", "sank": "sink", "saw": "see", "seen": "see",
    "sought": "seek", "sold": "sell", "sent": "send", "shook": "shake", "shaken": "shake", "shot": "shoot",
    "slain": "slay", "slew": "slay", "sped": "speed", "spent": "spend", "spoke": "speak", "spoken": "speak",
    "stole": "steal", "stolen": "steal", "stood": "stand", "struck": "strike", "stricken": "strike",
    "strung": "string", "swore": "swear", "sworn": "swear", "taught": "teach", "thought": "think",
    "threw": "throw", "thrown": "throw", "told": "tell", "took": "take", "taken": "take",
    "understood": "understand", "undertook": "undertake", "undertaken": "undertake", "withdrew": "withdraw",
    "withdrawn": "withdraw", "won": "win", "wore": "wear", "worn": "wear", "wound": "wind", "wrote": "write",
    "written": "write", "overtook": "overtake", "overthrew": "overthrow", "overthrown": "overthrow",
}
_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_BLOCK = re.compile(r"^-{3}\s*(\S+)\s*(?:\[([^\]]*)\])?\s*-*\s*$")


# --- parsing ----------------------------------------------------------------------------------

@dataclass
class VerbLine:
    token: str  # first word of the line: "SAY", "+CARRY_OUT", "RE_+ARREST"
    forms: list[str]
    code: str | None
    line: int


@dataclass
class RawPattern:
    text: str  # between "-" and the code
    code: str
    line: int
    raw: str


@dataclass
class Block:
    name: str
    code: str | None
    line: int
    verbs: list[VerbLine] = field(default_factory=list)
    patterns: list[RawPattern] = field(default_factory=list)


@dataclass
class VerbFile:
    path: Path
    format: str = "petrarch1"  # petrarch2 (CAMEO.2.0: {} and () groups) | petrarch1 (TABARI-style)
    synsets: dict[str, list[str]] = field(default_factory=dict)  # name -> raw members
    blocks: list[Block] = field(default_factory=list)
    transformations: list[tuple[int, str]] = field(default_factory=list)


def synset_name(token: str) -> str:
    return token.lstrip("&").rstrip("_").upper()


def _code_of(text: str) -> tuple[str, str | None]:
    m = _CODE.search(text)
    if not m:
        return text.strip(), None
    return text[: m.start()].strip(), m.group(1).strip()


def parse_verb_file(path: str | Path, report: Report) -> VerbFile:
    path = Path(path)
    vf = VerbFile(path)
    block: Block | None = None
    synset: str | None = None
    braces = False
    for n, raw in read_lines(path):
        line = strip_comment(raw)
        s = line.strip()
        if not s:
            synset = None
            continue
        if s.startswith("&"):
            synset = synset_name(s.split()[0])
            vf.synsets.setdefault(synset, [])
            continue
        if synset is not None and s.startswith("+"):
            vf.synsets[synset].append(s[1:].strip())
            continue
        synset = None
        if s.startswith("~"):
            vf.transformations.append((n, s))
            continue
        m = _BLOCK.match(s)
        if m:
            block = Block(m.group(1), (m.group(2) or "").strip() or None, n)
            vf.blocks.append(block)
            continue
        if s.startswith("-"):
            text, code = _code_of(s[1:])
            if code is None:
                report.skip(path, n, raw, "pattern without a [code]")
                continue
            if block is None:
                report.skip(path, n, raw, "pattern outside any verb block")
                continue
            braces = braces or bool(re.search(r"[{}()]", text))
            block.patterns.append(RawPattern(text, code, n, raw))
            continue
        # a verb line: TOKEN {forms} [code]
        text, code = _code_of(s)
        forms: list[str] = []
        fm = re.search(r"\{([^}]*)\}", text)
        if fm:
            forms = [f for f in re.split(r"[\s,]+", fm.group(1)) if f]
            text = (text[: fm.start()] + text[fm.end():]).strip()
        toks = text.split()
        if not toks:
            report.skip(path, n, raw, "verb line without a verb")
            continue
        if block is None or block.patterns:  # TABARI: each verb starts its own block
            block = Block(toks[0], None, n)
            vf.blocks.append(block)
        block.verbs.append(VerbLine(toks[0], forms, code, n))
    vf.format = "petrarch2" if braces or vf.transformations else "petrarch1"
    return vf


def looks_like_verb_file(path: str | Path) -> bool:
    n = 0
    for _, line in read_lines(path):
        if line.startswith("---") or (line.startswith("- ") and "*" in line):
            n += 1
            if n >= 2:
                return True
    return False


# --- lemmas -----------------------------------------------------------------------------------

class Lemmatizer:
    """Base forms of verbs, from the dictionary's own verb lines and a few rules."""

    def __init__(self, files: list[VerbFile]):
        self.bases: set[str] = set()
        self.forms: dict[str, str] = {}
        for vf in files:
            for b in vf.blocks:
                for v in b.verbs:
                    if "+" in v.token or "_" in v.token:
                        continue
                    base = v.token.lower()
                    self.bases.add(base)
                    for f in v.forms:
                        if "+" not in f and "_" not in f:
                            self.forms.setdefault(f.lower(), base)

    def __call__(self, word: str) -> str:
        w = word.lower()
        if w in self.bases:
            return w
        if w in self.forms:
            return self.forms[w]
        if w in IRREGULAR:
            return IRREGULAR[w]
        cands = []
        if w.endswith("ies") or w.endswith("ied"):
            cands.append(w[:-3] + "y")
        for suf in ("ing", "ed", "es", "s", "d"):
            if w.endswith(suf) and len(w) > len(suf) + 2:
                stem = w[: -len(suf)]
                cands += [stem, stem + "e"]
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    cands.append(stem[:-1])
        for c in cands:
            if c in self.bases:
                return c
        if w.endswith(("ed", "ing")) and cands:
            return cands[0]
        return w


# --- pattern structure ------------------------------------------------------------------------

class PatternError(ValueError):
    pass


@dataclass
class Atom:
    kind: str  # word | syn | mark
    value: str


@dataclass
class Item:
    kind: str  # phrase | mark | np | pp
    atoms: list[Atom] = field(default_factory=list)  # phrase: consecutive words/synsets
    mark: str = ""
    items: list[Item] = field(default_factory=list)  # np / pp contents


def _atoms(token: str, synsets: dict[str, list[str]]) -> list[Atom]:
    parts: list[str] = []
    for p in token.split("_"):
        if not p:
            continue
        while len(p) > 1 and p[0] in "*+$%^" and p[1] not in "*+$%^":
            parts.append(p[0])
            p = p[1:]
        parts.append(p)
    out: list[Atom] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if p in ("*", "+", "$", "%", "^"):
            out.append(Atom("mark", p))
            i += 1
        elif p.startswith("&"):
            for j in range(len(parts), i, -1):
                name = synset_name("_".join(parts[i:j]))
                if name in synsets:
                    out.append(Atom("syn", name))
                    i = j
                    break
            else:
                raise PatternError(f"unknown synset {p}")
        else:
            out.append(Atom("word", p.lower()))
            i += 1
    return out


def parse_pattern(text: str, synsets: dict[str, list[str]]) -> tuple[list[Item], list[Item]]:
    """The items before and after the verb ``*``."""
    toks = re.sub(r"([{}()])", r" \1 ", text).split()
    stack: list[Item] = [Item("root")]
    for t in toks:
        if t in ("{", "("):
            stack.append(Item("np" if t == "{" else "pp"))
        elif t in ("}", ")"):
            want = "np" if t == "}" else "pp"
            if len(stack) < 2 or stack[-1].kind != want:
                raise PatternError(f"unbalanced {t!r}")
            g = stack.pop()
            stack[-1].items.append(g)
        else:
            phrase: list[Atom] = []
            for a in _atoms(t, synsets):
                if a.kind == "mark":
                    if phrase:
                        stack[-1].items.append(Item("phrase", phrase))
                        phrase = []
                    stack[-1].items.append(Item("mark", mark=a.value))
                else:
                    phrase.append(a)
            if phrase:
                stack[-1].items.append(Item("phrase", phrase))
    if len(stack) != 1:
        raise PatternError("unbalanced brackets")
    items = stack[0].items
    stars = [i for i, it in enumerate(items) if it.kind == "mark" and it.mark == "*"]
    if len(stars) != 1:
        raise PatternError("no verb position '*'" if not stars else "several '*'")
    if any(it.kind == "mark" and it.mark == "*" for g in items if g.kind in ("np", "pp") for it in g.items):
        raise PatternError("'*' inside a group")
    return items[: stars[0]], items[stars[0] + 1:]


# --- translation ------------------------------------------------------------------------------

Cond = tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]  # (rel, words or None=any, case)
DEFAULT_TARGET = "<default>"  # stands for the language's default target places


@dataclass
class Translated:
    with_: list[Cond] = field(default_factory=list)
    negated: bool = False
    source: tuple[str, ...] | None = None
    target: tuple[str, ...] | None = None
    notes: list[str] = field(default_factory=list)


class PatternTranslator:
    def __init__(self, synsets: dict[str, list[str]], max_expansion: int = 400):
        self.synsets = synsets
        self.max_expansion = max_expansion

    # words -------------------------------------------------------------------------------------
    def phrase_values(self, atoms: list[Atom], notes: list[str]) -> tuple[str, ...]:
        """Native word-list values for consecutive atoms: 'word words', '$SYN', or an expansion."""
        if len(atoms) == 1 and atoms[0].kind == "syn":
            return (f"${atoms[0].value}",)
        alts = [[a.value] if a.kind == "word" else [lower_phrase(w) for w in self.synsets[a.value]]
                for a in atoms]
        out = []
        for combo in itertools.product(*alts):
            out.append(" ".join(c for c in combo if c))
            if len(out) >= self.max_expansion:
                notes.append(f"synset expansion cut at {self.max_expansion} phrases")
                break
        return tuple(dict.fromkeys(out))

    def _content(self, atoms: list[Atom]) -> list[list[Atom]]:
        """Split a phrase at function words (dropped); keep runs of content atoms."""
        runs: list[list[Atom]] = [[]]
        for a in atoms:
            if a.kind == "word" and a.value in FUNCTION_WORDS:
                runs.append([])
            else:
                runs[-1].append(a)
        return [r for r in runs if r]

    # the whole pattern -------------------------------------------------------------------------
    def translate(self, pre: list[Item], post: list[Item]) -> Translated:
        tr = Translated()
        pre_marks = {it.mark for it in pre if it.kind == "mark"}
        post_marks = self._marks(post)
        passive = any(a.kind == "word" and a.value in BE_AUX for it in pre if it.kind == "phrase" for a in it.atoms)
        src_specs: list[str] = []
        tgt_specs: list[str] = []
        by_source = False
        self._post(post, tr, src_specs, tgt_specs)
        if any(s == "obl/by" for s in src_specs):
            by_source = True
        subj_rel = "obj" if passive else "nsubj"
        self._pre(pre, tr, subj_rel)
        if "%" in pre_marks or "%" in post_marks:
            tr.notes.append("compound actor '%': the reciprocal events are not coded")
        if "+" in pre_marks:
            if passive or by_source:
                # "+ BEEN * BY $": in logical voice the default (source subj, target obj)
                src_specs = [s for s in src_specs if s != "obl/by"]
                tr.source = ("obl/by", "nsubj") if by_source and not passive else None
            elif src_specs:
                tr.target = ("nsubj",)
            else:
                raise PatternError("the target '+' is the subject and the pattern gives no source '$'")
        if src_specs:
            tr.source = tuple(dict.fromkeys(src_specs + (["nsubj"] if "obl/by" in src_specs else [])))
            if tr.target is None and not tgt_specs:
                tr.target = ("nsubj", DEFAULT_TARGET)
        if tgt_specs:
            tr.target = tuple(dict.fromkeys(tgt_specs))
        tr.with_ = list(dict.fromkeys(tr.with_))
        return tr

    def _marks(self, items: list[Item]) -> set[str]:
        out = set()
        for it in items:
            if it.kind == "mark":
                out.add(it.mark)
            elif it.kind in ("np", "pp"):
                out |= self._marks(it.items)
        return out

    def _pre(self, items: list[Item], tr: Translated, subj_rel: str) -> None:
        for it in items:
            if it.kind == "mark":
                continue
            if it.kind == "pp":
                if self._marks(it.items) & {"+", "$"}:
                    raise PatternError("an actor marker inside a phrase before the verb")
                inner = list(it.items)
                if inner and inner[0].kind == "phrase":  # drop the preposition
                    inner[0] = Item("phrase", inner[0].atoms[1:])
                tr.with_ += [(subj_rel, w, None) for w in self._group_words(inner, tr)]
                continue
            if it.kind == "np":
                tr.with_ += [(subj_rel, w, None) for w in self._group_words(it.items, tr)]
                continue
            run: list[Atom] = []
            for a in it.atoms + [Atom("end", "")]:
                v = a.value
                if a.kind == "word" and (v in NEGATIONS or v in MODALS or v in TENSE_AUX or v in BE_AUX
                                         or v in FUNCTION_WORDS or (v.endswith("ly") and len(v) > 4)) \
                        or a.kind == "end":
                    if run:
                        tr.with_.append((subj_rel, self.phrase_values(run, tr.notes), None))
                        run = []
                    if v in NEGATIONS:
                        tr.negated = True
                    elif v in MODALS:
                        tr.with_.append(("aux", (v,), None))
                    elif v.endswith("ly") and a.kind == "word" and v not in FUNCTION_WORDS:
                        tr.with_.append(("advmod", (v,), None))
                else:
                    run.append(a)

    def _group_words(self, items: list[Item], tr: Translated) -> list[tuple[str, ...]]:
        out = []
        for it in items:
            if it.kind == "phrase":
                for run in self._content(it.atoms):
                    if len(run) == 1 and run[0].kind == "word" and (
                            run[0].value in MODALS | TENSE_AUX | BE_AUX):
                        continue
                    out.append(self.phrase_values(run, tr.notes))
            elif it.kind in ("np", "pp"):
                out += self._group_words(it.items, tr)
        return out

    def _post(self, items: list[Item], tr: Translated, src: list[str], tgt: list[str]) -> None:
        # Turn flat prepositions ("OUTPOST IN +") into PP groups holding the next item.
        flat: list[Item] = []
        i = 0
        first = True
        while i < len(items):
            it = items[i]
            if it.kind == "phrase" and it.atoms[0].kind == "word":
                w = it.atoms[0].value
                if first and w in PARTICLES:
                    flat.append(Item("phrase", [it.atoms[0]], mark="particle"))
                    first = False
                    if len(it.atoms) > 1:  # "OFF_ROW": the rest is the next item
                        items = items[:i] + [Item("phrase", it.atoms[1:])] + items[i + 1:]
                    else:
                        i += 1
                    continue
                if w in PREPOSITIONS:
                    obj: list[Item] = []
                    if len(it.atoms) > 1:
                        obj.append(Item("phrase", it.atoms[1:]))
                    elif i + 1 < len(items) and items[i + 1].kind != "pp" and not (
                            items[i + 1].kind == "phrase" and items[i + 1].atoms[0].kind == "word"
                            and items[i + 1].atoms[0].value in PREPOSITIONS):
                        obj.append(items[i + 1])
                        i += 1
                    flat.append(Item("pp", items=[Item("phrase", [it.atoms[0]])] + obj))
                    i += 1
                    first = False
                    continue
            flat.append(it)
            first = False
            i += 1
        seen_noun = False
        last_pp_prep: list[str] | None = None  # a prep-only PP just before: "(AGAINST) +"
        for it in flat:
            if it.mark == "particle":
                tr.with_.append(("other", (it.atoms[0].value,), None))
                last_pp_prep = None
                continue
            if it.kind == "mark":
                m = it.mark
                if m in ("+", "$"):
                    specs = tgt if m == "+" else src
                    if last_pp_prep:
                        specs += [f"obl/{p}" for p in last_pp_prep]
                    elif m == "$":
                        src.append("obj")
                        tr.notes.append("source '$' after the verb outside a phrase: read as the object")
                    seen_noun = True
                last_pp_prep = None
                continue
            last_pp_prep = None
            if it.kind == "pp":
                last_pp_prep = self._pp(it, tr, src, tgt, verb_attached=not seen_noun)
                continue
            if it.kind == "np":
                if "+" in self._marks(it.items):
                    tgt.append("obj")
                for w in self._group_words(it.items, tr):
                    tr.with_.append(("other", w, None))
                seen_noun = True
                continue
            # a phrase
            atoms = it.atoms
            if atoms[0].kind == "word" and atoms[0].value == "no":
                tr.negated = True  # "no" on the object negates the verb (the engine's reading)
                atoms = atoms[1:]
            for a in atoms:
                if a.kind == "word" and a.value in NEGATIONS:
                    raise PatternError("negation inside a complement clause")
            for run in self._content(atoms):
                if len(run) == 1 and run[0].kind == "word" and run[0].value in MODALS | TENSE_AUX | BE_AUX:
                    continue
                run = [a for a in run if not (a.kind == "word" and a.value in MODALS | TENSE_AUX | BE_AUX)]
                if run:
                    tr.with_.append(("other", self.phrase_values(run, tr.notes), None))
                    seen_noun = True

    def _pp(self, it: Item, tr: Translated, src: list[str], tgt: list[str], verb_attached: bool) -> list[str] | None:
        """A prepositional phrase; returns its prepositions when it has no object."""
        if not it.items or it.items[0].kind != "phrase":
            raise PatternError("a '( )' group that does not start with a preposition")
        head = it.items[0].atoms[0]
        preps = [head.value] if head.kind == "word" else [lower_phrase(w).split()[0] for w in self.synsets[head.value]]
        preps = list(dict.fromkeys(preps))
        rest = [Item("phrase", it.items[0].atoms[1:])] if len(it.items[0].atoms) > 1 else []
        rest += it.items[1:]
        marks = self._marks(rest)
        if "+" in marks:
            tgt += [f"obl/{p}" for p in preps]
            if preps == ["of"] and not verb_attached:
                tgt.append("obj")  # "the killing of X": X is in the object's phrase
        if "$" in marks:
            src += [f"obl/{p}" for p in preps]
        # The phrase must be there (PETRARCH matches it or not at all), attached to the verb or,
        # as parsers often have it, to the verb's object (the engine looks there too); "any"
        # also takes a clause: "accused of spying".
        words = self._group_words(rest, tr)
        if words:
            for w in words:
                tr.with_.append(("other", w, tuple(preps)))
        else:
            tr.with_.append(("other", None, tuple(preps)))
            if not marks & {"+", "$"}:
                return preps
        return None


# --- verbs ------------------------------------------------------------------------------------

@dataclass
class Shape:
    """How one verb line is matched: lemmas plus conditions for its other words."""

    lemmas: tuple[str, ...]
    extra: tuple[Cond, ...] = ()


def regular_forms(base: str) -> list[str]:
    """PETRARCH's regular verb forms (it generates them when a verb line lists none)."""
    if base.endswith("e"):
        stem = base[:-1]
        return [base + "s", base + "d", stem + "ing"]
    if re.search(r"[^aeiou]y$", base):
        return [base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if re.search(r"(s|x|z|ch|sh)$", base):
        return [base + "es", base + "ed", base + "ing"]
    out = [base + "s", base + "ed", base + "ing"]
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", base):  # "expel" -> "expelled", "confer" -> "conferring"
        out += [base + base[-1] + "ed", base + base[-1] + "ing"]
    return out


def verb_forms(v: VerbLine, sh: Shape, lemma: Lemmatizer) -> list[str]:
    """Surface forms of a verb line's verb word (its listed forms, else the regular ones), so
    that a verb is found by its form when a lemmatizer gets the lemma wrong ("expelled")."""
    out: list[str] = []
    for f in v.forms:
        parts = [p for p in f.split("_") if p]
        if not parts:
            continue
        i = next((k for k, p in enumerate(parts) if p.startswith("+")), 0)
        w = parts[i].lstrip("+").lower()
        if w in BE_AUX | TENSE_AUX and i + 1 < len(parts):
            w = parts[i + 1].lstrip("+").lower()
        if w.isalpha() or "-" in w:
            out.append(w)
    if not v.forms:
        for b in sh.lemmas:
            if b.isalpha():
                out += regular_forms(b)
    return [w for w in dict.fromkeys(out) if w not in sh.lemmas]


def verb_shape(token: str, lemma: Lemmatizer) -> Shape:
    parts = [p for p in token.split("_") if p]
    idx = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    verb = parts[idx].lstrip("+").lower()
    before = [p.lower() for p in parts[:idx]]
    after = [p.lstrip("+").lower() for p in parts[idx + 1:]]
    if verb in BE_AUX | TENSE_AUX and after:  # "+IS_DETERMINED": the participle is the predicate
        verb, after = after[0], after[1:]
        base = lemma(verb)
        lemmas = (base,) if base == verb else (base, verb)
    else:
        lemmas = (lemma(verb),)
    if before == ["re"]:
        lemmas = tuple(x for lem in lemmas for x in ("re" + lem, "re-" + lem))
        before = []
    extra: list[Cond] = [("nsubj", (w,), None) for w in before]
    i = 0
    while i < len(after):
        w = after[i]
        if w == "and" and i + 1 < len(after):
            extra.append(("conj", (lemma(after[i + 1]),), None))
            i += 2
            continue
        extra.append(("other", (w,), None))
        i += 1
    return Shape(lemmas, tuple(extra))
