namespace GrpcNlp.Core.Summarization;

/// <summary>Weights of a sentence's score, chosen per language of its document.</summary>
/// <param name="Centrality">Share of centrality against the lead prior (the two sum to 1).</param>
/// <param name="LeadDecay">Exponent of the lead prior <c>(1 + position)^-LeadDecay</c>: higher favours the opening more.</param>
/// <param name="FirstSentence">Weight of the cosine to the document's first sentence.</param>
/// <param name="ParagraphStart">Bonus of a sentence that opens a paragraph.</param>
/// <remarks>
/// Chosen by hand on the even half of the summarization evaluation only (docs/summarization.md).
/// Arabic and English documents are scored by learned scorers instead (<see cref="LinearSentenceScorer"/>);
/// these weights score the other languages, and any language a summarizer is given no scorer for.
/// English news (BBC) summaries follow centrality; Arabic articles (EASC) follow the lead, and
/// their lines are hard-wrapped, so a line break says nothing about paragraphs.
/// </remarks>
internal sealed record ScoringWeights(float Centrality, float LeadDecay, float FirstSentence, float ParagraphStart)
{
    /// <summary>English (without its learned scorer) and other languages.</summary>
    public static ScoringWeights Default { get; } = new(0.35f, 0.5f, 0.2f, 0.15f);

    /// <summary>Arabic: the lead prior alone.</summary>
    public static ScoringWeights Arabic { get; } = new(0f, 0.5f, 0f, 0f);

    /// <summary>The weights for a primary language tag (e.g. <c>ar</c>).</summary>
    public static ScoringWeights For(string language) =>
        language.StartsWith("ar", StringComparison.OrdinalIgnoreCase) ? Arabic : Default;
}
