using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Entities;

/// <summary>
/// Folded forms of words (<see cref="EntityText.Fold"/>) kept as shared strings, so that a word
/// whose folded form was seen before costs a lookup by span and no allocation. Thread-safe.
/// </summary>
/// <remarks>
/// Entity extraction keys every token by its folded form. Text is Zipfian, so the first
/// <see cref="Capacity"/> distinct folded forms of at most <see cref="MaxWordLength"/> chars are kept
/// for the process's lifetime (as the analyzer's norm cache does) and later or longer words are
/// folded into a new string each time. The strings are exactly <see cref="EntityText.Fold"/>'s.
/// </remarks>
internal static class FoldedWords
{
    /// <summary>The most folded forms kept.</summary>
    public const int Capacity = 50_000;

    /// <summary>The longest word whose folded form is kept; longer ones (URLs, runs) rarely repeat.</summary>
    public const int MaxWordLength = 32;

    // Each kept form is its own key and value: the map serves as a pool of shared strings.
    private static readonly KeptStrings<string> s_forms = new(Capacity, MaxWordLength);

    /// <summary>How many forms are kept now; never more than <see cref="Capacity"/>.</summary>
    public static int Count => s_forms.Count;

    /// <summary>The folded form of <paramref name="word"/>, a kept string when it was seen before.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxWordLength)
        {
            return EntityText.Fold(word);
        }

        Span<char> buffer = stackalloc char[MaxWordLength];
        ReadOnlySpan<char> folded = buffer[..EntityText.FoldInto(word, buffer)];
        if (s_forms.TryGet(folded, out string? form, out _))
        {
            return form;
        }

        form = folded.ToString();
        s_forms.TryKeep(form, form);
        return form;
    }
}
