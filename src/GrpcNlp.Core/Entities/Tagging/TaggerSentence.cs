using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// The words of one sentence as the tagger sees them: original, folded, and where each stem starts.
/// One instance can be reloaded sentence after sentence (<see cref="Load"/>), so that tagging a
/// text costs buffers as long as its longest sentence, not arrays per word.
/// </summary>
internal sealed class TaggerSentence
{
    private string[] _sources;
    private int[] _starts;
    private int[] _lengths;
    private string[] _folded;
    private int[] _stemStart;

    /// <summary>A sentence of <paramref name="words"/>, folded and stemmed.</summary>
    public TaggerSentence(IReadOnlyList<string> words, IStemmer stemmer)
        : this(words.Count)
    {
        Count = words.Count;
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i];
            _sources[i] = word;
            _lengths[i] = word.Length;
            _folded[i] = EntityText.Fold(word);
        }

        Stem(stemmer);
    }

    /// <summary>An empty sentence to <see cref="Load"/> words into.</summary>
    public TaggerSentence()
        : this(0)
    {
    }

    private TaggerSentence(int capacity)
    {
        _sources = new string[capacity];
        _starts = new int[capacity];
        _lengths = new int[capacity];
        _folded = new string[capacity];
        _stemStart = new int[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Per word, the label of the longest name-list entry covering it (0 when none); may be longer than <see cref="Count"/>.</summary>
    public int[]? ListLabels { get; set; }

    /// <summary>Per word, a bit per type (person = 1 .. misc = 8) of the name-list entries its stem occurs in (0 when none); may be longer than <see cref="Count"/>.</summary>
    public int[]? ListWordTypes { get; set; }

    /// <summary>Per word, its distributional class as a bit string (<see cref="WordClasses"/>; null when unknown); may be longer than <see cref="Count"/>.</summary>
    public string?[]? Classes { get; set; }

    /// <summary>Folded words (<see cref="EntityText.Fold"/>); only the first <see cref="Count"/> are this sentence's.</summary>
    public string[] Folded => _folded;

    /// <summary>Where each word's stem starts in its folded form; only the first <see cref="Count"/> are this sentence's.</summary>
    public int[] StemStart => _stemStart;

    public bool AllCaps { get; private set; }

    /// <summary>Word <paramref name="i"/> as written.</summary>
    public ReadOnlySpan<char> Word(int i) => _sources[i].AsSpan(_starts[i], _lengths[i]);

    public ReadOnlySpan<char> Stem(int i) => _folded[i].AsSpan(_stemStart[i]);

    /// <summary>
    /// Replaces the words with tokens [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>)
    /// of <paramref name="text"/>, whose folded forms are <paramref name="folded"/> (indexed by token).
    /// </summary>
    public void Load(string text, IReadOnlyList<Token> tokens, string[] folded, int first, int count, IStemmer stemmer)
    {
        if (_sources.Length < count)
        {
            int capacity = Math.Max(count, _sources.Length * 2);
            _sources = new string[capacity];
            _starts = new int[capacity];
            _lengths = new int[capacity];
            _folded = new string[capacity];
            _stemStart = new int[capacity];
        }

        Count = count;
        for (int i = 0; i < count; i++)
        {
            Token token = tokens[first + i];
            _sources[i] = text;
            _starts[i] = token.Span.Start;
            _lengths[i] = token.Span.Length;
            _folded[i] = folded[first + i];
        }

        Stem(stemmer);
    }

    private void Stem(IStemmer stemmer)
    {
        bool allUpper = true;
        bool anyLetter = false;
        for (int i = 0; i < Count; i++)
        {
            ReadOnlySpan<char> word = Word(i);
            _stemStart[i] = stemmer.ProcliticLength(word, _folded[i]);
            foreach (char c in word)
            {
                if (char.IsAsciiLetter(c))
                {
                    anyLetter = true;
                    allUpper &= char.IsAsciiLetterUpper(c);
                }
            }
        }

        // Headlines in capitals say nothing about names through case.
        AllCaps = anyLetter && allUpper;
    }
}
