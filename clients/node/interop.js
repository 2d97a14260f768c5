// Interop half of clients/interop/run.sh: calls every unary RPC and the entity batch stream on
// the files named, in UTF-16 code units (JavaScript's unit), checks that every returned span
// slices the JavaScript string to the surface text the server reports, then converts the
// offsets to UTF-8 bytes and prints each response as proto3 JSON, one per line, in the order
// clients/interop/run.sh expects from the C# command line.
//   node interop.js FILE...      (server: $GRPCNLP_SERVER)

import { readFileSync } from "node:fs";
import { toJson } from "@bufbuild/protobuf";
import { createGrpcNlpClient, NormalizationProfile, spanText } from "./src/client.js";
import { AnalyzeResponseSchema } from "./gen/grpcnlp/v1/analysis_pb.js";
import { ExtractEntitiesResponseSchema } from "./gen/grpcnlp/v1/entities_pb.js";
import { NormalizeResponseSchema } from "./gen/grpcnlp/v1/normalization_pb.js";
import { SummarizeResponseSchema } from "./gen/grpcnlp/v1/summarization_pb.js";
import { TokenizeResponseSchema } from "./gen/grpcnlp/v1/tokenization_pb.js";

const SUMMARY_SENTENCES = 3; // the command line's default

// The documents as the command line reads them: UTF-8 without a byte order mark, the path as
// the id, a repeated path made unique with #2, #3...
const documents = [];
for (const path of process.argv.slice(2)) {
  let id = path;
  for (let n = 2; documents.some((d) => d.id === id); n++) id = `${path}#${n}`;
  documents.push({ id, text: readFileSync(path, "utf8").replace(/^\uFEFF/, "") });
}
if (documents.length === 0) {
  console.error("usage: node interop.js FILE...");
  process.exit(2);
}

/** Maps UTF-16 offsets of `text` to UTF-8 byte offsets. */
function utf8Offsets(text) {
  const table = new Array(text.length + 1);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = bytes;
    const unit = text.charCodeAt(i);
    // A surrogate pair is 4 UTF-8 bytes, counted on its high half; the low half adds none.
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : unit >= 0xd800 && unit <= 0xdbff ? 4 : unit >= 0xdc00 && unit <= 0xdfff ? 0 : 3;
  }
  table[text.length] = bytes;
  return (offset) => {
    const value = table[Number(offset)];
    if (value === undefined) throw new Error(`offset ${offset} is outside a text of ${text.length} UTF-16 units`);
    return value;
  };
}

/** Checks every span with a surface `text` against the JavaScript string, then rewrites all spans to UTF-8. */
function checkAndConvert(json, text, where) {
  const toUtf8 = utf8Offsets(text);
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== "object") return;
    if (node.span && typeof node.text === "string") {
      const sliced = text.slice(Number(node.span.begin), Number(node.span.end));
      if (sliced !== node.text) throw new Error(`${where}: span ${node.span.begin}..${node.span.end} slices "${sliced}", the server says "${node.text}"`);
    }
    if ("begin" in node && "end" in node && Object.keys(node).length === 2) {
      node.begin = String(toUtf8(node.begin));
      node.end = String(toUtf8(node.end));
      return;
    }
    Object.values(node).forEach(walk);
  };
  walk(json);
  return json;
}

function print(json) {
  process.stdout.write(JSON.stringify(json) + "\n");
}

const options = { alwaysEmitImplicit: true };
const client = createGrpcNlpClient();
try {
  for (const d of documents) {
    const response = await client.normalize(d.text, { id: d.id, options: { profile: NormalizationProfile.DISPLAY } });
    // Rebuild the normalized text from the original and the edits, in UTF-16.
    let rebuilt = "";
    let position = 0;
    for (const edit of response.edits) {
      rebuilt += d.text.slice(position, Number(edit.original.begin)) + spanText(response.normalizedText, edit.normalized);
      position = Number(edit.original.end);
    }
    if (rebuilt + d.text.slice(position) !== response.normalizedText) throw new Error(`normalize ${d.id}: the edits do not rebuild the normalized text`);
    const json = toJson(NormalizeResponseSchema, response, options);
    const originalToUtf8 = utf8Offsets(d.text);
    const normalizedToUtf8 = utf8Offsets(response.normalizedText);
    for (const edit of json.edits) {
      edit.original = { begin: String(originalToUtf8(edit.original.begin)), end: String(originalToUtf8(edit.original.end)) };
      edit.normalized = { begin: String(normalizedToUtf8(edit.normalized.begin)), end: String(normalizedToUtf8(edit.normalized.end)) };
    }
    print(json);
  }
  for (const d of documents) {
    print(checkAndConvert(toJson(TokenizeResponseSchema, await client.tokenize(d.text, { id: d.id }), options), d.text, `tokenize ${d.id}`));
  }
  for (const d of documents) {
    print(checkAndConvert(toJson(ExtractEntitiesResponseSchema, await client.extractEntities(d.text, { id: d.id }), options), d.text, `extractEntities ${d.id}`));
  }
  {
    const json = toJson(SummarizeResponseSchema, await client.summarize(documents, { maxSentences: SUMMARY_SENTENCES }), options);
    for (const sentence of json.sentences) checkAndConvert(sentence, documents[sentence.documentIndex].text, "summarize");
    print(json);
  }
  for (const d of documents) {
    const response = await client.analyze(d.text, { id: d.id, maxSentences: SUMMARY_SENTENCES });
    print(checkAndConvert(toJson(AnalyzeResponseSchema, response, options), d.text, `analyze ${d.id}`));
  }
  // At least two documents, as the command line needs to use the stream: one file goes twice.
  const streamed = documents.length >= 2 ? documents : [...documents, { ...documents[0], id: `${documents[0].id}#2` }];
  for await (const result of client.extractEntitiesBatch(streamed)) {
    const d = streamed.find((doc) => doc.id === result.documentId);
    if (!d) throw new Error(`streamExtractEntities: unknown document id ${result.documentId}`);
    print(checkAndConvert(toJson(ExtractEntitiesResponseSchema, result, options), d.text, `streamExtractEntities ${d.id}`));
  }
} catch (error) {
  console.error(`node interop: ${error.message}`);
  process.exitCode = 1;
} finally {
  client.close();
}
