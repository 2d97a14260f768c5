using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Summarization;

namespace GrpcNlp.Core.Tests.Entities;

public sealed class PipelineTests
{
    [Fact]
    public void Lexicon_keys_are_search_normalized()
    {
        var normalizer = new TextNormalizer(NormalizationOptions.Search);
        Assert.All(Lexicons.Gazetteer.Keys, k => Assert.Equal(normalizer.NormalizeToString(k), k));
        Assert.All(Lexicons.StopWords, k => Assert.Equal(normalizer.NormalizeToString(k), k));
    }

    [Fact]
    public void Folding_agrees_with_search_normalization_on_words()
    {
        var normalizer = new TextNormalizer(NormalizationOptions.Search);
        foreach (string word in (string[])["وَالقاهرةُ", "إسرائيل", "مستشفى", "أيّار", "٢٠٢٤", "Boston", "ـمدينـة"])
        {
            Assert.Equal(normalizer.NormalizeToString(word), EntityText.Fold(word));
        }
    }

    [Fact]
    public void Analyzer_to_entities_and_summary()
    {
        const string Text = "استقبل الرئيس سامر حداد في القاهرة يوم الأحد 3 مايو 2026 وفدا تجاريا. وناقش حداد مع الوفد صفقة بقيمة 300 مليون دولار. وقال حداد إن الصفقة ستوفر آلاف الوظائف في القاهرة.";
        AnalyzedText analyzed = new TextAnalyzer().Analyze(Text, string.Empty, NormalizationOptions.Search, TestContext.Current.CancellationToken);
        EntityResult entities = new EntityExtractor().Extract(analyzed, [], TestContext.Current.CancellationToken);
        Entity haddad = Assert.Single(entities.Entities, e => e.Type == EntityType.Person);
        Assert.Equal("سامر حداد", haddad.CanonicalName);
        Assert.Equal(3, haddad.MentionIndices.Count);
        Assert.Contains(entities.Mentions, m => m.Type == EntityType.Date && m.NormalizedValue == "2026-05-03");
        Assert.Contains(entities.Mentions, m => m.Type == EntityType.Money && m.NormalizedValue == "USD 300000000");

        SummaryResult summary = new ExtractiveSummarizer().Summarize([analyzed], new SummaryOptions { MaxSentences = 1 }, TestContext.Current.CancellationToken);
        Assert.Equal(3, summary.TotalSentences);
        Assert.Single(summary.Sentences);
    }
}
