#!/usr/bin/env bash
# Scores `newsbus parse` on the article-extraction development set (../shared/data/extraction by default):
# turns dev.jsonl and its gzip-compressed pages into `newsbus parse` input (raw page bytes, base64, so the parser
# does its own charset decoding), parses them with a release build, and runs the set's scorer.
#
#   scripts/parse-devset.sh                 # prints the scorer's table; the last line is the overall hmean
#   scripts/parse-devset.sh --worst 20      # extra arguments go to score.py
#   NEWSBUS_DEVSET=/path/to/extraction scripts/parse-devset.sh
set -euo pipefail
cd "$(dirname "$0")/.."
devset="${NEWSBUS_DEVSET:-../shared/data/extraction}"
[ -f "$devset/dev.jsonl" ] || { echo "no dev set at $devset (set NEWSBUS_DEVSET)" >&2; exit 2; }
out="${NEWSBUS_DEVSET_OUT:-.build/devset}"
mkdir -p "$out"

swift build -c release --product newsbus >&2
python3 - "$devset" "$out/input.jsonl" <<'PY'
import base64, gzip, json, os, sys
devset, target = sys.argv[1], sys.argv[2]
with open(os.path.join(devset, "dev.jsonl"), encoding="utf-8") as pages, open(target, "w") as out:
    for line in pages:
        page = json.loads(line)
        with gzip.open(os.path.join(devset, "pages", page["id"] + ".html.gz")) as f:
            html = f.read()
        record = {"id": page["id"], "html_base64": base64.b64encode(html).decode("ascii")}
        if page.get("url"):
            record["url"] = page["url"]
        out.write(json.dumps(record) + "\n")
PY
.build/release/newsbus parse < "$out/input.jsonl" > "$out/predictions.jsonl"
python3 "$devset/score.py" "$devset/dev.jsonl" "$out/predictions.jsonl" "$@"
