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
        var trainer = new Option<string>("--trainer") { Description = "perceptron (structured averaged perceptron) or crf (linear-chain CRF, L2-regularised conditional log-likelihood)", DefaultValueFactory = _ => "perceptron" };
        var epochs = new Option<int?>("--epochs") { Description = $"Passes over the data (default {PerceptronEpochs} for the perceptron, {CrfEpochs} for the CRF by SGD)" };
        var crfL2 = new Option<double>("--crf-l2") { Description = "CRF: lambda of the L2 penalty lambda/2 |w|^2 on the training set's negative log-likelihood", DefaultValueFactory = _ => CrfL2 };
        var crfOptimizer = new Option<string>("--crf-optimizer") { Description = "CRF: lbfgs (whole objective; no seed) or sgd (shuffled sentences, --epochs, --seed, --runs, --crf-rate)", DefaultValueFactory = _ => "lbfgs" };
        var crfIterations = new Option<int>("--crf-iterations") { Description = "CRF by L-BFGS: iterations at most", DefaultValueFactory = _ => CrfIterations };
        var crfRate = new Option<double>("--crf-rate") { Description = "CRF by SGD: initial rate; after t of N sentences it is rate / (1 + t/N)", DefaultValueFactory = _ => CrfRate };
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
        var listedPlaces = new Option<bool>("--listed-places") { Description = "Add the country and city names of the model's language from ICU's CLDR data to the name list (locations; a name the training data labels keeps its type)" };
        var edges = new Option<bool>("--edge-features") { Description = "Learn edge features: weights per kind of label step (a name goes on, starts, ends) for what the words at a boundary look like", DefaultValueFactory = _ => true };
        var selfTrain = new Option<string[]>("--self-train") { Description = "Unlabelled text files or folders (all files, recursively; a line is a paragraph) to self-train on: tagged by the model, the surest sentences are trained on", AllowMultipleArgumentsPerToken = true };
        var selfTrainConll = new Option<string[]>("--self-train-conll") { Description = "Unlabelled sentences from CoNLL-style files or folders (their *.txt files; the words only, tags ignored) to self-train on", AllowMultipleArgumentsPerToken = true };
        var selfTrainKeep = new Option<double>("--self-train-keep") { Description = "Self-training: fraction (0, 1] of the candidate sentences kept, those with the largest margin between the best and second-best label sequence", DefaultValueFactory = _ => 0.5 };
        var selfTrainWeight = new Option<float>("--self-train-weight") { Description = "Self-training: update size of the kept sentences (training part: 1)", DefaultValueFactory = _ => 0.5f };
        var selfTrainFilter = new Option<string>("--self-train-filter") { Description = "Self-training candidates: names (sentences in which the model found a name) or all", DefaultValueFactory = _ => "names" };
        var selfTrainRounds = new Option<int>("--self-train-rounds") { Description = "Self-training rounds: each tags the text with the model of the round before and retrains", DefaultValueFactory = _ => 1 };
        var command = new Command("train-ner", "Trains the entity tagger (averaged perceptron or CRF; deterministic) and writes its model file.")
        {
            conll, language, output, part, trainer, epochs, crfOptimizer, crfL2, crfIterations, crfRate, seed, minWeight, folds, stemmer, minCount, extra, extraMisc, extraWeight, wordClasses, runs, edges, listedPlaces,
            selfTrain, selfTrainConll, selfTrainKeep, selfTrainWeight, selfTrainFilter, selfTrainRounds,
        };
        command.SetAction(r => Train(
            r.GetRequiredValue(conll), r.GetRequiredValue(language), r.GetRequiredValue(output), r.GetRequiredValue(part),
            new TrainerChoice(r.GetRequiredValue(trainer), r.GetValue(epochs), r.GetRequiredValue(crfOptimizer), r.GetValue(crfL2), r.GetValue(crfIterations), r.GetValue(crfRate)), r.GetValue(seed), r.GetValue(minWeight), r.GetValue(folds), r.GetValue(stemmer) ?? (r.GetRequiredValue(language) == "ar" ? StemmerNames.Segmenter : StemmerNames.Proclitic), r.GetValue(minCount),
            new ExtraData(r.GetValue(extra) ?? [], r.GetValue(extraMisc) ?? "misc", r.GetValue(extraWeight)), r.GetValue(wordClasses), r.GetValue(runs), r.GetValue(edges), r.GetValue(listedPlaces),
            new SelfTrainingText(r.GetValue(selfTrain) ?? [], r.GetValue(selfTrainConll) ?? [], r.GetValue(selfTrainKeep), r.GetValue(selfTrainWeight), r.GetRequiredValue(selfTrainFilter), r.GetValue(selfTrainRounds))));
        return command;
    }

    private const int PerceptronEpochs = 12;
    private const int CrfEpochs = 60;
    private const int CrfIterations = 300;
    private const double CrfL2 = 1.0;
    private const double CrfRate = 0.1;

    private static int Train(FileInfo file, string language, FileInfo output, string part, TrainerChoice trainer, int seed, float minWeight, int folds, string stemmer, int minCount, ExtraData extra, FileInfo? wordClasses, int runs, bool edges, bool listedPlaces, SelfTrainingText selfTraining)
    {
        if (trainer.Name is not ("perceptron" or "crf"))
        {
            Console.Error.WriteLine($"Unknown --trainer '{trainer.Name}': use perceptron or crf.");
            return 2;
        }

        if (trainer.Optimizer is not ("lbfgs" or "sgd"))
        {
            Console.Error.WriteLine($"Unknown --crf-optimizer '{trainer.Optimizer}': use lbfgs or sgd.");
            return 2;
        }

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
        if (selfTraining.Read(language) is not { } unlabelled)
        {
            return 2;
        }

        IReadOnlyList<string[]>? places = listedPlaces ? ListedPlaces.Read(language) : null;
        if (places is not null)
        {
            Console.WriteLine($"listed places: {places.Count} country and city names");
        }

        var clock = Stopwatch.StartNew();
        int epochs = trainer.Epochs ?? (trainer.Name == "crf" ? CrfEpochs : PerceptronEpochs);
        int autoSentences = 0;
        NerModel model = SelfTraining.Train(
            (sentences, sentenceWeights) => TrainOnce(sentences, sentenceWeights),
            data,
            weights,
            unlabelled,
            selfTraining.Options(),
            (round, labelled, kept) =>
            {
                autoSentences = kept.Count;
                string threshold = kept.Count > 0 ? kept.Min(k => k.Margin).ToString("F2", CultureInfo.InvariantCulture) : "-";
                Console.WriteLine($"self-training round {round}: {labelled.Count} sentences tagged, {labelled.Count(l => l.Names > 0)} with names; {kept.Count} kept (margin at least {threshold}), {kept.Sum(k => k.Names)} names in them");
            });
        NerModel TrainOnce(IReadOnlyList<(string[] Words, int[] Labels)> data, IReadOnlyList<float> weights) => trainer.Name == "crf"
            ? new CrfTrainer().Train(
                language, data, stemmer, new CrfOptions(epochs, seed, trainer.L2, trainer.Rate, trainer.Optimizer == "lbfgs" ? CrfOptimizer.Lbfgs : CrfOptimizer.Sgd, trainer.Iterations), minWeight, folds, minCount,
                (epoch, loss) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(trainer.Optimizer == "lbfgs" ? "iteration" : "epoch")} {epoch,2}: objective per sentence (negative log-likelihood + L2) {loss:F4}")),
                weights,
                classes,
                runs,
                edges,
                places)
            : new PerceptronTrainer().Train(
                language, data, stemmer, epochs, seed, minWeight, folds, minCount,
                (epoch, accuracy) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch,2}: token accuracy {100 * accuracy:F2}")),
                weights,
                classes,
                runs,
                edges,
                places);

        output.Directory?.Create();
        using (FileStream stream = File.Create(output.FullName))
        {
            model.Save(stream);
        }

        long bytes = new FileInfo(output.FullName).Length;
        Console.WriteLine($"{file.Name} ({part}): {data.Count} sentences, {data.Sum(d => d.Words.Length)} words; {model.FeatureCount} features, {model.Edges.Count} edge features; {bytes} bytes; {clock.Elapsed.TotalSeconds:F1} s");
        var summary = new Dictionary<string, object>
        {
            ["task"] = "train-ner",
            ["file"] = file.Name,
            ["part"] = part,
            ["sentences"] = data.Count,
            ["features"] = model.FeatureCount,
            ["edge_features"] = model.Edges.Count,
            ["bytes"] = bytes,
            ["trainer"] = trainer.Name,
            ["epochs"] = epochs,
            ["seed"] = seed,
            ["runs"] = runs,
            ["min_count"] = minCount,
            ["stemmer"] = stemmer,
            ["name_list_entries"] = model.Names.Count,
            ["listed_places"] = places?.Count ?? 0,
            ["extra_sentences"] = extraSentences.Count,
            ["extra_misc"] = extra.Misc,
            ["extra_weight"] = extra.Weight,
            ["word_classes"] = model.Classes.Count,
            ["self_train_sentences"] = unlabelled.Count,
            ["self_train_kept"] = autoSentences,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
        if (unlabelled.Count > 0)
        {
            summary["self_train_keep"] = selfTraining.Keep;
            summary["self_train_weight"] = selfTraining.Weight;
            summary["self_train_filter"] = selfTraining.Filter;
            summary["self_train_rounds"] = selfTraining.Rounds;
        }

        if (trainer.Name == "crf")
        {
            summary["crf_optimizer"] = trainer.Optimizer;
            summary["crf_l2"] = trainer.L2;
            if (trainer.Optimizer == "lbfgs")
            {
                summary["crf_iterations"] = trainer.Iterations;
            }
            else
            {
                summary["crf_rate"] = trainer.Rate;
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }

    /// <summary>The trainer (`--trainer`), its epochs (null: its default), and the CRF's optimizer, penalty, L-BFGS iterations and SGD rate.</summary>
    private sealed record TrainerChoice(string Name, int? Epochs, string Optimizer, double L2, int Iterations, double Rate);

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

    /// <summary>Unlabelled text to self-train on (`--self-train`, `--self-train-conll`) and how (<see cref="SelfTraining"/>).</summary>
    private sealed record SelfTrainingText(string[] Raw, string[] Conll, double Keep, float Weight, string Filter, int Rounds)
    {
        /// <summary>The options; rounds 0 without text.</summary>
        public SelfTrainingOptions Options() => new(Raw.Length + Conll.Length == 0 ? 0 : Rounds, Keep, Filter == "names", Weight);

        /// <summary>The unlabelled sentences (words) in a fixed order; null after printing an error.</summary>
        public List<string[]>? Read(string language)
        {
            if (Filter is not ("names" or "all"))
            {
                Console.Error.WriteLine($"Unknown --self-train-filter '{Filter}': use names or all.");
                return null;
            }

            if (Keep is <= 0 or > 1 || Rounds < 1 || Weight < 0)
            {
                Console.Error.WriteLine("--self-train-keep must lie in (0, 1], --self-train-rounds be at least 1 and --self-train-weight not negative.");
                return null;
            }

            if (RawText.Files(Raw) is not { } files)
            {
                return null;
            }

            List<string[]> sentences = RawText.Sentences(files, language);
            foreach (string path in Conll)
            {
                string[] conllFiles = Directory.Exists(path)
                    ? [.. Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal)]
                    : File.Exists(path) ? [path] : [];
                if (conllFiles.Length == 0)
                {
                    Console.Error.WriteLine($"No such file or folder with .txt files: {Path.GetFileName(path)}");
                    return null;
                }

                foreach (string name in conllFiles)
                {
                    sentences.AddRange(ConllNerCorpus.Read(name).Sentences.Select(s => s.Words));
                }
            }

            return sentences;
        }
    }
}
