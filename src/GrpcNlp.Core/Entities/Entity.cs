namespace GrpcNlp.Core.Entities;

/// <summary>The mentions that refer to one thing, grouped.</summary>
/// <param name="CanonicalName">The most complete mention's text.</param>
/// <param name="Type">The entity's type.</param>
/// <param name="Salience">Salience in [0, 1].</param>
/// <param name="MentionIndices">Indices of its mentions in <see cref="EntityResult.Mentions"/>, in text order.</param>
public sealed record Entity(string CanonicalName, EntityType Type, float Salience, IReadOnlyList<int> MentionIndices);
