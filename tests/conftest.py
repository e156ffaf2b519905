"""Shared fixtures. Parser tests need Stanza models: they fail (not skip) under CI when missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_MODELS = ROOT.parent / "shared" / "models" / "stanza"
MINI_DICT = Path(__file__).parent / "data" / "mini_dict"

if not os.environ.get("STANZA_RESOURCES_DIR") and SHARED_MODELS.is_dir():
    os.environ["STANZA_RESOURCES_DIR"] = str(SHARED_MODELS)


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory):
    os.environ["CODER_CACHE_DIR"] = str(tmp_path_factory.mktemp("parse-cache"))


def _models_available() -> bool:
    from coder.parse import models_dir

    d = models_dir()
    return all((d / lang / "depparse").is_dir() for lang in ("fr", "en"))


@pytest.fixture(scope="session")
def models():
    """The Stanza resources directory; missing models fail under CI and skip elsewhere."""
    from coder.parse import models_dir

    if not _models_available():
        msg = f"Stanza models for fr/en not found in {models_dir()} (set STANZA_RESOURCES_DIR)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    return models_dir()


@pytest.fixture(scope="session")
def mini_dicts():
    from coder.dictionaries import load_dictionaries

    return load_dictionaries(MINI_DICT)


@pytest.fixture(scope="session")
def pipeline(models):
    """A pipeline over the shipped dictionaries and the real parser."""
    from coder.dictionaries import load_dictionaries
    from coder.pipeline import Pipeline

    return Pipeline(load_dictionaries(None), models=models)


@pytest.fixture(scope="session")
def mini_pipeline(models, mini_dicts):
    from coder.pipeline import Pipeline

    return Pipeline(mini_dicts, models=models)
