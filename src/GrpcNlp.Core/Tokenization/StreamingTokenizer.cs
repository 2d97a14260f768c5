namespace GrpcNlp.Core.Tokenization;

/// <summary>
/// Tokenizes a text arriving in chunks cut anywhere; holds back only the unfinished tail.
/// Concatenated output equals the unary tokenization of the concatenated input.
/// </summary>
public sealed class StreamingTokenizer
{
    /// <summary>Creates a streaming tokenizer for a language (BCP-47; "" to detect).</summary>
    public StreamingTokenizer(string language) => throw new NotImplementedException();

    /// <summary>Adds a chunk; returns what became final. With <paramref name="isFinalBlock"/> everything is flushed.</summary>
    public TokenChunk Push(ReadOnlySpan<char> chunk, bool isFinalBlock) => throw new NotImplementedException();
}
