using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// A trained linear tagger: one weight per (feature, label), one per (previous label, label), in an
/// open-addressing table keyed by 64-bit feature hashes. Immutable once built; thread-safe.
/// </summary>
/// <remarks>
/// File format (Brotli-compressed): "GNER", version, language, stemmer name, name-list entries (stems, type),
/// word classes (word, bit string; from version 3 on), feature count, transition weights, the feature hashes in ascending order, then per feature
/// <see cref="NerLabels.Count"/> weights as half-precision floats; from version 4 on, the edge features (<see cref="EdgeWeights.Write"/>).
/// </remarks>
internal sealed class NerModel
{
    private const int Version = 4;
    private const int L = NerLabels.Count;

    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly float[] _weights;
    private readonly int _mask;

    public NerModel(string language, string stemmer, IReadOnlyList<ulong> features, float[] weights, float[] transitions, NameList names, WordClasses? classes = null, EdgeWeights? edges = null)
    {
        Edges = edges ?? EdgeWeights.Empty;
        Names = names;
        Classes = classes ?? WordClasses.Empty;
        Stemmer = stemmer;
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, features.Count * L);
        ArgumentOutOfRangeException.ThrowIfNotEqual(transitions.Length, (L + 1) * L);
        Language = language;
        FeatureCount = features.Count;
        Transitions = transitions;
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
            int slot = (int)(features[f] ^ (features[f] >> 29)) & _mask;
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = features[f];
            _rows[slot] = f * L;
        }
    }

    /// <summary>The name list whose matches are features (empty when the model was trained without one).</summary>
    public NameList Names { get; }

    /// <summary>The word classes whose bit-string prefixes are features (empty when the model was trained without them).</summary>
    public WordClasses Classes { get; }

    /// <summary>Name of the stemmer the model was trained with (<see cref="StemmerNames"/>); tagging must use the same.</summary>
    public string Stemmer { get; }

    /// <summary>The language the model was trained for.</summary>
    public string Language { get; }

    /// <summary>Number of features with weights.</summary>
    public int FeatureCount { get; }

    /// <summary>Edge features: label-step weights that depend on the words at a position (empty in models before version 4).</summary>
    public EdgeWeights Edges { get; }

    /// <summary>Transition weights: row <c>previous + 1</c> (row 0 is the sentence start), column label.</summary>
    public float[] Transitions { get; }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length <see cref="NerLabels.Count"/>).</summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (ulong feature in features)
        {
            int slot = (int)(feature ^ (feature >> 29)) & _mask;
            while (true)
            {
                ulong key = _keys[slot];
                if (key == feature)
                {
                    ReadOnlySpan<float> row = _weights.AsSpan(_rows[slot], L);
                    for (int l = 0; l < L; l++)
                    {
                        scores[l] += row[l];
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

    /// <summary>Writes the model; weights are rounded to half precision.</summary>
    public void Save(Stream stream)
    {
        using var compressed = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(compressed, Encoding.UTF8);
        writer.Write("GNER"u8);
        writer.Write(Version);
        writer.Write(Language);
        writer.Write(Stemmer);
        var entries = Names.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        writer.Write(entries.Count);
        foreach (KeyValuePair<string, int> entry in entries)
        {
            writer.Write(entry.Key);
            writer.Write((byte)entry.Value);
        }

        var classes = Classes.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        writer.Write(classes.Count);
        foreach (KeyValuePair<string, string> entry in classes)
        {
            writer.Write(entry.Key);
            writer.Write(entry.Value);
        }

        writer.Write(FeatureCount);
        foreach (float t in Transitions)
        {
            writer.Write(t);
        }

        // Features in table order are effectively random; sorting by key makes the file deterministic.
        var order = new List<(ulong Key, int Row)>(FeatureCount);
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
            for (int l = 0; l < L; l++)
            {
                writer.Write((Half)_weights[row + l]);
            }
        }

        Edges.Write(writer);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static NerModel Load(Stream stream)
    {
        using var decompressed = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(decompressed, Encoding.UTF8);
        int version = reader.ReadBytes(4).AsSpan().SequenceEqual("GNER"u8) ? reader.ReadInt32() : -1;
        if (version is not (2 or 3 or Version))
        {
            throw new InvalidDataException("Not a GrpcNlp entity tagger model of a known version.");
        }

        string language = reader.ReadString();
        string stemmer = reader.ReadString();
        int entryCount = reader.ReadInt32();
        var entries = new (string, int)[entryCount];
        for (int e = 0; e < entryCount; e++)
        {
            entries[e] = (reader.ReadString(), reader.ReadByte());
        }

        int classCount = version >= 3 ? reader.ReadInt32() : 0;
        var classes = new (string, string)[classCount];
        for (int c = 0; c < classCount; c++)
        {
            classes[c] = (reader.ReadString(), reader.ReadString());
        }

        int count = reader.ReadInt32();
        var transitions = new float[(L + 1) * L];
        for (int i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        // Keys and weights are read in bulk: value by value through the decompressor is several times slower.
        var keys = new ulong[count];
        ReadExactly(decompressed, MemoryMarshal.AsBytes(keys.AsSpan()));
        var halves = new Half[count * L];
        ReadExactly(decompressed, MemoryMarshal.AsBytes(halves.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            for (int f = 0; f < keys.Length; f++)
            {
                keys[f] = BinaryPrimitives.ReverseEndianness(keys[f]);
            }

            Span<ushort> raw = MemoryMarshal.Cast<Half, ushort>(halves.AsSpan());
            for (int i = 0; i < raw.Length; i++)
            {
                raw[i] = BinaryPrimitives.ReverseEndianness(raw[i]);
            }
        }

        var weights = new float[halves.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)halves[i];
        }

        EdgeWeights edges = version >= 4 ? EdgeWeights.Read(reader) : EdgeWeights.Empty;
        return new NerModel(language, stemmer, keys, weights, transitions, new NameList(entries), new WordClasses(classes), edges);
    }

    private static void ReadExactly(Stream stream, Span<byte> destination)
    {
        try
        {
            stream.ReadExactly(destination);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The entity tagger model is truncated.", exception);
        }
    }
}
