#!/usr/bin/env bash
# Generates the Python messages (_pb2.py, .pyi) and gRPC stubs (_pb2_grpc.py) from ../../protos
# into build/gen (not committed: protos/ stays the one source of truth).
# Needs Debian's protobuf-compiler (protoc 3.21, matching python3-protobuf 4.21) and
# protobuf-compiler-grpc (grpc_python_plugin); libprotobuf-dev has the well-known types
# (google/protobuf/descriptor.proto) that google/api/annotations.proto imports.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
protos="$here/../../protos"
out="$here/build/gen"

for tool in protoc grpc_python_plugin; do
  if ! command -v "$tool" >/dev/null; then
    echo "error: $tool not found; install it with: apt-get install protobuf-compiler protobuf-compiler-grpc libprotobuf-dev" >&2
    exit 1
  fi
done

wkt=/usr/include
if [[ ! -f "$wkt/google/protobuf/descriptor.proto" ]]; then
  echo "error: $wkt/google/protobuf/descriptor.proto not found; install it with: apt-get install libprotobuf-dev" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out"
mapfile -t files < <(cd "$protos" && find grpcnlp google -name '*.proto' | sort)
protoc -I "$protos" -I "$wkt" \
  --python_out="$out" --pyi_out="$out" \
  --grpc_python_out="$out" --plugin=protoc-gen-grpc_python="$(command -v grpc_python_plugin)" \
  "${files[@]/#/$protos/}"
