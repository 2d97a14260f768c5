namespace GrpcNlp.Core.Summarization;

/// <summary>
/// The working arrays of one summarization (every sentence's terms and TF-IDF vector in flat
/// arrays, the similarity graph, a dense vector over the vocabulary), kept per thread between
/// calls so that a summary allocates per sentence, not per word.
/// </summary>
/// <remarks>
/// A call takes the thread's scratch with <see cref="Rent"/> and gives it back with
/// <see cref="Return"/>; a nested call on the same thread gets a new one. Scratch grown past
/// <see cref="MaxKeptLength"/> elements by a very long input is not kept.
/// </remarks>
internal sealed class SummaryScratch
{
    /// <summary>Arrays longer than this (about 4 MB of ints) are dropped after the call.</summary>
    internal const int MaxKeptLength = 1 << 20;

    [ThreadStatic]
    private static SummaryScratch? s_cached;

    /// <summary>The content terms of all sentences, sentence after sentence.</summary>
    public List<string> Terms { get; } = [];

    /// <summary>Each distinct term's id (order of first occurrence).</summary>
    public Dictionary<string, int> TermIdsByTerm { get; } = new(StringComparer.Ordinal);

    /// <summary>One sentence's term counts by id, while it is vectorized.</summary>
    public Dictionary<int, int> TermFrequencies { get; } = [];

    /// <summary>The number of sentences containing each term, by term id.</summary>
    public int[] DocumentFrequencyById = [];

    /// <summary>Each sentence's distinct term ids (ascending) from its vector start.</summary>
    public int[] TermIds = [];

    /// <summary>How often each of those terms occurs in its sentence.</summary>
    public int[] TermCounts = [];

    /// <summary>The unit-length TF-IDF weight of each of those terms.</summary>
    public float[] Weights = [];

    /// <summary>The number of sentences containing each of those terms.</summary>
    public int[] DocumentFrequencies = [];

    /// <summary>Similarity graph rows: row s is <c>EdgeOffsets[s]..EdgeOffsets[s + 1]</c>.</summary>
    public int[] EdgeOffsets = [];

    /// <summary>Target sentence of each edge.</summary>
    public int[] EdgeTargets = [];

    /// <summary>Weight (cosine) of each edge.</summary>
    public float[] EdgeWeights = [];

    /// <summary>A dense vector over the vocabulary, all zero between uses.</summary>
    public float[] Dense = [];

    /// <summary>Takes the calling thread's scratch, or a new one.</summary>
    public static SummaryScratch Rent()
    {
        SummaryScratch scratch = s_cached ?? new SummaryScratch();
        s_cached = null;
        return scratch;
    }

    /// <summary>Gives the scratch back to the calling thread, unless a long input grew it too far.</summary>
    public static void Return(SummaryScratch scratch)
    {
        scratch.Terms.Clear();
        scratch.TermIdsByTerm.Clear();
        scratch.TermFrequencies.Clear();
        if (scratch.Terms.Capacity <= MaxKeptLength && scratch.TermIds.Length <= MaxKeptLength
            && scratch.EdgeTargets.Length <= MaxKeptLength && scratch.Dense.Length <= MaxKeptLength)
        {
            s_cached = scratch;
        }
    }

    /// <summary>Makes <paramref name="array"/> at least <paramref name="length"/> long (contents are not kept).</summary>
    public static T[] Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, Math.Min(array.Length * 2, Array.MaxLength))];
        }

        return array;
    }

    /// <summary>A zeroed dense vector of at least <paramref name="length"/> elements; callers zero what they set before they finish.</summary>
    public float[] DenseVector(int length) => Ensure(ref Dense, length);
}
