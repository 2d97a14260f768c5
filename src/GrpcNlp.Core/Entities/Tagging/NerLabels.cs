namespace GrpcNlp.Core.Entities.Tagging;

/// <summary>
/// The tagger's BIO label set: O, then B- and I- for person, location, organization and misc.
/// Label ids are stable: they index model weights.
/// </summary>
internal static class NerLabels
{
    public const int Count = 9;
    public const int Outside = 0;

    private static readonly string[] s_names = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    public static string Name(int label) => s_names[label];

    public static bool IsBegin(int label) => label != Outside && (label & 1) == 1;

    public static bool IsInside(int label) => label != Outside && (label & 1) == 0;

    /// <summary>The entity type of a B- or I- label.</summary>
    public static EntityType TypeOf(int label) => ((label - 1) >> 1) switch
    {
        0 => EntityType.Person,
        1 => EntityType.Location,
        2 => EntityType.Organization,
        _ => EntityType.Misc,
    };

    /// <summary>The B- label of a type (0 = person .. 3 = misc).</summary>
    public static int Begin(int typeIndex) => 1 + (2 * typeIndex);

    /// <summary>BIO constraint: I-X only continues B-X or I-X; <paramref name="previous"/> -1 is the sentence start.</summary>
    public static bool Allowed(int previous, int label) =>
        !IsInside(label) || (previous > 0 && ((previous - 1) >> 1) == ((label - 1) >> 1));

    /// <summary>Parses "B-PER", "I-LOC", "O" with the type already mapped to PER/LOC/ORG/MISC; -1 when unknown.</summary>
    public static int Parse(string tag) => Array.IndexOf(s_names, tag);

    /// <summary>The names in a label sequence: each B- label with the I- labels of its type that follow it.</summary>
    public static ChunkEnumerator Chunks(ReadOnlySpan<int> labels) => new(labels);

    /// <summary>Enumerates the names of a label sequence as (start, end, B- label), without allocating.</summary>
    public ref struct ChunkEnumerator
    {
        private readonly ReadOnlySpan<int> _labels;
        private int _next;

        /// <summary>Starts before the first label.</summary>
        public ChunkEnumerator(ReadOnlySpan<int> labels)
        {
            _labels = labels;
        }

        /// <summary>The current name: its first word, the word after its last, and its B- label.</summary>
        public (int Start, int End, int Label) Current { get; private set; }

        /// <summary>Lets <c>foreach</c> run over <see cref="Chunks"/>.</summary>
        public readonly ChunkEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next B- label and takes the I- labels of its type after it.</summary>
        public bool MoveNext()
        {
            for (int i = _next; i < _labels.Length; i++)
            {
                int label = _labels[i];
                if (!IsBegin(label))
                {
                    continue;
                }

                int end = i + 1;
                while (end < _labels.Length && _labels[end] == label + 1)
                {
                    end++;
                }

                Current = (i, end, label);
                _next = end;
                return true;
            }

            _next = _labels.Length;
            return false;
        }
    }
}
