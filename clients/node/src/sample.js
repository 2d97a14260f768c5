// Sample: tokens and entities of a file (or standard input), offsets in UTF-16 code units.
//   node src/sample.js [file]        (server: $GRPCNLP_SERVER, default http://127.0.0.1:5080)

import { readFileSync } from "node:fs";
import { createGrpcNlpClient, EntityType, spanText, TokenType } from "./client.js";

const path = process.argv[2];
const text = readFileSync(path && path !== "-" ? path : 0, "utf8");
const client = createGrpcNlpClient();
try {
  const tokens = await client.tokenize(text);
  console.log(`language: ${tokens.language}, tokens: ${tokens.tokens.length}, sentences: ${tokens.sentences.length}`);
  for (const token of tokens.tokens.slice(0, 10)) {
    console.log(`  ${TokenType[token.type].padEnd(11)} ${token.span.begin}..${token.span.end}\t${spanText(text, token.span)}`);
  }

  const { entities, mentions } = await client.extractEntities(text);
  console.log(`entities: ${entities.length}`);
  for (const entity of entities) {
    console.log(`  ${entity.canonicalName} (${EntityType[entity.type]}, salience ${entity.salience.toFixed(3)})`);
    for (const index of entity.mentionIndices) {
      const mention = mentions[index];
      const value = mention.normalizedValue ? `  = ${mention.normalizedValue}` : "";
      console.log(`      ${mention.span.begin}..${mention.span.end}\t${spanText(text, mention.span)}${value}`);
    }
  }
} catch (error) {
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
} finally {
  client.close();
}
