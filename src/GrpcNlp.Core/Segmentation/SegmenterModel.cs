using System.Globalization;
using System.Numerics;
using System.Reflection;

namespace GrpcNlp.Core.Segmentation;

/// <summary>
/// A trained segmenter: the suffix and enclitic inventories seen in the gold data, the perceptron
/// weights keyed by feature hash, and word counts over raw Arabic text. Stored as two tab-separated
/// text files embedded in the assembly (see Languages/Arabic/Data/SOURCE.md).
/// </summary>
internal sealed class SegmenterModel
{
    /// <summary>Resource name of the weights and inventories.</summary>
    public const string ModelFileName = "segmenter_model.tsv";

    /// <summary>Resource name of the raw-text word counts.</summary>
    public const string CountsFileName = "segmenter_counts.tsv";

    private static readonly Lazy<SegmenterModel> s_embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, int> _counts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _countLookup;

    public SegmenterModel(IEnumerable<string> suffixes, IEnumerable<string> enclitics, Dictionary<ulong, float> weights, Dictionary<string, int> counts)
    {
        // Longest first, so that candidate generation meets the longer reading first; ordinal for determinism.
        Suffixes = [.. suffixes.Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)];
        Enclitics = [.. enclitics.Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)];
        Weights = weights;
        _counts = counts;
        _countLookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The model embedded in this assembly, loaded on first use.</summary>
    public static SegmenterModel Default => s_embedded.Value;

    /// <summary>Inflectional suffixes (Farasa NSUFF, CASE and verb subject markers).</summary>
    public string[] Suffixes { get; }

    /// <summary>Object and possessive pronoun enclitics.</summary>
    public string[] Enclitics { get; }

    /// <summary>Perceptron weights by feature hash.</summary>
    public Dictionary<ulong, float> Weights { get; }

    /// <summary>Raw-text word counts.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>0 for an unseen string, else 1 + floor(log2(count)), at most 16.</summary>
    public int FrequencyBucket(ReadOnlySpan<char> text) =>
        _countLookup.TryGetValue(text, out int count) && count > 0 ? Math.Min(16, 1 + BitOperations.Log2((uint)count)) : 0;

    /// <summary>Sum of the weights of <paramref name="features"/>.</summary>
    public float Score(ReadOnlySpan<ulong> features)
    {
        float score = 0;
        foreach (ulong feature in features)
        {
            if (Weights.TryGetValue(feature, out float weight))
            {
                score += weight;
            }
        }

        return score;
    }

    /// <summary>Writes the weights and inventories, and the counts, as the two model files.</summary>
    public void Write(TextWriter model, TextWriter counts)
    {
        model.WriteLine("# GrpcNlp Arabic segmenter: averaged perceptron. Lines: suffix<TAB>form | enclitic<TAB>form | w<TAB>feature hash (hex)<TAB>weight");
        foreach (string suffix in Suffixes)
        {
            model.WriteLine($"suffix\t{suffix}");
        }

        foreach (string enclitic in Enclitics)
        {
            model.WriteLine($"enclitic\t{enclitic}");
        }

        foreach (KeyValuePair<ulong, float> pair in Weights.OrderBy(p => p.Key))
        {
            model.WriteLine(string.Create(CultureInfo.InvariantCulture, $"w\t{pair.Key:x16}\t{pair.Value:R}"));
        }

        counts.WriteLine("# Arabic word counts over raw text (undiacritised letters only). Lines: word<TAB>count");
        foreach (KeyValuePair<string, int> pair in _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            counts.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pair.Key}\t{pair.Value}"));
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static SegmenterModel Read(TextReader model, TextReader counts)
    {
        var suffixes = new List<string>();
        var enclitics = new List<string>();
        var weights = new Dictionary<ulong, float>();
        string? line;
        while ((line = model.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split('\t');
            switch (fields[0])
            {
                case "suffix":
                    suffixes.Add(fields[1]);
                    break;
                case "enclitic":
                    enclitics.Add(fields[1]);
                    break;
                case "w":
                    weights[ulong.Parse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = float.Parse(fields[2], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new InvalidDataException($"Unknown segmenter model line kind '{fields[0]}'.");
            }
        }

        var wordCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        while ((line = counts.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            wordCounts[line[..tab]] = int.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
        }

        return new SegmenterModel(suffixes, enclitics, weights, wordCounts);
    }

    private static SegmenterModel LoadEmbedded()
    {
        Assembly assembly = typeof(SegmenterModel).Assembly;
        using var model = new StreamReader(OpenResource(assembly, ModelFileName));
        using var counts = new StreamReader(OpenResource(assembly, CountsFileName));
        return Read(model, counts);
    }

    private static Stream OpenResource(Assembly assembly, string fileName)
    {
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (name.EndsWith(fileName, StringComparison.Ordinal))
            {
                return assembly.GetManifestResourceStream(name)!;
            }
        }

        throw new InvalidOperationException($"Embedded resource {fileName} is missing.");
    }
}
