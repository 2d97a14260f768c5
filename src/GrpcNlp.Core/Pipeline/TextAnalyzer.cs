using System.Collections.Concurrent;
using GrpcNlp.Core.Languages;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Pipeline;

/// <summary>Detects the language, tokenizes, normalizes tokens and segments sentences.</summary>
/// <remarks>
/// Thread-safe. Each token's normalized form comes from a bounded cache of forms per set of
/// options (equal options share one; at most <see cref="MaxCachedOptionSets"/> sets are
/// cached per analyzer), so a word seen before costs a lookup and no new string; tokens under
/// other options are normalized directly (a <see cref="TextNormalizer"/> is a thin handle on
/// rules built once per set of options).
/// </remarks>
public sealed class TextAnalyzer
{
    // A request may carry its own options: bound the caches such requests can create.
    internal const int MaxCachedOptionSets = 8;

    // NormalizationOptions is a record: equal options (a preset, or the same request options
    // resolved anew) find the same cache.
    private readonly ConcurrentDictionary<NormalizationOptions, NormalizedFormCache> _formCaches = new();
    private readonly Lock _formCachesLock = new();
    private volatile bool _formCachesFull;

    private readonly WordTokenizer _tokenizer = new();
    private readonly SentenceSegmenter _segmenter = new();

    /// <summary>Analyzes <paramref name="text"/>; <paramref name="language"/> empty means detect.</summary>
    /// <param name="text">The original text; every span of the result indexes it (UTF-16).</param>
    /// <param name="language">A BCP-47 tag whose primary subtag is used, or empty to detect it from the script.</param>
    /// <param name="tokenNormalization">How each token's normalized form is computed.</param>
    public AnalyzedText Analyze(string text, string language, NormalizationOptions tokenNormalization) =>
        Analyze(text, language, tokenNormalization, CancellationToken.None);

    /// <summary>Analyzes <paramref name="text"/>, checking <paramref name="cancellationToken"/> between stages and while normalizing tokens.</summary>
    /// <param name="text">The original text; every span of the result indexes it (UTF-16).</param>
    /// <param name="language">A BCP-47 tag whose primary subtag is used, or empty to detect it from the script.</param>
    /// <param name="tokenNormalization">How each token's normalized form is computed.</param>
    /// <param name="cancellationToken">Cancels a long analysis.</param>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public AnalyzedText Analyze(string text, string language, NormalizationOptions tokenNormalization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokenNormalization);
        string resolved = string.IsNullOrEmpty(language)
            ? LanguageDetector.Detect(text)
            : LanguageTag.PrimaryLanguage(language);

        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Token> tokens = _tokenizer.Tokenize(text);

        NormalizedFormCache? forms = FormCacheFor(tokenNormalization);
        TextNormalizer normalizer = forms?.Normalizer ?? new TextNormalizer(tokenNormalization);
        string[] norms = new string[tokens.Count];
        for (int i = 0; i < norms.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ReadOnlySpan<char> token = text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length);
            norms[i] = forms is not null ? forms.Normalize(token) : normalizer.NormalizeToString(token);
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Language-specific sentence rules follow the requested language only, not a detected one:
        // a stream cannot detect before it segments, and both calls must agree.
        IReadOnlyList<Sentence> sentences = _segmenter.Segment(text, tokens, language);
        return new AnalyzedText(text, resolved, tokens, norms, sentences);
    }

    /// <summary>The cache of forms for <paramref name="options"/>, or null once <see cref="MaxCachedOptionSets"/> other sets have one.</summary>
    internal NormalizedFormCache? FormCacheFor(NormalizationOptions options)
    {
        if (_formCaches.TryGetValue(options, out NormalizedFormCache? forms))
        {
            return forms;
        }

        if (_formCachesFull)
        {
            return null;
        }

        // Only a set of options not seen before gets here: the lock keeps the bound exact.
        lock (_formCachesLock)
        {
            if (_formCaches.TryGetValue(options, out forms))
            {
                return forms;
            }

            if (_formCaches.Count >= MaxCachedOptionSets)
            {
                _formCachesFull = true;
                return null;
            }

            forms = new NormalizedFormCache(new TextNormalizer(options));
            _formCaches[options] = forms;
            return forms;
        }
    }
}
