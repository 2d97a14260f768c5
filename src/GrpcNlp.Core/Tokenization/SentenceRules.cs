namespace GrpcNlp.Core.Tokenization;

/// <summary>The language-specific choices of the <see cref="SentenceSegmenter"/>.</summary>
/// <remarks>
/// Most rules hold for every language (mixed-language news is common); these are the ones that
/// differ. English: a lower-case word after ". ? !" starts a new sentence (informal text writes
/// "see you. call me"); elsewhere, including Arabic, which has no letter case, and languages whose
/// rules are not known, it continues the sentence.
/// </remarks>
internal sealed class SentenceRules
{
    private SentenceRules(bool lowerCaseMayStartSentence)
    {
        LowerCaseMayStartSentence = lowerCaseMayStartSentence;
    }

    /// <summary>Rules for text of unknown language: the conservative choices.</summary>
    public static SentenceRules Default { get; } = new(lowerCaseMayStartSentence: false);

    /// <summary>Rules for English.</summary>
    public static SentenceRules English { get; } = new(lowerCaseMayStartSentence: true);

    /// <summary>Whether a lower-case word after a full stop, question or exclamation mark may start a sentence.</summary>
    public bool LowerCaseMayStartSentence { get; }

    /// <summary>The rules for a BCP-47 tag (its primary language subtag); <see cref="Default"/> when unknown or empty.</summary>
    public static SentenceRules For(string language)
    {
        ReadOnlySpan<char> primary = language.AsSpan();
        int dash = primary.IndexOfAny('-', '_');
        if (dash >= 0)
        {
            primary = primary[..dash];
        }

        return primary.Equals("en", StringComparison.OrdinalIgnoreCase) ? English : Default;
    }
}
