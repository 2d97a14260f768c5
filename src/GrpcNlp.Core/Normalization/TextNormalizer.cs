using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Normalization;

/// <summary>Normalizes text per <see cref="NormalizationOptions"/>, keeping the alignment to the original.</summary>
public sealed class TextNormalizer
{
    /// <summary>Creates a normalizer for the given options; immutable and thread-safe.</summary>
    public TextNormalizer(NormalizationOptions options) => Options = options;

    /// <summary>The options this normalizer applies.</summary>
    public NormalizationOptions Options { get; }

    /// <summary>Normalizes <paramref name="text"/> and returns the result with its edits.</summary>
    public NormalizedText Normalize(string text) => throw new NotImplementedException();

    /// <summary>Normalizes a short piece (a token) to a string, without alignment.</summary>
    public string NormalizeToString(ReadOnlySpan<char> text) => throw new NotImplementedException();
}
