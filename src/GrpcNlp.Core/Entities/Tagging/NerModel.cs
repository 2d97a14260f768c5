using System.IO.Compression;
using System.Text;

namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// A trained linear tagger: one weight per (feature, label), one per (previous label, label), in a
/// <see cref="FeatureWeightTable"/> keyed by 64-bit feature hashes. Immutable once built; thread-safe.
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

    private readonly FeatureWeightTable _emissions;

    public NerModel(string language, string stemmer, IReadOnlyList<ulong> features, float[] weights, float[] transitions, NameList names, WordClasses? classes = null, EdgeWeights? edges = null)
    {
        Edges = edges ?? EdgeWeights.Empty;
        Names = names;
        Classes = classes ?? WordClasses.Empty;
        Stemmer = stemmer;
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, features.Count * L);
        ArgumentOutOfRangeException.ThrowIfNotEqual(transitions.Length, (L + 1) * L);
        Language = language;
        Transitions = transitions;
        _emissions = new FeatureWeightTable(features, weights, L);
    }

    private NerModel(string language, string stemmer, FeatureWeightTable emissions, float[] transitions, NameList names, WordClasses classes, EdgeWeights edges)
    {
        Edges = edges;
        Names = names;
        Classes = classes;
        Stemmer = stemmer;
        Language = language;
        Transitions = transitions;
        _emissions = emissions;
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
    public int FeatureCount => _emissions.Count;

    /// <summary>Edge features: label-step weights that depend on the words at a position (empty in models before version 4).</summary>
    public EdgeWeights Edges { get; }

    /// <summary>Transition weights: row <c>previous + 1</c> (row 0 is the sentence start), column label.</summary>
    public float[] Transitions { get; }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length <see cref="NerLabels.Count"/>).</summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores) => _emissions.AddScores(features, scores);

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

        _emissions.Write(writer);
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

        FeatureWeightTable emissions = FeatureWeightTable.Read(decompressed, count, L);
        EdgeWeights edges = version >= 4 ? EdgeWeights.Read(reader) : EdgeWeights.Empty;
        return new NerModel(language, stemmer, emissions, transitions, new NameList(entries), new WordClasses(classes), edges);
    }
}
