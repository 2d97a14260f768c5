using System.Text;
using Google.Protobuf;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// A <see cref="V1.AnalyzeResponse"/> held as plain values and written straight to the wire,
/// byte for byte what the generated serializer writes for the same message. Analyze over gRPC
/// answers with this (<see cref="AnalyzeMethod"/>): the tokens (field 4) and sentences (field 5),
/// the part that grows with every word, are a <see cref="DocumentTokenList"/> instead of a
/// message per token; the mentions, entities and summary sentences (a few per document) stay
/// generated messages. Write-only: clients parse these bytes with the generated
/// <see cref="V1.AnalyzeResponse"/>. Pooled (<see cref="DocumentResponseBuffer{TSelf}.Rent"/>).
/// </summary>
internal sealed class AnalyzeResponseBuffer : DocumentResponseBuffer<AnalyzeResponseBuffer>
{
    // From the last CalculateSize, for the write: the size of each mention, entity and summary sentence.
    private readonly List<int> _messageSizes = [];
    private int _normalizedTextBytes;

    /// <summary>The normalized text (field 3).</summary>
    public string NormalizedText { get; set; } = string.Empty;

    /// <summary>The entity mentions (field 6).</summary>
    public List<V1.EntityMention> Mentions { get; } = [];

    /// <summary>The entities (field 7).</summary>
    public List<V1.Entity> Entities { get; } = [];

    /// <summary>The summary sentences (field 8).</summary>
    public List<V1.SummarySentence> Summary { get; } = [];

    /// <inheritdoc />
    public override void Clear()
    {
        base.Clear();
        NormalizedText = string.Empty;
        Mentions.Clear();
        Entities.Clear();
        Summary.Clear();
        _messageSizes.Clear();
    }

    /// <inheritdoc />
    protected override int SizeFields()
    {
        _normalizedTextBytes = Encoding.UTF8.GetByteCount(NormalizedText);
        _messageSizes.Clear();
        return ProtoSize.String(_normalizedTextBytes) + TokenList.CalculateSize() + SizeAll(Mentions) + SizeAll(Entities) + SizeAll(Summary);
    }

    /// <inheritdoc />
    protected override void WriteFields(ref ProtoWriter output)
    {
        output.String(ProtoWriter.TagField3Delimited, NormalizedText, _normalizedTextBytes);
        TokenList.WriteTokens(ref output, ProtoWriter.TagField4Delimited);
        TokenList.WriteSentences(ref output, ProtoWriter.TagField5Delimited);
        int next = 0;
        WriteAll(ref output, ProtoWriter.TagField6Delimited, Mentions, ref next);
        WriteAll(ref output, ProtoWriter.TagField7Delimited, Entities, ref next);
        WriteAll(ref output, ProtoWriter.TagField8Delimited, Summary, ref next);
    }

    private int SizeAll<T>(List<T> messages)
        where T : IMessage
    {
        int size = 0;
        foreach (T message in messages)
        {
            int messageSize = message.CalculateSize();
            _messageSizes.Add(messageSize);
            size += ProtoSize.Delimited(messageSize);
        }

        return size;
    }

    private void WriteAll<T>(ref ProtoWriter output, byte tag, List<T> messages, ref int next)
        where T : IMessage
    {
        foreach (T message in messages)
        {
            output.Message(tag, message, _messageSizes[next++]);
        }
    }
}
