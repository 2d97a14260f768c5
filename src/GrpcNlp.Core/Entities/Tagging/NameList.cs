namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// A gazetteer for the tagger's features: entries are word sequences of stems (folded, proclitics
/// stripped) with their label type; a word covered by the longest match gets that match's B-/I- label
/// as a feature. Immutable once built.
/// </summary>
internal sealed class NameList
{
    private readonly Dictionary<string, int> _entries;

    public NameList(IEnumerable<(string Stems, int TypeIndex)> entries)
    {
        _entries = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((string stems, int type) in entries)
        {
            _entries[stems] = type;
            MaxWords = Math.Max(MaxWords, stems.Count(c => c == ' ') + 1);
        }
    }

    public static NameList Empty { get; } = new([]);

    public int Count => _entries.Count;

    public int MaxWords { get; private set; } = 1;

    public IEnumerable<KeyValuePair<string, int>> Entries => _entries;

    /// <summary>The stems of words [start, end) joined by spaces, as entries are keyed.</summary>
    public static string Key(TaggerSentence sentence, int start, int end)
    {
        if (end - start == 1)
        {
            return sentence.Stem(start).ToString();
        }

        var parts = new string[end - start];
        for (int i = start; i < end; i++)
        {
            parts[i - start] = sentence.Stem(i).ToString();
        }

        return string.Join(' ', parts);
    }

    /// <summary>Labels each word of <paramref name="sentence"/> by the longest entry covering it (0 when none).</summary>
    public void Match(TaggerSentence sentence, Span<int> labels)
    {
        labels.Clear();
        if (_entries.Count == 0)
        {
            return;
        }

        int i = 0;
        while (i < sentence.Count)
        {
            int matched = 0;
            int type = 0;
            for (int n = Math.Min(MaxWords, sentence.Count - i); n >= 1; n--)
            {
                if (_entries.TryGetValue(Key(sentence, i, i + n), out type))
                {
                    matched = n;
                    break;
                }
            }

            if (matched == 0)
            {
                i++;
                continue;
            }

            labels[i] = NerLabels.Begin(type);
            for (int k = 1; k < matched; k++)
            {
                labels[i + k] = NerLabels.Begin(type) + 1;
            }

            i += matched;
        }
    }
}
