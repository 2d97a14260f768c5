using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Entities.Tagging;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Text;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Evaluation;

/// <summary>
/// `entities`: runs the entity extractor on the gold words of a CoNLL-style file and scores person,
/// location, organization and misc mentions per type exactly as conlleval counts chunks.
/// </summary>
internal static class EntitiesTask
{
    private static readonly EntityType[] s_named = [EntityType.Person, EntityType.Location, EntityType.Organization, EntityType.Misc];

    public static Command Create()
    {
        var conll = new Option<FileInfo>("--conll") { Description = "Gold CoNLL-style file (word first, tag last; IOB1 or IOB2)", Required = true };
        var language = new Option<string>("--lang") { Description = "Language of the text (ar, en)", Required = true };
        var part = new Option<string>("--part") { Description = "all, or the fixed dev (or train) part of a training file", DefaultValueFactory = _ => "all" };
        var model = new Option<FileInfo?>("--model") { Description = "Model file to use instead of the embedded one" };
        var minF1 = TaskOptions.MinimumPercent("--min-f1", "the overall entity F1");
        var errors = TaskOptions.Errors("wrong or missed entities");
        var listing = new Option<FileInfo?>("--listing") { Description = "Write every sentence to this file, each labelled word as word/gold|system" };
        var taggerOnly = new Option<bool>("--tagger-only") { Description = "Score the statistical tagger's labels alone, without the extractor's title rules and propagation" };
        var command = new Command("entities", "Entity-level P/R/F1 per type (conlleval counting) of the named entities found in the gold words.")
        {
            conll, language, part, model, minF1, errors, taggerOnly, listing,
        };
        command.SetAction(r => Evaluate(
            r.GetRequiredValue(conll), r.GetRequiredValue(language), r.GetRequiredValue(part), r.GetValue(model), r.GetValue(minF1), r.GetValue(errors), r.GetValue(taggerOnly), r.GetValue(listing)));
        return command;
    }

