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
