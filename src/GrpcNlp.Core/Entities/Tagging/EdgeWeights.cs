using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Weights of edge features: per feature hash, one weight per kind of label step between two words
/// (<see cref="ClassOf"/>: a name goes on, one starts, one ends...), so that what a word looks like
/// can make a boundary likelier at its position than elsewhere ("التجاري" after "البنك" continues a
/// name, a common word after a name ends it). The steps are type-blind on purpose: the types come
/// from the emission weights, and nine times nine weights per feature learned less on ANERcorp.
/// An open-addressing table keyed by 64-bit hashes; immutable once built; thread-safe.
/// </summary>
internal sealed class EdgeWeights
{
    /// <summary>Weights per feature: one per kind of label step (<see cref="ClassOf"/>).</summary>
    public const int Width = 5;

    private const int L = NerLabels.Count;

    // Step kind of every (previous, label) pair, row previous label.
    private static readonly byte[] s_classes = BuildClasses();

    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly float[] _weights;
    private readonly int _mask;

    /// <summary>A table of <paramref name="features"/> with <see cref="Width"/> weights each in <paramref name="weights"/>.</summary>
    public EdgeWeights(IReadOnlyList<ulong> features, float[] weights)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, features.Count * Width);
        Count = features.Count;
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
            _rows[slot] = f * Width;
        }
    }

    /// <summary>
    /// The kind of step from <paramref name="previous"/> to <paramref name="label"/>: 0 O to O, 1 a name
    /// ends (name to O), 2 a name starts after O, 3 a name starts right after another, 4 a name goes on.
    /// </summary>
    public static int ClassOf(int previous, int label) => s_classes[(previous * L) + label];

    /// <summary>No edge features (models trained without them).</summary>
    public static EdgeWeights Empty { get; } = new([], []);

    /// <summary>Number of features with weights.</summary>
    public int Count { get; }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length <see cref="Width"/>).</summary>
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
                    for (int k = 0; k < Width; k++)
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

    /// <summary>Writes the count, the hashes in ascending order (deterministic files), then their weights at half precision.</summary>
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
        writer.Write(Count);
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

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static EdgeWeights Read(BinaryReader reader)
    {
        int count;
        try
        {
            count = reader.ReadInt32();
        }
        catch (EndOfStreamException exception)
        {
            throw Truncated(exception);
        }

        if (count is < 0 or > int.MaxValue / Width)
        {
            throw new InvalidDataException("The entity tagger model has an invalid edge feature count.");
        }

        // In bulk, as the emission weights: value by value through the decompressor is several times slower.
        var keys = new ulong[count];
        var halves = new Half[count * Width];
        try
        {
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(halves.AsSpan()));
        }
        catch (EndOfStreamException exception)
        {
            throw Truncated(exception);
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

        return new EdgeWeights(keys, weights);
    }

    private static byte[] BuildClasses()
    {
        var classes = new byte[L * L];
        for (int p = 0; p < L; p++)
        {
            for (int l = 0; l < L; l++)
            {
                bool afterName = p != NerLabels.Outside;
                classes[(p * L) + l] = (byte)(l == NerLabels.Outside ? (afterName ? 1 : 0)
                    : NerLabels.IsBegin(l) ? (afterName ? 3 : 2)
                    : 4);
            }
        }

        return classes;
    }

    private static InvalidDataException Truncated(Exception inner) => new("The entity tagger model is truncated.", inner);

    private int Slot(ulong feature) => (int)(feature ^ (feature >> 29)) & _mask;
}
