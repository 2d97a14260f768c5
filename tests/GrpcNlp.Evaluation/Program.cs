using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Text;
using GrpcNlp.Core.Tokenization;
using GrpcNlp.Evaluation;

var conllu = new Option<FileInfo>("--conllu")
{
    Description = "Gold CoNLL-U file",
    Required = true,
};
var language = new Option<string>("--lang")
{
    Description = "Language passed to the analyzer",
    DefaultValueFactory = _ => "en",
};
var errors = new Option<int>("--errors")
{
    Description = "Print up to this many missed gold tokens and sentence starts with their context",
    DefaultValueFactory = _ => 0,
};
var tokenization = new Command("tokenization", "Token, word and sentence boundary P/R/F1 against a CoNLL-U file, as the CoNLL 2018 UD shared task scores them.")
{
    conllu,
    language,
    errors,
};
tokenization.SetAction(parseResult => EvaluateTokenization(parseResult.GetRequiredValue(conllu), parseResult.GetRequiredValue(language), parseResult.GetValue(errors)));

var root = new RootCommand("Measures GrpcNlp.Core against Universal Dependencies treebanks.") { tokenization };
return root.Parse(args).Invoke();

static int EvaluateTokenization(FileInfo file, string language, int errors)
{
    if (!file.Exists)
    {
        Console.Error.WriteLine($"No such file: {file.Name}");
        return 2;
    }

    ConlluDocument gold = ConlluDocument.Parse(File.ReadLines(file.FullName));
    AnalyzedText analyzed = new TextAnalyzer().Analyze(gold.Text, language, NormalizationOptions.None);

    var systemTokens = new TextSpan[analyzed.Tokens.Count];
    for (int i = 0; i < systemTokens.Length; i++)
    {
        systemTokens[i] = analyzed.Tokens[i].Span;
    }

    var systemSentences = new TextSpan[analyzed.Sentences.Count];
    for (int i = 0; i < systemSentences.Length; i++)
    {
        Sentence sentence = analyzed.Sentences[i];
        systemSentences[i] = sentence.TokenCount == 0
            ? sentence.Span
            : new TextSpan(systemTokens[sentence.FirstToken].Start, systemTokens[sentence.FirstToken + sentence.TokenCount - 1].End);
    }

    // The tokenizer produces no multiword tokens, so a system word is a system token.
    SpanScore tokens = SpanScore.Compute(gold.Tokens, systemTokens);
    SpanScore sentences = SpanScore.Compute(gold.Sentences, systemSentences);
    SpanScore words = SpanScore.Compute(gold.Words, systemTokens);

    PrintMisses("token", gold.Text, gold.Tokens, systemTokens, errors);
    PrintMisses("sentence", gold.Text, gold.Sentences, systemSentences, errors);

    Console.WriteLine($"{file.Name}: {gold.Text.Length} characters, language {analyzed.Language}");
    Console.WriteLine();
    Console.WriteLine("Metric     |   Gold |  System | Correct | Precision |   Recall |       F1");
    Console.WriteLine("-----------+--------+---------+---------+-----------+----------+---------");
    PrintRow("Tokens", tokens);
    PrintRow("Sentences", sentences);
    PrintRow("Words", words);
    Console.WriteLine();

    var summary = new Dictionary<string, object>
    {
        ["task"] = "tokenization",
        ["file"] = file.Name,
        ["tokens"] = ToJson(tokens),
        ["sentences"] = ToJson(sentences),
        ["words"] = ToJson(words),
    };
    Console.WriteLine(JsonSerializer.Serialize(summary));
    return 0;
}

static void PrintMisses(string kind, string text, IReadOnlyList<TextSpan> gold, IReadOnlyList<TextSpan> system, int limit)
{
    if (limit <= 0)
    {
        return;
    }

    var found = new HashSet<TextSpan>(system);
    int printed = 0;
    foreach (TextSpan span in gold)
    {
        if (printed == limit)
        {
            break;
        }

        if (!found.Contains(span))
        {
            // Sentences are long: show where they start, which is where segmentation goes wrong.
            int end = Math.Min(span.End, span.Start + 40);
            int before = Math.Max(0, span.Start - 20);
            int after = Math.Min(text.Length, end + 20);
            string context = $"{text[before..span.Start]}[{text[span.Start..end]}]{text[end..after]}".ReplaceLineEndings(" ");
            Console.WriteLine($"missed {kind}: {context}");
            printed++;
        }
    }

    Console.WriteLine();
}

static void PrintRow(string name, SpanScore score) =>
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-10} | {score.Gold,6} | {score.System,7} | {score.Correct,7} | {100 * score.Precision,9:F2} | {100 * score.Recall,8:F2} | {100 * score.F1,8:F2}"));

static Dictionary<string, object> ToJson(SpanScore score) => new()
{
    ["p"] = Math.Round(score.Precision, 4),
    ["r"] = Math.Round(score.Recall, 4),
    ["f1"] = Math.Round(score.F1, 4),
    ["gold"] = score.Gold,
    ["system"] = score.System,
    ["correct"] = score.Correct,
};
