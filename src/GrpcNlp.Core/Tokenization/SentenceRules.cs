using System.Collections.Frozen;

namespace GrpcNlp.Core.Tokenization;

/// <summary>The language-specific choices of the <see cref="SentenceSegmenter"/>.</summary>
/// <remarks>
/// Most rules hold for every language (mixed-language news is common); these are the ones that
/// differ. English: a lower-case word after ". ? !" starts a new sentence (informal text writes
/// "see you. call me"); elsewhere, including Arabic, which has no letter case, and languages whose
/// rules are not known, it continues the sentence. English letters and e-mails also end a
/// sentence after the comma of a salutation or closing that opens it ("Thanks, Anna", "Best
/// regards, Sam").
/// </remarks>
internal sealed class SentenceRules
{
    private static readonly FrozenSet<string> s_englishLetterFormulas = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "thanks", "thank you", "thanks again", "many thanks", "regards", "best regards", "kind regards", "warm regards",
        "kindest regards", "best wishes", "sincerely", "yours sincerely", "yours truly", "cheers", "best", "love",
        "hi", "hello", "hey", "dear", "dear all", "greetings");

    private readonly FrozenSet<string>? _letterFormulaSet;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>? _letterFormulas;
    private readonly Func<SentenceBoundaryModel>? _boundaryModel;

    private SentenceRules(bool lowerCaseMayStartSentence, FrozenSet<string>? letterFormulas, Func<SentenceBoundaryModel>? boundaryModel)
    {
        LowerCaseMayStartSentence = lowerCaseMayStartSentence;
        _letterFormulaSet = letterFormulas;
        _letterFormulas = letterFormulas?.GetAlternateLookup<ReadOnlySpan<char>>();
        _boundaryModel = boundaryModel;
    }

    /// <summary>Rules for text of unknown language: the conservative choices.</summary>
    public static SentenceRules Default { get; } = new(lowerCaseMayStartSentence: false, letterFormulas: null, boundaryModel: null);

    /// <summary>Rules for English, with the embedded boundary model (loaded on first use).</summary>
    public static SentenceRules English { get; } = new(lowerCaseMayStartSentence: true, s_englishLetterFormulas, static () => SentenceBoundaryModel.English);

    /// <summary>
    /// The trained model that makes the final decision at each gap, seeing the rules' verdict as a
    /// feature; null when the rules decide alone.
    /// </summary>
    public SentenceBoundaryModel? BoundaryModel => _boundaryModel?.Invoke();

    /// <summary>Whether a lower-case word after a full stop, question or exclamation mark may start a sentence.</summary>
    public bool LowerCaseMayStartSentence { get; }

    /// <summary>
    /// Whether <paramref name="words"/> (the words before a comma that opens a sentence, joined by
    /// single spaces) are a letter's salutation or closing, after which the comma ends a sentence.
    /// </summary>
    public bool IsLetterFormula(ReadOnlySpan<char> words)
    {
        if (_letterFormulas is not { } formulas)
        {
            return false;
        }

        if (formulas.Contains(words))
        {
            return true;
        }

        // A greeting and a name: "Dear Anna", "Hi Sam Lee".
        int space = words.IndexOf(' ');
        if (space <= 0 || !formulas.Contains(words[..space]) || words[..space] is not ("Dear" or "Hi" or "Hello" or "Hey"))
        {
            return false;
        }

        ReadOnlySpan<char> name = words[(space + 1)..];
        int names = 0;
        foreach (Range part in name.Split(' '))
        {
            if (name[part].IsEmpty || !char.IsUpper(name[part][0]))
            {
                return false;
            }

            names++;
        }

        return names <= 2;
    }

    /// <summary>These rules with <paramref name="model"/> deciding instead (null: the rules alone), for training and evaluation.</summary>
    public SentenceRules WithBoundaryModel(SentenceBoundaryModel? model) =>
        new(LowerCaseMayStartSentence, _letterFormulaSet, model is null ? null : () => model);

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
