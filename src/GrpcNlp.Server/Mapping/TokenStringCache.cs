using GrpcNlp.Core.Normalization;

namespace GrpcNlp.Server.Mapping;

/// <summary>
/// The strings of a stream's tokens: the surface and its normalized form, made once per
/// distinct short surface and reused for every later occurrence (looked up by the surface span,
/// so a recurring word costs neither a string nor a normalization). Bounded: past
/// <see cref="MaxEntries"/> distinct surfaces it starts afresh, so memory stays flat on text
/// with an open vocabulary. One per stream; not thread-safe.
/// </summary>
internal sealed class TokenStringCache
{
    /// <summary>Distinct surfaces held at most (about 1 MB of strings at the longest length).</summary>
    public const int MaxEntries = 8192;

    /// <summary>Longer tokens (URLs, long numbers) rarely recur and are not cached.</summary>
    public const int MaxTokenLength = 32;

    private readonly TextNormalizer _normalizer;
    private readonly Dictionary<string, string> _normalized = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    /// <summary>A cache whose normalized forms come from <paramref name="normalizer"/>.</summary>
    public TokenStringCache(TextNormalizer normalizer)
    {
        _normalizer = normalizer;
        _bySpan = _normalized.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Distinct surfaces held now.</summary>
    public int Count => _normalized.Count;

    /// <summary>
    /// The surface string of <paramref name="surface"/> and its normalized form (the same string
    /// when normalization changes nothing).
    /// </summary>
    public (string Text, string Normalized) Get(ReadOnlySpan<char> surface)
    {
        bool cacheable = surface.Length <= MaxTokenLength;
        if (cacheable && _bySpan.TryGetValue(surface, out string? text, out string? normalized))
        {
            return (text, normalized);
        }

        text = surface.ToString();
        normalized = _normalizer.NormalizeToString(text);
        if (cacheable)
        {
            if (_normalized.Count >= MaxEntries)
            {
                _normalized.Clear();
            }

            _normalized.Add(text, normalized);
        }

        return (text, normalized);
    }
}
