namespace GrpcNlp.Core.Summarization;

/// <summary>A summary.</summary>
/// <param name="Sentences">The chosen sentences, in the requested order.</param>
/// <param name="TotalSentences">Number of sentences considered.</param>
public sealed record SummaryResult(IReadOnlyList<SummarySentence> Sentences, int TotalSentences);
