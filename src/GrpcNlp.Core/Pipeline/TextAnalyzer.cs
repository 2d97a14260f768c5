using GrpcNlp.Core.Normalization;

namespace GrpcNlp.Core.Pipeline;

/// <summary>Detects the language, tokenizes, normalizes tokens and segments sentences.</summary>
public sealed class TextAnalyzer
{
    /// <summary>Analyzes <paramref name="text"/>; <paramref name="language"/> empty means detect.</summary>
    public AnalyzedText Analyze(string text, string language, NormalizationOptions tokenNormalization) => throw new NotImplementedException();
}
