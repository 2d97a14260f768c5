namespace GrpcNlp.Core.Entities;

/// <summary>The type of an entity.</summary>
public enum EntityType
{
    /// <summary>A person.</summary>
    Person,

    /// <summary>A place.</summary>
    Location,

    /// <summary>An organization.</summary>
    Organization,

    /// <summary>Another named thing.</summary>
    Misc,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>A time of day.</summary>
    Time,

    /// <summary>A duration.</summary>
    Duration,

    /// <summary>A cardinal number.</summary>
    Number,

    /// <summary>An ordinal number.</summary>
    Ordinal,

    /// <summary>A percentage.</summary>
    Percent,

    /// <summary>An amount of money.</summary>
    Money,

    /// <summary>A quantity with a unit.</summary>
    Quantity,

    /// <summary>A URL.</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A phone number.</summary>
    Phone,
}
