namespace GrpcNlp.Core.Normalization;

/// <summary>
/// Normalizes a text that arrives in chunks cut anywhere (even between surrogates or between a
/// letter and its marks). It holds back only the unfinished tail, so memory stays bounded, and
/// the concatenated output equals <see cref="TextNormalizer.Normalize(string)"/> on the
/// concatenated input.
/// </summary>
public sealed class StreamingNormalizer
{
    /// <summary>Creates a streaming normalizer for the given options.</summary>
    public StreamingNormalizer(NormalizationOptions options) => throw new NotImplementedException();

    /// <summary>Adds a chunk; returns what became final. With <paramref name="isFinalBlock"/> everything is flushed.</summary>
    public NormalizedChunk Push(ReadOnlySpan<char> chunk, bool isFinalBlock) => throw new NotImplementedException();
}
