using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Pipeline;

/// <summary>A text with its language, tokens, each token's normalized form, and sentences.</summary>
public sealed class AnalyzedText
{
    /// <summary>Creates an analyzed text from its layers.</summary>
    public AnalyzedText(string text, string language, IReadOnlyList<Token> tokens, IReadOnlyList<string> tokenNorms, IReadOnlyList<Sentence> sentences)
    {
        Text = text;
        Language = language;
        Tokens = tokens;
        TokenNorms = tokenNorms;
        Sentences = sentences;
    }

    /// <summary>The original text.</summary>
    public string Text { get; }

    /// <summary>The language ("ar", "en", or another primary subtag, "und" if unknown).</summary>
    public string Language { get; }

    /// <summary>The tokens in text order.</summary>
    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>The normalized form of each token, parallel to <see cref="Tokens"/>.</summary>
    public IReadOnlyList<string> TokenNorms { get; }

    /// <summary>The sentences in text order.</summary>
    public IReadOnlyList<Sentence> Sentences { get; }
}
