"""Tests against a live server: GRPCNLP_SERVER=127.0.0.1:5080 /usr/bin/python3 -m unittest -v

Every span the server returns must slice the Python string that was sent (code points), on
a text with Arabic diacritics, a shadda, emoji outside the BMP, a ZWJ sequence and a flag.
"""

import os
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import grpc  # noqa: E402

from grpcnlp_client import (  # noqa: E402
    GrpcNlpClient, entities_pb2, normalization_pb2, span_text, text_pb2, tokenization_pb2)

SERVER = os.environ.get("GRPCNLP_SERVER")

# Written for these tests: a minister's visit, with emoji between words.
TEXT = ("زارَ الوزيرُ سامي العلي 😀 مدينةَ عمّان يوم 3 مارس/آذار 2024 👩‍💻 مع وفد من الأمم المتحدة. "
        "وقال إنّ الزيارة ناجحة 🇯🇴 وستتكرر قريبا.")


@unittest.skipUnless(SERVER, "GRPCNLP_SERVER is not set: start a server and set it, e.g. GRPCNLP_SERVER=127.0.0.1:5080")
class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.client = GrpcNlpClient(SERVER)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.client.close()

    def test_text_has_characters_outside_the_bmp(self) -> None:
        self.assertGreater(len(TEXT.encode("utf-16-le")) // 2, len(TEXT))

    def test_tokenize_spans_slice_the_string(self) -> None:
        response = self.client.tokenize(TEXT)
        self.assertEqual(response.language, "ar")
        self.assertGreater(len(response.tokens), 20)
        previous_end = 0
        for token in response.tokens:
            self.assertEqual(span_text(TEXT, token.span), token.text)
            self.assertGreaterEqual(token.span.begin, previous_end)
            previous_end = token.span.end
        emoji = [t.text for t in response.tokens if t.type == tokenization_pb2.TOKEN_TYPE_EMOJI]
        self.assertEqual(emoji, ["😀", "👩‍💻", "🇯🇴"])
        self.assertEqual(len(response.sentences), 2)
        for sentence in response.sentences:
            first = response.tokens[sentence.first_token]
            last = response.tokens[sentence.first_token + sentence.token_count - 1]
            self.assertEqual((sentence.span.begin, sentence.span.end), (first.span.begin, last.span.end))
        self.assertTrue(span_text(TEXT, response.sentences[1].span).startswith("وقال"))

    def test_extract_entities_mentions_slice_the_string(self) -> None:
        response = self.client.extract_entities(TEXT)
        self.assertGreater(len(response.mentions), 0)
        for mention in response.mentions:
            self.assertEqual(span_text(TEXT, mention.span), mention.text)
        for index, entity in enumerate(response.entities):
            for m in entity.mention_indices:
                self.assertEqual(response.mentions[m].entity_index, index)

        def of_type(entity_type: int) -> list[str]:
            return [m.text for m in response.mentions if m.type == entity_type]

        self.assertIn("سامي العلي", of_type(entities_pb2.ENTITY_TYPE_PERSON))
        self.assertIn("عمّان", of_type(entities_pb2.ENTITY_TYPE_LOCATION))

    def test_normalize_edits_rebuild_the_normalized_text(self) -> None:
        options = normalization_pb2.NormalizationOptions(profile=normalization_pb2.NORMALIZATION_PROFILE_SEARCH)
        response = self.client.normalize(TEXT, options)
        self.assertNotEqual(response.normalized_text, TEXT)
        self.assertNotIn("\u064e", response.normalized_text, "SEARCH removes the fatha")
        # Text between edits is unchanged, so original pieces and edit replacements rebuild it.
        rebuilt, position = [], 0
        for edit in response.edits:
            rebuilt.append(TEXT[position:edit.original.begin])
            rebuilt.append(span_text(response.normalized_text, edit.normalized))
            position = edit.original.end
        rebuilt.append(TEXT[position:])
        self.assertEqual("".join(rebuilt), response.normalized_text)

    def test_summarize_sentences_slice_their_document(self) -> None:
        documents = [text_pb2.Document(id="a", text=TEXT),
                     text_pb2.Document(id="b", text="وصل الوفد 🙂 إلى عمّان صباحا. واستمرت الزيارة يومين.")]
        response = self.client.summarize(documents, max_sentences=3)
        self.assertEqual(response.total_sentences, 4)
        self.assertEqual(len(response.sentences), 3)
        for sentence in response.sentences:
            document = documents[sentence.document_index]
            self.assertEqual(sentence.document_id, document.id)
            self.assertEqual(span_text(document.text, sentence.span), sentence.text)

    def test_analyze_spans_slice_the_string(self) -> None:
        response = self.client.analyze(TEXT)
        for item in [*response.tokens, *response.mentions, *response.summary]:
            self.assertEqual(span_text(TEXT, item.span), item.text)
        self.assertGreater(len(response.mentions), 0)
        self.assertGreater(len(response.summary), 0)

    def test_tokenize_stream_equals_unary(self) -> None:
        unary = self.client.tokenize(TEXT)
        chunks = [TEXT[i:i + 7] for i in range(0, len(TEXT), 7)]
        streamed = [t for piece in self.client.tokenize_stream(chunks) for t in piece.tokens]
        self.assertEqual([(t.text, t.span.begin, t.span.end) for t in streamed],
                         [(t.text, t.span.begin, t.span.end) for t in unary.tokens])

    def test_extract_entities_batch_answers_in_order(self) -> None:
        documents = [text_pb2.Document(id="first", text=TEXT),
                     text_pb2.Document(id="second", text="التقى سامي العلي 😀 وزير الخارجية.")]
        texts = {d.id: d.text for d in documents}
        ids = []
        for result in self.client.extract_entities_batch(documents):
            ids.append(result.document_id)
            for mention in result.mentions:
                self.assertEqual(span_text(texts[result.document_id], mention.span), mention.text)
        self.assertEqual(ids, ["first", "second"])

    def test_malformed_language_is_invalid_argument(self) -> None:
        with self.assertRaises(grpc.RpcError) as raised:
            self.client.tokenize(TEXT, language="not a tag!")
        self.assertEqual(raised.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)


if __name__ == "__main__":
    unittest.main()
