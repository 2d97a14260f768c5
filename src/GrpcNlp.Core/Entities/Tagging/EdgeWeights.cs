namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// Weights of edge features: per feature hash, one weight per kind of label step between two words
/// (<see cref="ClassOf"/>: a name goes on, one starts, one ends...), so that what a word looks like
/// can make a boundary likelier at its position than elsewhere ("التجاري" after "البنك" continues a
/// name, a common word after a name ends it). The steps are type-blind on purpose: the types come
/// from the emission weights, and nine times nine weights per feature learned less on ANERcorp.
/// A <see cref="FeatureWeightTable"/> of width <see cref="Width"/>; immutable once built; thread-safe.
/// </summary>
internal sealed class EdgeWeights
{
    /// <summary>Weights per feature: one per kind of label step (<see cref="ClassOf"/>).</summary>
    public const int Width = 5;

    private const int L = NerLabels.Count;

    // Step kind of every (previous, label) pair, row previous label.
    private static readonly byte[] s_classes = BuildClasses();

    private readonly FeatureWeightTable _table;

    /// <summary>A table of <paramref name="features"/> with <see cref="Width"/> weights each in <paramref name="weights"/>.</summary>
    public EdgeWeights(IReadOnlyList<ulong> features, float[] weights)
        : this(new FeatureWeightTable(features, weights, Width))
    {
    }

    private EdgeWeights(FeatureWeightTable table) => _table = table;

    /// <summary>
    /// The kind of step from <paramref name="previous"/> to <paramref name="label"/>: 0 O to O, 1 a name
    /// ends (name to O), 2 a name starts after O, 3 a name starts right after another, 4 a name goes on.
    /// </summary>
    public static int ClassOf(int previous, int label) => s_classes[(previous * L) + label];

    /// <summary>No edge features (models trained without them).</summary>
    public static EdgeWeights Empty { get; } = new([], []);

    /// <summary>Number of features with weights.</summary>
    public int Count => _table.Count;

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length <see cref="Width"/>).</summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores) => _table.AddScores(features, scores);

    /// <summary>Writes the count, the hashes in ascending order (deterministic files), then their weights at half precision.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        _table.Write(writer);
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

        return new EdgeWeights(FeatureWeightTable.Read(reader.BaseStream, count, Width));
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
}
