using System.Globalization;
using System.Reflection;

namespace GrpcNlp.Core.Tokenization;

/// <summary>
/// A trained sentence boundary classifier: averaged-perceptron weights keyed by the feature hashes
/// of <see cref="SentenceBoundaryFeatures"/>. It decides the gaps the rules cannot see (no
/// terminator before them: headers, sign-offs, titles, list items) and corrects the rules after a
/// terminator, where the rules' verdict is one of its features; a gap ends a sentence when its
/// features score above zero. Stored as a tab-separated text file embedded in the assembly (see
/// Languages/English/Data/SOURCE.md).
/// </summary>
internal sealed class SentenceBoundaryModel
{
    /// <summary>Resource name of the English model.</summary>
    public const string EnglishFileName = "sentence_boundaries.tsv";

    private static readonly Lazy<SentenceBoundaryModel> s_english = new(() => LoadEmbedded(EnglishFileName), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<ulong, float> _weights;

    // The weights again as an open-addressing table (keys are already well mixed hashes; 0 marks
    // an empty slot): looked up at every scored gap, several times faster than the dictionary.
    // Key and weight side by side, so a lookup reads one cache line instead of two.
    private readonly Slot[] _slots;
    private readonly int _mask;

    public SentenceBoundaryModel(Dictionary<ulong, float> weights)
    {
        _weights = weights;
        int capacity = 16;
        while (capacity < weights.Count * 2)
        {
            capacity *= 2;
        }

        _slots = new Slot[capacity];
        _mask = capacity - 1;
        foreach ((ulong key, float weight) in weights)
        {
            if (key == 0)
            {
                continue;
            }

            int slot = (int)key & _mask;
            while (_slots[slot].Key != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = new Slot(key, weight);
        }
    }

    /// <summary>The English model embedded in this assembly, loaded on first use.</summary>
    public static SentenceBoundaryModel English => s_english.Value;

    /// <summary>Perceptron weights by feature hash.</summary>
    public IReadOnlyDictionary<ulong, float> Weights => _weights;

    /// <summary>
    /// Whether the gap after token <paramref name="last"/> ends the sentence that starts at
    /// <paramref name="start"/>: the model's score at the gaps it decides (<see cref="SentenceBoundaryFeatures.IsCandidate"/>), else the rules' <paramref name="verdict"/>.
    /// </summary>
    /// <param name="text">The text the tokens index.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="start">The first token of the current sentence.</param>
    /// <param name="last">The token before the gap.</param>
    /// <param name="verdict">What the rules make of the gap.</param>
    /// <param name="views">Token hashes shared by the gaps of these tokens.</param>
    public bool EndsSentence(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int start, int last, RuleVerdict verdict, SentenceBoundaryFeatures.TokenViews views)
    {
        if (!SentenceBoundaryFeatures.IsCandidate(text, tokens, last, verdict))
        {
            return verdict == RuleVerdict.Split;
        }

        Span<ulong> features = stackalloc ulong[SentenceBoundaryFeatures.MaxFeatures];
        int count = SentenceBoundaryFeatures.Extract(text, tokens, start, last, verdict, views, features);
        return Score(features[..count]) > 0;
    }

    /// <summary>Sum of the weights of <paramref name="features"/>.</summary>
    public float Score(ReadOnlySpan<ulong> features)
    {
        Slot[] slots = _slots;
        float score = 0;
        foreach (ulong feature in features)
        {
            int slot = (int)feature & _mask;
            ulong key;
            while ((key = slots[slot].Key) != 0)
            {
                if (key == feature)
                {
                    score += slots[slot].Weight;
                    break;
                }

                slot = (slot + 1) & _mask;
            }
        }

        return score;
    }

    /// <summary>Writes the weights, sorted by hash so that the same weights give the same bytes.</summary>
    public void Write(TextWriter writer)
    {
        writer.WriteLine("# GrpcNlp sentence boundaries: averaged perceptron. Lines: feature hash (hex)<TAB>weight");
        foreach (KeyValuePair<ulong, float> pair in _weights.OrderBy(p => p.Key))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pair.Key:x16}\t{pair.Value:R}"));
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static SentenceBoundaryModel Read(TextReader reader)
    {
        var weights = new Dictionary<ulong, float>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                throw new InvalidDataException($"A sentence boundary model line needs a hash and a weight: '{line}'.");
            }

            weights[ulong.Parse(line.AsSpan(0, tab), NumberStyles.HexNumber, CultureInfo.InvariantCulture)] =
                float.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
        }

        return new SentenceBoundaryModel(weights);
    }

    private static SentenceBoundaryModel LoadEmbedded(string fileName)
    {
        Assembly assembly = typeof(SentenceBoundaryModel).Assembly;
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (name.EndsWith(fileName, StringComparison.Ordinal))
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return Read(reader);
            }
        }

        throw new InvalidOperationException($"Embedded resource {fileName} is missing.");
    }

    private readonly record struct Slot(ulong Key, float Weight);
}
