namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Hashed feature ids of a word in its sentence: the word, its folded form and stem, prefixes and
/// suffixes, shape, neighbours within two words, and neighbour pairs. Each feature is a 64-bit
/// FNV-1a hash of a template number and its strings, computed on spans without allocating.
/// </summary>
internal static class FeatureExtractor
{
    /// <summary>Upper bound on the features of one word.</summary>
    public const int MaxFeatures = 64;

    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    // One character per set of name-list types (bits 0-3).
    private const string TypeBitChars = "0123456789:;<=>?";

    public static int Extract(TaggerSentence sentence, int i, Span<ulong> output)
    {
        int n = 0;
        ReadOnlySpan<char> word = sentence.Word(i);
        string folded = sentence.Folded[i];
        ReadOnlySpan<char> stem = sentence.Stem(i);
        Span<char> shape = stackalloc char[16];
        Span<char> shortShape = stackalloc char[16];
        int shapeLength = Shape(word, shape, shortShape, out int shortLength);

        output[n++] = Hash(0, default);
        output[n++] = Hash(1, folded);
        if (!sentence.AllCaps)
        {
            output[n++] = Hash(2, word);
        }

        output[n++] = Hash(3, stem);
        output[n++] = Hash(4, folded.AsSpan(0, sentence.StemStart[i]));
        for (int k = 1; k <= 4; k++)
        {
            if (folded.Length > k)
            {
                output[n++] = Hash(4 + k, folded.AsSpan(0, k));
                output[n++] = Hash(8 + k, folded.AsSpan(folded.Length - k));
            }
        }

        for (int k = 2; k <= 3; k++)
        {
            if (stem.Length > k)
            {
                output[n++] = Hash(11 + k, stem[..k]);
            }
        }

        ReadOnlySpan<char> ownShape = shape[..shapeLength];
        ReadOnlySpan<char> ownShort = shortShape[..shortLength];
        output[n++] = Hash(15, ownShape);
        output[n++] = Hash(16, ownShort);
        output[n++] = Hash(17, ownShort, i == 0 ? "^" : sentence.AllCaps ? "C" : "-");
        output[n++] = Hash(18, LengthBucket(stem.Length));

        output[n++] = Hash(20, Folded(sentence, i - 1));
        output[n++] = Hash(21, Folded(sentence, i + 1));
        output[n++] = Hash(22, Folded(sentence, i - 2));
        output[n++] = Hash(23, Folded(sentence, i + 2));
        output[n++] = Hash(24, StemAt(sentence, i - 1));
        output[n++] = Hash(25, StemAt(sentence, i + 1));
        output[n++] = Hash(26, Folded(sentence, i - 1), folded);
        output[n++] = Hash(27, folded, Folded(sentence, i + 1));
        output[n++] = Hash(28, Folded(sentence, i - 1), Folded(sentence, i + 1));
        output[n++] = Hash(29, SuffixAt(sentence, i - 1), ownShort);
        output[n++] = Hash(30, ownShort, SuffixAt(sentence, i + 1));

        if (sentence.ListLabels is { } list)
        {
            int label = list[i];
            output[n++] = Hash(40, NerLabels.Name(label));
            output[n++] = Hash(41, NerLabels.Name(label), i > 0 ? NerLabels.Name(list[i - 1]) : "^");
            output[n++] = Hash(42, NerLabels.Name(label), i + 1 < sentence.Count ? NerLabels.Name(list[i + 1]) : "$");
        }

        if (sentence.ListWordTypes is { } types)
        {
            output[n++] = Hash(43, TypeBits(types[i]));
            output[n++] = Hash(44, i > 0 ? TypeBits(types[i - 1]) : "^", TypeBits(types[i]));
            output[n++] = Hash(45, TypeBits(types[i]), i + 1 < sentence.Count ? TypeBits(types[i + 1]) : "$");
        }

        if (sentence.Classes is { } classes)
        {
            // Bit-string prefixes: short ones group broad word kinds, the full string near-synonyms.
            ReadOnlySpan<char> own = ClassAt(classes, sentence.Count, i);
            output[n++] = Hash(50, Prefix(own, 4));
            output[n++] = Hash(51, Prefix(own, 6));
            output[n++] = Hash(52, Prefix(own, 10));
            output[n++] = Hash(53, own);
            output[n++] = Hash(54, Prefix(ClassAt(classes, sentence.Count, i - 1), 6));
            output[n++] = Hash(55, Prefix(ClassAt(classes, sentence.Count, i + 1), 6));
        }

        Span<char> otherShape = stackalloc char[16];
        Span<char> unused = stackalloc char[16];
        if (i > 0)
        {
            int length = Shape(sentence.Word(i - 1), unused, otherShape, out int shortPrevious);
            _ = length;
            output[n++] = Hash(31, otherShape[..shortPrevious], ownShort);
        }

        if (i + 1 < sentence.Count)
        {
            int length = Shape(sentence.Word(i + 1), unused, otherShape, out int shortNext);
            _ = length;
            output[n++] = Hash(32, ownShort, otherShape[..shortNext]);
        }

        return n;
    }

