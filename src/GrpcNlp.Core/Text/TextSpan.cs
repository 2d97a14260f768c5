namespace GrpcNlp.Core.Text;

/// <summary>
/// A half-open range [<see cref="Start"/>, <see cref="End"/>) of UTF-16 code units in a string.
/// Core works in UTF-16 indices of the ORIGINAL text; other units are produced at the edge by
/// <see cref="OffsetConverter"/>.
/// </summary>
/// <param name="Start">Index of the first code unit.</param>
/// <param name="End">Index one past the last code unit; equal to <paramref name="Start"/> when empty.</param>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of UTF-16 code units in the span.</summary>
    public int Length => End - Start;

    /// <summary>Whether the span covers no code unit.</summary>
    public bool IsEmpty => End == Start;
}
