namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Distributional word classes for the tagger's features: each folded word of a raw-text
/// vocabulary has a bit string, its path in a binary clustering of words by their neighbours
/// (Brown-style: words sharing a long prefix occur in similar contexts). Prefixes of the bit
/// string are features, so a name the labelled data never saw still looks like the names it did.
/// Immutable once built.
/// </summary>
internal sealed class WordClasses
{
    private readonly Dictionary<string, string> _bits;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordClasses(IEnumerable<(string Word, string Bits)> entries)
    {
        _bits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string word, string bits) in entries)
        {
            _bits[word] = bits;
        }

        _lookup = _bits.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static WordClasses Empty { get; } = new([]);

    public int Count => _bits.Count;

    public IEnumerable<KeyValuePair<string, string>> Entries => _bits;

    /// <summary>
    /// Reads a table written as one `word TAB bits` line per word (lines starting with # are comments).
    /// </summary>
    public static WordClasses Read(TextReader reader)
    {
        var entries = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new InvalidDataException("A word class line must be 'word<TAB>bits'.");
            }

            entries.Add((line[..tab], line[(tab + 1)..]));
        }

        return new WordClasses(entries);
    }

    /// <summary>
    /// Sets <see cref="TaggerSentence.Classes"/>: the bit string of each folded word, or of its stem
    /// when the word with its proclitic is not in the table ("بالاهلي" takes the class of "الاهلي");
    /// null when neither is known.
    /// </summary>
    public void Match(TaggerSentence sentence)
    {
        string?[] classes = sentence.Classes is { } old && old.Length >= sentence.Count ? old : new string?[sentence.Count];
        sentence.Classes = classes;
        for (int w = 0; w < sentence.Count; w++)
        {
            classes[w] = _bits.TryGetValue(sentence.Folded[w], out string? bits) ? bits
                : sentence.StemStart[w] > 0 && _lookup.TryGetValue(sentence.Stem(w), out bits) ? bits
                : null;
        }
    }
}
