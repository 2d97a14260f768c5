namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// A gazetteer for the tagger's features: entries are word sequences of stems (folded, proclitics
/// stripped) with their label type; a word covered by the longest match gets that match's B-/I- label
/// as a feature. Immutable once built.
/// </summary>
internal sealed class NameList
{
    private readonly Dictionary<string, int> _entries;

    // Each stem of an entry with the types of the entries it occurs in, one bit per type:
    // "حداد" alone, in a text, is likely the person "سامر حداد" the list knows.
    private readonly Dictionary<string, int> _wordTypes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;

    public NameList(IEnumerable<(string Stems, int TypeIndex)> entries)
    {
        _entries = new Dictionary<string, int>(StringComparer.Ordinal);
        _wordTypes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((string stems, int type) in entries)
        {
            _entries[stems] = type;
            MaxWords = Math.Max(MaxWords, stems.Count(c => c == ' ') + 1);
            foreach (string stem in stems.Split(' '))
            {
                _wordTypes[stem] = _wordTypes.GetValueOrDefault(stem) | (1 << type);
            }
        }

        _wordLookup = _wordTypes.GetAlternateLookup<ReadOnlySpan<char>>();
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

    /// <summary>
    /// Sets <see cref="TaggerSentence.ListLabels"/> (each word's label in the longest entry covering
    /// it) and <see cref="TaggerSentence.ListWordTypes"/> (the types of the entries its stem occurs in).
    /// </summary>
    public void Match(TaggerSentence sentence)
    {
        var labels = new int[sentence.Count];
        var wordTypes = new int[sentence.Count];
        sentence.ListLabels = labels;
        sentence.ListWordTypes = wordTypes;
        if (_entries.Count == 0)
        {
            return;
        }

        for (int w = 0; w < sentence.Count; w++)
        {
            wordTypes[w] = _wordLookup.TryGetValue(sentence.Stem(w), out int bits) ? bits : 0;
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
