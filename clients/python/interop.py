#!/usr/bin/python3
"""Interop half of clients/interop/run.sh: calls every unary RPC and the entity batch stream
on the files named, in code points (Python's unit), checks that every returned span slices the
Python string to the surface text the server reports, then converts the offsets to UTF-8 bytes
and prints each response as proto3 JSON, one per line, in the order clients/interop/run.sh
expects from the C# command line.

    /usr/bin/python3 interop.py FILE...      (server: $GRPCNLP_SERVER)
"""

from __future__ import annotations

import json
import sys
from typing import Any, Callable

from google.protobuf.json_format import MessageToDict

from grpcnlp_client import GrpcNlpClient, normalization_pb2, span_text, text_pb2

SUMMARY_SENTENCES = 3  # the command line's default


def read_documents(paths: list[str]) -> list[text_pb2.Document]:
    """The documents as the command line reads them: UTF-8 without a byte order mark, the
    path as the id, a repeated path made unique with #2, #3..."""
    documents: list[text_pb2.Document] = []
    for path in paths:
        ids = {d.id for d in documents}
        doc_id, n = path, 2
        while doc_id in ids:
            doc_id, n = f"{path}#{n}", n + 1
        with open(path, encoding="utf-8-sig") as f:
            documents.append(text_pb2.Document(id=doc_id, text=f.read()))
    return documents


def utf8_offsets(text: str) -> Callable[[Any], int]:
    """Maps code-point offsets of ``text`` to UTF-8 byte offsets."""
    table = [0] * (len(text) + 1)
    total = 0
    for i, ch in enumerate(text):
        table[i] = total
        total += len(ch.encode("utf-8"))
    table[len(text)] = total

    def convert(offset: Any) -> int:
        value = int(offset)
        if not 0 <= value <= len(text):
            raise ValueError(f"offset {value} is outside a text of {len(text)} code points")
        return table[value]

    return convert


def check_and_convert(node: Any, text: str, where: str) -> Any:
    """Checks every span with a surface ``text`` against the Python string, then rewrites all
    spans to UTF-8."""
    to_utf8 = utf8_offsets(text)

    def walk(item: Any) -> None:
        if isinstance(item, list):
            for child in item:
                walk(child)
            return
        if not isinstance(item, dict):
            return
        span = item.get("span")
        if isinstance(span, dict) and isinstance(item.get("text"), str):
            sliced = text[int(span["begin"]):int(span["end"])]
            if sliced != item["text"]:
                raise AssertionError(f"{where}: span {span['begin']}..{span['end']} slices {sliced!r}, "
                                     f"the server says {item['text']!r}")
        if set(item) == {"begin", "end"}:
            item["begin"] = str(to_utf8(item["begin"]))
            item["end"] = str(to_utf8(item["end"]))
            return
        for child in item.values():
            walk(child)

    walk(node)
    return node


def to_dict(message: Any) -> dict[str, Any]:
    return MessageToDict(message, including_default_value_fields=True)


def emit(node: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(node, ensure_ascii=False) + "\n")


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: interop.py FILE...", file=sys.stderr)
        return 2
    documents = read_documents(paths)
    display = normalization_pb2.NormalizationOptions(profile=normalization_pb2.NORMALIZATION_PROFILE_DISPLAY)
    with GrpcNlpClient() as client:
        for d in documents:
            response = client.normalize(d.text, display, id=d.id)
            # Rebuild the normalized text from the original and the edits, in code points.
            rebuilt, position = [], 0
            for edit in response.edits:
                rebuilt.append(d.text[position:edit.original.begin])
                rebuilt.append(span_text(response.normalized_text, edit.normalized))
                position = edit.original.end
            rebuilt.append(d.text[position:])
            if "".join(rebuilt) != response.normalized_text:
                raise AssertionError(f"normalize {d.id}: the edits do not rebuild the normalized text")
            node = to_dict(response)
            original, normalized = utf8_offsets(d.text), utf8_offsets(response.normalized_text)
            for edit in node["edits"]:
                edit["original"] = {k: str(original(v)) for k, v in edit["original"].items()}
                edit["normalized"] = {k: str(normalized(v)) for k, v in edit["normalized"].items()}
            emit(node)
        for d in documents:
            emit(check_and_convert(to_dict(client.tokenize(d.text, id=d.id)), d.text, f"tokenize {d.id}"))
        for d in documents:
            emit(check_and_convert(to_dict(client.extract_entities(d.text, id=d.id)), d.text, f"extract_entities {d.id}"))
        node = to_dict(client.summarize(documents, max_sentences=SUMMARY_SENTENCES))
        for sentence in node["sentences"]:
            check_and_convert(sentence, documents[sentence["documentIndex"]].text, "summarize")
        emit(node)
        for d in documents:
            response = client.analyze(d.text, id=d.id, max_sentences=SUMMARY_SENTENCES)
            emit(check_and_convert(to_dict(response), d.text, f"analyze {d.id}"))
        # At least two documents, as the command line needs to use the stream: one file goes twice.
        streamed = documents if len(documents) >= 2 else [
            *documents, text_pb2.Document(id=f"{documents[0].id}#2", text=documents[0].text)]
        texts = {d.id: d.text for d in streamed}
        for result in client.extract_entities_batch(streamed):
            if result.document_id not in texts:
                raise AssertionError(f"stream_extract_entities: unknown document id {result.document_id}")
            emit(check_and_convert(to_dict(result), texts[result.document_id], f"stream_extract_entities {result.document_id}"))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as error:  # one line on stderr, exit 1: run.sh reports it
        print(f"python interop: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
