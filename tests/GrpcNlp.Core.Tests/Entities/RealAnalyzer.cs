using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Tests.Entities;

/// <summary>Builds an analyzed text with the real tokenizer and sentence segmenter (norms folded here).</summary>
internal static class RealAnalyzer
{
    private static readonly WordTokenizer s_tokenizer = new();
    private static readonly SentenceSegmenter s_segmenter = new();

    public static AnalyzedText Analyze(string text, string language)
    {
        IReadOnlyList<Token> tokens = s_tokenizer.Tokenize(text);
        IReadOnlyList<Sentence> sentences = s_segmenter.Segment(text, tokens, language);
        string[] norms = tokens.Select(t => EntityText.Fold(text.AsSpan(t.Span.Start, t.Span.Length))).ToArray();
        return new AnalyzedText(text, language, tokens, norms, sentences);
    }
}
