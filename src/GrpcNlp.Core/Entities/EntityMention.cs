using GrpcNlp.Core.Text;

namespace GrpcNlp.Core.Entities;

/// <summary>One mention of an entity.</summary>
/// <param name="Span">The mention's span in the original text (UTF-16).</param>
/// <param name="Type">The mention's type.</param>
/// <param name="Confidence">Confidence in [0, 1].</param>
/// <param name="NormalizedValue">Resolved value (ISO 8601 date, decimal, "USD 300"), or null.</param>
/// <param name="EntityIndex">Index of the entity it belongs to in <see cref="EntityResult.Entities"/>.</param>
public sealed record EntityMention(TextSpan Span, EntityType Type, float Confidence, string? NormalizedValue, int EntityIndex);
