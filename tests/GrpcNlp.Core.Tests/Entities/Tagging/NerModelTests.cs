using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Core.Tests.Entities.Tagging;

public class NerModelTests
{
    private static NerModel Train(int nameListFolds = 0) =>
        new PerceptronTrainer().Train("en", TaggerTestData.Data(), StemmerNames.Proclitic, epochs: 8, seed: 1, minWeight: 0f, nameListFolds: nameListFolds, minCount: 1);

    [Fact]
    public void Trained_model_tags_its_training_sentences()
    {
        NerModel model = Train();
        foreach ((string[] words, int[] gold) in TaggerTestData.Data())
        {
            Assert.Equal(gold, TaggerTestData.Tag(model, words));
        }
    }

    [Fact]
    public void Listed_places_join_the_name_list_as_locations_unless_the_data_labels_them()
    {
        string[][] listed = [["Port", "Said"], ["Red", "Crescent"]];
        NerModel model = new PerceptronTrainer().Train(
            "en", TaggerTestData.Data(), StemmerNames.Proclitic, epochs: 2, seed: 1, minWeight: 0f, nameListFolds: 2, minCount: 1, listedPlaces: listed);
        NerModel without = Train(nameListFolds: 2);
        IStemmer stemmer = StemmerNames.Create(StemmerNames.Proclitic);
        var entries = model.Names.Entries.ToDictionary();

        Assert.Equal(without.Names.Count + 1, model.Names.Count);
        Assert.Equal(1, entries[NameList.Key(new TaggerSentence(listed[0], stemmer), 0, 2)]);
        Assert.Equal(2, entries[NameList.Key(new TaggerSentence(listed[1], stemmer), 0, 2)]);
    }

    [Fact]
    public void Saved_model_loads_with_the_same_tags_and_header()
    {
        NerModel model = Train(nameListFolds: 2);
        byte[] bytes = TaggerTestData.Save(model);
        NerModel loaded = NerModel.Load(new MemoryStream(bytes));

        Assert.Equal(model.Language, loaded.Language);
        Assert.Equal(model.Stemmer, loaded.Stemmer);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        Assert.Equal(model.Names.Count, loaded.Names.Count);
        Assert.True(model.Names.Count > 0);
        Assert.Equal(model.Transitions, loaded.Transitions);
        string[] unseen = ["Minister", "Lina", "Haddad", "visited", "Amman", "."];
        Assert.Equal(TaggerTestData.Tag(model, unseen), TaggerTestData.Tag(loaded, unseen));
        foreach ((string[] words, _) in TaggerTestData.Data())
        {
            Assert.Equal(TaggerTestData.Tag(model, words), TaggerTestData.Tag(loaded, words));
        }

        // Saving what was loaded gives the same bytes: weights are already at half precision.
        Assert.Equal(bytes, TaggerTestData.Save(loaded));
    }

    [Fact]
    public void Word_classes_and_sentence_weights_are_kept_through_save_and_load()
    {
        var classes = new WordClasses([("tunis", "0110"), ("cairo", "0111"), ("amman", "0101"), ("visited", "10")]);
        float[] weights = [.. TaggerTestData.Data().Select((_, s) => s % 2 == 0 ? 1f : 0.5f)];
        NerModel model = new PerceptronTrainer().Train("en", TaggerTestData.Data(), StemmerNames.Proclitic, epochs: 8, seed: 1, minWeight: 0f, nameListFolds: 0, minCount: 1, weights: weights, classes: classes);
        byte[] bytes = TaggerTestData.Save(model);
        NerModel loaded = NerModel.Load(new MemoryStream(bytes));

        Assert.Equal(4, loaded.Classes.Count);
        Assert.Equal(model.Classes.Entries.OrderBy(e => e.Key), loaded.Classes.Entries.OrderBy(e => e.Key));
        string[] words = ["Minister", "Lina", "Haddad", "visited", "Cairo", "."];
        Assert.Equal(TaggerTestData.Tag(model, words), TaggerTestData.Tag(loaded, words));
        Assert.Equal(bytes, TaggerTestData.Save(loaded));
    }

