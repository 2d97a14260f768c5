#!/usr/bin/env bash
# Interop: the Node.js and Python clients against the C# SDK (through the grpcnlp command line,
# --json) on the same files and the same live server. Each client calls Normalize, Tokenize,
# ExtractEntities, Summarize, Analyze and the StreamExtractEntities batch stream in its own
# offset unit (UTF-16 for Node.js, code points for Python), checks that the spans slice its
# own strings, converts the offsets to UTF-8 bytes (the command line's unit) and must print
# the same responses as the command line (compare.py says what "same" allows).
#
#   clients/interop/run.sh [--server URL] FILE...
#
# Server: --server, else $GRPCNLP_SERVER, else http://127.0.0.1:5080. The command line is
# $GRPCNLP_CLI if set, else the Release build of clients/GrpcNlp.Cli, else `dotnet run`.
# Needs node and npm, /usr/bin/python3 with python3-grpcio and python3-protobuf, protoc and
# grpc_python_plugin (see docs/clients.md). Exits 0 when both clients agree with C#.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
server="${GRPCNLP_SERVER:-http://127.0.0.1:5080}"
if [[ "${1:-}" == "--server" ]]; then
  server="$2"
  shift 2
fi
if [[ $# -eq 0 ]]; then
  echo "usage: $0 [--server URL] FILE..." >&2
  exit 2
fi
export GRPCNLP_SERVER="$server"

files=()
for file in "$@"; do
  [[ -f "$file" ]] || { echo "error: no such file: $file" >&2; exit 2; }
  files+=("$file")
done

if [[ -n "${GRPCNLP_CLI:-}" ]]; then
  read -r -a cli <<<"$GRPCNLP_CLI"
elif [[ -f "$repo/clients/GrpcNlp.Cli/bin/Release/net10.0/grpcnlp.dll" ]]; then
  cli=(dotnet "$repo/clients/GrpcNlp.Cli/bin/Release/net10.0/grpcnlp.dll")
else
  cli=(dotnet run -c Release --project "$repo/clients/GrpcNlp.Cli" --)
fi
cli+=(--server "$server" --json)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The C# reference, in the order the clients print: per-file Normalize (DISPLAY), Tokenize,
# ExtractEntities (one file per call: the command line streams several), one Summarize of
# all files, per-file Analyze, then the StreamExtractEntities batch of all files (at least
# two documents, so that the command line uses the stream: a single file is sent twice).
stream_files=("${files[@]}")
[[ ${#stream_files[@]} -ge 2 ]] || stream_files+=("${files[0]}")
{
  "${cli[@]}" normalize --profile display "${files[@]}"
  "${cli[@]}" tokenize "${files[@]}"
  for file in "${files[@]}"; do "${cli[@]}" entities "$file"; done
  "${cli[@]}" summarize --sentences 3 "${files[@]}"
  "${cli[@]}" analyze --sentences 3 "${files[@]}"
  "${cli[@]}" entities "${stream_files[@]}"
} >"$work/csharp.jsonl"

if [[ ! -d "$repo/clients/node/node_modules" || ! -d "$repo/clients/node/gen" ]]; then
  npm install --prefix "$repo/clients/node" --no-audit --no-fund --silent >/dev/null
fi
"$repo/clients/python/generate.sh"

# The clients run from here, so that the paths (the document ids) are the ones the command
# line saw.
status=0
compare="$here/compare.py"
if node "$repo/clients/node/interop.js" "${files[@]}" >"$work/node.jsonl"; then
  /usr/bin/python3 "$compare" "$work/csharp.jsonl" "$work/node.jsonl" "node (UTF-16)" || status=1
else
  status=1
fi
if /usr/bin/python3 "$repo/clients/python/interop.py" "${files[@]}" >"$work/python.jsonl"; then
  /usr/bin/python3 "$compare" "$work/csharp.jsonl" "$work/python.jsonl" "python (code points)" || status=1
else
  status=1
fi
exit "$status"
