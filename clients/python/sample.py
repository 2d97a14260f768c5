#!/usr/bin/python3
"""Sample: tokens and entities of a file (or standard input), offsets in code points.

    /usr/bin/python3 sample.py [file]     (server: $GRPCNLP_SERVER, default 127.0.0.1:5080)
"""

import sys

import grpc

from grpcnlp_client import GrpcNlpClient, entities_pb2, span_text, tokenization_pb2


def main(argv: list[str]) -> int:
    path = argv[1] if len(argv) > 1 else "-"
    if path == "-":
        text = sys.stdin.buffer.read().decode("utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()

    with GrpcNlpClient() as client:
        try:
            tokens = client.tokenize(text)
            mentions = client.extract_entities(text)
        except grpc.RpcError as error:
            print(f"error: {error.code().name}: {error.details()}", file=sys.stderr)
            return 1

    print(f"language: {tokens.language}, tokens: {len(tokens.tokens)}, sentences: {len(tokens.sentences)}")
    for token in tokens.tokens[:10]:
        kind = tokenization_pb2.TokenType.Name(token.type).removeprefix("TOKEN_TYPE_")
        print(f"  {kind:<11} {token.span.begin}..{token.span.end}\t{span_text(text, token.span)}")

    print(f"entities: {len(mentions.entities)}")
    for entity in mentions.entities:
        kind = entities_pb2.EntityType.Name(entity.type).removeprefix("ENTITY_TYPE_")
        print(f"  {entity.canonical_name} ({kind}, salience {entity.salience:.3f})")
        for index in entity.mention_indices:
            mention = mentions.mentions[index]
            value = f"  = {mention.normalized_value}" if mention.normalized_value else ""
            print(f"      {mention.span.begin}..{mention.span.end}\t{span_text(text, mention.span)}{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