    /// <summary>Upper bound on the edge features of one word.</summary>
    public const int MaxEdgeFeatures = 8;

    /// <summary>
    /// Edge features of word <paramref name="i"/> (i &gt; 0), weighted per kind of label step from the
    /// word before (<see cref="EdgeWeights.ClassOf"/>): the word's first and last two letters, short
    /// shape, class, the word itself and the one before, and the name-list labels of both. They let
    /// the words at a boundary decide whether a name goes on ("البنك التجاري", "بن" inside a person's
    /// name) where one transition table serves every position.
    /// </summary>
    public static int ExtractEdges(TaggerSentence sentence, int i, Span<ulong> output)
    {
        int n = 0;
        string folded = sentence.Folded[i];
        Span<char> shape = stackalloc char[16];
        Span<char> shortShape = stackalloc char[16];
        _ = Shape(sentence.Word(i), shape, shortShape, out int shortLength);
        output[n++] = Hash(70, Prefix(folded, 2));
        output[n++] = Hash(71, folded.Length > 2 ? folded.AsSpan(folded.Length - 2) : folded);
        output[n++] = Hash(72, shortShape[..shortLength]);
        output[n++] = Hash(73, sentence.Folded[i - 1]);
        output[n++] = Hash(75, folded);
        if (sentence.ListLabels is { } list)
        {
            output[n++] = Hash(76, NerLabels.Name(list[i - 1]), NerLabels.Name(list[i]));
        }

        if (sentence.Classes is { } classes)
        {
            output[n++] = Hash(74, Prefix(ClassAt(classes, sentence.Count, i), 6));
        }

        return n;
    }

    private static ReadOnlySpan<char> ClassAt(string?[] classes, int count, int i) =>
        i < 0 ? "<s>" : i >= count ? "</s>" : classes[i] ?? "?";

    private static ReadOnlySpan<char> Prefix(ReadOnlySpan<char> bits, int length) =>
        bits.Length > length ? bits[..length] : bits;

    private static ReadOnlySpan<char> TypeBits(int bits) => TypeBitChars.AsSpan(bits, 1);

    private static ReadOnlySpan<char> Folded(TaggerSentence sentence, int i) =>
        i < 0 ? "<s>" : i >= sentence.Count ? "</s>" : sentence.Folded[i];

    private static ReadOnlySpan<char> StemAt(TaggerSentence sentence, int i) =>
        i < 0 ? "<s>" : i >= sentence.Count ? "</s>" : sentence.Stem(i);

    private static ReadOnlySpan<char> SuffixAt(TaggerSentence sentence, int i)
    {
        if (i < 0)
        {
            return "<s>";
        }

        if (i >= sentence.Count)
        {
            return "</s>";
        }

        string folded = sentence.Folded[i];
        return folded.Length > 2 ? folded.AsSpan(folded.Length - 2) : folded;
    }

    private static ReadOnlySpan<char> LengthBucket(int length) => length switch
    {
        <= 2 => "1",
        <= 4 => "2",
        <= 6 => "3",
        <= 9 => "4",
        _ => "5",
    };

    /// <summary>
    /// Word shape (X upper, x lower Latin, a Arabic, d digit, other characters themselves), capped
    /// at 16, and its short form where repeats collapse ("Xxxxx" -> "Xx").
    /// </summary>
    private static int Shape(ReadOnlySpan<char> word, Span<char> shape, Span<char> shortShape, out int shortLength)
    {
        int length = 0;
        shortLength = 0;
        foreach (char c in word)
        {
            char s = char.IsAsciiLetterUpper(c) ? 'X'
                : char.IsAsciiLetterLower(c) ? 'x'
                : char.IsAsciiDigit(c) || c is >= '\u0660' and <= '\u0669' ? 'd'
                : EntityText.IsArabicLetter(c) ? 'a'
                : EntityText.IsDropped(c) ? '\0'
                : char.IsLetter(c) ? (char.IsUpper(c) ? 'X' : 'x')
                : c;
            if (s == '\0')
            {
                continue;
            }

            if (length < shape.Length)
            {
                shape[length++] = s;
            }

            if ((shortLength == 0 || shortShape[shortLength - 1] != s) && shortLength < shortShape.Length)
            {
                shortShape[shortLength++] = s;
            }
        }

        return length;
    }

    private static ulong Hash(int template, ReadOnlySpan<char> text)
    {
        ulong hash = (Offset ^ (ulong)template) * Prime;
        foreach (char c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash == 0 ? 1 : hash;
    }

    private static ulong Hash(int template, ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        ulong hash = (Offset ^ (ulong)template) * Prime;
        foreach (char c in first)
        {
            hash = (hash ^ c) * Prime;
        }

        hash = (hash ^ 0xFFFF) * Prime;
        foreach (char c in second)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash == 0 ? 1 : hash;
    }
}
