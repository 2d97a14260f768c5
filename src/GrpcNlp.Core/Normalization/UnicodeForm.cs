namespace GrpcNlp.Core.Normalization;

/// <summary>The Unicode normalization form a normalizer applies.</summary>
public enum UnicodeForm
{
    /// <summary>No Unicode normalization.</summary>
    None,

    /// <summary>Canonical composition.</summary>
    Nfc,

    /// <summary>Compatibility composition.</summary>
    Nfkc,
}
