using System.CommandLine;
using System.Text;
using GrpcNlp.Core.Segmentation;
using GrpcNlp.Core.Segmentation.Training;

namespace GrpcNlp.Evaluation;

/// <summary>
/// `train-segmenter`: trains the Arabic segmenter from the Farasa gold (train part only) and word
/// counts over raw Arabic text, and writes the two model files the Core project embeds.
/// </summary>
internal static class TrainSegmenterTask
{
    public static Command Create()
    {
        var farasa = new Option<FileInfo>("--farasa") { Description = "Farasa segmentation gold (WikiNews.pos.train.ref)", Required = true };
        var raw = new Option<DirectoryInfo[]>("--raw") { Description = "Folders of raw text to count Arabic words in (all files, recursively)", Required = true, AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Folder names under --raw to skip; by default the gold's own text, so dev figures get no help from counts over it",
            DefaultValueFactory = _ => ["farasa-wikinews"],
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write segmenter_model.tsv and segmenter_counts.tsv to", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Perceptron epochs", DefaultValueFactory = _ => 10 };
        var minCount = new Option<int>("--min-count") { Description = "Keep raw-text words seen at least this often", DefaultValueFactory = _ => 2 };
        var command = new Command("train-segmenter", "Trains the Arabic clitic segmenter (averaged perceptron) on the train part of the Farasa gold.")
        {
            farasa, raw, exclude, output, epochs, minCount,
        };
        command.SetAction(parse => Train(
            parse.GetRequiredValue(farasa),
            parse.GetRequiredValue(raw),
            parse.GetRequiredValue(exclude),
            parse.GetRequiredValue(output),
            parse.GetValue(epochs),
            parse.GetValue(minCount)));
        return command;
    }

    private static int Train(FileInfo farasa, DirectoryInfo[] raw, string[] exclude, DirectoryInfo output, int epochs, int minCount)
    {
        if (!farasa.Exists)
        {
            Console.Error.WriteLine($"No such file: {farasa.Name}");
            return 2;
        }

        List<GoldWord> train = [.. FarasaGold.Read(farasa.FullName).Where(w => !FarasaGold.IsDev(w))];
        Dictionary<string, int> counts = RawTextCounts.Count(raw, exclude, minCount);
        Console.WriteLine($"raw text: {counts.Count} distinct words seen at least {minCount} times");

        // Inventories: the suffix and enclitic forms the train part uses at least twice.
        static IEnumerable<string> Forms(IEnumerable<GoldWord> words, SegmentRole role) => words
            .SelectMany(w => w.Segments)
            .Where(s => s.Role == role && s.Pos is "NSUFF" or "CASE" or "PRON" && s.Surface.All(c => c is >= '\u0621' and <= '\u064A'))
            .GroupBy(s => s.Surface, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .Select(g => g.Key);

        var inventories = new SegmenterModel(Forms(train, SegmentRole.Suffix), Forms(train, SegmentRole.Enclitic), [], counts);
        Console.WriteLine($"suffixes: {string.Join(' ', inventories.Suffixes)}");
        Console.WriteLine($"enclitics: {string.Join(' ', inventories.Enclitics)}");

        var examples = new List<TrainingWord>();
        int unfit = 0;
        foreach (GoldWord word in train.Where(w => w.IsArabic))
        {
            if (FarasaGold.ToAnalysis(word) is { } gold && word.Surface.All(c => c is >= '\u0621' and <= '\u064A'))
            {
                examples.Add(new TrainingWord(word.Surface, gold));
            }
            else
            {
                unfit++;
            }
        }

        Console.WriteLine($"train: {examples.Count} Arabic words ({unfit} with a reading the segmenter cannot produce, skipped)");
        Dictionary<ulong, float> weights = PerceptronTrainer.Train(examples, inventories, epochs, (epoch, errors) => Console.WriteLine($"epoch {epoch}: {errors} errors"));
        var model = new SegmenterModel(inventories.Suffixes, inventories.Enclitics, weights, counts);

        output.Create();
        var utf8 = new UTF8Encoding(false);
        using (var modelWriter = new StreamWriter(Path.Combine(output.FullName, SegmenterModel.ModelFileName), false, utf8) { NewLine = "\n" })
        using (var countsWriter = new StreamWriter(Path.Combine(output.FullName, SegmenterModel.CountsFileName), false, utf8) { NewLine = "\n" })
        {
            model.Write(modelWriter, countsWriter);
        }

        Console.WriteLine($"wrote {weights.Count} weights and {counts.Count} counts to {output.Name}/");
        return 0;
    }
}

/// <summary>Counts Arabic words (letters U+0621–U+064A; diacritics and tatweel skipped) in every file under some folders.</summary>
internal static class RawTextCounts
{
    public static Dictionary<string, int> Count(IEnumerable<DirectoryInfo> roots, IReadOnlyCollection<string> exclude, int minCount)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var word = new StringBuilder();
        foreach (DirectoryInfo root in roots)
        {
            IEnumerable<FileInfo> files = root.EnumerateFiles("*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(root.FullName, f.FullName).Split(Path.DirectorySeparatorChar).Any(exclude.Contains) && !exclude.Contains(root.Name))
                .OrderBy(f => f.FullName, StringComparer.Ordinal);
            Span<char> buffer = new char[128];
            foreach (FileInfo file in files)
            {
                int length = 0;
                foreach (char c in File.ReadAllText(file.FullName))
                {
                    if (c is >= '\u0621' and <= '\u064A')
                    {
                        if (length < buffer.Length)
                        {
                            buffer[length] = c;
                        }

                        length++;
                    }
                    else if (c is (>= '\u064B' and <= '\u0652') or '\u0640' or '\u0670')
                    {
                        continue;
                    }
                    else
                    {
                        Flush(buffer, ref length);
                    }
                }

                Flush(buffer, ref length);
            }
        }

        foreach (string key in counts.Where(p => p.Value < minCount).Select(p => p.Key).ToList())
        {
            counts.Remove(key);
        }

        return counts;

        void Flush(Span<char> buffer, ref int length)
        {
            if (length is > 0 and <= 128)
            {
                ReadOnlySpan<char> key = buffer[..length];
                lookup[key] = lookup.TryGetValue(key, out int count) ? count + 1 : 1;
            }

            length = 0;
        }
    }
}