    [Fact]
    public void Several_runs_average_into_one_deterministic_model_that_still_fits_its_data()
    {
        NerModel Runs() => new PerceptronTrainer().Train("en", TaggerTestData.Data(), StemmerNames.Proclitic, epochs: 8, seed: 1, minWeight: 0f, nameListFolds: 0, minCount: 1, runs: 3);
        NerModel model = Runs();
        foreach ((string[] words, int[] gold) in TaggerTestData.Data())
        {
            Assert.Equal(gold, TaggerTestData.Tag(model, words));
        }

        Assert.Equal(TaggerTestData.Save(model), TaggerTestData.Save(Runs()));
        Assert.NotEqual(TaggerTestData.Save(model), TaggerTestData.Save(Train()));
    }

    [Fact]
    public void Edge_features_are_learned_and_kept_through_save_and_load()
    {
        NerModel Edges() => new PerceptronTrainer().Train("en", TaggerTestData.Data(), StemmerNames.Proclitic, epochs: 8, seed: 1, minWeight: 0f, nameListFolds: 0, minCount: 1, edges: true);
        NerModel model = Edges();
        Assert.True(model.Edges.Count > 0);
        Assert.Equal(0, Train().Edges.Count);
        foreach ((string[] words, int[] gold) in TaggerTestData.Data())
        {
            Assert.Equal(gold, TaggerTestData.Tag(model, words));
        }

        byte[] bytes = TaggerTestData.Save(model);
        NerModel loaded = NerModel.Load(new MemoryStream(bytes));
        Assert.Equal(model.Edges.Count, loaded.Edges.Count);
        string[] unseen = ["Minister", "Omar", "Haddad", "visited", "Tunis", "."];
        Assert.Equal(TaggerTestData.Tag(model, unseen), TaggerTestData.Tag(loaded, unseen));
        Assert.Equal(bytes, TaggerTestData.Save(loaded));
        Assert.Equal(bytes, TaggerTestData.Save(Edges()));
    }

    [Fact]
    public void Version_3_files_without_edge_features_still_load()
    {
        NerModel model = Train(nameListFolds: 2);
        byte[] current = Decompress(TaggerTestData.Save(model));

        // Version 3 is version 4 without the trailing edge section (an empty one is its count, 0).
        byte[] old = current[..^sizeof(int)];
        Assert.Equal(0, BitConverter.ToInt32(current.AsSpan(current.Length - sizeof(int))));
        BitConverter.GetBytes(3).CopyTo(old, 4);
        using var stream = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(old);
        }

        stream.Position = 0;
        NerModel loaded = NerModel.Load(stream);
        Assert.Equal(0, loaded.Edges.Count);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        foreach ((string[] words, _) in TaggerTestData.Data())
        {
            Assert.Equal(TaggerTestData.Tag(model, words), TaggerTestData.Tag(loaded, words));
        }
    }

    private static byte[] Decompress(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress))
        {
            brotli.CopyTo(output);
        }

        return output.ToArray();
    }

    [Fact]
    public void Training_is_deterministic()
    {
        Assert.Equal(TaggerTestData.Save(Train(nameListFolds: 2)), TaggerTestData.Save(Train(nameListFolds: 2)));
    }

    [Fact]
    public void Loading_other_bytes_fails_clearly()
    {
        using var stream = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write("NOPE, not a model"u8);
        }

        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => NerModel.Load(stream));
    }

    [Fact]
    public void Loading_a_truncated_model_fails_clearly()
    {
        byte[] bytes = TaggerTestData.Save(Train());
        Assert.Throws<InvalidDataException>(() => NerModel.Load(new MemoryStream(bytes[..(bytes.Length * 3 / 4)])));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public void Embedded_models_load_for_shipped_languages(string language)
    {
        NerTagger? tagger = NerTagger.ForLanguage(language);
        Assert.NotNull(tagger);
        Assert.Equal(language, tagger.Model.Language);
        Assert.True(tagger.Model.FeatureCount > 10_000);
    }

    [Fact]
    public void No_model_for_other_languages()
    {
        Assert.Null(NerTagger.ForLanguage("fr"));
    }

    [Fact]
    public void Embedded_arabic_model_tags_a_city_after_a_preposition()
    {
        NerTagger tagger = NerTagger.ForLanguage("ar")!;
        string[] words = ["وصل", "الوزير", "إلى", "القاهرة", "مساء", "أمس", "."];
        var labels = new int[words.Length];
        tagger.Tag(tagger.Prepare(words), labels);
        Assert.Equal("B-LOC", NerLabels.Name(labels[3]));
        Assert.Equal(EntityType.Location, NerLabels.TypeOf(labels[3]));
    }
}
