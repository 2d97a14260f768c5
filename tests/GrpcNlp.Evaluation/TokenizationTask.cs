using System.CommandLine;
using System.Text.Json;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Text;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Evaluation;

/// <summary>`tokenization`: token, word and sentence boundaries against a CoNLL-U file.</summary>
internal static class TokenizationTask
{
    public static Command Create()
    {
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
        var command = new Command("tokenization", "Token, word and sentence boundary P/R/F1 against a CoNLL-U file, as the CoNLL 2018 UD shared task scores them.")
        {
            conllu,
            language,
            errors,
        };
        command.SetAction(parseResult => Evaluate(parseResult.GetRequiredValue(conllu), parseResult.GetRequiredValue(language), parseResult.GetValue(errors)));
        return command;
    }

    private static int Evaluate(FileInfo file, string language, int errors)
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

        Report.PrintMisses("token", gold.Text, gold.Tokens, systemTokens, errors);
        Report.PrintMisses("sentence", gold.Text, gold.Sentences, systemSentences, errors);

        Console.WriteLine($"{file.Name}: {gold.Text.Length} characters, language {analyzed.Language}");
        Console.WriteLine();
        Console.WriteLine("Metric     |   Gold |  System | Correct | Precision |   Recall |       F1");
        Console.WriteLine("-----------+--------+---------+---------+-----------+----------+---------");
        Report.PrintRow("Tokens", tokens);
        Report.PrintRow("Sentences", sentences);
        Report.PrintRow("Words", words);
        Console.WriteLine();

        var summary = new Dictionary<string, object>
        {
            ["task"] = "tokenization",
            ["file"] = file.Name,
            ["tokens"] = Report.ToJson(tokens),
            ["sentences"] = Report.ToJson(sentences),
            ["words"] = Report.ToJson(words),
        };
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }
}
