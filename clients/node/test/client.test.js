// Tests against a live server: GRPCNLP_SERVER=http://127.0.0.1:5080 npm test
// Every span the server returns must slice the JavaScript string that was sent (UTF-16 code
// units), on a text with Arabic diacritics, a shadda, emoji outside the BMP (surrogate
// pairs), a ZWJ sequence and a flag.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Code, ConnectError } from "@connectrpc/connect";
import { createGrpcNlpClient, EntityType, NormalizationProfile, spanText, TokenType } from "../src/client.js";

const server = process.env.GRPCNLP_SERVER;
const skip = server ? false : "GRPCNLP_SERVER is not set: start a server and set it, e.g. GRPCNLP_SERVER=http://127.0.0.1:5080";

// Written for these tests: a minister's visit, with emoji between words.
const TEXT =
  "زارَ الوزيرُ سامي العلي 😀 مدينةَ عمّان يوم 3 مارس/آذار 2024 👩‍💻 مع وفد من الأمم المتحدة. " +
  "وقال إنّ الزيارة ناجحة 🇯🇴 وستتكرر قريبا.";

describe("GrpcNlp Node.js client", { skip }, () => {
  let client;
  before(() => {
    client = createGrpcNlpClient(server);
  });
  after(() => client?.close());

  test("the test text has characters outside the BMP, so UTF-16 differs from code points", () => {
    assert.ok(TEXT.length > [...TEXT].length);
  });

  test("tokenize: every token and sentence span slices the JavaScript string", async () => {
    const response = await client.tokenize(TEXT);
    assert.equal(response.language, "ar");
    assert.ok(response.tokens.length > 20);
    let previousEnd = 0;
    for (const token of response.tokens) {
      assert.equal(spanText(TEXT, token.span), token.text);
      assert.ok(Number(token.span.begin) >= previousEnd, "tokens are in text order and do not overlap");
      previousEnd = Number(token.span.end);
    }
    const emoji = response.tokens.filter((t) => t.type === TokenType.EMOJI).map((t) => t.text);
    assert.deepEqual(emoji, ["😀", "👩‍💻", "🇯🇴"]);
    assert.equal(response.sentences.length, 2);
    for (const sentence of response.sentences) {
      const first = response.tokens[sentence.firstToken];
      const last = response.tokens[sentence.firstToken + sentence.tokenCount - 1];
      assert.equal(sentence.span.begin, first.span.begin);
      assert.equal(sentence.span.end, last.span.end);
    }
    assert.ok(spanText(TEXT, response.sentences[1].span).startsWith("وقال"));
  });

  test("extractEntities: mentions slice the string and entities point at their mentions", async () => {
    const response = await client.extractEntities(TEXT);
    assert.ok(response.mentions.length > 0);
    for (const mention of response.mentions) {
      assert.equal(spanText(TEXT, mention.span), mention.text);
    }
    for (const [index, entity] of response.entities.entries()) {
      for (const m of entity.mentionIndices) {
        assert.equal(response.mentions[m].entityIndex, index);
      }
    }
    const byType = (type) => response.mentions.filter((m) => m.type === type).map((m) => m.text);
    assert.ok(byType(EntityType.PERSON).includes("سامي العلي"));
    assert.ok(byType(EntityType.LOCATION).includes("عمّان"));
  });

  test("normalize: the edits rebuild the normalized text from the original", async () => {
    const response = await client.normalize(TEXT, { options: { profile: NormalizationProfile.SEARCH } });
    assert.notEqual(response.normalizedText, TEXT);
    assert.ok(!response.normalizedText.includes("\u064E"), "SEARCH removes the fatha");
    // Text between edits is unchanged, so original pieces and edit replacements rebuild it.
    let rebuilt = "";
    let position = 0;
    for (const edit of response.edits) {
      rebuilt += TEXT.slice(position, Number(edit.original.begin)) + spanText(response.normalizedText, edit.normalized);
      position = Number(edit.original.end);
    }
    rebuilt += TEXT.slice(position);
    assert.equal(rebuilt, response.normalizedText);
  });

  test("summarize: each summary sentence slices its own document", async () => {
    const documents = [
      { id: "a", text: TEXT },
      { id: "b", text: "وصل الوفد 🙂 إلى عمّان صباحا. واستمرت الزيارة يومين." },
    ];
    const response = await client.summarize(documents, { maxSentences: 3 });
    assert.equal(response.totalSentences, 4);
    assert.equal(response.sentences.length, 3);
    for (const sentence of response.sentences) {
      assert.equal(sentence.documentId, documents[sentence.documentIndex].id);
      assert.equal(spanText(documents[sentence.documentIndex].text, sentence.span), sentence.text);
    }
  });

  test("analyze: tokens, mentions and summary slice the string", async () => {
    const response = await client.analyze(TEXT);
    for (const token of response.tokens) assert.equal(spanText(TEXT, token.span), token.text);
    for (const mention of response.mentions) assert.equal(spanText(TEXT, mention.span), mention.text);
    for (const sentence of response.summary) assert.equal(spanText(TEXT, sentence.span), sentence.text);
    assert.ok(response.mentions.length > 0 && response.summary.length > 0);
  });

  test("tokenizeStream: chunks cut anywhere between code points give the unary tokens", async () => {
    const unary = await client.tokenize(TEXT);
    const codePoints = [...TEXT];
    const chunks = [];
    for (let i = 0; i < codePoints.length; i += 7) chunks.push(codePoints.slice(i, i + 7).join(""));
    const streamed = [];
    for await (const piece of client.tokenizeStream(chunks)) streamed.push(...piece.tokens);
    assert.deepEqual(
      streamed.map((t) => [t.text, Number(t.span.begin), Number(t.span.end)]),
      unary.tokens.map((t) => [t.text, Number(t.span.begin), Number(t.span.end)]),
    );
  });

  test("extractEntitiesBatch: one answer per document, in order, with its id", async () => {
    const documents = [
      { id: "first", text: TEXT },
      { id: "second", text: "التقى سامي العلي 😀 وزير الخارجية." },
    ];
    const ids = [];
    for await (const result of client.extractEntitiesBatch(documents)) {
      ids.push(result.documentId);
      const text = documents.find((d) => d.id === result.documentId).text;
      for (const mention of result.mentions) assert.equal(spanText(text, mention.span), mention.text);
    }
    assert.deepEqual(ids, ["first", "second"]);
  });

  test("a malformed language tag is INVALID_ARGUMENT", async () => {
    await assert.rejects(client.tokenize(TEXT, { language: "not a tag!" }), (error) => {
      assert.ok(error instanceof ConnectError);
      assert.equal(error.code, Code.InvalidArgument);
      return true;
    });
  });
});
