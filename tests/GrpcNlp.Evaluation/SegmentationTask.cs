using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GrpcNlp.Core.Segmentation;
using GrpcNlp.Core.Text;

namespace GrpcNlp.Evaluation;

/// <summary>
/// `segmentation`: Arabic clitic segmentation against the Farasa gold in one scheme. Words are laid
/// out in one text; a segment is correct when its character span in that text and its (restored)
/// form both match a gold segment — the CoNLL 2018 alignment on character offsets.
/// </summary>
internal static class SegmentationTask
{
    public static Command Create()
    {
        var farasa = new Option<FileInfo>("--farasa") { Description = "Farasa segmentation gold (WikiNews.pos.train.ref)", Required = true };
        var scheme = new Option<string>("--scheme") { Description = "atb, d3 or farasa", DefaultValueFactory = _ => "atb" };
        scheme.AcceptOnlyFromAmong("atb", "d3", "farasa", "none");
        var part = new Option<string>("--part") { Description = "dev (every sentence numbered 9 mod 10), train (the rest) or all", DefaultValueFactory = _ => "dev" };
        part.AcceptOnlyFromAmong("dev", "train", "all");
        var model = new Option<DirectoryInfo?>("--model") { Description = "Folder with segmenter_model.tsv and segmenter_counts.tsv; default: the embedded model" };
        var errors = TaskOptions.Errors("wrongly segmented words");
        var minF1 = TaskOptions.MinimumPercent("--min-f1", "the segment F1");
        var command = new Command("segmentation", "Arabic clitic segmentation P/R/F1 of segments and word accuracy against the Farasa WikiNews gold.")
        {
            farasa, scheme, part, model, errors, minF1,
        };
        command.SetAction(parse => Evaluate(
            parse.GetRequiredValue(farasa),
            parse.GetRequiredValue(scheme),
            parse.GetRequiredValue(part),
            parse.GetValue(model),
            parse.GetValue(errors),
            parse.GetValue(minF1)));
        return command;
    }

    private static int Evaluate(FileInfo file, string schemeName, string part, DirectoryInfo? modelFolder, int errors, double minF1)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"No such file: {file.Name}");
            return 2;
        }

        SegmentationScheme scheme = schemeName switch
        {
            "atb" => SegmentationScheme.Atb,
            "d3" => SegmentationScheme.D3,
            "farasa" => SegmentationScheme.Farasa,
            _ => SegmentationScheme.None,
        };
        ArabicSegmenter segmenter = modelFolder is null ? ArabicSegmenter.Default : Load(modelFolder);
        List<GoldWord> words = [.. FarasaGold.Read(file.FullName).Where(w => part switch
        {
            "dev" => FarasaGold.IsDev(w),
            "train" => !FarasaGold.IsDev(w),
            _ => true,
        })];

        var gold = new HashSet<(TextSpan, string)>();
        var system = new HashSet<(TextSpan, string)>();
        int arabicWords = 0, wordsCorrect = 0, printed = 0, offset = 0;
        var segments = new WordSegment[ArabicSegmenter.MaxSegments];
        foreach (GoldWord word in words)
        {
            if (word.IsArabic)
            {
                arabicWords++;
                List<(TextSpan Span, string Form)> expected = FarasaGold.Project(word, scheme);
                int count = segmenter.Segment(word.Surface, scheme, segments);
                bool same = count == expected.Count;
                for (int i = 0; i < count; i++)
                {
                    WordSegment s = segments[i];
                    (TextSpan, string) found = (new TextSpan(offset + s.Span.Start, offset + s.Span.End), s.Form(word.Surface));
                    system.Add(found);
                    same &= i < expected.Count && expected[i].Span == s.Span && expected[i].Form == found.Item2;
                }

                foreach ((TextSpan span, string form) in expected)
                {
                    gold.Add((new TextSpan(offset + span.Start, offset + span.End), form));
                }

                if (same)
                {
                    wordsCorrect++;
                }
                else if (printed++ < errors)
                {
                    string got = string.Join('+', Enumerable.Range(0, count).Select(i => segments[i].Form(word.Surface)));
                    Console.WriteLine($"{word.Surface}: gold {string.Join('+', expected.Select(e => e.Form))}, system {got}");
                }
            }

            offset += word.Surface.Length + 1;
        }

        int correct = system.Count(gold.Contains);
        var score = new SpanScore(gold.Count, system.Count, correct);
        double wordAccuracy = arabicWords == 0 ? 0 : (double)wordsCorrect / arabicWords;
        if (errors > 0)
        {
            Console.WriteLine();
        }

        Console.WriteLine($"{file.Name} ({part}): {words.Count} tokens, {arabicWords} Arabic words scored, scheme {schemeName}");
        Console.WriteLine();
        Report.PrintHeader();
        Report.PrintRow("Segments", score);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Words: {wordsCorrect} of {arabicWords} Arabic words segmented exactly right ({100 * wordAccuracy:F2}%)"));

        var json = new Dictionary<string, object>
        {
            ["task"] = "segmentation",
            ["file"] = file.Name,
            ["part"] = part,
            ["scheme"] = schemeName,
            ["segments"] = Report.ToJson(score),
            ["word_accuracy"] = Math.Round(wordAccuracy, 4),
            ["words"] = arabicWords,
        };
        bool passed = Report.Gate("segment F1", score, minF1);
        Console.WriteLine(JsonSerializer.Serialize(json));
        return passed ? 0 : 1;
    }

    private static ArabicSegmenter Load(DirectoryInfo folder)
    {
        using var model = new StreamReader(Path.Combine(folder.FullName, SegmenterModel.ModelFileName));
        using var counts = new StreamReader(Path.Combine(folder.FullName, SegmenterModel.CountsFileName));
        return new ArabicSegmenter(SegmenterModel.Read(model, counts));
    }
}
