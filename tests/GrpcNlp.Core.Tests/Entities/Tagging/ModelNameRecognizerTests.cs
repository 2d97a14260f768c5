using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Core.Tests.Entities.Tagging;

public class ModelNameRecognizerTests
{
    // A tiny tagger trained on sentences written for this test: "Zorvan" is a place after "in"
    // and an ordinary word at a sentence start, so the tagger alone misses the repeat. (Places:
    // the extractor's separate surname propagation covers persons already.)
    private static readonly Lazy<NerTagger> s_tagger = new(() =>
    {
        (string[] Words, string Tags)[] sentences =
        [
            (["They", "met", "in", "Zorvan", "."], "O O O B-LOC O"),
            (["They", "slept", "in", "Zorvan", "."], "O O O B-LOC O"),
            (["Zorvan", "rose", "early", "."], "O O O O"),
            (["Zorvan", "fell", "again", "."], "O O O O"),
            (["They", "met", "in", "Talbek", "."], "O O O B-LOC O"),
        ];
        var data = sentences.Select(s => (s.Words, s.Tags.Split(' ').Select(NerLabels.Parse).ToArray())).ToList();
        NerModel model = new PerceptronTrainer().Train("en", data, StemmerNames.Proclitic, epochs: 10, seed: 1, minWeight: 0f, nameListFolds: 0, minCount: 1);
        return new NerTagger(model);
    });

    // The same for Arabic: "المدينة" (Medina) is a place after "إلى", and "مدينة" (a city) a word.
    private static readonly Lazy<NerTagger> s_arabicTagger = new(() =>
    {
        (string[] Words, string Tags)[] sentences =
        [
            (["وصلوا", "إلى", "المدينة", "."], "O O B-LOC O"),
            (["عادوا", "إلى", "المدينة", "."], "O O B-LOC O"),
            (["المدينة", "هادئة", "اليوم", "."], "O O O O"),
            (["زاروا", "مدينة", "كبيرة", "."], "O O O O"),
        ];
        var data = sentences.Select(s => (s.Words, s.Tags.Split(' ').Select(NerLabels.Parse).ToArray())).ToList();
        NerModel model = new PerceptronTrainer().Train("ar", data, StemmerNames.Proclitic, epochs: 10, seed: 1, minWeight: 0f, nameListFolds: 0, minCount: 1);
        return new NerTagger(model);
    });

    private static string[] Places(string text) => Names(text, EntityType.Location);

    private static string[] ArabicPlaces(string text)
    {
        var extractor = new EntityExtractor(l => l == "ar" ? s_arabicTagger.Value : null);
        EntityResult result = extractor.Extract(RealAnalyzer.Analyze(text, "ar"), [EntityType.Location], TestContext.Current.CancellationToken);
        return result.Mentions.Select(m => text[m.Span.Start..m.Span.End]).ToArray();
    }

    [Fact]
    public void A_one_word_repeat_keeps_the_article_as_the_name_had_it()
    {
        // "المدينة" again (with a conjunction) is the place; "مدينة" is "a city".
        Assert.Equal(["المدينة", "المدينة"], ArabicPlaces("وصلوا إلى المدينة . وغادروا والمدينة هادئة . ثم زاروا مدينة كبيرة ."));
    }

    private static string[] Names(string text, EntityType type)
    {
        var extractor = new EntityExtractor(l => l == "en" ? s_tagger.Value : null);
        EntityResult result = extractor.Extract(RealAnalyzer.Analyze(text, "en"), [type], TestContext.Current.CancellationToken);
        return result.Mentions.Select(m => text[m.Span.Start..m.Span.End]).ToArray();
    }

    [Fact]
    public void Tagger_alone_misses_the_bare_repeat()
    {
        NerTagger tagger = s_tagger.Value;
        var labels = new int[4];
        tagger.Tag(tagger.Prepare(["Zorvan", "rose", "early", "."]), labels);
        Assert.Equal(NerLabels.Outside, labels[0]);
    }

    [Fact]
    public void A_name_found_once_is_taken_again_where_it_recurs()
    {
        Assert.Equal(["Zorvan", "Zorvan"], Places("They met in Zorvan. Zorvan rose early."));
    }

    [Fact]
    public void A_lower_case_repeat_is_not_a_name()
    {
        Assert.Equal(["Zorvan"], Places("They met in Zorvan. zorvan rose early."));
    }

    [Fact]
    public void Without_the_first_mention_nothing_is_repeated()
    {
        Assert.Empty(Places("Zorvan rose early. Zorvan fell again."));
    }

    [Fact]
    public void A_surname_the_gazetteer_knows_as_a_person_still_repeats_the_person()
    {
        // The tiny tagger finds no person; the title gives the full name, and the bare surname
        // after it is the same person although the gazetteer lists "Benitez" on its own.
        Assert.Equal(["Rafael Benitez", "Benitez"], Names("The report by Dr. Rafael Benitez was published. Benitez said more work is needed.", EntityType.Person));
    }

    [Fact]
    public void A_surname_the_gazetteer_knows_as_a_place_does_not_repeat_the_person()
    {
        Assert.Equal(["Helen London"], Names("The report by Dr. Helen London was published. London said more work is needed.", EntityType.Person));
    }
}
