"""Shared pieces of the PETRARCH/TABARI importer: the report, line reading, words and names."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Issue:
    file: str
    line: int
    text: str
    reason: str
    kind: str = "skipped"  # skipped: nothing written | approximated: written, with a loss


@dataclass
class Report:
    """What was imported, and what could not be (or only partly) translated."""

    counts: Counter = field(default_factory=Counter)
    issues: list[Issue] = field(default_factory=list)

    def skip(self, file: str | Path, line: int, text: str, reason: str) -> None:
        self.issues.append(Issue(Path(file).name, line, text.strip(), reason, "skipped"))

    def approx(self, file: str | Path, line: int, text: str, reason: str) -> None:
        self.issues.append(Issue(Path(file).name, line, text.strip(), reason, "approximated"))

    def by_reason(self, kind: str) -> Counter:
        return Counter(i.reason for i in self.issues if i.kind == kind)

    def summary(self) -> str:
        c = self.counts
        lines = ["PETRARCH/TABARI import"]
        for key in ("verb files", "verb blocks", "verbs", "source patterns", "patterns written",
                    "synsets", "actor files", "actor entries", "actor names", "people with dated roles",
                    "agent entries", "agent words", "discards"):
            if key in c:
                lines.append(f"  {key + ':':<26}{c[key]}")
        for kind, title in (("skipped", "not translated"), ("approximated", "translated with a loss")):
            reasons = self.by_reason(kind)
            if reasons:
                lines.append(f"  {title}: {sum(reasons.values())}")
                for reason, n in reasons.most_common():
                    lines.append(f"    {n:>6}  {reason}")
        return "\n".join(lines)

    def text(self) -> str:
        out = [self.summary(), ""]
        for kind in ("skipped", "approximated"):
            items = [i for i in self.issues if i.kind == kind]
            if not items:
                continue
            out.append(f"## {kind} ({len(items)})")
            out += [f"{i.file}:{i.line}: {i.reason}: {i.text}" for i in items]
            out.append("")
        return "\n".join(out) + "\n"


def read_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of a dictionary file; tolerant of Latin-1 bytes and CRLF."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line.rstrip("\r\n")


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


# --- words ------------------------------------------------------------------------------------

def phrase_words(token: str) -> list[str]:
    """'BARACK_OBAMA_' -> ['BARACK', 'OBAMA']: underscores (and spaces) separate words; a final
    '_' (TABARI's "exact match, no stem") carries no meaning here."""
    return [w for w in re.split(r"[_\s]+", token.strip()) if w]


def lower_phrase(token: str) -> str:
    """A dictionary phrase as lower-case words ('PRIME_MINISTER' -> 'prime minister')."""
    return " ".join(w.lower() for w in phrase_words(token))


LOWER_IN_NAMES = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "el",
                  "al", "bin", "ibn", "da", "di", "del", "von", "van", "der", "den", "y", "et", "a"}
_VOWELS = set("AEIOUY")
# Three-letter names that are acronyms although they hold a vowel (the others, "ABE", "BAN",
# "ALI", are names: Title Case, matched with a capital in the text); words without vowels
# ("PKK") are acronyms anyway.
ACRONYMS3 = {"USA", "UAE", "IRA", "ETA", "ANC", "OAS", "OAU", "EEC", "ECB", "IMF", "IAEA", "UNO", "AKP",
             "ISI", "KGB", "FBI", "CIA", "NSA", "BBC", "CNN", "AFP", "OPEC", "ASEAN", "FARC", "ELN",
             "ICC", "ICJ", "WHO", "WFP", "IOM", "UNHCR", "EU", "AU", "UN", "PLO", "PA", "IDF", "SAA",
             "FSA", "YPG", "PYD", "SDF", "HTS", "AQI", "AQAP", "ISIL", "ISIS", "LTTE", "NPA", "MILF",
             "MNLF", "ANP", "APC", "ADF", "RUF", "SPLA", "SPLM", "JEM", "SLA", "UPA", "BJP", "INC",
             "PPP", "PTI", "MQM", "AAP", "TTP", "ULFA", "OIC", "GCC", "ECOWAS", "SADC", "IGAD", "UNDP",
             "OSCE", "OECD", "ICRC", "MSF", "HRW", "AI", "ABC", "CBS", "NBC", "AP", "UPI", "USSR", "GDR",
             "FRG", "ROK", "DPRK", "PRC", "ROC", "KMT", "DPP", "LDP", "SPD", "CDU", "CSU", "FDP", "UMP",
             "PS", "FN", "UKIP", "SNP", "DUP", "SDLP", "UUP", "PKK", "HDP", "CHP", "MHP", "ANAP"}


def _title_word(w: str) -> str:
    """'AL-QAEDA' -> 'Al-Qaeda', "O'BRIEN" -> "O'Brien"."""
    return re.sub(r"[A-Za-zÀ-ÿ]+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), w.lower())


def name_case(token: str, common: frozenset[str] | set[str] = frozenset()) -> str:
    """A PETRARCH name (upper case, underscores) as it is written in text.

    Real acronyms stay upper case (case-sensitive matching: "US" is not "us"): short single words
    (<= 3 letters), words without vowels (<= 5 letters) and dotted or numbered forms ("U.N.",
    "F-16"). Names made only of common words (agent nouns, ...) become lower case so they match
    anywhere; everything else is Title Case (proper names need a capital in the text).
    """
    words = phrase_words(token)
    if not words:
        return ""
    if all(w.lower() in common or w.lower() in LOWER_IN_NAMES for w in words) and \
            any(w.lower() in common for w in words):
        return " ".join(w.lower() for w in words)
    out = []
    for i, w in enumerate(words):
        letters = [c for c in w if c.isalpha()]
        if not letters:
            out.append(w)
        elif "." in w or any(c.isdigit() for c in w):
            out.append(w)
        elif len(words) == 1 and (len(letters) <= 2 or (len(letters) == 3 and w.upper() in ACRONYMS3)):
            out.append(w.upper())
        elif len(letters) <= 5 and not (set(w.upper()) & _VOWELS):
            out.append(w.upper())
        elif i > 0 and w.lower() in LOWER_IN_NAMES:
            out.append(w.lower())
        else:
            out.append(_title_word(w))
    return " ".join(out)


def plural(phrase: str) -> str:
    """Regular English plural of the last word ('farm worker' -> 'farm workers')."""
    head, _, last = phrase.rpartition(" ")
    lw = last.lower()
    if re.search(r"[^aeiou]y$", lw):
        p = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", lw):
        p = last + "es"
    elif lw.endswith("man"):
        p = last[:-3] + "men"
    else:
        p = last + "s"
    return f"{head} {p}" if head else p


# --- dates ------------------------------------------------------------------------------------

def parse_date(s: str) -> str | None:
    """PETRARCH dates: YYYYMMDD or YYMMDD (years 00-29 are 20xx) -> ISO; None when malformed."""
    from datetime import date

    if not s.isdigit():
        return None
    if len(s) == 8:
        y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    elif len(s) == 6:
        yy = int(s[:2])
        y, m, d = (2000 + yy if yy < 30 else 1900 + yy), int(s[2:4]), int(s[4:])
    else:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
