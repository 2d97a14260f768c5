using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Evaluation;

/// <summary>
/// `train-word-classes`: clusters the Arabic words of raw text by their neighbours and writes each
/// word's bit string (its path in the cluster tree), the entity tagger's word-class table.
/// </summary>
/// <remarks>
/// A cheap stand-in for Brown clusters: each word seen at least --min-count times is a vector of
/// positive pointwise mutual information with the most frequent words just before and just after
/// it; the vocabulary is split in two again and again (principal direction, then spherical
/// 2-means), and each split adds a bit. Deterministic: fixed orders, fixed start vectors, no
/// randomness.
/// </remarks>
internal static class TrainWordClassesTask
{
    public static Command Create()
    {
        var anercorp = new Option<FileInfo?>("--anercorp") { Description = "ANERcorp CoNLL file: the words of its train part only (its dev part is never read)" };
        var raw = new Option<string[]>("--raw") { Description = "Raw text files or folders (all files, recursively, by ordinal path); Arabic letter runs are the words", AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { Description = "Table to write (word TAB bits)", Required = true };
        var minCount = new Option<int>("--min-count") { Description = "Cluster words seen at least this often", DefaultValueFactory = _ => 3 };
        var contexts = new Option<int>("--contexts") { Description = "Neighbour words that are context dimensions (the most frequent)", DefaultValueFactory = _ => 1000 };
        var depth = new Option<int>("--depth") { Description = "Longest bit string", DefaultValueFactory = _ => 14 };
        var stems = new Option<bool>("--stems") { Description = "Cluster stems (words without proclitics and article, by the tagger's segmenter) instead of whole words" };
        var command = new Command("train-word-classes", "Derives the Arabic word-class table (bit strings from a binary clustering of words by their neighbours) from raw text.")
        {
            anercorp, raw, output, minCount, contexts, depth, stems,
        };
        command.SetAction(r => Train(r.GetValue(anercorp), r.GetValue(raw) ?? [], r.GetRequiredValue(output), r.GetValue(minCount), r.GetValue(contexts), r.GetValue(depth), r.GetValue(stems)));
        return command;
    }

    private static int Train(FileInfo? anercorp, string[] raw, FileInfo output, int minCount, int contextCount, int maxDepth, bool stems)
    {
        var clock = Stopwatch.StartNew();
        var segments = new List<string[]>();
        if (anercorp is not null)
        {
            if (!anercorp.Exists)
            {
                Console.Error.WriteLine($"No such file: {anercorp.Name}");
                return 2;
            }

            foreach (NerSentence sentence in NerSplit.Select(ConllNerCorpus.Read(anercorp.FullName).Sentences, "train"))
            {
                segments.Add(ArabicWords(string.Join(' ', sentence.Words)));
            }
        }

        if (RawText.Files(raw) is not { } files)
        {
            return 2;
        }

        foreach (string file in files)
        {
            foreach (string line in File.ReadLines(file))
            {
                segments.Add(ArabicWords(line));
            }
        }

        string[][] text = [.. segments.Where(s => s.Length > 0)];
        if (stems)
        {
            IStemmer stemmer = StemmerNames.Create(StemmerNames.Segmenter);
            var cache = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string[] segment in text)
            {
                for (int i = 0; i < segment.Length; i++)
                {
                    string word = segment[i];
                    if (!cache.TryGetValue(word, out string? stem))
                    {
                        stem = word[stemmer.ProcliticLength(word, word)..];
                        cache.Add(word, stem);
                    }

                    segment[i] = stem;
                }
            }
        }

        long tokens = text.Sum(s => (long)s.Length);
        List<(string Word, string Bits)> table = Cluster(text, minCount, contextCount, maxDepth);
        output.Directory?.Create();
        using (var writer = new StreamWriter(output.FullName, append: false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            writer.WriteLine("# folded word<TAB>bit string (see SOURCE.md)");
            foreach ((string word, string bits) in table.OrderBy(t => t.Word, StringComparer.Ordinal))
            {
                writer.WriteLine($"{word}\t{bits}");
            }
        }

        int classes = table.Select(t => t.Bits).Distinct().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tokens} words of raw text; {table.Count} words in {classes} classes; {clock.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "train-word-classes",
            ["tokens"] = tokens,
            ["words"] = table.Count,
            ["classes"] = classes,
            ["min_count"] = minCount,
            ["contexts"] = contextCount,
            ["depth"] = maxDepth,
            ["stems"] = stems,
        }));
        return 0;
    }

    /// <summary>The folded Arabic words of a line: runs of letters U+0621–U+064A (diacritics and tatweel skipped).</summary>
    private static string[] ArabicWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (char c in line)
        {
            if (c is >= '\u0621' and <= '\u064A')
            {
                word.Append(c);
            }
            else if (c is not ((>= '\u064B' and <= '\u0652') or '\u0640' or '\u0670'))
            {
                Flush();
            }
        }

        Flush();
        return [.. words];

        void Flush()
        {
            if (word.Length > 0)
            {
                string folded = EntityText.Fold(word.ToString());
                if (folded.Length > 0)
                {
                    words.Add(folded);
                }

                word.Clear();
            }
        }
    }

    private static List<(string Word, string Bits)> Cluster(string[][] text, int minCount, int contextCount, int maxDepth)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string[] segment in text)
        {
            foreach (string w in segment)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        // Vocabulary by falling count, then ordinal: the first contextCount words are the context dimensions.
        string[] vocabulary = [.. counts.Where(p => p.Value >= minCount).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key)];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int v = 0; v < vocabulary.Length; v++)
        {
            index[vocabulary[v]] = v;
        }

        int contexts = Math.Min(contextCount, vocabulary.Length);
        int dimensions = 2 * contexts;
        var pairs = new Dictionary<int, int>[vocabulary.Length];
        for (int v = 0; v < pairs.Length; v++)
        {
            pairs[v] = [];
        }

        var contextTotals = new double[dimensions];
        var wordTotals = new double[vocabulary.Length];
        double total = 0;
        foreach (string[] segment in text)
        {
            for (int i = 0; i < segment.Length; i++)
            {
                if (!index.TryGetValue(segment[i], out int v))
                {
                    continue;
                }

                Add(i - 1, 0);
                Add(i + 1, contexts);

                void Add(int at, int offset)
                {
                    if (at < 0 || at >= segment.Length || !index.TryGetValue(segment[at], out int c) || c >= contexts)
                    {
                        return;
                    }

                    int d = offset + c;
                    pairs[v][d] = pairs[v].GetValueOrDefault(d) + 1;
                    contextTotals[d]++;
                    wordTotals[v]++;
                    total++;
                }
            }
        }

        // Positive PMI, unit length; words without any context dimension cannot be placed.
        var vectors = new (int[] Index, double[] Value)[vocabulary.Length];
        var placed = new List<int>();
        for (int v = 0; v < vocabulary.Length; v++)
        {
            var entries = pairs[v].Select(p => (Dimension: p.Key, Value: Math.Log(p.Value * total / (wordTotals[v] * contextTotals[p.Key]))))
                .Where(e => e.Value > 0).OrderBy(e => e.Dimension).ToArray();
            double norm = Math.Sqrt(entries.Sum(e => e.Value * e.Value));
            vectors[v] = ([.. entries.Select(e => e.Dimension)], [.. entries.Select(e => e.Value / norm)]);
            if (entries.Length > 0)
            {
                placed.Add(v);
            }
        }

        var result = new List<(string, string)>();
        var pending = new Stack<(int[] Members, string Bits)>();
        pending.Push(([.. placed], string.Empty));
        var direction = new double[dimensions];
        var mean = new double[dimensions];
        var centroids = new double[2][] { new double[dimensions], new double[dimensions] };
        while (pending.Count > 0)
        {
            (int[] members, string bits) = pending.Pop();
            bool[]? side = bits.Length < maxDepth && members.Length >= 4 ? Split(members) : null;
            if (side is null)
            {
                foreach (int v in members)
                {
                    result.Add((vocabulary[v], bits.Length == 0 ? "0" : bits));
                }

                continue;
            }

            pending.Push(([.. members.Where((_, k) => side[k])], bits + "1"));
            pending.Push(([.. members.Where((_, k) => !side[k])], bits + "0"));
        }

        return result;

        // Principal direction of the centred vectors (power iteration), sign of the projection,
        // then spherical 2-means; null when one side ends up empty.
        bool[]? Split(int[] members)
        {
            Array.Clear(mean);
            foreach (int v in members)
            {
                AddTo(mean, v, 1.0 / members.Length);
            }

            for (int d = 0; d < dimensions; d++)
            {
                direction[d] = 1.0 + (d % 7);
            }

            Normalize(direction);
            var projections = new double[members.Length];
            for (int iteration = 0; iteration < 12; iteration++)
            {
                double meanDot = DotDense(mean, direction);
                double sum = 0;
                for (int k = 0; k < members.Length; k++)
                {
                    projections[k] = Dot(direction, members[k]) - meanDot;
                    sum += projections[k];
                }

                var next = new double[dimensions];
                for (int k = 0; k < members.Length; k++)
                {
                    AddTo(next, members[k], projections[k]);
                }

                for (int d = 0; d < dimensions; d++)
                {
                    next[d] -= sum * mean[d];
                }

                if (Normalize(next) == 0)
                {
                    return null;
                }

                Array.Copy(next, direction, dimensions);
            }

            double centre = DotDense(mean, direction);
            var side = new bool[members.Length];
            for (int k = 0; k < members.Length; k++)
            {
                side[k] = Dot(direction, members[k]) > centre;
            }

            for (int iteration = 0; iteration < 6; iteration++)
            {
                Array.Clear(centroids[0]);
                Array.Clear(centroids[1]);
                for (int k = 0; k < members.Length; k++)
                {
                    AddTo(centroids[side[k] ? 1 : 0], members[k], 1);
                }

                if (Normalize(centroids[0]) == 0 || Normalize(centroids[1]) == 0)
                {
                    return null;
                }

                bool changed = false;
                for (int k = 0; k < members.Length; k++)
                {
                    bool one = Dot(centroids[1], members[k]) > Dot(centroids[0], members[k]);
                    changed |= one != side[k];
                    side[k] = one;
                }

                if (!changed)
                {
                    break;
                }
            }

            int ones = side.Count(s => s);
            return ones == 0 || ones == side.Length ? null : side;
        }

        double Dot(double[] dense, int v)
        {
            (int[] dims, double[] values) = vectors[v];
            double sum = 0;
            for (int j = 0; j < dims.Length; j++)
            {
                sum += dense[dims[j]] * values[j];
            }

            return sum;
        }

        void AddTo(double[] dense, int v, double scale)
        {
            (int[] dims, double[] values) = vectors[v];
            for (int j = 0; j < dims.Length; j++)
            {
                dense[dims[j]] += scale * values[j];
            }
        }
    }

    private static double DotDense(double[] a, double[] b)
    {
        double sum = 0;
        for (int d = 0; d < a.Length; d++)
        {
            sum += a[d] * b[d];
        }

        return sum;
    }

    private static double Normalize(double[] vector)
    {
        double norm = Math.Sqrt(DotDense(vector, vector));
        if (norm > 0)
        {
            for (int d = 0; d < vector.Length; d++)
            {
                vector[d] /= norm;
            }
        }

        return norm;
    }
}
