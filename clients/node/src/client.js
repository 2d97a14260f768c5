// A small idiomatic layer over the stubs generated from protos/grpcnlp/v1 (gen/, made by
// `npm install` or `npm run generate`). Calls go over gRPC on HTTP/2; an http:// address is
// HTTP/2 cleartext with prior knowledge, as the server expects.
//
// Offsets: every helper asks for UTF-16 code units, the unit of JavaScript strings, so a span
// slices the string that was sent: text.slice(Number(span.begin), Number(span.end)).

import { create } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport, Http2SessionManager } from "@connectrpc/connect-node";
import { AnalysisService } from "../gen/grpcnlp/v1/analysis_pb.js";
import { EntityService } from "../gen/grpcnlp/v1/entities_pb.js";
import { NormalizationService } from "../gen/grpcnlp/v1/normalization_pb.js";
import { SummarizationService } from "../gen/grpcnlp/v1/summarization_pb.js";
import { DocumentSchema, OffsetEncoding } from "../gen/grpcnlp/v1/text_pb.js";
import { StreamTokenizeRequestSchema, TokenizationService } from "../gen/grpcnlp/v1/tokenization_pb.js";

export { EntityType } from "../gen/grpcnlp/v1/entities_pb.js";
export { NormalizationProfile } from "../gen/grpcnlp/v1/normalization_pb.js";
export { SummaryOrder } from "../gen/grpcnlp/v1/summarization_pb.js";
export { OffsetEncoding } from "../gen/grpcnlp/v1/text_pb.js";
export { TokenType } from "../gen/grpcnlp/v1/tokenization_pb.js";

/** The address used when none is given and GRPCNLP_SERVER is unset. */
export const DEFAULT_ADDRESS = "http://127.0.0.1:5080";

/**
 * Creates a client. `address` defaults to $GRPCNLP_SERVER, then DEFAULT_ADDRESS.
 * `timeoutMs` is the deadline of every call that sets none (default 30 s).
 * Call close() when done, or let the process exit (idle connections do not keep it alive).
 */
export function createGrpcNlpClient(address = process.env.GRPCNLP_SERVER || DEFAULT_ADDRESS, { timeoutMs = 30_000 } = {}) {
  const sessionManager = new Http2SessionManager(address);
  const transport = createGrpcTransport({ baseUrl: address, sessionManager, defaultTimeoutMs: timeoutMs });
  return new GrpcNlpClient(transport, sessionManager);
}

/** The five services of grpcnlp.v1, with helpers that take plain strings. */
export class GrpcNlpClient {
  constructor(transport, sessionManager) {
    this.#sessionManager = sessionManager;
    /** The generated clients, for anything the helpers do not cover. */
    this.normalization = createClient(NormalizationService, transport);
    this.tokenization = createClient(TokenizationService, transport);
    this.entities = createClient(EntityService, transport);
    this.summarization = createClient(SummarizationService, transport);
    this.analysis = createClient(AnalysisService, transport);
  }

  #sessionManager;

  /** Normalizes a text; `options` is a NormalizationOptions init object, e.g. { profile: NormalizationProfile.SEARCH }. */
  normalize(text, { options, language = "", id = "" } = {}) {
    return this.normalization.normalize({ document: doc(text, language, id), options, offsetEncoding: OffsetEncoding.UTF16 });
  }

  /** Tokenizes a text into tokens and sentences. */
  tokenize(text, { language = "", id = "" } = {}) {
    return this.tokenization.tokenize({ document: doc(text, language, id), offsetEncoding: OffsetEncoding.UTF16 });
  }

  /** Extracts the entities of a text; `types` (EntityType values) restricts them. */
  extractEntities(text, { language = "", id = "", types = [] } = {}) {
    return this.entities.extractEntities({
      document: doc(text, language, id),
      offsetEncoding: OffsetEncoding.UTF16,
      options: { types },
    });
  }

  /** One summary of one or several documents ({ id, text, language } objects or strings). */
  summarize(documents, { maxSentences = 0 } = {}) {
    return this.summarization.summarize({
      documents: documents.map((d, i) => (typeof d === "string" ? doc(d, "", `doc${i}`) : doc(d.text, d.language, d.id))),
      options: { maxSentences },
      offsetEncoding: OffsetEncoding.UTF16,
    });
  }

  /** The whole pipeline on one text. */
  analyze(text, { language = "", id = "", maxSentences = 0 } = {}) {
    return this.analysis.analyze({
      document: doc(text, language, id),
      offsetEncoding: OffsetEncoding.UTF16,
      summary: { maxSentences },
    });
  }

  /**
   * Tokenizes a text sent as chunks (an iterable or async iterable of strings, cut anywhere);
   * yields each StreamTokenizeResponse, whose offsets are global to the whole stream.
   */
  async *tokenizeStream(chunks, { language = "" } = {}) {
    async function* requests() {
      yield create(StreamTokenizeRequestSchema, {
        payload: { case: "config", value: { offsetEncoding: OffsetEncoding.UTF16, language } },
      });
      for await (const chunk of chunks) {
        yield create(StreamTokenizeRequestSchema, { payload: { case: "text", value: chunk } });
      }
    }
    yield* this.tokenization.streamTokenize(requests());
  }

  /** Extracts the entities of many documents over one stream; yields one ExtractEntitiesResponse per document, in order. */
  async *extractEntitiesBatch(documents, { types = [] } = {}) {
    async function* requests() {
      for (const d of documents) {
        yield { document: doc(d.text, d.language, d.id), offsetEncoding: OffsetEncoding.UTF16, options: { types } };
      }
    }
    for await (const answer of this.entities.streamExtractEntities(requests())) {
      yield answer.result;
    }
  }

  /** Closes the HTTP/2 connection. */
  close() {
    this.#sessionManager.abort();
  }
}

/** The part of `text` a span covers, for a span in UTF-16 code units (the helpers' unit). */
export function spanText(text, span) {
  return text.slice(Number(span.begin), Number(span.end));
}

function doc(text, language = "", id = "") {
  return create(DocumentSchema, { text, language: language ?? "", id: id ?? "" });
}
