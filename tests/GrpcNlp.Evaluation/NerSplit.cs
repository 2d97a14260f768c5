namespace GrpcNlp.Evaluation;

/// <summary>
/// The fixed development part carved from training files that have no official dev split.
/// Files with `-DOCSTART-` lines (CoNLL-2003 eng.train, 946 documents): the last 95 documents are
/// dev. Files without document markers (ANERcorp CAMeL Lab train, 3,973 sentences): the last 10%
/// of sentences, rounded down (ANERcorp: the last 397 sentences, from sentence 3,577 on, 1-based),
/// a contiguous tail in corpus order that approximates a document-level split.
/// </summary>
internal static class NerSplit
{
    public const int DocumentDevCount = 95;

    /// <summary>Selects the sentences of <paramref name="part"/>: "train", "dev" or "all".</summary>
    public static List<NerSentence> Select(List<NerSentence> sentences, string part)
    {
        if (part == "all")
        {
            return sentences;
        }

        int firstDev = FirstDevSentence(sentences);
        return part switch
        {
            "train" => sentences[..firstDev],
            "dev" => sentences[firstDev..],
            _ => throw new ArgumentException($"Unknown part '{part}': use train, dev or all.", nameof(part)),
        };
    }

    private static int FirstDevSentence(List<NerSentence> sentences)
    {
        int documents = sentences.Count == 0 ? 0 : sentences[^1].Document;
        if (documents > DocumentDevCount * 2)
        {
            int firstDevDocument = documents - DocumentDevCount + 1;
            return sentences.FindIndex(s => s.Document >= firstDevDocument);
        }

        return sentences.Count - (sentences.Count / 10);
    }
}
