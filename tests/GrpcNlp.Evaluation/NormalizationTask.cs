using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Text;
using Lucene.Net.Analysis.Ar;

namespace GrpcNlp.Evaluation;

/// <summary>
/// `normalization`: a profile against a peer's normalizer on real text, line by line. Reports the
/// agreement rate, the first differences, and whether every normalized word maps back to an
/// original span that normalizes to it. Any disagreement is a failure (exit 1), so CI can gate.
/// </summary>
internal static class NormalizationTask
{
    public static Command Create()
    {
        var compare = new Option<string>("--compare")
        {
            Description = "The peer: lucene (Lucene.Net ArabicNormalizer itself) or camel-dediac (CAMeL Tools' dediac_ar: delete U+064B..U+0652 and U+0670)",
            Required = true,
        };
        compare.AcceptOnlyFromAmong("lucene", "camel-dediac");
        var text = new Option<FileSystemInfo[]>("--text")
        {
            Description = "UTF-8 text files, or folders whose files are all read",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var errors = TaskOptions.Errors("differing lines", defaultCount: 5);
        var command = new Command("normalization", "Agreement of a normalization profile with a peer normalizer on real text.")
        {
            compare,
            text,
            errors,
        };
        command.SetAction(parseResult => Evaluate(
            parseResult.GetRequiredValue(compare), parseResult.GetRequiredValue(text), parseResult.GetValue(errors)));
        return command;
    }

    private static int Evaluate(string peer, FileSystemInfo[] inputs, int errors)
    {
        List<FileInfo> files = [];
        foreach (FileSystemInfo input in inputs)
        {
            if (input is DirectoryInfo { Exists: true } directory)
            {
                files.AddRange(directory.EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal));
            }
            else if (input is FileInfo { Exists: true } file)
            {
                files.Add(file);
            }
            else
            {
                Console.Error.WriteLine($"No such file or folder: {input.Name}");
                return 2;
            }
        }

        (NormalizationOptions options, Func<string, string> oracle) = peer == "lucene"
            ? (NormalizationOptions.Lucene, (Func<string, string>)LuceneNormalize)
            : (NormalizationOptions.None with { RemoveDiacritics = true, Diacritics = DiacriticSet.TashkeelAndDaggerAlef }, DediacAr);
        var normalizer = new TextNormalizer(options);

        long lines = 0, agreeing = 0, chars = 0, changedChars = 0, words = 0, wordsMappedBack = 0;
        int printed = 0;
        foreach (FileInfo file in files)
        {
            foreach (string line in File.ReadLines(file.FullName))
            {
                lines++;
                chars += line.Length;
                NormalizedText ours = normalizer.Normalize(line);
                string expected = oracle(line);
                changedChars += line.Length - ours.Normalized.Length;
                if (ours.Normalized == expected)
                {
                    agreeing++;
                }
                else if (printed++ < errors)
                {
                    int at = FirstDifference(ours.Normalized, expected);
                    Console.WriteLine($"differs in {file.Name} at {at}: ours [{Window(ours.Normalized, at)}] peer [{Window(expected, at)}]");
                }

                (int lineWords, int mapped) = CheckAlignment(normalizer, ours);
                words += lineWords;
                wordsMappedBack += mapped;
            }
        }

        double agreement = lines == 0 ? 1 : (double)agreeing / lines;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{peer}: {files.Count} files, {lines} lines, {chars} chars ({changedChars} removed); lines agreeing {agreeing}/{lines} = {100 * agreement:F3}%; words mapping back {wordsMappedBack}/{words}"));
        var json = new Dictionary<string, object>
        {
            ["task"] = "normalization",
            ["compare"] = peer,
            ["files"] = files.Count,
            ["lines"] = lines,
            ["chars"] = chars,
            ["agreeing_lines"] = agreeing,
            ["agreement"] = Math.Round(agreement, 6),
            ["words"] = words,
            ["words_mapping_back"] = wordsMappedBack,
        };
        Console.WriteLine(JsonSerializer.Serialize(json));
        return agreeing == lines && wordsMappedBack == words && lines > 0 ? 0 : 1;
    }

    /// <summary>Every whitespace-separated word of the output maps to an original span that normalizes to that word.</summary>
    private static (int Words, int Mapped) CheckAlignment(TextNormalizer normalizer, NormalizedText result)
    {
        string normalized = result.Normalized;
        int words = 0, mapped = 0, start = 0;
        while (start < normalized.Length)
        {
            if (char.IsWhiteSpace(normalized[start]))
            {
                start++;
                continue;
            }

            int end = start;
            while (end < normalized.Length && !char.IsWhiteSpace(normalized[end]))
            {
                end++;
            }

            TextSpan original = result.ToOriginal(new TextSpan(start, end));
            words++;
            if (normalizer.NormalizeToString(result.Original.AsSpan(original.Start, original.Length)) == normalized[start..end])
            {
                mapped++;
            }

            start = end;
        }

        return (words, mapped);
    }

    private static string LuceneNormalize(string text)
    {
        char[] buffer = text.ToCharArray();
        int length = new ArabicNormalizer().Normalize(buffer, buffer.Length);
        return new string(buffer, 0, length);
    }

    /// <summary>CAMeL Tools' dediac_ar as documented: delete exactly U+064B..U+0652 and U+0670.</summary>
    private static string DediacAr(string text) =>
        string.Create(text.Length - text.Count(c => c is (>= '\u064B' and <= '\u0652') or '\u0670'), text, static (span, source) =>
        {
            int k = 0;
            foreach (char c in source)
            {
                if (c is not ((>= '\u064B' and <= '\u0652') or '\u0670'))
                {
                    span[k++] = c;
                }
            }
        });

    private static int FirstDifference(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }

    private static string Window(string text, int at) =>
        text.Substring(Math.Max(0, at - 15), Math.Min(text.Length, at + 15) - Math.Max(0, at - 15));
}
