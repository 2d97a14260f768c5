namespace GrpcNlp.Core.Text;

/// <summary>
/// One edit of a normalization: <see cref="Original"/> of the original text was replaced by
/// <see cref="Normalized"/> of the normalized text. Text between two edits is unchanged.
/// </summary>
/// <param name="Original">The replaced span of the original text.</param>
/// <param name="Normalized">The replacing span of the normalized text (empty for a deletion).</param>
public readonly record struct TextEdit(TextSpan Original, TextSpan Normalized);
