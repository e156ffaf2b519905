"""`coder code --engine dask` on a LocalCluster of 2 workers gives the local engine's events."""

from __future__ import annotations

from scale_corpus import conllu_corpus, parsed_sample

from coder.cli import main
from coder.dataset import read_dataset


def test_dask_local_cluster_equals_local_engine(models, tmp_path):
    corpus = conllu_corpus(tmp_path / "corpus.conllu", parsed_sample(models), copies=10)
    local, dask = tmp_path / "local.parquet", tmp_path / "dask"
    assert main(["code", str(corpus), "-o", str(local), "-q", "--workers", "1", "--chunk-size", "8"]) == 0
    assert main(["code", str(corpus), "-o", str(dask), "-q", "--engine", "dask", "--workers", "2",
                 "--chunk-size", "8"]) == 0
    want, got = read_dataset(local), read_dataset(dask)
    assert len(want) > 0 and list(dask.rglob("*.parquet"))
    cols = ["event_id", "story_id", "source", "code", "target"]
    key = ["event_id"]
    assert want[cols].sort_values(key).reset_index(drop=True).equals(got[cols].sort_values(key).reset_index(drop=True))
