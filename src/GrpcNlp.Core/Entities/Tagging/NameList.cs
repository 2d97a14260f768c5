using System.Buffers;

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
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _entryLookup;

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
        _entryLookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
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
        // A reloaded sentence keeps its arrays while they are long enough.
        int[] labels = sentence.ListLabels is { } oldLabels && oldLabels.Length >= sentence.Count ? oldLabels : new int[sentence.Count];
        int[] wordTypes = sentence.ListWordTypes is { } oldTypes && oldTypes.Length >= sentence.Count ? oldTypes : new int[sentence.Count];
        labels.AsSpan(0, sentence.Count).Clear();
        wordTypes.AsSpan(0, sentence.Count).Clear();
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

        // Keys are built in one buffer: n-grams are looked up at every word, most of them in vain.
        char[] buffer = ArrayPool<char>.Shared.Rent(256);
        try
        {
            MatchEntries(sentence, labels, ref buffer);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void MatchEntries(TaggerSentence sentence, int[] labels, ref char[] buffer)
    {
        Span<int> ends = MaxWords <= 32 ? stackalloc int[32] : new int[MaxWords];
        int i = 0;
        while (i < sentence.Count)
        {
            int matched = 0;
            int type = 0;
            int length = 0;
            int longest = Math.Min(MaxWords, sentence.Count - i);
            for (int n = 0; n < longest; n++)
            {
                ReadOnlySpan<char> stem = sentence.Stem(i + n);
                int needed = length + stem.Length + 1;
                if (needed > buffer.Length)
                {
                    char[] larger = ArrayPool<char>.Shared.Rent(needed * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = larger;
                }

                if (n > 0)
                {
                    buffer[length++] = ' ';
                }

                stem.CopyTo(buffer.AsSpan(length));
                length += stem.Length;
                ends[n] = length;
            }

            for (int n = longest; n >= 1; n--)
            {
                if (_entryLookup.TryGetValue(buffer.AsSpan(0, ends[n - 1]), out type))
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
