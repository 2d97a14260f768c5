using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tokenization;

/// <summary>A sentence: its span from first to last token, and its token range.</summary>
/// <param name="Span">The sentence's span in the original text (UTF-16).</param>
/// <param name="FirstToken">Index of its first token.</param>
/// <param name="TokenCount">Number of its tokens.</param>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount);
