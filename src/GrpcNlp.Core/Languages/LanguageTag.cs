namespace GrpcNlp.Core.Languages;

/// <summary>BCP-47 language tags.</summary>
public static class LanguageTag
{
    /// <summary>Whether <paramref name="tag"/> is a well-formed BCP-47 tag (RFC 5646 syntax).</summary>
    public static bool IsWellFormed(string tag) => throw new NotImplementedException();

    /// <summary>The primary language subtag, lower case ("ar" for "ar-EG").</summary>
    public static string PrimaryLanguage(string tag) => throw new NotImplementedException();
}
