namespace GrpcNlp.Core.Summarization;

/// <summary>A summary.</summary>
/// <param name="Sentences">The chosen sentences, in the requested order.</param>
/// <param name="TotalSentences">Number of sentences considered.</param>
public sealed record SummaryResult(IReadOnlyList<SummarySentence> Sentences, int TotalSentences)
{
    /// <summary>The keyphrases asked for with <see cref="SummaryOptions.KeyphraseCount"/>, best first.</summary>
    public IReadOnlyList<Keyphrase> Keyphrases { get; init; } = [];
}
