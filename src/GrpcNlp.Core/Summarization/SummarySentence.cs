using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Summarization;

/// <summary>A sentence chosen for a summary.</summary>
/// <param name="DocumentIndex">Index of its document.</param>
/// <param name="SentenceIndex">Index of the sentence in its document.</param>
/// <param name="Span">The sentence's span in its document (UTF-16).</param>
/// <param name="Score">Its score; higher is more central.</param>
public sealed record SummarySentence(int DocumentIndex, int SentenceIndex, TextSpan Span, float Score);
