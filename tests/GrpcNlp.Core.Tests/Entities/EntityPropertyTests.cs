using System.Collections.Frozen;
using CsCheck;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Summarization;

namespace GrpcNlp.Core.Tests.Entities;

public sealed class EntityPropertyTests
{
    // Pieces that exercise every recognizer, joined at random.
    private static readonly string[] s_pieces =
    [
        "الرئيس", "سامر", "حداد", "والقاهرة", "بالقاهرة", "لندن", "في", "19", "يناير", "/", "كانون", "الثاني", "2024",
        "٣٠٪", "300", "دولار", "مليون", "Mr.", "Daniel", "Okafor", "Boston", "March", "5,", "$", "12.5", "%",
        "https://example.org", "a@b.org", ".", "،", "الجمعة", "وَالقاهرة", "ثلاثة", "the", "percent", "1st",
        "فريق", "نادي", "ضيفه", "العربي", "ليون", "الفرنسي", "مباراة", "البنك", "للبنك", "التجاري", "المركزي",
    ];

    private static readonly Gen<string> s_text = Gen.Int[0, s_pieces.Length - 1].Array[0, 40]
        .Select(indices => string.Join(' ', indices.Select(i => s_pieces[i])));

    [Fact]
    public void The_proclitic_before_an_entry_is_the_first_bare_form_that_is_one()
    {
        FrozenSet<string> entries = new[] { "البنك", "بنك", "نادي", "ليل", "يل" }.ToFrozenSet(StringComparer.Ordinal);
        string[] clitics = ["", "و", "ف", "ب", "ل", "وب", "فال", "وال", "لل", "ال"];
        string[] stems = ["البنك", "بنك", "نادي", "ليل", "يل", "نك", "ادي", "x"];
        Gen<string> words = Gen.Int[0, clitics.Length - 1].SelectMany(c => Gen.Int[0, stems.Length - 1].Select(w => clitics[c] + stems[w]));
        words.Sample(word =>
        {
            int? expected = entries.Contains(word) ? 0 : null;
            foreach ((string bare, int clitic) in Lexicons.StripProclitics(word))
            {
                if (expected is null && entries.Contains(bare))
                {
                    expected = clitic;
                }
            }

            Assert.Equal(expected, Lexicons.ProcliticBefore(word, entries));
        }, iter: 500);
    }

    [Fact]
    public void A_word_has_the_article_when_it_or_a_bare_form_starts_with_it()
    {
        string[] clitics = ["", "و", "ف", "ب", "ل", "ك", "وب", "فل", "وال", "بال", "لل", "ال"];
        string[] stems = ["ال", "البنك", "بنك", "لبنان", "امم", "ا", "x"];
        Gen<string> words = Gen.Int[0, clitics.Length - 1].SelectMany(c => Gen.Int[0, stems.Length - 1].Select(w => clitics[c] + stems[w]));
        words.Sample(word =>
        {
            bool expected = word.StartsWith("ال", StringComparison.Ordinal)
                || Lexicons.AnyBareForm(word, static bare => bare.StartsWith("ال", StringComparison.Ordinal));
            Assert.Equal(expected, Lexicons.HasArticle(word));
        }, iter: 500);
    }

    [Fact]
    public void Mentions_are_ordered_disjoint_and_inside_the_text()
    {
        var extractor = new EntityExtractor();
        s_text.Sample(text =>
        {
            foreach (var analyzed in new[] { HandAnalyzer.Analyze(text), RealAnalyzer.Analyze(text, "ar") })
            {
                EntityResult result = extractor.Extract(analyzed, [], TestContext.Current.CancellationToken);
                int previousEnd = 0;
                for (int m = 0; m < result.Mentions.Count; m++)
                {
                    EntityMention mention = result.Mentions[m];
                    Assert.True(mention.Span.Start >= previousEnd && mention.Span.End > mention.Span.Start && mention.Span.End <= text.Length);
                    Assert.False(char.IsWhiteSpace(text[mention.Span.Start]) || char.IsWhiteSpace(text[mention.Span.End - 1]));
                    Assert.Contains(m, result.Entities[mention.EntityIndex].MentionIndices);
                    previousEnd = mention.Span.End;
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void Summary_bounds_hold_for_random_options()
    {
        var summarizer = new ExtractiveSummarizer();
        Gen.Select(s_text.Array[1, 3], Gen.Int[0, 5], Gen.Float[0f, 1f], Gen.Int[0, 200]).Sample((texts, maxSentences, ratio, maxCharacters) =>
        {
            var documents = texts.Select(t => RealAnalyzer.Analyze(t, "ar")).ToArray();
            var options = new SummaryOptions { MaxSentences = maxSentences, Ratio = ratio, MaxCharacters = maxCharacters };
            SummaryResult result = summarizer.Summarize(documents, options, TestContext.Current.CancellationToken);
            Assert.Equal(documents.Sum(d => d.Sentences.Count), result.TotalSentences);
            if (result.TotalSentences > 0)
            {
                Assert.NotEmpty(result.Sentences);
            }

            if (maxSentences > 0)
            {
                Assert.True(result.Sentences.Count <= maxSentences);
            }

            if (ratio > 0f)
            {
                Assert.True(result.Sentences.Count <= Math.Max(1, (int)Math.Ceiling(ratio * result.TotalSentences)));
            }

            if (maxCharacters > 0 && result.Sentences.Count > 1)
            {
                Assert.True(result.Sentences.Sum(s => s.Span.Length) <= maxCharacters);
            }

            Assert.Equal(result.Sentences.Count, result.Sentences.Select(s => (s.DocumentIndex, s.SentenceIndex)).Distinct().Count());
        }, iter: 100);
    }
}
