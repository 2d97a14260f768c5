namespace GrpcNlp.Core.Summarization;

/// <summary>The order of the chosen sentences.</summary>
public enum SummaryOrder
{
    /// <summary>In document order.</summary>
    Document,

    /// <summary>By descending score.</summary>
    Score,
}
