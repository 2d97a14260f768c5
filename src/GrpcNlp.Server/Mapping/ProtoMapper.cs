using GrpcNlp.Core.Text;

namespace GrpcNlp.Server.Mapping;

/// <summary>Maps proto options and enums to Core and Core results back to proto.</summary>
internal static partial class ProtoMapper
{
    /// <summary>The offset unit of an encoding; UNSPECIFIED means UTF-8, the wire encoding.</summary>
    public static OffsetUnit ToUnit(V1.OffsetEncoding encoding) => encoding switch
    {
        V1.OffsetEncoding.Utf16 => OffsetUnit.Utf16,
        V1.OffsetEncoding.CodePoint => OffsetUnit.CodePoint,
        _ => OffsetUnit.Utf8,
    };
}
