namespace GrpcNlp.Core.Text;

/// <summary>
/// A normalized text together with its alignment to the original: every span of
/// <see cref="Normalized"/> maps back to a span of <see cref="Original"/>.
/// </summary>
public sealed class NormalizedText
{
    /// <summary>Creates a normalized text from its parts; edits are in text order.</summary>
    public NormalizedText(string original, string normalized, IReadOnlyList<TextEdit> edits)
    {
        Original = original;
        Normalized = normalized;
        Edits = edits;
    }

    /// <summary>The original text.</summary>
    public string Original { get; }

    /// <summary>The normalized text.</summary>
    public string Normalized { get; }

    /// <summary>The edits that turn <see cref="Original"/> into <see cref="Normalized"/>, in order.</summary>
    public IReadOnlyList<TextEdit> Edits { get; }

    /// <summary>Maps a span of the normalized text to the original, expanding to whole edits.</summary>
    public TextSpan ToOriginal(TextSpan normalizedSpan) => throw new NotImplementedException();

    /// <summary>Maps a span of the original text to the normalized text, contracting to whole edits.</summary>
    public TextSpan ToNormalized(TextSpan originalSpan) => throw new NotImplementedException();
}
