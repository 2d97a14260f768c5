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
var tokenization = new Command("tokenization", "Token, word and sentence boundary P/R/F1 against a CoNLL-U file, as the CoNLL 2018 UD shared task scores them.")
{
    conllu,
    language,
};
tokenization.SetAction(parseResult => EvaluateTokenization(parseResult.GetRequiredValue(conllu), parseResult.GetRequiredValue(language)));

var root = new RootCommand("Measures GrpcNlp.Core against Universal Dependencies treebanks.") { tokenization };
return root.Parse(args).Invoke();

static int EvaluateTokenization(FileInfo file, string language)
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

    // The tokenizer never splits inside a token, so a system word is a system token.
    SpanScore tokens = SpanScore.Compute(gold.Tokens, systemTokens);
    SpanScore sentences = SpanScore.Compute(gold.Sentences, systemSentences);
    SpanScore words = SpanScore.Compute(gold.Words, systemTokens);

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
