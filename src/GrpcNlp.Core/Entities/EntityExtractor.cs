using GrpcNlp.Core.Pipeline;

namespace GrpcNlp.Core.Entities;

/// <summary>Finds pattern entities and named entities in an analyzed text and groups mentions.</summary>
public sealed class EntityExtractor
{
    /// <summary>Extracts the entities of <paramref name="text"/>, only of <paramref name="types"/> when not empty.</summary>
    public EntityResult Extract(AnalyzedText text, IReadOnlyCollection<EntityType> types, CancellationToken cancellationToken) => throw new NotImplementedException();
}
