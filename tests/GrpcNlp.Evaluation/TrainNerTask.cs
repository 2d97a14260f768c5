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
        var extra = new Option<string[]>("--extra") { Description = "More labelled CoNLL-style files or folders (their *.txt files, by name), used whole after the training part", AllowMultipleArgumentsPerToken = true };
        var extraMisc = new Option<string>("--extra-misc") { Description = "Misc names of the extra data: misc (kept) or o (not names)", DefaultValueFactory = _ => "misc" };
        var extraWeight = new Option<float>("--extra-weight") { Description = "Update size of extra sentences (training part: 1)", DefaultValueFactory = _ => 1f };
        var runs = new Option<int>("--runs") { Description = "Training runs (seeds seed, seed+1, ...) whose averaged weights are averaged again", DefaultValueFactory = _ => 1 };
        var wordClasses = new Option<FileInfo?>("--word-classes") { Description = "Word-class table (word TAB bits, from train-word-classes) whose prefixes become features; stored in the model" };
        var edges = new Option<bool>("--edge-features") { Description = "Learn edge features: weights per kind of label step (a name goes on, starts, ends) for what the words at a boundary look like", DefaultValueFactory = _ => true };
        var command = new Command("train-ner", "Trains the averaged-perceptron entity tagger (deterministic) and writes its model file.")
        {
            conll, language, output, part, epochs, seed, minWeight, folds, stemmer, minCount, extra, extraMisc, extraWeight, wordClasses, runs, edges,
        };
        command.SetAction(r => Train(
            r.GetRequiredValue(conll), r.GetRequiredValue(language), r.GetRequiredValue(output), r.GetRequiredValue(part),
            r.GetValue(epochs), r.GetValue(seed), r.GetValue(minWeight), r.GetValue(folds), r.GetValue(stemmer) ?? (r.GetRequiredValue(language) == "ar" ? StemmerNames.Segmenter : StemmerNames.Proclitic), r.GetValue(minCount),
            new ExtraData(r.GetValue(extra) ?? [], r.GetValue(extraMisc) ?? "misc", r.GetValue(extraWeight)), r.GetValue(wordClasses), r.GetValue(runs), r.GetValue(edges)));
        return command;
    }

    private static int Train(FileInfo file, string language, FileInfo output, string part, int epochs, int seed, float minWeight, int folds, string stemmer, int minCount, ExtraData extra, FileInfo? wordClasses, int runs, bool edges)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"No such file: {file.Name}");
            return 2;
        }

        List<NerSentence> sentences = NerSplit.Select(ConllNerCorpus.Read(file.FullName).Sentences, part);
        var data = sentences.Select(s => (s.Words, s.Labels())).ToList();
        var weights = Enumerable.Repeat(1f, data.Count).ToList();
        if (extra.Read() is not { } extraSentences)
        {
            return 2;
        }

        data.AddRange(extraSentences);
        WordClasses? classes = null;
        if (wordClasses is not null)
        {
            if (!wordClasses.Exists)
            {
                Console.Error.WriteLine($"No such file: {wordClasses.Name}");
                return 2;
            }

            using StreamReader reader = wordClasses.OpenText();
            classes = WordClasses.Read(reader);
        }

        weights.AddRange(Enumerable.Repeat(extra.Weight, extraSentences.Count));
        var clock = Stopwatch.StartNew();
        NerModel model = new PerceptronTrainer().Train(
            language, data, stemmer, epochs, seed, minWeight, folds, minCount,
            (epoch, accuracy) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch,2}: token accuracy {100 * accuracy:F2}")),
            weights,
            classes,
            runs,
            edges);
        output.Directory?.Create();
        using (FileStream stream = File.Create(output.FullName))
        {
            model.Save(stream);
        }

        long bytes = new FileInfo(output.FullName).Length;
        Console.WriteLine($"{file.Name} ({part}): {data.Count} sentences, {data.Sum(d => d.Words.Length)} words; {model.FeatureCount} features, {model.Edges.Count} edge features; {bytes} bytes; {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "train-ner",
            ["file"] = file.Name,
            ["part"] = part,
            ["sentences"] = data.Count,
            ["features"] = model.FeatureCount,
            ["edge_features"] = model.Edges.Count,
            ["bytes"] = bytes,
            ["epochs"] = epochs,
            ["seed"] = seed,
            ["runs"] = runs,
            ["min_count"] = minCount,
            ["stemmer"] = stemmer,
            ["name_list_entries"] = model.Names.Count,
            ["extra_sentences"] = extraSentences.Count,
            ["extra_misc"] = extra.Misc,
            ["extra_weight"] = extra.Weight,
            ["word_classes"] = model.Classes.Count,
        }));
        return 0;
    }

    /// <summary>Labelled sentences of other corpora trained on whole (`--extra`), their misc handling and weight.</summary>
    private sealed record ExtraData(string[] Paths, string Misc, float Weight)
    {
        /// <summary>The sentences as (words, label ids) in a fixed order (files by ordinal name); null after printing an error.</summary>
        public List<(string[] Words, int[] Labels)>? Read()
        {
            if (Misc is not ("misc" or "o"))
            {
                Console.Error.WriteLine($"Unknown --extra-misc '{Misc}': use misc or o.");
                return null;
            }

            var result = new List<(string[] Words, int[] Labels)>();
            foreach (string path in Paths)
            {
                string[] files = Directory.Exists(path)
                    ? [.. Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal)]
                    : File.Exists(path) ? [path] : [];
                if (files.Length == 0)
                {
                    Console.Error.WriteLine($"No such file or folder with .txt files: {Path.GetFileName(path)}");
                    return null;
                }

                foreach (string name in files)
                {
                    foreach (NerSentence sentence in ConllNerCorpus.Read(name).Sentences)
                    {
                        NerSentence kept = Misc == "o" ? sentence with { Chunks = sentence.Chunks.FindAll(c => c.Type != "MISC") } : sentence;
                        result.Add((kept.Words, kept.Labels()));
                    }
                }
            }

            return result;
        }
    }
}
