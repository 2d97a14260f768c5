using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Normalization;

/// <summary>
/// What a <see cref="StreamingNormalizer"/> made final after one push: the piece of the
/// original it consumed, its normalization, and the edits between the two with offsets LOCAL
/// to these two pieces (the caller adds its running bases).
/// </summary>
/// <param name="Original">The original text consumed by this chunk.</param>
/// <param name="Normalized">The normalized text of <paramref name="Original"/>.</param>
/// <param name="Edits">Edits with offsets local to the two pieces.</param>
public sealed record NormalizedChunk(string Original, string Normalized, IReadOnlyList<TextEdit> Edits);
