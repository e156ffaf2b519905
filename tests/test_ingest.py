"""Readers and rejects: every broken input is named by file and line, and the rest goes on."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq

from coder.doc import ParsedStory, Story
from coder.ingest import Reject, read_inputs


def items(*paths, **kw):
    return list(read_inputs(list(paths), **kw))


def test_jsonl_good_and_bad_lines(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "date": "2016-12-06", "language": "fr", "text": "Damas a rejeté la trêve.", "desk": "x"}),
        '{"id": "b", "text": ',
        json.dumps({"id": "c", "date": "2016-12-06", "text": "   "}),
        json.dumps({"id": "d", "date": "2016-13-45", "text": "Something."}),
        json.dumps(["not", "an", "object"]),
    ]) + "\n", encoding="utf-8")
    got = items(p)
    stories = [x for x in got if isinstance(x, Story)]
    rejects = [x for x in got if isinstance(x, Reject)]
    assert [s.id for s in stories] == ["a"]
    assert stories[0].meta == {"desk": "x"} and stories[0].language == "fr"
    assert [(r.line, r.story_id) for r in rejects] == [(2, None), (3, "c"), (4, "d"), (5, None)]
    assert "broken JSON" in rejects[0].reason and "no text" in rejects[1].reason and "bad date" in rejects[2].reason
    assert str(p) in str(rejects[0]) and ":2:" in str(rejects[0])


def test_csv_parquet_txt_and_directory(tmp_path):
    (tmp_path / "a.csv").write_text('id,date,language,text\nc1,2016-10-01,en,"Russia, again, vetoed it."\n', encoding="utf-8")
    pq.write_table(pa.table({"id": ["p1"], "date": ["2016-10-02"], "language": ["fr"], "text": ["Paris a protesté."]}),
                   tmp_path / "b.parquet")
    sub = tmp_path / "txt"
    sub.mkdir()
    (sub / "story1.txt").write_text("Damascus rejected the truce.", encoding="utf-8")
    got = items(tmp_path, date="2016-12-01")
    by_id = {x.id: x for x in got if isinstance(x, Story)}
    assert set(by_id) == {"c1", "p1", "story1"}
    assert by_id["c1"].text == "Russia, again, vetoed it."
    assert by_id["story1"].date == "2016-12-01"  # from the flag


def test_unsupported_file_and_empty_dir(tmp_path):
    (tmp_path / "x.docx").write_text("?")
    empty = tmp_path / "empty"
    empty.mkdir()
    got = items(tmp_path / "x.docx", empty)
    assert all(isinstance(x, Reject) for x in got) and len(got) == 2
    assert "unsupported file type" in got[0].reason


def test_conllu_documents_dates_and_v1_labels(tmp_path):
    p = tmp_path / "d.conllu"
    p.write_text("""# newdoc id = doc1
# date = 2016-12-06
# sent_id = doc1-1
# text = Russia vetoed it.
1\tRussia\tRussia\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\tvetoed\tveto\tVERB\t_\t_\t0\troot\t_\t_
3\tit\tit\tPRON\t_\t_\t2\tdobj\t_\t_

# newdoc id = doc2
# date = 2016-12-07
1\tBroken\tbroken\tNOUN\t_\t_\t0\troot\t_

1\tFine\tfine\tADJ\t_\t_\t0\troot\t_\t_
""", encoding="utf-8")
    got = items(p)
    stories = [x for x in got if isinstance(x, ParsedStory)]
    rejects = [x for x in got if isinstance(x, Reject)]
    assert [s.story.id for s in stories] == ["doc1", "doc2"]
    assert stories[0].story.date == "2016-12-06"
    assert stories[0].sentences[0].tokens[2].deprel == "obj"
    assert len(rejects) == 1 and rejects[0].line == 11 and rejects[0].story_id == "doc2" and "10 tab-separated columns" in rejects[0].reason


def test_conllu_multiword_tokens_keep_their_surface(tmp_path):
    from coder.conllu import write_conllu

    p = tmp_path / "m.conllu"
    p.write_text("# newdoc id = m\n1\tchef\tchef\tNOUN\t_\t_\t0\troot\t_\t_\n2-3\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n"
                 "2\tde\tde\tADP\t_\t_\t4\tcase\t_\t_\n3\tle\tle\tDET\t_\t_\t4\tdet\t_\t_\n"
                 "4\tgouvernement\tgouvernement\tNOUN\t_\t_\t1\tnmod\t_\t_\n\n", encoding="utf-8")
    ps = next(x for x in items(p) if isinstance(x, ParsedStory))
    assert [t.text for t in ps.sentences[0].tokens] == ["chef", "du", "", "gouvernement"]
    again = tmp_path / "again.conllu"
    again.write_text(write_conllu([ps]), encoding="utf-8")
    back = next(x for x in items(again) if isinstance(x, ParsedStory))
    assert [t.surface for t in back.sentences[0].tokens] == [None, "du", "", None]
