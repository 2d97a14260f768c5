using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Core.Tests.Tokenization;

public sealed class WordTokenizerTests
{
    private readonly WordTokenizer _tokenizer = new();

    /// <summary>Text and its expected tokens as "surface/Type" separated by " | ".</summary>
    public static TheoryData<string, string> Cases => new()
    {
        // English words, contractions, hyphens, abbreviations, initials.
        { "Hello, world!", "Hello/Word | ,/Punctuation | world/Word | !/Punctuation" },
        { "I don't know.", "I/Word | do/Word | n't/Word | know/Word | ./Punctuation" },
        { "It's John’s car; we'll see.", "It/Word | 's/Word | John/Word | ’s/Word | car/Word | ;/Punctuation | we/Word | 'll/Word | see/Word | ./Punctuation" },
        { "O'Brien can't", "O'Brien/Word | ca/Word | n't/Word" },
        { "a state-of-the-art F-16", "a/Word | state/Word | -/Punctuation | of/Word | -/Punctuation | the/Word | -/Punctuation | art/Word | F/Word | -/Punctuation | 16/Number" },
        { "a 15-year term", "a/Word | 15/Number | -/Punctuation | year/Word | term/Word" },
        { "re-elect the non-Western co-chair by e-mail, clock-wise", "re-elect/Word | the/Word | non-Western/Word | co-chair/Word | by/Word | e-mail/Word | ,/Punctuation | clock-wise/Word" },
        { "call 555-0123 or 212-555-0123, not 2020-2021", "call/Word | 555-0123/Number | or/Word | 212-555-0123/Number | ,/Punctuation | not/Word | 2020/Number | -/Punctuation | 2021/Number" },
        { "a 375mm lens at 3pm on the 4th in the 1990s and 70's", "a/Word | 375/Number | mm/Word | lens/Word | at/Word | 3/Number | pm/Word | on/Word | the/Word | 4th/Word | in/Word | the/Word | 1990s/Word | and/Word | 70's/Word" },
        { "b/c w/o and/or", "b/c/Word | w/o/Word | and/Word | //Punctuation | or/Word" },
        { "Acme, Inc.. Next", "Acme/Word | ,/Punctuation | Inc./Word | ./Punctuation | Next/Word" },
        { "Dr. Smith met J. Doe in the U.S. today", "Dr./Word | Smith/Word | met/Word | J./Word | Doe/Word | in/Word | the/Word | U.S./Word | today/Word" },
        { "e.g. 9 a.m. at bbc.com.", "e.g./Word | 9/Number | a.m./Word | at/Word | bbc.com/Word | ./Punctuation" },
        { "the end.Next one", "the/Word | end/Word | ./Punctuation | Next/Word | one/Word" },
        { "via Newsfeed.Com - or ORG.NET, the end.Common", "via/Word | Newsfeed.Com/Word | -/Punctuation | or/Word | ORG.NET/Word | ,/Punctuation | the/Word | end/Word | ./Punctuation | Common/Word" },
        { "students' books", "students/Word | '/Punctuation | books/Word" },
        { "snake_case", "snake_case/Word" },

        // Numbers and percentages.
        { "1,400 and 1.3 in 2020.", "1,400/Number | and/Word | 1.3/Number | in/Word | 2020/Number | ./Punctuation" },
        { "grew 12.5% in 2020-2021", "grew/Word | 12.5/Number | %/Punctuation | in/Word | 2020/Number | -/Punctuation | 2021/Number" },
        { "costs $100", "costs/Word | $/Symbol | 100/Number" },
        { "1 + 2 = 3", "1/Number | +/Symbol | 2/Number | =/Symbol | 3/Number" },

        // Arabic: diacritics and tatweel inside words, Arabic-Indic digits and separators.
        { "كَتَبَ الطالبُ الدرسَ.", "كَتَبَ/Word | الطالبُ/Word | الدرسَ/Word | ./Punctuation" },
        { "جمـيـل جداً", "جمـيـل/Word | جداً/Word" },
        { "ارتفع بنسبة ٣٫٥٪ إلى ١٬٤٠٠ دولار", "ارتفع/Word | بنسبة/Word | ٣٫٥/Number | ٪/Punctuation | إلى/Word | ١٬٤٠٠/Number | دولار/Word" },
        { "هل حضرت؟ نعم، حضرت!", "هل/Word | حضرت/Word | ؟/Punctuation | نعم/Word | ،/Punctuation | حضرت/Word | !/Punctuation" },
        { "قال «مرحبا» اليوم .", "قال/Word | «/Punctuation | مرحبا/Word | »/Punctuation | اليوم/Word | ./Punctuation" },
        { "د. أحمد", "د./Word | أحمد/Word" },
        { "في عام 2020م", "في/Word | عام/Word | 2020م/Word" },

        // URLs, e-mails, hashtags, mentions.
        { "See https://example.com/a?b=1.", "See/Word | https://example.com/a?b=1/Url | ./Punctuation" },
        { "(www.example.org)", "(/Punctuation | www.example.org/Url | )/Punctuation" },
        { "https://en.wikipedia.org/wiki/Foo_(bar), ok", "https://en.wikipedia.org/wiki/Foo_(bar)/Url | ,/Punctuation | ok/Word" },
        { "الرابط https://example.com/مصر، ثم", "الرابط/Word | https://example.com/مصر/Url | ،/Punctuation | ثم/Word" },
        { "Mail john.doe@example.co.uk.", "Mail/Word | john.doe@example.co.uk/Email | ./Punctuation" },
        { "From: jo...@example.com", "From/Word | :/Punctuation | jo...@example.com/Email" },
        { "#مصر and #NLP2024 by @user_1", "#مصر/Hashtag | and/Word | #NLP2024/Hashtag | by/Word | @user_1/Mention" },
        { "#1 fan", "#/Punctuation | 1/Number | fan/Word" },

        // Emoji sequences.
        { "hi 😀!", "hi/Word | 😀/Emoji | !/Punctuation" },
        { "👍🏽 ok", "👍🏽/Emoji | ok/Word" },
        { "👨‍👩‍👧", "👨‍👩‍👧/Emoji" },
        { "❤️🇪🇬", "❤️/Emoji | 🇪🇬/Emoji" },
        { "1️⃣ item", "1️⃣/Emoji | item/Word" },
        { "great :) ok :-( fine;) <3 :D", "great/Word | :)/Emoji | ok/Word | :-(/Emoji | fine/Word | ;)/Emoji | <3/Emoji | :D/Emoji" },
        { "Re:Pablo at 10:30 (note:)", "Re/Word | :/Punctuation | Pablo/Word | at/Word | 10:30/Number | (/Punctuation | note/Word | :)/Emoji" },
        { "#️⃣ ©️ 🏴󠁧󠁢󠁳󠁣󠁴󠁿", "#️⃣/Emoji | ©️/Emoji | 🏴󠁧󠁢󠁳󠁣󠁴󠁿/Emoji" },
        { "رائع😀👍", "رائع/Word | 😀/Emoji | 👍/Emoji" },

        // Punctuation runs and symbols.
        { "wait... what…", "wait/Word | .../Punctuation | what/Word | …/Punctuation" },
        { "?!", "?!/Punctuation" },
        { "really?!? yes..? ok!.", "really/Word | ?!?/Punctuation | yes/Word | ..?/Punctuation | ok/Word | !./Punctuation" },
        { "----== news ==---- $$$", "----==/Punctuation | news/Word | ==----/Symbol | $$$/Symbol" },
        { "wow!!! ---- ok", "wow/Word | !!!/Punctuation | ----/Punctuation | ok/Word" },
        { "at 10:30 on 2024/11/05", "at/Word | 10:30/Number | on/Word | 2024/11/05/Number" },
        { "a → b", "a/Word | →/Symbol | b/Word" },

        // Invisible characters and edge cases.
        { "  \t\n ", "" },
        { "\u200Fمرحبا\u200F", "مرحبا/Word" },
        { "x\uD800y", "x/Word | \uD800/Symbol | y/Word" },
        { "\u064E", "\u064E/Symbol" },
        { "中文", "中/Word | 文/Word" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tokenize_ProducesExpectedTokens(string text, string expected)
    {
        IReadOnlyList<Token> tokens = _tokenizer.Tokenize(text);

        string actual = string.Join(" | ", tokens.Select(t => $"{text[t.Span.Start..t.Span.End]}/{t.Type}"));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tokenize_SpansAreOrderedNonOverlappingAndNeverWhitespace(string text, string expected)
    {
        _ = expected;
        TokenInvariants.AssertValid(text, _tokenizer.Tokenize(text));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    [InlineData(20_000)]
    public void Tokenize_GivesAnExactlySizedListOfWhatIntoListGives_CallAfterCall(int words)
    {
        // Up to 20,000 words is past the length tokenized through the per-thread list.
        string text = string.Join(' ', Enumerable.Range(0, words).Select(i => i % 3 == 0 ? $"كلمة{i}," : $"word{i}"));
        var expected = new List<Token>();
        _tokenizer.Tokenize(text.AsSpan(), expected);

        IReadOnlyList<Token> first = _tokenizer.Tokenize(text);
        Token[] firstCopy = [.. first];
        IReadOnlyList<Token> second = _tokenizer.Tokenize("other text, then more.");

        Assert.Equal(expected, first);
        Assert.Equal(firstCopy, first);
        Assert.Equal(6, second.Count);
        if (text.Length <= 64 * 1024)
        {
            Assert.Equal(first.Count, ((List<Token>)first).Capacity);
        }
    }
}
