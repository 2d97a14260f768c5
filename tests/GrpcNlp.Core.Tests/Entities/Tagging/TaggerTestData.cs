using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Core.Tests.Entities.Tagging;

/// <summary>What the tagger's training and decoding tests share: a small training set, model bytes, tagging, and every label sequence.</summary>
internal static class TaggerTestData
{
    // Short sentences written for these tests: names in a few fixed frames.
    private static readonly (string[] Words, string[] Tags)[] s_sentences =
    [
        (["Minister", "Lina", "Haddad", "visited", "Tunis", "today", "."], ["O", "B-PER", "I-PER", "O", "B-LOC", "O", "O"]),
        (["Minister", "Omar", "Saleh", "visited", "Cairo", "today", "."], ["O", "B-PER", "I-PER", "O", "B-LOC", "O", "O"]),
        (["The", "Red", "Crescent", "sent", "aid", "to", "Amman", "."], ["O", "B-ORG", "I-ORG", "O", "O", "O", "B-LOC", "O"]),
        (["Lina", "Haddad", "met", "the", "Red", "Crescent", "in", "Cairo", "."], ["B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O"]),
        (["Omar", "Saleh", "left", "Tunis", "for", "Amman", "."], ["B-PER", "I-PER", "O", "B-LOC", "O", "B-LOC", "O"]),
        (["They", "watched", "the", "Desert", "Cup", "in", "Amman", "."], ["O", "O", "O", "B-MISC", "I-MISC", "O", "B-LOC", "O"]),
    ];

    /// <summary>The training sentences with their label ids.</summary>
    public static List<(string[] Words, int[] Labels)> Data() =>
        s_sentences.Select(s => (s.Words, s.Tags.Select(NerLabels.Parse).ToArray())).ToList();

    /// <summary>The model's file bytes.</summary>
    public static byte[] Save(NerModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    /// <summary>The labels the model gives <paramref name="words"/>.</summary>
    public static int[] Tag(NerModel model, string[] words)
    {
        var tagger = new NerTagger(model);
        var labels = new int[words.Length];
        tagger.Tag(tagger.Prepare(words), labels);
        return labels;
    }

    /// <summary>Every label sequence of length <paramref name="n"/>, allowed or not.</summary>
    public static IEnumerable<int[]> AllSequences(int n)
    {
        int total = (int)Math.Pow(NerLabels.Count, n);
        for (int code = 0; code < total; code++)
        {
            var labels = new int[n];
            int rest = code;
            for (int i = 0; i < n; i++)
            {
                labels[i] = rest % NerLabels.Count;
                rest /= NerLabels.Count;
            }

            yield return labels;
        }
    }
}
