using System.Collections.Concurrent;

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

    private static readonly ConcurrentDictionary<string, string> s_forms = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_forms.GetAlternateLookup<ReadOnlySpan<char>>();

    // Kept apart from the dictionary's Count, which takes every lock of the dictionary.
    private static int s_count;

    /// <summary>How many forms are kept now; never more than <see cref="Capacity"/>.</summary>
    public static int Count => Volatile.Read(ref s_count);

    /// <summary>The folded form of <paramref name="word"/>, a kept string when it was seen before.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxWordLength)
        {
            return EntityText.Fold(word);
        }

        Span<char> buffer = stackalloc char[MaxWordLength];
        ReadOnlySpan<char> folded = buffer[..EntityText.FoldInto(word, buffer)];
        if (s_lookup.TryGetValue(folded, out string? form))
        {
            return form;
        }

        form = folded.ToString();
        if (Volatile.Read(ref s_count) < Capacity)
        {
            // Reserve a place first, so that parallel misses never take the count past Capacity.
            if (Interlocked.Increment(ref s_count) > Capacity || !s_forms.TryAdd(form, form))
            {
                Interlocked.Decrement(ref s_count);
            }
        }

        return form;
    }
}
