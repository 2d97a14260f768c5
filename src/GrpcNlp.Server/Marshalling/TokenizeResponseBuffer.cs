namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// A <see cref="V1.TokenizeResponse"/> held as lists of plain values and written straight to the
/// wire, byte for byte what the generated serializer writes for the same message (see
/// <see cref="ProtoSize"/>). Unary Tokenize over gRPC answers with this (<see cref="TokenizeMethod"/>):
/// tokens (field 3) and sentences (field 4) are a <see cref="DocumentTokenList"/> instead of a
/// message per token. Write-only: clients parse these bytes with the generated
/// <see cref="V1.TokenizeResponse"/>. Pooled (<see cref="DocumentResponseBuffer{TSelf}.Rent"/>).
/// </summary>
internal sealed class TokenizeResponseBuffer : DocumentResponseBuffer<TokenizeResponseBuffer>
{
    /// <summary>The LLM token counts of the whole text (field 5).</summary>
    public List<(V1.LlmEncoding Encoding, int Count)> LlmTokenCounts { get; } = [];

    /// <inheritdoc />
    public override void Clear()
    {
        base.Clear();
        LlmTokenCounts.Clear();
    }

    /// <inheritdoc />
    protected override int SizeFields()
    {
        int size = TokenList.CalculateSize();
        foreach ((V1.LlmEncoding encoding, int value) in LlmTokenCounts)
        {
            size += ProtoSize.Delimited(TokenFields.LlmTokenCountSize(encoding, value));
        }

        return size;
    }

    /// <inheritdoc />
    protected override void WriteFields(ref ProtoWriter output)
    {
        TokenList.WriteTokens(ref output, ProtoWriter.TagField3Delimited);
        TokenList.WriteSentences(ref output, ProtoWriter.TagField4Delimited);
        foreach ((V1.LlmEncoding encoding, int value) in LlmTokenCounts)
        {
            TokenFields.WriteLlmTokenCount(ref output, ProtoWriter.TagField5Delimited, encoding, value);
        }
    }
}
