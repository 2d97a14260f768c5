using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Tests.Tokenization;

public sealed class SentenceSegmenterTests
{
    private readonly WordTokenizer _tokenizer = new();
    private readonly SentenceSegmenter _segmenter = new();

    /// <summary>Text and its expected sentences separated by " || ".</summary>
    public static TheoryData<string, string> Cases => new()
    {
        { "Hello there. How are you? Fine!", "Hello there. || How are you? || Fine!" },
        { "Dr. Smith arrived. He sat.", "Dr. Smith arrived. || He sat." },
        { "J. R. Tolkien wrote it. Then he slept.", "J. R. Tolkien wrote it. || Then he slept." },
        { "It rose 1.3 percent. Then fell.", "It rose 1.3 percent. || Then fell." },
        { "The U.S. economy grew. Good.", "The U.S. economy grew. || Good." },
        { "Apples, pears, etc. Then more.", "Apples, pears, etc. || Then more." },
        { "Apples, pears, etc. and more.", "Apples, pears, etc. and more." },
        { "He said \"stop.\" Then left.", "He said \"stop.\" || Then left." },
        { "(It was late.) We left.", "(It was late.) || We left." },
        { "Wait... what? Really?! Yes.", "Wait... what? || Really?! || Yes." },
        { "Wait... Then go.", "Wait... || Then go." },
        { "1. First item\n2. Second item", "1. First item || 2. Second item" },
        { "A heading\nThe body text. More", "A heading || The body text. || More" },
        { "Visit example.com. It works.", "Visit example.com. || It works." },
        { "Call ext. 1234 now. Thanks!!! Bye", "Call ext. 1234 now. || Thanks!!! || Bye" },
        { "He paused... , then left.", "He paused... , then left." },
        { "The Drs. Ali and Omar agreed. PS. Call me.", "The Drs. Ali and Omar agreed. || PS. Call me." },
        { "Made by ACME PVT. LTD. We ship.", "Made by ACME PVT. LTD. || We ship." },
        { "Links: https://a.example/1 www.b.example/2 https://c.example", "Links: https://a.example/1 || www.b.example/2 || https://c.example" },
        { "روابط: https://a.example/1 https://b.example/2", "روابط: https://a.example/1 || https://b.example/2" },

        // Arabic.
        { "هل حضرت الاجتماع؟ نعم حضرت!", "هل حضرت الاجتماع؟ || نعم حضرت!" },
        { "انتهى الاجتماع . وبدأ المؤتمر .", "انتهى الاجتماع . || وبدأ المؤتمر ." },
        { "قال المتحدث: «انتهى الأمر.» ثم غادر.", "قال المتحدث: «انتهى الأمر.» || ثم غادر." },
        { "ارتفعت الأسعار بنسبة ٣٫٥٪. وقال الوزير؛ إن الوضع مستقر.", "ارتفعت الأسعار بنسبة ٣٫٥٪. || وقال الوزير؛ إن الوضع مستقر." },
        { "التقى د. أحمد بالوزير. ثم عاد.", "التقى د. أحمد بالوزير. || ثم عاد." },
        { "برلين (د. ب. أ.) - قال الرئيس. وأضاف.", "برلين (د. ب. أ.) - قال الرئيس. || وأضاف." },
        { "انتهت المنطقة. .\nوأضاف", "انتهت المنطقة. . || وأضاف" },
        { "عنوان الخبر\nنص الخبر هنا", "عنوان الخبر || نص الخبر هنا" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Segment_SplitsAtSentenceEnds(string text, string expected)
    {
        IReadOnlyList<Token> tokens = _tokenizer.Tokenize(text);
        IReadOnlyList<Sentence> sentences = _segmenter.Segment(text, tokens, "");

        TokenInvariants.AssertCover(tokens, sentences);
        Assert.Equal(expected, string.Join(" || ", sentences.Select(s => text[s.Span.Start..s.Span.End])));
    }

    /// <summary>Text, language and expected sentences: the rules that depend on the language or look ahead.</summary>
    public static TheoryData<string, string, string> LanguageCases => new()
    {
        // English: a lower-case word after ". ? !" starts a sentence in informal text...
        { "see you there. call me later? ok!", "en", "see you there. || call me later? || ok!" },
        { "see you there. call me later", "ar", "see you there. call me later" },
        { "see you there. call me later", "", "see you there. call me later" },

        // ...but not after an ellipsis, a closing quote, an abbreviation or a glued word.
        { "I waited... and waited.", "en", "I waited... and waited." },
        { "\"Why?\" he asked.", "en", "\"Why?\" he asked." },
        { "Apples, pears, etc. and more.", "en", "Apples, pears, etc. and more." },
        { "Open report.doc today.", "en", "Open report.doc today." },
        { "Well...Now what? Fine.", "en", "Well...Now what? || Fine." },

        // English letters: the comma of an opening salutation or closing ends a sentence.
        { "Thanks, Anna will call you.", "en", "Thanks, || Anna will call you." },
        { "Best regards, Sam Lee", "en", "Best regards, || Sam Lee" },
        { "Dear Anna, The report is ready.", "en", "Dear Anna, || The report is ready." },
        { "Thanks, but no.", "en", "Thanks, but no." },
        { "Thanks, Anna will call you.", "", "Thanks, Anna will call you." },
        { "Paris, France is far.", "en", "Paris, France is far." },

        // An ASCII emoticon between a word and a capitalized word ends a sentence.
        { "Loved it :) The staff was kind", "en", "Loved it :) || The staff was kind" },
        { "Loved it :) the staff was kind", "en", "Loved it :) the staff was kind" },

        // Elided text between brackets is not a sentence end.
        { "He said ( ... ) that it ended. Then", "en", "He said ( ... ) that it ended. || Then" },
        { "قال المحامي ( . . . ) بشأن القضية . ثم غادر", "ar", "قال المحامي ( . . . ) بشأن القضية . || ثم غادر" },

        // A news agency byline after the last sentence of a story belongs to it.
        { "وأضاف أن الوضع مستقر. (د ب أ)", "ar", "وأضاف أن الوضع مستقر. (د ب أ)" },
        { "قال المتحدث. (رويترز)\nخبر آخر.", "ar", "قال المتحدث. (رويترز) || خبر آخر." },
        { "The talks ended. (AFP)", "en", "The talks ended. (AFP)" },
        { "The talks ended. (AFP) They resume today.", "", "The talks ended. || (AFP) They resume today." },
        { "It ended. (see the report on page four today)", "en", "It ended. || (see the report on page four today)" },
    };

    [Theory]
    [MemberData(nameof(LanguageCases))]
    public void Segment_AppliesLanguageAndLookaheadRules(string text, string language, string expected)
    {
        IReadOnlyList<Token> tokens = _tokenizer.Tokenize(text);
        IReadOnlyList<Sentence> sentences = _segmenter.Segment(text, tokens, language);

        TokenInvariants.AssertCover(tokens, sentences);
        Assert.Equal(expected, string.Join(" || ", sentences.Select(s => text[s.Span.Start..s.Span.End])));
    }

    [Fact]
    public void Segment_CutsOverlongSentences()
    {
        string text = string.Join(' ', Enumerable.Repeat("word", SentenceSegmenter.MaxSentenceTokens + 10));
        IReadOnlyList<Token> tokens = _tokenizer.Tokenize(text);
        IReadOnlyList<Sentence> sentences = _segmenter.Segment(text, tokens, "en");

        TokenInvariants.AssertCover(tokens, sentences);
        Assert.Equal([SentenceSegmenter.MaxSentenceTokens, 10], sentences.Select(s => s.TokenCount));
    }
}
