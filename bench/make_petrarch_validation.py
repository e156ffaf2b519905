"""Build tests/data/petrarch/validate.conllu: PETRARCH-style validation records parsed with the
Stanza English model and rewritten with UD v1 labels (dobj, nsubjpass, auxpass, neg, nmod), as a
UD v1 parser would give them. Each sentence carries ``# expected = SRC CODE TGT; ...`` (or
``none``). Run once (needs Stanza models); the tests read the file, not Stanza.

    python bench/make_petrarch_validation.py [--models DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

D15 = "2015-06-10"
# (story id, date, [(sentence, expected events)]); expected "SRC CODE TGT" separated by ";".
RECORDS: list[tuple[str, str, list[tuple[str, str]]]] = [
    # --- basic verbs, default codes, agents composing with countries
    ("MEET-01", D15, [("French President Francois Hollande met German Chancellor Angela Merkel in Berlin on Tuesday.", "FRAGOV 040 DEUGOV")]),
    ("MEET-02", D15, [("Obama met with Putin at the summit in Beijing.", "USAGOV 040 RUSGOV")]),
    ("MEET-03", D15, [("Russian diplomats met Chinese officials in Moscow for talks.", "RUSGOV 046 CHNGOV")]),
    ("MEET-04", D15, [("Merkel met with Abe in Tokyo on Friday.", "DEUGOV 040 JPNGOV")]),
    ("MEET-05", D15, [("The Iranian foreign minister met his Turkish counterpart in Ankara.", "IRNGOV 040 TUR")]),
    ("MEET-06", D15, [("Obama met Hollande and Merkel at the White House.", "USAGOV 040 FRAGOV; USAGOV 040 DEUGOV")]),
    ("MEET-07", D15, [("Obama met Putin in secret.", "none")]),
    ("MEET-08", D15, [("Indian officials conferred with Pakistani diplomats on Monday.", "INDGOV 040 PAKGOV")]),
    ("VISIT-01", D15, [("The American president visited Egypt on Sunday.", "USAGOV 042 EGY")]),
    ("VISIT-02", D15, [("Japanese Prime Minister Shinzo Abe traveled to India last week.", "JPNGOV 042 IND")]),
    ("VISIT-03", D15, [("President Obama traveled to Japan for talks.", "USAGOV 046 JPN")]),
    ("VISIT-04", D15, [("German foreign ministry officials visited Kiev.", "DEUGOV 042 UKR")]),
    ("VISIT-05", "2012-06-10", [("Cameron visited India in June.", "GBRGOV 042 IND")]),
    ("VISIT-06", D15, [("A Chinese delegation toured Pakistan.", "CHN 042 PAK")]),
    ("HOST-01", D15, [("Egypt hosted Palestinian officials in Cairo.", "EGY 043 PSEGOV")]),
    ("HOST-02", D15, [("Jordan welcomed the American president.", "JOR 051 USAGOV")]),
    # --- accusations with prepositional patterns
    ("ACCUSE-01", D15, [("Iran accused the United States of espionage.", "IRN 1125 USA")]),
    ("ACCUSE-02", D15, [("Israel blamed Hamas for the rocket attack.", "ISR 112 PSEREB")]),
    ("ACCUSE-03", D15, [("Amnesty International accused Syrian troops of war crimes.", "NGOHRI 1124 SYRMIL")]),
    ("ACCUSE-04", D15, [("The Turkish government accused Syria of human rights abuses.", "TURGOV 1122 SYR")]),
    ("ACCUSE-05", D15, [("France accused Syrian forces of war crimes.", "FRA 1124 SYRMIL")]),
    ("ACCUSE-06", D15, [("Pakistan accused Indian officials of corruption.", "PAK 1121 INDGOV")]),
    ("ACCUSE-07", D15, [("Ukraine blamed Russia for aggression in the east.", "UKR 1123 RUS")]),
    ("ACCUSE-08", D15, [("Israel accused Iran and Syria of spying.", "ISR 1125 IRN; ISR 1125 SYR")]),
    ("ACCUSE-09", D15, [("China accused Japan of spying on Monday.", "CHN 1125 JPN")]),
    # --- criticism, praise
    ("CRIT-01", D15, [("Pakistan criticized India over the border incident.", "PAK 111 IND")]),
    ("CRIT-02", D15, [("The European Union condemned Russia.", "IGOEUREEC 111 RUS")]),
    ("CRIT-03", D15, [("Chinese Foreign Minister Wang Yi denounced Japan on Monday.", "CHNGOV 111 JPN")]),
    ("CRIT-04", D15, [("France and Germany criticized Russia.", "FRA 111 RUS; DEU 111 RUS")]),
    ("CRIT-05", D15, [("French ministers criticised Turkey.", "FRAGOV 111 TUR")]),
    ("CRIT-06", D15, [("The Afghan parliament condemned the NATO air strike.", "AFGLEG 111 IGOWSTNAT")]),
    ("CRIT-07", D15, [("Israeli lawmakers denounced Palestinian President Mahmoud Abbas.", "ISRLEG 111 PSEGOV")]),
    ("CRIT-08", D15, [("Russian and Chinese diplomats condemned the United States.", "RUSGOV 111 USA; CHNGOV 111 USA")]),
    ("CRIT-09", D15, [("Turkish President Recep Tayyip Erdogan criticized the European Union on Thursday.", "TURGOV 111 IGOEUREEC")]),
    ("CRIT-10", D15, [("Britain criticized the Russian military.", "GBR 111 RUSMIL")]),
    ("PRAISE-01", D15, [("The United Nations praised Jordan for its help to refugees.", "IGOUNO 051 JOR")]),
    ("PRAISE-02", D15, [("Ban Ki-moon commended Egypt for the truce.", "IGOUNO 0356 EGY")]),
    ("PRAISE-03", D15, [("Abbas hailed the Egyptian government.", "PSEGOV 051 EGYGOV")]),
    # --- force
    ("FORCE-01", D15, [("Israeli jets bombed Hamas positions in Gaza.", "ISR 195 PSEREB")]),
    ("FORCE-02", D15, [("Russian forces attacked Ukrainian troops with tanks.", "RUSMIL 194 UKRMIL")]),
    ("FORCE-03", D15, [("Taliban insurgents attacked Afghan police in Kandahar.", "AFGREB 190 AFGCOP")]),
    ("FORCE-04", D15, [("Syrian rebels opened fire on Turkish troops.", "SYRREB 190 TURMIL")]),
    ("FORCE-05", D15, [("Israel opened fire on Palestinian protesters.", "ISR 190 PSEOPP")]),
    ("FORCE-06", D15, [("Syrian troops shelled Turkey on Monday.", "SYRMIL 194 TUR")]),
    ("FORCE-07", D15, [("Turkish aircraft attacked Syrian rebels with air strikes.", "TUR 195 SYRREB")]),
    ("FORCE-08", D15, [("Ukrainian soldiers were attacked by Russian forces.", "RUSMIL 190 UKRMIL")]),
    ("FORCE-09", D15, [("North Korean soldiers assaulted South Korean troops at the border.", "PRKMIL 190 KORMIL")]),
    # --- threats, sanctions, expulsions
    ("THREAT-01", D15, [("North Korea threatened South Korea with military action.", "PRK 138 KOR")]),
    ("THREAT-02", D15, [("The United States threatened Iran with sanctions.", "USA 1312 IRN")]),
    ("THREAT-03", D15, [("Russia threatened Ukraine on Tuesday.", "RUS 130 UKR")]),
    ("SANCT-01", D15, [("The European Union imposed sanctions on Russia.", "IGOEUREEC 163 RUS")]),
    ("SANCT-02", D15, [("Washington imposed an arms embargo on Pyongyang.", "USA 163 PRK")]),
    ("SANCT-03", D15, [("The United States and Britain imposed sanctions on Iran and North Korea.",
                        "USA 163 IRN; USA 163 PRK; GBR 163 IRN; GBR 163 PRK")]),
    ("EXPEL-01", D15, [("Iran expelled British diplomats.", "IRN 174 GBRGOV")]),
    ("EXPEL-02", D15, [("North Korea expelled UN inspectors.", "PRK 1662 IGOUNO")]),
    ("EXPEL-03", D15, [("The Chinese ambassador was expelled by Japan.", "JPN 166 CHNGOV")]),
    ("EXPEL-04", D15, [("Chinese spies were expelled by Washington.", "USA 166 CHNSPY")]),
    # --- aid (synsets)
    ("AID-01", D15, [("Germany sent troops to Afghanistan.", "DEU 074 AFG")]),
    ("AID-02", D15, [("Japan gave Jordan 100 million dollars.", "JPN 071 JOR")]),
    ("AID-03", D15, [("The World Bank provided a loan to Egypt.", "IGOWSTDEV 071 EGY")]),
    ("AID-04", D15, [("Britain sent humanitarian aid to Syrian refugees.", "GBR 073 SYRREF")]),
    ("AID-05", D15, [("Russia sent weapons to Syria.", "RUS 072 SYR")]),
    ("AID-06", D15, [("France sent a senior envoy to Iran.", "FRA 042 IRN")]),
    ("AID-07", D15, [("The United States pledged 50 million dollars to Ukraine.", "USA 0331 UKR")]),
    ("AID-08", D15, [("China promised aid to Pakistan.", "CHN 033 PAK")]),
    ("AID-09", D15, [("Japan sent 20 million euros to Egypt.", "JPN 071 EGY")]),
    ("AID-10", D15, [("The European Union promised money to Jordan.", "IGOEUREEC 0331 JOR")]),
    ("AID-11", D15, [("Russia sent missiles to Syria.", "RUS 072 SYR")]),
    ("AID-12", D15, [("India provided relief to Afghan refugees.", "IND 070 AFGREF")]),
    # --- agreements, rejection
    ("SIGN-01", D15, [("Israel signed a truce with Hamas in Cairo.", "ISR 0356 PSEREB")]),
    ("SIGN-02", D15, [("India signed a trade agreement with Japan.", "IND 061 JPN")]),
    ("SIGN-03", D15, [("Russia signed an agreement with China.", "RUS 057 CHN")]),
    ("SIGN-04", D15, [("Ukrainian activists signed a petition to the United Nations.", "none")]),
    ("REJECT-01", D15, [("Hamas rejected the Egyptian truce.", "PSEREB 1246 EGY")]),
    ("REJECT-02", D15, [("Pakistan rebuffed India's offer of talks.", "PAK 125 IND")]),
    ("REJECT-03", D15, [("Iran rejected the American proposal.", "IRN 120 USA")]),
    # --- arrests, releases, kidnappings, apologies, deployments
    ("ARREST-01", D15, [("Turkish police arrested three German journalists in Istanbul.", "TURCOP 173 DEUMED")]),
    ("ARREST-02", D15, [("Five French journalists were detained by Iranian police.", "IRNCOP 173 FRAMED")]),
    ("ARREST-03", D15, [("Israeli soldiers took into custody two Palestinian activists.", "ISRMIL 173 PSEOPP")]),
    ("ARREST-04", D15, [("Egyptian police arrested two Israeli businessmen.", "EGYCOP 173 ISRBUS")]),
    ("ARREST-05", D15, [("Indian policemen detained Pakistani students.", "INDCOP 173 PAKEDU")]),
    ("RELEASE-01", D15, [("Russia released the Ukrainian pilot.", "RUS 0841 UKR")]),
    ("RELEASE-02", D15, [("Iran freed two American sailors.", "IRN 0841 USA")]),
    ("KIDNAP-01", D15, [("Taliban militants kidnapped two Turkish engineers.", "AFGREB 181 TUR")]),
    ("KIDNAP-02", D15, [("Syrian rebels abducted Red Cross workers.", "SYRREB 181 NGOIRC")]),
    ("KIDNAP-03", D15, [("Three Israeli soldiers were kidnapped by Hamas.", "PSEREB 181 ISRMIL")]),
    ("APOL-01", D15, [("Japan apologized to South Korea.", "JPN 055 KOR")]),
    ("APOL-02", D15, [("The British prime minister apologised to India.", "GBRGOV 055 IND")]),
    ("DEPLOY-01", D15, [("Russia deployed warships against Ukraine.", "RUS 154 UKR")]),
    # --- PETRARCH-1 / TABARI verbs
    ("TAB-01", D15, [("Britain demanded the release of the French journalists.", "GBR 1041 FRAMED")]),
    ("TAB-02", D15, [("Ukraine demanded the withdrawal of Russian troops.", "UKR 105 RUSMIL")]),
    ("TAB-03", D15, [("The United Nations urged Syria to release political prisoners.", "IGOUNO 0233 SYR")]),
    ("TAB-04", D15, [("Jordan appealed to the United Nations for humanitarian aid.", "JOR 0233 IGOUNO")]),
    ("TAB-05", D15, [("France called on Iran to show restraint.", "FRA 020 IRN")]),
    ("TAB-06", D15, [("Germany warned Turkey against a boycott.", "DEU 1312 TUR")]),
    ("TAB-07", D15, [("China cautioned Japan on Wednesday.", "CHN 130 JPN")]),
    ("TAB-08", D15, [("Israeli officials held talks with Palestinian negotiators in Cairo.", "ISRGOV 046 PSE")]),
    ("TAB-09", D15, [("Egypt mediated between Israel and Hamas.", "EGY 045 ISR; EGY 045 PSEREB")]),
    ("TAB-10", D15, [("Russia withdrew its ambassador from Turkey.", "RUS 164 TUR")]),
    ("TAB-11", D15, [("The United States negotiated with Iran in Geneva.", "USA 046 IRN")]),
    ("TAB-12", D15, [("Iran insisted on the release of the British sailors.", "IRN 1041 GBR")]),
    # --- passives
    ("PASS-01", D15, [("Iran was accused of spying by the United States.", "USA 1125 IRN")]),
    ("PASS-02", D15, [("Turkey was criticized by Germany over the arrests.", "DEU 111 TUR")]),
    ("PASS-03", D15, [("Israel was praised by the United Nations for the ceasefire.", "IGOUNO 0356 ISR")]),
    ("PASS-04", D15, [("Two American journalists were arrested by North Korean police.", "PRKCOP 173 USAMED")]),
    # --- negation, questions, hypotheticals: no events
    ("NEG-01", D15, [("Russia did not attack Ukraine.", "none")]),
    ("NEG-02", D15, [("Iran never accused Britain of espionage.", "none")]),
    ("NEG-03", D15, [("China refused to criticize North Korea.", "none")]),
    ("NEG-04", D15, [("Obama did not meet Putin during the summit.", "none")]),
    ("NEG-05", D15, [("Will Russia attack Ukraine?", "none")]),
    ("NEG-06", D15, [("Iran would attack Israel if provoked, an official said.", "none")]),
    ("NEG-07", D15, [("Russia may impose sanctions on Turkey.", "none")]),
    # --- date-restricted actors
    ("DATE-01", "2010-03-01", [("Sarkozy met Merkel in Paris.", "FRAGOV 040 DEUGOV")]),
    ("DATE-02", "2014-03-01", [("Sarkozy criticized Hollande.", "FRAELI 111 FRAGOV")]),
    ("DATE-03", "2007-05-01", [("Obama criticized the Iranian government.", "USAELI 111 IRNGOV")]),
    ("DATE-04", D15, [("Obama criticized the Iranian government.", "USAGOV 111 IRNGOV")]),
    ("DATE-05", "2010-03-01", [("Rouhani accused Israel of war crimes.", "IRNELI 1124 ISR")]),
    ("DATE-06", "2016-01-10", [("Nawaz Sharif met Narendra Modi in Lahore.", "PAKGOV 040 INDGOV")]),
    ("DATE-07", "2018-01-10", [("Sharif criticized Modi.", "PAKELI 111 INDGOV")]),
    ("DATE-08", "2008-01-10", [("Netanyahu criticized Abbas.", "ISRELI 111 PSEGOV")]),
    # --- discards
    ("DISC-01", D15, [("Germany criticized France after the World Cup final.", "none")]),
    ("DISC-02", D15, [("Russian fans attacked English supporters before the Champions League match.", "none"),
                      ("Russia criticized Britain.", "none")]),
    ("DISC-03", D15, [("The video game depicts American soldiers attacking Russian troops.", "none")]),
    # --- no events at all
    ("NONE-01", D15, [("The weather in Paris was sunny on Monday.", "none")]),
    ("NONE-02", D15, [("Stock markets in Tokyo rose sharply.", "none")]),
    ("NONE-03", D15, [("Syrian troops withdrew from the town.", "none")]),
    ("NONE-04", D15, [("Russia mobilized its reserves on Friday.", "none")]),
    # --- multi-sentence stories
    ("STORY-01", D15, [("Russian President Vladimir Putin called on Ukraine to halt the offensive.", "RUSGOV 020 UKR"),
                       ("Ukraine accused Russia of aggression.", "UKR 112 RUS"),
                       ("The European Union imposed new sanctions on Moscow.", "IGOEUREEC 163 RUS")]),
    ("STORY-02", D15, [("Iranian police detained two British sailors on Sunday.", "IRNCOP 173 GBR"),
                       ("Britain demanded the release of the sailors.", "none"),
                       ("Iran freed the British sailors on Wednesday.", "IRN 0841 GBR")]),
]

V2_TO_V1 = {"obj": "dobj", "nsubj:pass": "nsubjpass", "csubj:pass": "csubjpass", "aux:pass": "auxpass",
            "flat": "name", "fixed": "mwe", "flat:foreign": "foreign", "obl:agent": "nmod:agent",
            "obl:tmod": "nmod:tmod", "obl:npmod": "nmod:npmod", "obl:unmarked": "nmod:npmod", "nmod:desc": "compound",
            "nmod:unmarked": "nmod:npmod", "obl": "nmod", "orphan": "remnant"}
NEG_WORDS = {"not", "n't", "never", "no"}


def v1_label(word, deprel: str) -> str:
    if deprel in ("advmod", "det") and word.text.lower() in NEG_WORDS:
        return "neg"
    return V2_TO_V1.get(deprel, "obl" if False else deprel)


def main() -> None:
    import os

    import stanza

    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default=os.environ.get("STANZA_RESOURCES_DIR"))
    ap.add_argument("-o", default=str(Path(__file__).resolve().parent.parent / "tests/data/petrarch/validate.conllu"))
    args = ap.parse_args()
    nlp = stanza.Pipeline("en", dir=args.models, processors="tokenize,mwt,pos,lemma,depparse",
                          download_method=None, logging_level="WARN", tokenize_no_ssplit=True)
    out = ["# PETRARCH-style validation records for coder's PETRARCH/TABARI importer (tests/test_petrarch_import.py).",
           "# Parsed with the Stanza English model, labels rewritten to UD v1 (bench/make_petrarch_validation.py).",
           "# Each sentence: '# expected = SOURCE CODE TARGET; ...' or 'none'.", ""]
    for sid, date, sents in RECORDS:
        out.append(f"# newdoc id = {sid}")
        out.append(f"# date = {date}")
        for k, (text, expected) in enumerate(sents, 1):
            doc = nlp(text)
            words = [w for s in doc.sentences for w in s.words]
            if len(doc.sentences) != 1:
                raise SystemExit(f"{sid}: {len(doc.sentences)} sentences in {text!r}")
            out.append(f"# sent_id = {sid}-{k}")
            out.append(f"# text = {text}")
            out.append(f"# expected = {expected}")
            for w in words:
                out.append("\t".join([str(w.id), w.text, w.lemma or w.text, w.upos, w.xpos or "_", w.feats or "_",
                                      str(w.head), v1_label(w, w.deprel), "_", "_"]))
            out.append("")
    Path(args.o).write_text("\n".join(out), encoding="utf-8")
    print(f"wrote {args.o}: {sum(len(s) for _, _, s in RECORDS)} sentences")


if __name__ == "__main__":
    main()
