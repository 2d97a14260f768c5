namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>The words of one sentence as the tagger sees them: original, folded, and where each stem starts.</summary>
internal sealed class TaggerSentence
{
    public TaggerSentence(IReadOnlyList<string> words, IStemmer stemmer)
    {
        Words = new string[words.Count];
        Folded = new string[words.Count];
        StemStart = new int[words.Count];
        bool allUpper = true;
        bool anyLetter = false;
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i];
            Words[i] = word;
            Folded[i] = EntityText.Fold(word);
            StemStart[i] = stemmer.ProcliticLength(word, Folded[i]);
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

    public int Count => Words.Length;

    /// <summary>Per word, the label of the longest name-list entry covering it (0 when none).</summary>
    public int[]? ListLabels { get; set; }

    /// <summary>Per word, a bit per type (person = 1 .. misc = 8) of the name-list entries its stem occurs in (0 when none).</summary>
    public int[]? ListWordTypes { get; set; }

    public string[] Words { get; }

    public string[] Folded { get; }

    public int[] StemStart { get; }

    public bool AllCaps { get; }

    public ReadOnlySpan<char> Stem(int i) => Folded[i].AsSpan(StemStart[i]);
}
