using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Normalization;

/// <summary>
/// What a <see cref="StreamingNormalizer"/> made final after one
/// <see cref="StreamingNormalizer.PushPiece"/>: the piece of the original it consumed, its
/// normalization, and the edits between the two with offsets LOCAL to these two pieces. The
/// spans point into the normalizer's own buffers and stay valid only until its next push, so a
/// stream copies nothing it does not send.
/// </summary>
public readonly ref struct NormalizedPiece
{
    /// <summary>Creates a piece from its parts.</summary>
    /// <param name="original">The original text consumed by this push.</param>
    /// <param name="normalized">The normalized text of <paramref name="original"/>.</param>
    /// <param name="edits">Edits with offsets local to the two pieces, in order.</param>
    public NormalizedPiece(ReadOnlySpan<char> original, ReadOnlySpan<char> normalized, ReadOnlySpan<TextEdit> edits)
    {
        Original = original;
        Normalized = normalized;
        Edits = edits;
    }

    /// <summary>The original text consumed by this push.</summary>
    public ReadOnlySpan<char> Original { get; }

    /// <summary>The normalized text of <see cref="Original"/>.</summary>
    public ReadOnlySpan<char> Normalized { get; }

    /// <summary>Edits with offsets local to the two pieces, in order.</summary>
    public ReadOnlySpan<TextEdit> Edits { get; }

    /// <summary>Whether the push made nothing final.</summary>
    public bool IsEmpty => Original.IsEmpty && Normalized.IsEmpty;
}
