using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Tokenization;

/// <summary>A token: a span of the original text and its type.</summary>
/// <param name="Span">The token's span in the original text (UTF-16).</param>
/// <param name="Type">What kind of token it is.</param>
public readonly record struct Token(TextSpan Span, TokenType Type);
