namespace GrpcNlp.Core.Text;

/// <summary>The unit in which offsets are reported to a caller.</summary>
public enum OffsetUnit
{
    /// <summary>UTF-16 code units (C#, Java, JavaScript).</summary>
    Utf16,

    /// <summary>UTF-8 bytes (Go, Rust, C).</summary>
    Utf8,

    /// <summary>Unicode code points (Python).</summary>
    CodePoint,
}
