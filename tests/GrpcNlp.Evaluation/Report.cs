using System.Globalization;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Evaluation;

/// <summary>The console report every task shares: a P/R/F1 table row, its JSON, and misses.</summary>
internal static class Report
{
    public static void PrintMisses(string kind, string text, IReadOnlyList<TextSpan> gold, IReadOnlyList<TextSpan> system, int limit)
    {
        if (limit <= 0)
        {
            return;
        }

        var found = new HashSet<TextSpan>(system);
        int printed = 0;
        foreach (TextSpan span in gold)
        {
            if (printed == limit)
            {
                break;
            }

            if (!found.Contains(span))
            {
                // Sentences are long: show where they start, which is where segmentation goes wrong.
                int end = Math.Min(span.End, span.Start + 40);
                int before = Math.Max(0, span.Start - 20);
                int after = Math.Min(text.Length, end + 20);
                string context = $"{text[before..span.Start]}[{text[span.Start..end]}]{text[end..after]}".ReplaceLineEndings(" ");
                Console.WriteLine($"missed {kind}: {context}");
                printed++;
            }
        }

        Console.WriteLine();
    }

    /// <summary>The header of the table whose rows <see cref="PrintRow"/> prints.</summary>
    public static void PrintHeader()
    {
        Console.WriteLine("Metric     |   Gold |  System | Correct | Precision |   Recall |       F1");
        Console.WriteLine("-----------+--------+---------+---------+-----------+----------+---------");
    }

    public static void PrintRow(string name, SpanScore score) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-10} | {score.Gold,6} | {score.System,7} | {score.Correct,7} | {100 * score.Precision,9:F2} | {100 * score.Recall,8:F2} | {100 * score.F1,8:F2}"));

    public static Dictionary<string, object> ToJson(SpanScore score) => new()
    {
        ["p"] = Math.Round(score.Precision, 4),
        ["r"] = Math.Round(score.Recall, 4),
        ["f1"] = Math.Round(score.F1, 4),
        ["gold"] = score.Gold,
        ["system"] = score.System,
        ["correct"] = score.Correct,
    };

    /// <summary>Prints a failure line and returns false when <paramref name="score"/>'s F1 (percent) is below <paramref name="minimumPercent"/>.</summary>
    public static bool Gate(string name, SpanScore score, double minimumPercent)
    {
        double f1 = 100 * score.F1;
        if (f1 >= minimumPercent)
        {
            return true;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAILED: {name} {f1:F2} is below the required {minimumPercent:F2}"));
        return false;
    }
}
