using System.Globalization;
using CoreEntities = GrpcNlp.Core.Entities;

namespace GrpcNlp.Server.Mapping;

// Entity types, mentions and entities.
internal static partial class ProtoMapper
{
    public static V1.EntityType ToProto(CoreEntities.EntityType type) => type switch
    {
        CoreEntities.EntityType.Person => V1.EntityType.Person,
        CoreEntities.EntityType.Location => V1.EntityType.Location,
        CoreEntities.EntityType.Organization => V1.EntityType.Organization,
        CoreEntities.EntityType.Misc => V1.EntityType.Misc,
        CoreEntities.EntityType.Date => V1.EntityType.Date,
        CoreEntities.EntityType.Time => V1.EntityType.Time,
        CoreEntities.EntityType.Duration => V1.EntityType.Duration,
        CoreEntities.EntityType.Number => V1.EntityType.Number,
        CoreEntities.EntityType.Ordinal => V1.EntityType.Ordinal,
        CoreEntities.EntityType.Percent => V1.EntityType.Percent,
        CoreEntities.EntityType.Money => V1.EntityType.Money,
        CoreEntities.EntityType.Quantity => V1.EntityType.Quantity,
        CoreEntities.EntityType.Url => V1.EntityType.Url,
        CoreEntities.EntityType.Email => V1.EntityType.Email,
        CoreEntities.EntityType.Phone => V1.EntityType.Phone,
        _ => V1.EntityType.Unspecified,
    };

    /// <summary>Core entity type of a validated (defined, not UNSPECIFIED) proto type.</summary>
    public static CoreEntities.EntityType ToCore(V1.EntityType type) => type switch
    {
        V1.EntityType.Person => CoreEntities.EntityType.Person,
        V1.EntityType.Location => CoreEntities.EntityType.Location,
        V1.EntityType.Organization => CoreEntities.EntityType.Organization,
        V1.EntityType.Misc => CoreEntities.EntityType.Misc,
        V1.EntityType.Date => CoreEntities.EntityType.Date,
        V1.EntityType.Time => CoreEntities.EntityType.Time,
        V1.EntityType.Duration => CoreEntities.EntityType.Duration,
        V1.EntityType.Number => CoreEntities.EntityType.Number,
        V1.EntityType.Ordinal => CoreEntities.EntityType.Ordinal,
        V1.EntityType.Percent => CoreEntities.EntityType.Percent,
        V1.EntityType.Money => CoreEntities.EntityType.Money,
        V1.EntityType.Quantity => CoreEntities.EntityType.Quantity,
        V1.EntityType.Url => CoreEntities.EntityType.Url,
        V1.EntityType.Email => CoreEntities.EntityType.Email,
        V1.EntityType.Phone => CoreEntities.EntityType.Phone,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Entity types are validated before mapping."),
    };

    /// <summary>The options' reference date, or null when it is empty or not a <c>YYYY-MM-DD</c> date (the validator rejects the latter).</summary>
    public static DateOnly? ReferenceDate(V1.EntityOptions? options) =>
        options is { ReferenceDate.Length: > 0 }
        && DateOnly.TryParseExact(options.ReferenceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : null;

    public static IReadOnlyCollection<CoreEntities.EntityType> ToCore(V1.EntityOptions? options)
    {
        if (options is null || options.Types_.Count == 0)
        {
            return [];
        }

        var types = new HashSet<CoreEntities.EntityType>();
        foreach (V1.EntityType type in options.Types_)
        {
            types.Add(ToCore(type));
        }

        return types;
    }

    /// <summary>Fills the mentions and entities of a response from a Core result.</summary>
    public static void AddEntities(CoreEntities.EntityResult result, string text, SpanMapper mapper,
        ICollection<V1.EntityMention> mentions, ICollection<V1.Entity> entities)
    {
        foreach (CoreEntities.EntityMention mention in result.Mentions)
        {
            mentions.Add(new V1.EntityMention
            {
                Span = mapper.Map(mention.Span),
                Text = text.Substring(mention.Span.Start, mention.Span.Length),
                Type = ToProto(mention.Type),
                Confidence = mention.Confidence,
                NormalizedValue = mention.NormalizedValue ?? string.Empty,
                EntityIndex = mention.EntityIndex,
            });
        }

        foreach (CoreEntities.Entity entity in result.Entities)
        {
            var proto = new V1.Entity { CanonicalName = entity.CanonicalName, Type = ToProto(entity.Type), Salience = entity.Salience };
            proto.MentionIndices.AddRange(entity.MentionIndices);
            entities.Add(proto);
        }
    }
}
