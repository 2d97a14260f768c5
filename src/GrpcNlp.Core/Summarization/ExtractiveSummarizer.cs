using GrpcNlp.Core.Pipeline;

namespace GrpcNlp.Core.Summarization;

/// <summary>Graph-based extractive summarizer (TextRank over TF-IDF cosine, with MMR redundancy control).</summary>
public sealed class ExtractiveSummarizer
{
    /// <summary>Summarizes one or several analyzed documents into one summary.</summary>
    public SummaryResult Summarize(IReadOnlyList<AnalyzedText> documents, SummaryOptions options, CancellationToken cancellationToken) => throw new NotImplementedException();
}
