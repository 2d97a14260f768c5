using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace GrpcNlp.Core.Text;

/// <summary>
/// A thread-safe map from short strings to values, looked up by span, that keeps its first
/// <see cref="Capacity"/> entries for its lifetime and refuses later ones.
/// </summary>
/// <remarks>
/// Text is Zipfian: a few thousand words make most of the tokens of any document, so keeping
/// what was computed for the first distinct words seen (a normalized form, a folded key, a stem,
/// a segmentation) makes a recurring word cost one lookup by span and no allocation, while the
/// capacity and <see cref="MaxKeyLength"/> bound the memory held whatever the input.
/// </remarks>
/// <typeparam name="TValue">What is kept per key.</typeparam>
internal sealed class KeptStrings<TValue>
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Kept apart from the dictionary's Count, which takes every lock of the dictionary.
    private int _count;

    /// <summary>Creates an empty map.</summary>
    /// <param name="capacity">The most entries kept.</param>
    /// <param name="maxKeyLength">The longest key kept; longer ones (URLs, runs) rarely repeat.</param>
    public KeptStrings(int capacity, int maxKeyLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(maxKeyLength);
        Capacity = capacity;
        MaxKeyLength = maxKeyLength;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The most entries kept.</summary>
    public int Capacity { get; }

    /// <summary>The longest key kept.</summary>
    public int MaxKeyLength { get; }

    /// <summary>How many entries are kept now; never more than <see cref="Capacity"/>.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The kept key string equal to <paramref name="key"/> and its value, if there is one.</summary>
    /// <param name="key">The key's chars.</param>
    /// <param name="keptKey">The kept string equal to <paramref name="key"/>.</param>
    /// <param name="value">The value kept with it.</param>
    public bool TryGet(ReadOnlySpan<char> key, [NotNullWhen(true)] out string? keptKey, [MaybeNullWhen(false)] out TValue value)
    {
        if (key.Length <= MaxKeyLength)
        {
            return _lookup.TryGetValue(key, out keptKey, out value);
        }

        keptKey = null;
        value = default;
        return false;
    }

    /// <summary>Keeps <paramref name="key"/> and <paramref name="value"/> unless the key is too long or the map is full.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value computed for it.</param>
    public void TryKeep(string key, TValue value)
    {
        if (key.Length > MaxKeyLength || Volatile.Read(ref _count) >= Capacity)
        {
            return;
        }

        // Reserve a place first, so that parallel misses never take the count past Capacity.
        if (Interlocked.Increment(ref _count) > Capacity || !_entries.TryAdd(key, value))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
