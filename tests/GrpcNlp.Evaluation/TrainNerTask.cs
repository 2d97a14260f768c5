using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GrpcNlp.Core.Entities.Tagging;

namespace GrpcNlp.Evaluation;

/// <summary>`train-ner`: trains the entity tagger on the train part of a CoNLL-style file and writes the model.</summary>
internal static class TrainNerTask
{
    public static Command Create()
    {
        var conll = new Option<FileInfo>("--conll") { Description = "Training CoNLL-style file (word first, tag last)", Required = true };
        var language = new Option<string>("--lang") { Description = "Language stored in the model (ar, en)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write", Required = true };
        var part = new Option<string>("--part") { Description = "Sentences to train on: train (file minus its dev part) or all", DefaultValueFactory = _ => "train" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the data", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed", DefaultValueFactory = _ => 1 };
        var minWeight = new Option<float>("--min-weight") { Description = "Drop features whose averaged weights all stay below this magnitude", DefaultValueFactory = _ => 0.05f };
        var stemmer = new Option<string?>("--stemmer") { Description = "Stem feature: segmenter (learned Arabic clitic segmenter; default for ar) or proclitic (fixed list; default otherwise, where it strips nothing)" };
        var minCount = new Option<int>("--min-count") { Description = "Use only features seen at least this many times in the training data", DefaultValueFactory = _ => 2 };
        var folds = new Option<int>("--name-list-folds") { Description = "Use the training names as a name-list feature, jackknifed over this many folds (0: no name list)", DefaultValueFactory = _ => 10 };
        var command = new Command("train-ner", "Trains the averaged-perceptron entity tagger (deterministic) and writes its model file.")
        {
            conll, language, output, part, epochs, seed, minWeight, folds, stemmer, minCount,
        };
        command.SetAction(r => Train(
            r.GetRequiredValue(conll), r.GetRequiredValue(language), r.GetRequiredValue(output), r.GetRequiredValue(part),
            r.GetValue(epochs), r.GetValue(seed), r.GetValue(minWeight), r.GetValue(folds), r.GetValue(stemmer) ?? (r.GetRequiredValue(language) == "ar" ? StemmerNames.Segmenter : StemmerNames.Proclitic), r.GetValue(minCount)));
        return command;
    }

    private static int Train(FileInfo file, string language, FileInfo output, string part, int epochs, int seed, float minWeight, int folds, string stemmer, int minCount)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"No such file: {file.Name}");
            return 2;
        }

        List<NerSentence> sentences = NerSplit.Select(ConllNerCorpus.Read(file.FullName).Sentences, part);
        var data = sentences.Select(s => (s.Words, s.Labels())).ToList();
        var clock = Stopwatch.StartNew();
        NerModel model = new PerceptronTrainer().Train(
            language, data, stemmer, epochs, seed, minWeight, folds, minCount,
            (epoch, accuracy) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch,2}: token accuracy {100 * accuracy:F2}")));
        output.Directory?.Create();
        using (FileStream stream = File.Create(output.FullName))
        {
            model.Save(stream);
        }

        long bytes = new FileInfo(output.FullName).Length;
        Console.WriteLine($"{file.Name} ({part}): {data.Count} sentences, {data.Sum(d => d.Words.Length)} words; {model.FeatureCount} features; {bytes} bytes; {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "train-ner",
            ["file"] = file.Name,
            ["part"] = part,
            ["sentences"] = data.Count,
            ["features"] = model.FeatureCount,
            ["bytes"] = bytes,
            ["epochs"] = epochs,
            ["seed"] = seed,
            ["min_count"] = minCount,
            ["stemmer"] = stemmer,
            ["name_list_entries"] = model.Names.Count,
        }));
        return 0;
    }
}
