"""A small idiomatic layer over the stubs generated from protos/grpcnlp/v1 (./generate.sh).

Runs on Debian's python3-grpcio and python3-protobuf (call /usr/bin/python3). Offsets: every
helper asks for Unicode code points, the unit of Python strings, so a span slices the string
that was sent: ``text[span.begin:span.end]``.

    with GrpcNlpClient("127.0.0.1:5080") as client:
        for token in client.tokenize("ذهب الطالب إلى المدرسة.").tokens:
            print(token.text, token.span.begin, token.span.end)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterable, Iterator, Sequence

_GENERATED = Path(__file__).resolve().parent / "build" / "gen"
if not (_GENERATED / "grpcnlp" / "v1" / "text_pb2.py").exists():
    raise ImportError(f"generated stubs not found in {_GENERATED}: run {_GENERATED.parent.parent / 'generate.sh'} first")
if str(_GENERATED) not in sys.path:
    sys.path.insert(0, str(_GENERATED))

import grpc  # noqa: E402

from grpcnlp.v1 import analysis_pb2, analysis_pb2_grpc  # noqa: E402
from grpcnlp.v1 import entities_pb2, entities_pb2_grpc  # noqa: E402
from grpcnlp.v1 import normalization_pb2, normalization_pb2_grpc  # noqa: E402
from grpcnlp.v1 import summarization_pb2, summarization_pb2_grpc  # noqa: E402
from grpcnlp.v1 import text_pb2  # noqa: E402
from grpcnlp.v1 import tokenization_pb2, tokenization_pb2_grpc  # noqa: E402

__all__ = [
    "DEFAULT_ADDRESS",
    "GrpcNlpClient",
    "analysis_pb2",
    "entities_pb2",
    "normalization_pb2",
    "span_text",
    "summarization_pb2",
    "text_pb2",
    "tokenization_pb2",
]

DEFAULT_ADDRESS = "127.0.0.1:5080"
"""The address used when none is given and GRPCNLP_SERVER is unset."""

CODE_POINT = text_pb2.OFFSET_ENCODING_CODE_POINT


def _target(address: str) -> str:
    """grpc targets are host:port; accept the http:// form the other clients use."""
    for scheme in ("http://", "https://"):
        if address.startswith(scheme):
            return address[len(scheme):].rstrip("/")
    return address


def span_text(text: str, span: text_pb2.TextSpan) -> str:
    """The part of ``text`` a span covers, for a span in code points (the helpers' unit)."""
    return text[span.begin:span.end]


def _document(text: str, language: str = "", id: str = "") -> text_pb2.Document:
    return text_pb2.Document(text=text, language=language or "", id=id or "")


