using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Normalization;

/// <summary>
/// The normalized forms of tokens under one <see cref="TextNormalizer"/>, kept so that a word
/// seen before costs one lookup by its span and no allocation. Thread-safe.
/// </summary>
/// <remarks>
/// Text is Zipfian: a few thousand words make most of the tokens of any document, so the
/// forms of the first <see cref="Capacity"/> distinct tokens seen are kept for the cache's
/// lifetime and later ones are normalized on every call (the segmenter's cache does the same).
/// Only tokens of at most <see cref="MaxTokenLength"/> chars are kept, which bounds the memory
/// held, and a token the normalizer leaves unchanged is stored as one string for key and form.
/// The result is always <see cref="TextNormalizer.NormalizeToString(ReadOnlySpan{char})"/>'s.
/// </remarks>
public sealed class NormalizedFormCache
{
    /// <summary>The default number of forms kept.</summary>
    public const int DefaultCapacity = 50_000;

    /// <summary>The longest token whose form is kept; longer ones (URLs, runs) rarely repeat.</summary>
    public const int MaxTokenLength = 32;

    private readonly KeptStrings<string> _forms;

    /// <summary>Creates an empty cache for <paramref name="normalizer"/>.</summary>
    /// <param name="normalizer">The normalizer whose forms are kept.</param>
    /// <param name="capacity">The most forms kept.</param>
    public NormalizedFormCache(TextNormalizer normalizer, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        Normalizer = normalizer;
        _forms = new KeptStrings<string>(capacity, MaxTokenLength);
    }

    /// <summary>The normalizer whose forms are kept.</summary>
    public TextNormalizer Normalizer { get; }

    /// <summary>The most forms kept.</summary>
    public int Capacity => _forms.Capacity;

    /// <summary>How many forms are kept now; never more than <see cref="Capacity"/>.</summary>
    public int Count => _forms.Count;

    /// <summary>The normalized form of <paramref name="token"/>, from the cache when it is there.</summary>
    /// <param name="token">The token's chars.</param>
    public string Normalize(ReadOnlySpan<char> token) =>
        token.Length > MaxTokenLength ? Normalizer.NormalizeToString(token) : Get(token).Normalized;

    /// <summary>
    /// The token as a string and its normalized form (the same string when normalization changes
    /// nothing); a kept token returns the strings of its first occurrence, so a recurring word
    /// allocates nothing.
    /// </summary>
    /// <param name="token">The token's chars.</param>
    public (string Text, string Normalized) Get(ReadOnlySpan<char> token)
    {
        if (_forms.TryGet(token, out string? text, out string? form))
        {
            return (text, form);
        }

        text = token.ToString();
        form = Normalizer.NormalizeToString(text);
        _forms.TryKeep(text, form);
        return (text, form);
    }
}
