using System.Buffers;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// Folding used for every lexicon lookup. It is applied to the original token text, not to the
/// analyzer's token norms, because those depend on the caller's normalization options; it mirrors
/// the search normalization (case, Arabic diacritics, tatweel, alef, alef maqsura, teh marbuta,
/// digits), and the data files are stored already folded the same way.
/// </summary>
internal static class EntityText
{
    public static bool IsDropped(char c) =>
        c is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u06D6' and <= '\u06ED' or '\u0640' or '\u200C' or '\u200D';

    public static char FoldChar(char c)
    {
        switch (c)
        {
            case 'أ' or 'إ' or 'آ' or 'ٱ':
                return 'ا';
            case 'ى':
                return 'ي';
            case 'ة':
                return 'ه';
        }

        if (c is >= '\u0660' and <= '\u0669')
        {
            return (char)('0' + (c - '\u0660'));
        }

        if (c is >= '\u06F0' and <= '\u06F9')
        {
            return (char)('0' + (c - '\u06F0'));
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>Whether every one of <paramref name="words"/> is among <paramref name="container"/> (true for no words).</summary>
    public static bool ContainsAllWords(string[] container, string[] words)
    {
        foreach (string word in words)
        {
            if (Array.IndexOf(container, word) < 0)
            {
                return false;
            }
        }

        return true;
    }

    public static string Fold(ReadOnlySpan<char> text)
    {
        // Folding drops or maps characters one to one, so the result is never longer than the text.
        if (text.Length <= 256)
        {
            Span<char> folded = stackalloc char[text.Length];
            return new string(folded[..FoldInto(text, folded)]);
        }

        char[] rented = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            return new string(rented, 0, FoldInto(text, rented));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Writes the folded form of <paramref name="text"/> to <paramref name="destination"/> (at least as long as the text); returns its length.</summary>
    public static int FoldInto(ReadOnlySpan<char> text, Span<char> destination)
    {
        int length = 0;
        foreach (char c in text)
        {
            if (!IsDropped(c))
            {
                destination[length++] = FoldChar(c);
            }
        }

        return length;
    }

    /// <summary>
    /// Where <paramref name="token"/> of <paramref name="text"/> goes on after its first
    /// <paramref name="foldedCount"/> folded characters: the start of a mention that leaves a
    /// proclitic out (<see cref="OriginalLengthOf"/>).
    /// </summary>
    public static int StartAfter(string text, Token token, int foldedCount) =>
        token.Span.Start + OriginalLengthOf(text.AsSpan(token.Span.Start, token.Span.Length), foldedCount);

    /// <summary>
    /// The index in <paramref name="original"/> just after its first <paramref name="foldedCount"/>
    /// folded characters, including marks attached to the last of them, so that a span starting
    /// there begins exactly after a proclitic.
    /// </summary>
    public static int OriginalLengthOf(ReadOnlySpan<char> original, int foldedCount)
    {
        int seen = 0;
        int i = 0;
        while (i < original.Length && seen < foldedCount)
        {
            if (!IsDropped(original[i]))
            {
                seen++;
            }

            i++;
        }

        while (i < original.Length && IsDropped(original[i]))
        {
            i++;
        }

        return i;
    }

    public static bool IsArabicLetter(char c) => c is >= '\u0620' and <= '\u064A' or >= '\u0671' and <= '\u06D3';
}