class GrpcNlpClient:
    """The five services of grpcnlp.v1 on one channel, with helpers that take plain strings.

    ``address`` defaults to $GRPCNLP_SERVER, then 127.0.0.1:5080 (``http://`` is accepted and
    means cleartext HTTP/2). ``timeout`` is the deadline in seconds of every helper call.
    The generated stubs stay reachable as ``normalization``, ``tokenization``, ``entities``,
    ``summarization`` and ``analysis``.
    """

    def __init__(self, address: str | None = None, timeout: float = 30.0) -> None:
        self.address = address or os.environ.get("GRPCNLP_SERVER") or DEFAULT_ADDRESS
        self.timeout = timeout
        self._channel = grpc.insecure_channel(_target(self.address))
        self.normalization = normalization_pb2_grpc.NormalizationServiceStub(self._channel)
        self.tokenization = tokenization_pb2_grpc.TokenizationServiceStub(self._channel)
        self.entities = entities_pb2_grpc.EntityServiceStub(self._channel)
        self.summarization = summarization_pb2_grpc.SummarizationServiceStub(self._channel)
        self.analysis = analysis_pb2_grpc.AnalysisServiceStub(self._channel)

    def __enter__(self) -> GrpcNlpClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Closes the channel."""
        self._channel.close()

    def normalize(self, text: str, options: normalization_pb2.NormalizationOptions | None = None,
                  language: str = "", id: str = "") -> normalization_pb2.NormalizeResponse:
        """Normalizes a text; ``options`` defaults to the DISPLAY profile."""
        request = normalization_pb2.NormalizeRequest(
            document=_document(text, language, id), options=options, offset_encoding=CODE_POINT)
        return self.normalization.Normalize(request, timeout=self.timeout)

    def tokenize(self, text: str, language: str = "", id: str = "") -> tokenization_pb2.TokenizeResponse:
        """Tokenizes a text into tokens and sentences."""
        request = tokenization_pb2.TokenizeRequest(document=_document(text, language, id), offset_encoding=CODE_POINT)
        return self.tokenization.Tokenize(request, timeout=self.timeout)

    def extract_entities(self, text: str, language: str = "", id: str = "",
                         types: Sequence[int] = ()) -> entities_pb2.ExtractEntitiesResponse:
        """Extracts the entities of a text; ``types`` (EntityType values) restricts them."""
        request = entities_pb2.ExtractEntitiesRequest(
            document=_document(text, language, id), offset_encoding=CODE_POINT,
            options=entities_pb2.EntityOptions(types=types))
        return self.entities.ExtractEntities(request, timeout=self.timeout)

    def summarize(self, documents: Sequence[text_pb2.Document | str],
                  max_sentences: int = 0) -> summarization_pb2.SummarizeResponse:
        """One summary of one or several documents (Document messages or strings)."""
        docs = [_document(d, id=f"doc{i}") if isinstance(d, str) else d for i, d in enumerate(documents)]
        request = summarization_pb2.SummarizeRequest(
            documents=docs, options=summarization_pb2.SummarizeOptions(max_sentences=max_sentences),
            offset_encoding=CODE_POINT)
        return self.summarization.Summarize(request, timeout=self.timeout)

    def analyze(self, text: str, language: str = "", id: str = "",
                max_sentences: int = 0) -> analysis_pb2.AnalyzeResponse:
        """The whole pipeline on one text."""
        request = analysis_pb2.AnalyzeRequest(
            document=_document(text, language, id), offset_encoding=CODE_POINT,
            summary=summarization_pb2.SummarizeOptions(max_sentences=max_sentences))
        return self.analysis.Analyze(request, timeout=self.timeout)

    def tokenize_stream(self, chunks: Iterable[str], language: str = "") -> Iterator[tokenization_pb2.StreamTokenizeResponse]:
        """Tokenizes a text sent as chunks cut anywhere; offsets are global to the stream.

        grpc sends the requests from its own thread while this generator yields answers, so a
        long stream does not stall on flow control.
        """
        def requests() -> Iterator[tokenization_pb2.StreamTokenizeRequest]:
            config = tokenization_pb2.StreamTokenizeConfig(offset_encoding=CODE_POINT, language=language)
            yield tokenization_pb2.StreamTokenizeRequest(config=config)
            for chunk in chunks:
                yield tokenization_pb2.StreamTokenizeRequest(text=chunk)

        yield from self.tokenization.StreamTokenize(requests(), timeout=self.timeout)

    def extract_entities_batch(self, documents: Iterable[text_pb2.Document],
                               types: Sequence[int] = ()) -> Iterator[entities_pb2.ExtractEntitiesResponse]:
        """The entities of many documents over one stream: one answer per document, in order."""
        def requests() -> Iterator[entities_pb2.StreamExtractEntitiesRequest]:
            for document in documents:
                yield entities_pb2.StreamExtractEntitiesRequest(
                    document=document, offset_encoding=CODE_POINT, options=entities_pb2.EntityOptions(types=types))

        for answer in self.entities.StreamExtractEntities(requests(), timeout=self.timeout):
            yield answer.result
