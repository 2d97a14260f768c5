namespace GrpcNlp.Core.Summarization;

/// <summary>
/// The per-sentence features a learned scorer weighs (<see cref="LinearSentenceScorer"/>), each
/// in [0, 1] and computed within the sentence's own document.
/// </summary>
/// <remarks>
/// The order is the order of a scorer's weights: append new features at the end and retrain
/// (<c>train-summarizer</c> in the evaluation program), never reorder.
/// </remarks>
internal static class SentenceFeatures
{
    /// <summary>Feature names, in weight order (written next to the weights they belong to).</summary>
    public static readonly string[] Names =
    [
        "lead",            // (1 + position)^-0.5
        "first",           // the document's first sentence
        "second",          // its second sentence
        "relative",        // position / (sentences - 1)
        "paragraph",       // opens a paragraph (text after a line break)
        "centrality",      // PageRank over the similarity graph, divided by the document's highest
        "near_first",      // TF-IDF cosine to the document's first sentence
        "centroid",        // TF-IDF cosine to the document's centroid
        "length",          // content words / 30, capped at 1
        "short",           // fewer than four content words
        "numbers",         // share of numbers among the word and number tokens
    ];

    /// <summary>Number of features.</summary>
    public static int Count => Names.Length;

    /// <summary>Length in content words at which the length feature saturates.</summary>
    private const float LongSentenceWords = 30f;

    /// <summary>Fills <paramref name="row"/> with the features of one sentence.</summary>
    /// <param name="sentence">The sentence.</param>
    /// <param name="first">Its document's first sentence.</param>
    /// <param name="centrality">Its PageRank divided by the highest of its document, in [0, 1].</param>
    /// <param name="centroid">Its cosine to its document's centroid.</param>
    /// <param name="row">Receives <see cref="Count"/> values.</param>
    public static void Compute(ExtractiveSummarizer.SentenceInfo sentence, ExtractiveSummarizer.SentenceInfo first, float centrality, float centroid, Span<float> row)
    {
        int position = sentence.Position;
        int words = sentence.TermCount;
        row[0] = MathF.Pow(1f + position, -0.5f);
        row[1] = position == 0 ? 1f : 0f;
        row[2] = position == 1 ? 1f : 0f;
        row[3] = sentence.DocumentSentences > 1 ? position / (float)(sentence.DocumentSentences - 1) : 0f;
        row[4] = sentence.ParagraphStart ? 1f : 0f;
        row[5] = centrality;
        row[6] = position == 0 ? 1f : ExtractiveSummarizer.Cosine(sentence, first);
        row[7] = centroid;
        row[8] = Math.Min(1f, words / LongSentenceWords);
        row[9] = words < 4 ? 1f : 0f;
        row[10] = sentence.WordsAndNumbers > 0 ? sentence.Numbers / (float)sentence.WordsAndNumbers : 0f;
    }
}
