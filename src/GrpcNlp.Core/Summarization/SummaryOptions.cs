namespace GrpcNlp.Core.Summarization;

/// <summary>Bounds and preferences of a summary; the tightest bound wins.</summary>
public sealed record SummaryOptions
{
    /// <summary>Maximum number of sentences.</summary>
    public int MaxSentences { get; init; } = 3;

    /// <summary>Maximum share of all sentences in (0, 1]; 0 for no bound.</summary>
    public float Ratio { get; init; }

    /// <summary>Maximum total UTF-16 length of the chosen sentences; 0 for no bound.</summary>
    public int MaxCharacters { get; init; }

    /// <summary>Order of the chosen sentences.</summary>
    public SummaryOrder Order { get; init; } = SummaryOrder.Document;

    /// <summary>Redundancy weight in [0, 1]: higher avoids repetition more.</summary>
    public float RedundancyWeight { get; init; } = 0.1f;

    /// <summary>Number of keyphrases to extract along with the summary; 0 for none.</summary>
    public int KeyphraseCount { get; init; }
}
