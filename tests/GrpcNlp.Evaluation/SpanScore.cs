using GrpcNlp.Core.Text;

namespace GrpcNlp.Evaluation;

/// <summary>Precision, recall and F1 of system spans against gold spans by exact match.</summary>
internal readonly record struct SpanScore(int Gold, int System, int Correct)
{
    public double Precision => System == 0 ? 0 : (double)Correct / System;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>The counts of two scores over disjoint texts added up.</summary>
    public static SpanScore operator +(SpanScore a, SpanScore b) => new(a.Gold + b.Gold, a.System + b.System, a.Correct + b.Correct);

    public double F1 => Gold + System == 0 ? 0 : 2.0 * Correct / (Gold + System);

    /// <summary>
    /// Counts the spans present in both lists. Both share one text, so exact offsets are
    /// equivalent to the official script's alignment on the text without whitespace.
    /// </summary>
    public static SpanScore Compute(IReadOnlyList<TextSpan> gold, IReadOnlyList<TextSpan> system)
    {
        var goldSet = new HashSet<TextSpan>(gold);
        int correct = 0;
        var seen = new HashSet<TextSpan>();
        foreach (TextSpan span in system)
        {
            if (goldSet.Contains(span) && seen.Add(span))
            {
                correct++;
            }
        }

        return new SpanScore(gold.Count, system.Count, correct);
    }
}
