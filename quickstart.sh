#!/usr/bin/env bash
# Install coder into .venv, make sure Stanza models for fr/en are there, and code the sample stories.
set -euo pipefail
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || python3 -m venv .venv
# The CPU build of torch first, so that installing stanza does not pull a multi-GB CUDA build.
.venv/bin/pip install -q torch==2.13.0
.venv/bin/pip install -q -e '.[dev]'
# Offline machines (CI) keep models in ../shared/models/stanza; elsewhere they are downloaded.
if [ -z "${STANZA_RESOURCES_DIR:-}" ] && [ -z "${CODER_MODELS_DIR:-}" ] && [ -d ../shared/models/stanza ]; then
  export STANZA_RESOURCES_DIR="$PWD/../shared/models/stanza"
fi
.venv/bin/coder models download fr en
.venv/bin/coder code data/stories.jsonl data/stories.csv -o out/events.parquet --graph out/actors.graphml "$@"
