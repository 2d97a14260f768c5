using System.CommandLine;
using System.Text;
using System.Text.Json;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Text;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Evaluation;

/// <summary>
/// `sentences`: Arabic sentence boundaries against ANERcorp (CAMeL Lab split), whose blank lines
/// are sentence breaks.
/// </summary>
/// <remarks>
/// The corpus is tokenized one word per line, so the text is rebuilt by joining its tokens and
/// its sentences with one space: every punctuation mark stands apart, and there are no line breaks
/// or paragraphs. The gold breaks were inserted after full stops only, so a sentence the segmenter
/// ends at "؟" or "!" inside a gold sentence counts as an error; the boundary score restricted to
/// full stops isolates the decision the gold annotates. The last <see cref="DevSentences"/>
/// sentences of the train file are the fixed dev part (the corpus is in original order, so the
/// tail approximates a document-level split); the rest is the train part.
/// </remarks>
internal static class SentencesTask
{
    /// <summary>The size of the dev part: the last sentences of the file.</summary>
    public const int DevSentences = 400;

    public static Command Create()
    {
        var anercorp = new Option<FileInfo>("--anercorp")
        {
            Description = "ANERcorp CAMeL Lab file (token and tag per line, blank line between sentences)",
            Required = true,
        };
        var part = new Option<string>("--part")
        {
            Description = $"dev (the last {DevSentences} sentences), train (the rest) or all",
            DefaultValueFactory = _ => "dev",
        };
        part.AcceptOnlyFromAmong("dev", "train", "all");
        var errors = TaskOptions.Errors("missed and extra sentences with their context");
        var minF1 = TaskOptions.MinimumPercent("--min-f1", "the sentence F1");
        var command = new Command("sentences", "Arabic sentence P/R/F1 against the sentence breaks of ANERcorp, on text rebuilt from its tokens.")
        {
            anercorp,
            part,
            errors,
            minF1,
        };
        command.SetAction(parseResult => Evaluate(
            parseResult.GetRequiredValue(anercorp),
            parseResult.GetRequiredValue(part),
            parseResult.GetValue(errors),
            parseResult.GetValue(minF1)));
        return command;
    }

    private static int Evaluate(FileInfo file, string part, int errors, double minF1)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"No such file: {file.Name}");
            return 2;
        }

        List<List<string>> all = ReadSentences(file.FullName);
        List<List<string>> selected = part switch
        {
            "dev" => all[^Math.Min(DevSentences, all.Count)..],
            "train" => all[..Math.Max(0, all.Count - DevSentences)],
            _ => all,
        };

        var text = new StringBuilder();
        var gold = new List<TextSpan>(selected.Count);
        foreach (List<string> sentence in selected)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            int start = text.Length;
            text.AppendJoin(' ', sentence);
            gold.Add(new TextSpan(start, text.Length));
        }

        string rebuilt = text.ToString();
        AnalyzedText analyzed = new TextAnalyzer().Analyze(rebuilt, "ar", NormalizationOptions.None);
        var system = new List<TextSpan>(analyzed.Sentences.Count);
        foreach (Sentence sentence in analyzed.Sentences)
        {
            system.Add(new TextSpan(
                analyzed.Tokens[sentence.FirstToken].Span.Start,
                analyzed.Tokens[sentence.FirstToken + sentence.TokenCount - 1].Span.End));
        }

        SpanScore sentences = SpanScore.Compute(gold, system);
        SpanScore periodBoundaries = SpanScore.Compute(BoundariesAfterFullStop(rebuilt, gold), BoundariesAfterFullStop(rebuilt, system));

        Report.PrintMisses("sentence", rebuilt, gold, system, errors);
        Report.PrintMisses("extra sentence", rebuilt, system, gold, errors);

        Console.WriteLine($"{file.Name} ({part}): {selected.Count} sentences, {rebuilt.Length} characters");
        Console.WriteLine();
        Report.PrintHeader();
        Report.PrintRow("Sentences", sentences);
        Report.PrintRow("Stop ends", periodBoundaries);
        Console.WriteLine();

        var summary = new Dictionary<string, object>
        {
            ["task"] = "sentences",
            ["file"] = file.Name,
            ["part"] = part,
            ["sentences"] = Report.ToJson(sentences),
            ["full_stop_boundaries"] = Report.ToJson(periodBoundaries),
        };
        bool passed = Report.Gate("sentence F1", sentences, minF1);
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return passed ? 0 : 1;
    }

    /// <summary>The ends of the sentences that end with a full stop, except the text's last, as empty spans.</summary>
    private static List<TextSpan> BoundariesAfterFullStop(string text, List<TextSpan> sentences)
    {
        var boundaries = new List<TextSpan>();
        for (int i = 0; i < sentences.Count - 1; i++)
        {
            int end = sentences[i].End;
            if (text[end - 1] == '.')
            {
                boundaries.Add(new TextSpan(end, end));
            }
        }

        return boundaries;
    }

    private static List<List<string>> ReadSentences(string path)
    {
        var sentences = new List<List<string>>();
        var current = new List<string>();
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (current.Count > 0)
                {
                    sentences.Add(current);
                    current = [];
                }

                continue;
            }

            int space = line.LastIndexOf(' ');
            current.Add(space > 0 ? line[..space] : line);
        }

        if (current.Count > 0)
        {
            sentences.Add(current);
        }

        return sentences;
    }
}