    private static int Evaluate(FileInfo file, string language, string part, FileInfo? modelFile, double minF1, int errors, bool taggerOnly, FileInfo? listing)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"No such file: {file.Name}");
            return 2;
        }

        List<NerSentence> sentences = NerSplit.Select(ConllNerCorpus.Read(file.FullName).Sentences, part);
        NerTagger? tagger;
        EntityExtractor extractor = new();
        long loadBytes = 0;
        double loadMs = 0;
        if (modelFile is null)
        {
            // The embedded model's cost as a server pays it once: load time and retained managed memory
            // (for Arabic including the segmenter that gives the stem feature).
            long before = GC.GetTotalMemory(forceFullCollection: true);
            var load = Stopwatch.StartNew();
            tagger = NerTagger.ForLanguage(language);
            loadMs = load.Elapsed.TotalMilliseconds;
            loadBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        }
        else
        {
            using FileStream stream = modelFile.OpenRead();
            NerTagger fromFile = new(NerModel.Load(stream));
            tagger = fromFile;
            extractor = new EntityExtractor(l => l == language ? fromFile : null);
        }

        AnalyzedText text = Build(sentences, language, out int[] sentenceOfToken, out int[] wordOfToken);
        var clock = Stopwatch.StartNew();
        List<(int Sentence, Chunk Chunk)> system;
        if (taggerOnly)
        {
            if (tagger is null)
            {
                Console.Error.WriteLine($"No tagger for language '{language}'.");
                return 2;
            }

            system = TagSentences(tagger, sentences);
        }
        else
        {
            system = Extract(extractor, text, sentenceOfToken, wordOfToken);
        }

        clock.Stop();

        var gold = new List<(int Sentence, Chunk Chunk)>();
        for (int s = 0; s < sentences.Count; s++)
        {
            gold.AddRange(sentences[s].Chunks.Select(c => (s, c)));
        }

        var goldSet = gold.ToHashSet();
        var systemSet = system.ToHashSet();
        var summary = new Dictionary<string, object> { ["task"] = "entities", ["file"] = file.Name, ["part"] = part, ["lang"] = language };
        Console.WriteLine($"{file.Name} ({part}): {sentences.Count} sentences, {text.Tokens.Count} words, {clock.Elapsed.TotalMilliseconds:F0} ms");
        if (loadMs > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"embedded model: loaded in {loadMs:F0} ms, {loadBytes / 1e6:F1} MB managed memory retained"));
            summary["model_load_ms"] = Math.Round(loadMs);
            summary["model_memory_bytes"] = loadBytes;
        }

        Console.WriteLine();
        Console.WriteLine("Type       |   Gold |  System | Correct | Precision |   Recall |       F1");
        Console.WriteLine("-----------+--------+---------+---------+-----------+----------+---------");
        foreach (string type in (string[])["PER", "LOC", "ORG", "MISC"])
        {
            SpanScore score = new(
                gold.Count(g => g.Chunk.Type == type),
                system.Count(s => s.Chunk.Type == type),
                system.Count(s => s.Chunk.Type == type && goldSet.Contains(s)));
            Report.PrintRow(type, score);
            summary[type] = Report.ToJson(score);
        }

        SpanScore overall = new(gold.Count, system.Count, system.Count(goldSet.Contains));
        Report.PrintRow("Overall", overall);
        summary["overall"] = Report.ToJson(overall);
        Console.WriteLine();
        PrintErrors(sentences, gold, systemSet, goldSet, system, errors);
        if (listing is not null)
        {
            WriteListing(listing, sentences, gold, system);
        }

        bool passed = Report.Gate("overall entity F1", overall, minF1);
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return passed ? 0 : 1;
    }

    private static List<(int Sentence, Chunk Chunk)> Extract(EntityExtractor extractor, AnalyzedText text, int[] sentenceOfToken, int[] wordOfToken)
    {
        EntityResult result = extractor.Extract(text, s_named, CancellationToken.None);
        var system = new List<(int Sentence, Chunk Chunk)>();
        var tokenAt = new Dictionary<int, int>();
        for (int t = 0; t < text.Tokens.Count; t++)
        {
            tokenAt[text.Tokens[t].Span.End] = t;
        }

        foreach (EntityMention mention in result.Mentions)
        {
            int first = FirstTokenOf(text, mention.Span.Start);
            int last = tokenAt[mention.Span.End];
            system.Add((sentenceOfToken[first], new Chunk(wordOfToken[first], wordOfToken[last] + 1, TypeName(mention.Type))));
        }

        return system;
    }

    private static List<(int Sentence, Chunk Chunk)> TagSentences(NerTagger tagger, List<NerSentence> sentences)
    {
        var system = new List<(int Sentence, Chunk Chunk)>();
        for (int s = 0; s < sentences.Count; s++)
        {
            var labels = new int[sentences[s].Words.Length];
            tagger.Tag(tagger.Prepare(sentences[s].Words), labels);
            foreach ((int start, int end, int label) in NerLabels.Chunks(labels))
            {
                system.Add((s, new Chunk(start, end, TypeName(NerLabels.TypeOf(label)))));
            }
        }

        return system;
    }

    // One line per sentence, words separated by a space; tokens are the gold words.
    private static AnalyzedText Build(List<NerSentence> sentences, string language, out int[] sentenceOfToken, out int[] wordOfToken)
    {
        var builder = new StringBuilder();
        var tokens = new List<Token>();
        var norms = new List<string>();
        var spans = new List<Sentence>();
        var sentenceOf = new List<int>();
        var wordOf = new List<int>();
        for (int s = 0; s < sentences.Count; s++)
        {
            int start = builder.Length;
            int firstToken = tokens.Count;
            string[] words = sentences[s].Words;
            for (int w = 0; w < words.Length; w++)
            {
                if (w > 0)
                {
                    builder.Append(' ');
                }

                tokens.Add(new Token(new TextSpan(builder.Length, builder.Length + words[w].Length), TypeOf(words[w])));
                norms.Add(words[w]);
                sentenceOf.Add(s);
                wordOf.Add(w);
                builder.Append(words[w]);
            }

            spans.Add(new Sentence(new TextSpan(start, builder.Length), firstToken, words.Length));
            builder.Append('\n');
        }

        sentenceOfToken = sentenceOf.ToArray();
        wordOfToken = wordOf.ToArray();
        return new AnalyzedText(builder.ToString(), language, tokens, norms, spans);
    }

    private static TokenType TypeOf(string word) =>
        char.IsLetter(word[0]) ? TokenType.Word : char.IsDigit(word[0]) ? TokenType.Number : char.IsPunctuation(word[0]) ? TokenType.Punctuation : TokenType.Symbol;

    private static int FirstTokenOf(AnalyzedText text, int offset)
    {
        int lo = 0;
        int hi = text.Tokens.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (text.Tokens[mid].Span.Start <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Location => "LOC",
        EntityType.Organization => "ORG",
        _ => "MISC",
    };

    private static void PrintErrors(List<NerSentence> sentences, List<(int Sentence, Chunk Chunk)> gold, HashSet<(int, Chunk)> systemSet, HashSet<(int, Chunk)> goldSet, List<(int Sentence, Chunk Chunk)> system, int limit)
    {
        int printed = 0;
        foreach ((int s, Chunk c) in gold.Where(g => !systemSet.Contains(g)).Take(limit))
        {
            Console.WriteLine($"missed {c.Type}: {string.Join(' ', sentences[s].Words[c.Start..c.End])}");
            printed++;
        }

        foreach ((int s, Chunk c) in system.Where(g => !goldSet.Contains(g)).Take(limit))
        {
            string words = c.End > c.Start && c.End <= sentences[s].Words.Length
                ? string.Join(' ', sentences[s].Words[c.Start..c.End])
                : string.Join(' ', sentences[s].Words[c.Start..]) + " | (into the next sentence)";
            Console.WriteLine($"spurious {c.Type}: {words}");
            printed++;
        }

        if (printed > 0)
        {
            Console.WriteLine();
        }
    }

    // One line per sentence: its number, then its words, a word inside a gold or system entity as
    // word/gold|system with BIO labels ("O" for none), to read errors in their context.
    private static void WriteListing(FileInfo file, List<NerSentence> sentences, List<(int Sentence, Chunk Chunk)> gold, List<(int Sentence, Chunk Chunk)> system)
    {
        ILookup<int, Chunk> goldOf = gold.ToLookup(g => g.Sentence, g => g.Chunk);
        ILookup<int, Chunk> systemOf = system.ToLookup(g => g.Sentence, g => g.Chunk);
        using StreamWriter writer = file.CreateText();
        for (int s = 0; s < sentences.Count; s++)
        {
            string[] words = sentences[s].Words;
            string?[] goldLabels = Labels(goldOf[s], words.Length);
            string?[] systemLabels = Labels(systemOf[s], words.Length);
            writer.Write(s.ToString(CultureInfo.InvariantCulture));
            writer.Write(':');
            for (int w = 0; w < words.Length; w++)
            {
                writer.Write(' ');
                writer.Write(goldLabels[w] is null && systemLabels[w] is null ? words[w] : $"{words[w]}/{goldLabels[w] ?? "O"}|{systemLabels[w] ?? "O"}");
            }

            writer.WriteLine();
        }
    }

    private static string?[] Labels(IEnumerable<Chunk> chunks, int length)
    {
        var labels = new string?[length];
        foreach (Chunk chunk in chunks)
        {
            // A system chunk that runs into the next sentence is labelled up to this one's end.
            for (int i = chunk.Start; i < Math.Min(chunk.End > chunk.Start ? chunk.End : length, length); i++)
            {
                labels[i] = (i == chunk.Start ? "B-" : "I-") + chunk.Type;
            }
        }

        return labels;
    }
}
