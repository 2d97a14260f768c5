using System.Runtime.CompilerServices;
using GrpcNlp.Core.Languages;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Pipeline;

/// <summary>Detects the language, tokenizes, normalizes tokens and segments sentences.</summary>
/// <remarks>
/// Thread-safe and stateless apart from a cache of one <see cref="TextNormalizer"/> per
/// <see cref="NormalizationOptions"/> instance, so callers that reuse their options object
/// (the usual case: presets such as <see cref="NormalizationOptions.Search"/>) build it once.
/// </remarks>
public sealed class TextAnalyzer
{
    private static readonly ConditionalWeakTable<NormalizationOptions, TextNormalizer> s_normalizers = [];

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

        TextNormalizer normalizer = s_normalizers.GetValue(tokenNormalization, static options => new TextNormalizer(options));
        string[] norms = new string[tokens.Count];
        for (int i = 0; i < norms.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Token token = tokens[i];
            norms[i] = normalizer.NormalizeToString(text.AsSpan(token.Span.Start, token.Span.Length));
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Language-specific sentence rules follow the requested language only, not a detected one:
        // a stream cannot detect before it segments, and both calls must agree.
        IReadOnlyList<Sentence> sentences = _segmenter.Segment(text, tokens, language);
        return new AnalyzedText(text, resolved, tokens, norms, sentences);
    }
}
