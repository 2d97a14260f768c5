#!/usr/bin/env bash
# Load harness: builds Release, starts the server on 127.0.0.1, runs bounded loads (h2load for
# unary calls, paired with `grpcnlp bench` runs that count gRPC errors; `grpcnlp bench` for the
# streams, with the server's peak RSS), stops the server and prints a markdown report.
#
#   bench/run.sh            full run (~6 minutes): 10 s per unary load, 1 GiB per stream
#   bench/run.sh --quick    CI run (~2-3 minutes): 2 s per unary load, 64 MiB per stream
#   bench/run.sh --streams-only [--quick]   only NormalizeStream and TokenizeStream
#   bench/run.sh --only Tokenize:tweet      the baseline and the named unary calls, no streams
#
# Options after these go to bench/load.py (see `python3 bench/load.py --help`).
set -euo pipefail
cd "$(dirname "$0")/.."

# h2load drives the unary loads; curl reads the server's JIT time from /metrics (HTTP/2).
missing=()
command -v h2load >/dev/null 2>&1 || missing+=(nghttp2-client)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if ((${#missing[@]})); then
  echo "== installing ${missing[*]} (Debian)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

echo "== building Release" >&2
dotnet build src/GrpcNlp.Server -c Release -nologo -v q -clp:ErrorsOnly
dotnet build clients/GrpcNlp.Cli -c Release -nologo -v q -clp:ErrorsOnly

exec python3 bench/load.py "$@"
