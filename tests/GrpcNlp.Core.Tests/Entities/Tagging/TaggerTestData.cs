using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Core.Tests.Entities.Tagging;

/// <summary>What the tagger's training and decoding tests share: a small training set, model bytes, tagging, and every label sequence.</summary>
internal static class TaggerTestData
{
    private const int L = NerLabels.Count;

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

    /// <summary>Whether <paramref name="labels"/> keeps the BIO constraints.</summary>
    public static bool IsAllowed(int[] labels)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if (!NerLabels.Allowed(i == 0 ? -1 : labels[i - 1], labels[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The decoder's score of <paramref name="labels"/>: emissions, transitions (start row first) and edge scores.</summary>
    public static float Score(int[] labels, float[] emissions, float[] transitions, float[]? edges = null)
    {
        float score = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            int previousRow = i == 0 ? 0 : labels[i - 1] + 1;
            score += emissions[(i * L) + labels[i]] + transitions[(previousRow * L) + labels[i]];
            if (edges is not null && i > 0)
            {
                score += edges[(i * EdgeWeights.Width) + EdgeWeights.ClassOf(labels[i - 1], labels[i])];
            }
        }

        return score;
    }

    /// <summary>Scores drawn uniformly from [-2, 2).</summary>
    public static float[] RandomScores(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)((random.NextDouble() * 4) - 2);
        }

        return values;
    }
}
