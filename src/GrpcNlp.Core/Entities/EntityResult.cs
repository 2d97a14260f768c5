namespace GrpcNlp.Core.Entities;

/// <summary>The mentions (text order) and entities (most salient first) of a text.</summary>
/// <param name="Mentions">Every mention, in text order.</param>
/// <param name="Entities">The entities, most salient first.</param>
public sealed record EntityResult(IReadOnlyList<EntityMention> Mentions, IReadOnlyList<Entity> Entities);
