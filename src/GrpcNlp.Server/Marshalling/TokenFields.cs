using System.Runtime.InteropServices;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// The messages inside a token response that both hand-written writers share: a token's
/// segments (<see cref="V1.Segment"/>), a sentence (<see cref="V1.Sentence"/>) with its LLM
/// token counts (<see cref="V1.LlmTokenCount"/>), each sized and written as the generated
/// serializer does.
/// </summary>
internal static class TokenFields
{
    /// <summary>The payload of a segment.</summary>
    public static int SegmentSize(in SegmentEntry segment) =>
        ProtoSize.Delimited(ProtoSize.Span(segment.Begin, segment.End))
        + ProtoSize.String(segment.Text) + ProtoSize.String(segment.Form) + ProtoSize.Int32((int)segment.Role);

    /// <summary>A segment as field 6 of its token.</summary>
    public static void WriteSegment(ref ProtoWriter output, in SegmentEntry segment)
    {
        output.Reserve(ProtoWriter.MaxFixedFields);
        output.Delimited(ProtoWriter.TagField6Delimited, SegmentSize(segment));
        output.TextSpan(segment.Begin, segment.End);
        output.String(ProtoWriter.TagField2Delimited, segment.Text);
        output.String(ProtoWriter.TagField3Delimited, segment.Form);
        output.Int32(ProtoWriter.TagField4Varint, (int)segment.Role);
    }

    /// <summary>The payload of a sentence whose LLM token counts are <paramref name="counts"/>.</summary>
    public static int SentenceSize(in SentenceEntry sentence, ReadOnlySpan<(V1.LlmEncoding Encoding, int Count)> counts)
    {
        int size = ProtoSize.Delimited(ProtoSize.Span(sentence.Begin, sentence.End))
            + ProtoSize.Int32(sentence.FirstToken) + ProtoSize.Int32(sentence.TokenCount);
        foreach ((V1.LlmEncoding encoding, int count) in counts)
        {
            size += ProtoSize.Delimited(LlmTokenCountSize(encoding, count));
        }

        return size;
    }

    /// <summary>A sentence of <paramref name="size"/> bytes (<see cref="SentenceSize"/>) as the field <paramref name="tag"/> of its response.</summary>
    public static void WriteSentence(ref ProtoWriter output, byte tag, int size, in SentenceEntry sentence,
        ReadOnlySpan<(V1.LlmEncoding Encoding, int Count)> counts)
    {
        output.Reserve(ProtoWriter.MaxFixedFields);
        output.Delimited(tag, size);
        output.TextSpan(sentence.Begin, sentence.End);
        output.Int32(ProtoWriter.TagField2Varint, sentence.FirstToken);
        output.Int32(ProtoWriter.TagField3Varint, sentence.TokenCount);
        foreach ((V1.LlmEncoding encoding, int count) in counts)
        {
            WriteLlmTokenCount(ref output, ProtoWriter.TagField4Delimited, encoding, count);
        }
    }

    /// <summary>
    /// The size of <paramref name="sentences"/> as a repeated field with a one-byte tag, each with its
    /// LLM token counts from <paramref name="counts"/> (in sentence order); appends each sentence's
    /// size to <paramref name="sizes"/> for <see cref="WriteSentences"/>.
    /// </summary>
    public static int SizeSentences(List<SentenceEntry> sentences, List<(V1.LlmEncoding Encoding, int Count)> counts, List<int> sizes)
    {
        int size = 0;
        int count = 0;
        foreach (SentenceEntry sentence in sentences)
        {
            int sentenceSize = SentenceSize(sentence, CountsOf(counts, count, sentence.LlmTokenCountCount));
            count += sentence.LlmTokenCountCount;
            sizes.Add(sentenceSize);
            size += ProtoSize.Delimited(sentenceSize);
        }

        return size;
    }

    /// <summary>
    /// Writes <paramref name="sentences"/> as the field <paramref name="tag"/> of their response, their
    /// sizes read from <paramref name="sizes"/> at <paramref name="firstSize"/> on (see <see cref="SizeSentences"/>).
    /// </summary>
    public static void WriteSentences(ref ProtoWriter output, byte tag, List<SentenceEntry> sentences, List<(V1.LlmEncoding Encoding, int Count)> counts,
        List<int> sizes, int firstSize)
    {
        int count = 0;
        for (int i = 0; i < sentences.Count; i++)
        {
            SentenceEntry sentence = sentences[i];
            WriteSentence(ref output, tag, sizes[firstSize + i], sentence, CountsOf(counts, count, sentence.LlmTokenCountCount));
            count += sentence.LlmTokenCountCount;
        }
    }

    /// <summary>The payload of an LLM token count.</summary>
    public static int LlmTokenCountSize(V1.LlmEncoding encoding, int count) => ProtoSize.Int32((int)encoding) + ProtoSize.Int32(count);

    /// <summary>An LLM token count as the field <paramref name="tag"/> of its parent.</summary>
    public static void WriteLlmTokenCount(ref ProtoWriter output, byte tag, V1.LlmEncoding encoding, int count)
    {
        output.Reserve(ProtoWriter.MaxFixedFields);
        output.Delimited(tag, LlmTokenCountSize(encoding, count));
        output.Int32(ProtoWriter.TagField1Varint, (int)encoding);
        output.Int32(ProtoWriter.TagField2Varint, count);
    }

    /// <summary>The LLM token counts of the sentence that starts at <paramref name="first"/> in <paramref name="all"/>.</summary>
    public static ReadOnlySpan<(V1.LlmEncoding Encoding, int Count)> CountsOf(List<(V1.LlmEncoding Encoding, int Count)> all, int first, int count) =>
        CollectionsMarshal.AsSpan(all).Slice(first, count);
}
