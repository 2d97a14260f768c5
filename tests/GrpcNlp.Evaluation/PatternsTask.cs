using System.CommandLine;
using System.Text.Json;
using GrpcNlp.Core.Entities;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;

namespace GrpcNlp.Evaluation;

/// <summary>
/// `patterns`: runs the extractor over unlabelled text (raw files, or the words of CoNLL-style
/// files joined by spaces) and lists the pattern mentions of the chosen types with their values,
/// to read them for false positives where no gold data labels the type (TIME, PHONE).
/// </summary>
internal static class PatternsTask
{
    public static Command Create()
    {
        var text = new Option<string[]>("--text") { Description = "Raw text files or folders", AllowMultipleArgumentsPerToken = true };
        var conll = new Option<string[]>("--conll") { Description = "CoNLL-style files or folders (word first); each sentence's words joined by spaces", AllowMultipleArgumentsPerToken = true };
        var language = new Option<string>("--lang") { Description = "Language of the text (ar, en)", Required = true };
        var types = new Option<string>("--types") { Description = "Comma-separated entity types", DefaultValueFactory = _ => "TIME,PHONE" };
        var show = new Option<int>("--show") { Description = "How many mentions to print per type", DefaultValueFactory = _ => 50 };
        var command = new Command("patterns", "Counts and lists the pattern mentions of the chosen types found in unlabelled text.")
        {
            text, conll, language, types, show,
        };
        command.SetAction(r => Run(r.GetValue(text) ?? [], r.GetValue(conll) ?? [], r.GetRequiredValue(language), r.GetRequiredValue(types), r.GetValue(show)));
        return command;
    }

    private static int Run(string[] textPaths, string[] conllPaths, string language, string typeList, int show)
    {
        var types = new List<EntityType>();
        foreach (string name in typeList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse(name, ignoreCase: true, out EntityType type))
            {
                Console.Error.WriteLine($"Unknown entity type: {name}");
                return 2;
            }

            types.Add(type);
        }

        List<string>? rawFiles = textPaths.Length > 0 ? RawText.Files(textPaths) : [];
        List<string>? conllFiles = conllPaths.Length > 0 ? RawText.Files(conllPaths) : [];
        if (rawFiles is null || conllFiles is null || rawFiles.Count + conllFiles.Count == 0)
        {
            Console.Error.WriteLine("Give --text or --conll files.");
            return 2;
        }

        var documents = new List<string>();
        foreach (string file in rawFiles)
        {
            documents.Add(File.ReadAllText(file));
        }

        foreach (string file in conllFiles)
        {
            foreach (NerSentence sentence in ConllNerCorpus.Read(file).Sentences)
            {
                documents.Add(string.Join(' ', sentence.Words));
            }
        }

        var analyzer = new TextAnalyzer();
        var extractor = new EntityExtractor();
        var counts = new Dictionary<EntityType, int>();
        var shown = new Dictionary<EntityType, int>();
        long characters = 0;
        foreach (string document in documents)
        {
            characters += document.Length;
            AnalyzedText analyzed = analyzer.Analyze(document, language, NormalizationOptions.Search);
            foreach (EntityMention mention in extractor.Extract(analyzed, types, CancellationToken.None).Mentions)
            {
                counts[mention.Type] = counts.GetValueOrDefault(mention.Type) + 1;
                int seen = shown.GetValueOrDefault(mention.Type);
                if (seen < show)
                {
                    shown[mention.Type] = seen + 1;
                    int from = Math.Max(0, mention.Span.Start - 30);
                    int to = Math.Min(document.Length, mention.Span.End + 30);
                    string context = document[from..to].ReplaceLineEndings(" ");
                    Console.WriteLine($"{mention.Type}\t{mention.NormalizedValue}\t[{document[mention.Span.Start..mention.Span.End]}]\t{context}");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{documents.Count:N0} documents, {characters:N0} characters");
        var json = new Dictionary<string, object> { ["task"] = "patterns", ["lang"] = language, ["documents"] = documents.Count, ["characters"] = characters };
        foreach (EntityType type in types)
        {
            Console.WriteLine($"{type,-8} {counts.GetValueOrDefault(type),6:N0}");
            json[type.ToString().ToUpperInvariant()] = counts.GetValueOrDefault(type);
        }

        Console.WriteLine(JsonSerializer.Serialize(json));
        return 0;
    }
}
