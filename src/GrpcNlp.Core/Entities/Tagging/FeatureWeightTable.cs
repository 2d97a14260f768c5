using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// A row of weights per 64-bit feature hash, in an open-addressing table (linear probing, at most
/// half full; hash 0 marks an empty slot, which <see cref="FeatureExtractor"/> never produces).
/// The tagger's emission weights (a row per label) and its edge weights (a row per kind of label
/// step) are both such tables. Immutable once built; thread-safe.
/// </summary>
internal sealed class FeatureWeightTable
{
    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly float[] _weights;
    private readonly int _mask;

    /// <summary>A table of <paramref name="features"/>, row <c>f</c> being <paramref name="width"/> weights from <c>f * width</c> in <paramref name="weights"/>.</summary>
    public FeatureWeightTable(IReadOnlyList<ulong> features, float[] weights, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, features.Count * width);
        Count = features.Count;
        Width = width;
        _weights = weights;
        int capacity = 16;
        while (capacity < features.Count * 2)
        {
            capacity <<= 1;
        }

        _mask = capacity - 1;
        _keys = new ulong[capacity];
        _rows = new int[capacity];
        for (int f = 0; f < features.Count; f++)
        {
            int slot = Slot(features[f]);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = features[f];
            _rows[slot] = f * width;
        }
    }

    /// <summary>Number of features with weights.</summary>
    public int Count { get; }

    /// <summary>Weights per feature.</summary>
    public int Width { get; }

    /// <summary>Adds the rows of <paramref name="features"/> to <paramref name="scores"/> (length <see cref="Width"/>); unknown features add nothing.</summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (ulong feature in features)
        {
            int slot = Slot(feature);
            while (true)
            {
                ulong key = _keys[slot];
                if (key == feature)
                {
                    ReadOnlySpan<float> row = _weights.AsSpan(_rows[slot], Width);
                    for (int k = 0; k < row.Length; k++)
                    {
                        scores[k] += row[k];
                    }

                    break;
                }

                if (key == 0)
                {
                    break;
                }

                slot = (slot + 1) & _mask;
            }
        }
    }

    /// <summary>
    /// Writes the hashes in ascending order (table order is effectively random; sorted, the file is
    /// deterministic), then their rows at half precision. The count is the caller's to write.
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        var order = new List<(ulong Key, int Row)>(Count);
        for (int slot = 0; slot < _keys.Length; slot++)
        {
            if (_keys[slot] != 0)
            {
                order.Add((_keys[slot], _rows[slot]));
            }
        }

        order.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        foreach ((ulong key, _) in order)
        {
            writer.Write(key);
        }

        foreach ((_, int row) in order)
        {
            for (int k = 0; k < Width; k++)
            {
                writer.Write((Half)_weights[row + k]);
            }
        }
    }

    /// <summary>Reads <paramref name="count"/> features of <paramref name="width"/> weights as <see cref="Write"/> wrote them.</summary>
    /// <exception cref="InvalidDataException">The stream ends first.</exception>
    public static FeatureWeightTable Read(Stream stream, int count, int width)
    {
        // In bulk: value by value through a decompressor is several times slower.
        var keys = new ulong[count];
        var halves = new Half[count * width];
        try
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(halves.AsSpan()));
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The entity tagger model is truncated.", exception);
        }

        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(keys, keys);
            Span<ushort> raw = MemoryMarshal.Cast<Half, ushort>(halves.AsSpan());
            BinaryPrimitives.ReverseEndianness(raw, raw);
        }

        var weights = new float[halves.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)halves[i];
        }

        return new FeatureWeightTable(keys, weights, width);
    }

    private int Slot(ulong feature) => (int)(feature ^ (feature >> 29)) & _mask;
}
