namespace GrpcNlp.Core.Languages;

/// <summary>Detects the language of a text from its script.</summary>
public static class LanguageDetector
{
    /// <summary>Returns "ar" for mostly Arabic script, "en" for mostly Latin script, "und" otherwise.</summary>
    public static string Detect(ReadOnlySpan<char> text) => throw new NotImplementedException();
}
