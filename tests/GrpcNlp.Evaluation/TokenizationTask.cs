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
        var errors = TaskOptions.Errors("missed gold tokens and sentence starts with their context");
        var minTokenF1 = TaskOptions.MinimumPercent("--min-token-f1", "the token F1");
        var minSentenceF1 = TaskOptions.MinimumPercent("--min-sentence-f1", "the sentence F1");
        var holdout = new Option<bool>("--holdout")
        {
            Description = "Score sentences held out from the boundary model: split the documents into alternating folds (two unless "
                + "--folds says otherwise), train a model on all but each fold (as train-sentences does) and score it on that fold",
        };
        var folds = new Option<int>("--folds")
        {
            Description = "With --holdout: the number of folds (2: two halves; more: each model trains on more of the documents)",
            DefaultValueFactory = _ => 2,
        };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "Segment sentences by the rules alone, without the boundary model" };
        var command = new Command("tokenization", "Token, word and sentence boundary P/R/F1 against a CoNLL-U file, as the CoNLL 2018 UD shared task scores them.")
        {
            conllu,
            language,
            errors,
            minTokenF1,
            minSentenceF1,
            holdout,
            folds,
            rulesOnly,
        };
        command.SetAction(parseResult => Evaluate(
            parseResult.GetRequiredValue(conllu),
            parseResult.GetRequiredValue(language),
            parseResult.GetValue(errors),
            parseResult.GetValue(minTokenF1),
            parseResult.GetValue(minSentenceF1),
            parseResult.GetValue(holdout) ? Segmentation.HeldOut : parseResult.GetValue(rulesOnly) ? Segmentation.RulesOnly : Segmentation.Shipped,
            parseResult.GetValue(folds)));
        return command;
    }

    /// <summary>Which sentence segmentation is scored.</summary>
    private enum Segmentation
    {
        /// <summary>The analyzer's, with the embedded boundary model where the language has one.</summary>
        Shipped,

        /// <summary>The rules alone.</summary>
        RulesOnly,

        /// <summary>Each fold of the documents by a boundary model trained on the other folds.</summary>
        HeldOut,
    }

    private static int Evaluate(FileInfo file, string language, int errors, double minTokenF1, double minSentenceF1, Segmentation segmentation, int folds)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"No such file: {file.Name}");
            return 2;
        }

        if (folds < 2)
        {
            Console.Error.WriteLine("--folds must be at least 2.");
            return 2;
        }

        SpanScore tokens = default;
        SpanScore sentences = default;
        SpanScore words = default;
        string analyzedLanguage = language;
        int characters = 0;
        if (segmentation == Segmentation.HeldOut)
        {
            List<List<string>> documents = SentenceBoundaryData.Documents(File.ReadLines(file.FullName));
            for (int fold = 0; fold < folds; fold++)
            {
                ConlluDocument train = SentenceBoundaryData.Fold(documents, fold, folds, inFold: false);
                ConlluDocument test = SentenceBoundaryData.Fold(documents, fold, folds, inFold: true);
                SentenceBoundaryModel model = SentenceBoundaryData.Train(train, language, verbose: false);
                Console.WriteLine($"fold {fold + 1} of {folds}: trained on {train.Sentences.Count} sentences of the other folds, scored on {test.Sentences.Count}");
                SentenceBoundaryData.PrintGapScores(test, language, model);
                Scores scores = Score(test, language, SentenceRules.For(language).WithBoundaryModel(model), errors);
                (tokens, sentences, words) = (tokens + scores.Tokens, sentences + scores.Sentences, words + scores.Words);
                analyzedLanguage = scores.Language;
                characters += test.Text.Length;
            }
        }
        else
        {
            ConlluDocument gold = ConlluDocument.Parse(File.ReadLines(file.FullName));
            SentenceRules? rules = segmentation == Segmentation.RulesOnly ? SentenceRules.For(language).WithBoundaryModel(null) : null;
            Scores scores = Score(gold, language, rules, errors);
            (tokens, sentences, words, analyzedLanguage, characters) = (scores.Tokens, scores.Sentences, scores.Words, scores.Language, gold.Text.Length);
        }

        string scope = segmentation switch
        {
            Segmentation.HeldOut => folds == 2 ? ", sentences held out (two halves by document)" : $", sentences held out ({folds} folds by document)",
            Segmentation.RulesOnly => ", sentences by the rules alone",
            _ => string.Empty,
        };
        Console.WriteLine($"{file.Name}: {characters} characters, language {analyzedLanguage}{scope}");
        Console.WriteLine();
        Report.PrintHeader();
        Report.PrintRow("Tokens", tokens);
        Report.PrintRow("Sentences", sentences);
        Report.PrintRow("Words", words);
        Console.WriteLine();

        var summary = new Dictionary<string, object>
        {
            ["task"] = "tokenization",
            ["file"] = file.Name,
            ["segmentation"] = segmentation switch
            {
                Segmentation.HeldOut => "holdout",
                Segmentation.RulesOnly => "rules",
                _ => "shipped",
            },
            ["tokens"] = Report.ToJson(tokens),
            ["sentences"] = Report.ToJson(sentences),
            ["words"] = Report.ToJson(words),
        };
        if (segmentation == Segmentation.HeldOut)
        {
            summary["folds"] = folds;
        }

        bool passed = Report.Gate("token F1", tokens, minTokenF1) & Report.Gate("sentence F1", sentences, minSentenceF1);
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return passed ? 0 : 1;
    }

    private readonly record struct Scores(SpanScore Tokens, SpanScore Sentences, SpanScore Words, string Language);

    /// <summary>
    /// Scores the analyzer on <paramref name="gold"/>; sentences come from <paramref name="rules"/>
    /// when given, else from the analyzer itself. Prints up to <paramref name="errors"/> misses of each kind.
    /// </summary>
    private static Scores Score(ConlluDocument gold, string language, SentenceRules? rules, int errors)
    {
        AnalyzedText analyzed = new TextAnalyzer().Analyze(gold.Text, language, NormalizationOptions.None);
        IReadOnlyList<Sentence> segmented = analyzed.Sentences;
        if (rules is not null)
        {
            var list = new List<Sentence>();
            SentenceSegmenter.Segment(gold.Text, analyzed.Tokens, rules, list);
            segmented = list;
        }

        var systemWords = new TextSpan[analyzed.Tokens.Count];
        for (int i = 0; i < systemWords.Length; i++)
        {
            systemWords[i] = analyzed.Tokens[i].Span;
        }

        List<TextSpan> systemTokens = SurfaceTokens(gold.Text, analyzed.Tokens);

        var systemSentences = new TextSpan[segmented.Count];
        for (int i = 0; i < systemSentences.Length; i++)
        {
            Sentence sentence = segmented[i];
            systemSentences[i] = sentence.TokenCount == 0
                ? sentence.Span
                : new TextSpan(systemWords[sentence.FirstToken].Start, systemWords[sentence.FirstToken + sentence.TokenCount - 1].End);
        }

        SpanScore tokens = SpanScore.Compute(gold.Tokens, systemTokens);
        SpanScore sentences = SpanScore.Compute(gold.Sentences, systemSentences);
        SpanScore words = SpanScore.Compute(gold.Words, systemWords);

        Report.PrintMisses("token", gold.Text, gold.Tokens, systemTokens, errors);
        Report.PrintMisses("extra token", gold.Text, systemTokens, gold.Tokens, errors);
        Report.PrintMisses("sentence", gold.Text, gold.Sentences, systemSentences, errors);
        Report.PrintMisses("extra sentence", gold.Text, systemSentences, gold.Sentences, errors);
        PrintBoundaryErrors(gold, analyzed.Tokens, systemSentences, errors);
        return new Scores(tokens, sentences, words, analyzed.Language);
    }

    /// <summary>
    /// Prints up to <paramref name="limit"/> missed and spurious sentence boundaries (a sentence
    /// start in one segmentation and not the other, the first sentence of the text aside) with their
    /// context, then how many of each kind there are: what the token before the gap is (a full stop,
    /// another terminator, an abbreviation, a closing quote or bracket, none) and what the token after
    /// it starts with. Boundaries are where the errors are; sentence misses count each one twice.
    /// </summary>
    private static void PrintBoundaryErrors(ConlluDocument gold, IReadOnlyList<Token> tokens, TextSpan[] system, int limit)
    {
        if (limit <= 0)
        {
            return;
        }

        var goldStarts = new HashSet<int>(gold.Sentences.Select(s => s.Start));
        var systemStarts = new HashSet<int>(system.Select(s => s.Start));
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int printed = 0;
        for (int i = 1; i < tokens.Count; i++)
        {
            int start = tokens[i].Span.Start;
            bool inGold = goldStarts.Contains(start);
            if (inGold == systemStarts.Contains(start))
            {
                continue;
            }

            string kind = $"{(inGold ? "missed" : "spurious")} boundary, {BeforeGap(gold.Text, tokens[i - 1])} | {AfterGap(gold.Text, tokens[i])}";
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            if (printed++ < limit)
            {
                int before = Math.Max(0, start - 40);
                int after = Math.Min(gold.Text.Length, start + 30);
                Console.WriteLine($"{kind}: {gold.Text[before..start]} || {gold.Text[start..after]}".ReplaceLineEndings(" "));
            }
        }

        Console.WriteLine();
        foreach ((string kind, int count) in kinds.OrderByDescending(k => k.Value))
        {
            Console.WriteLine($"{count,5}  {kind}");
        }

        Console.WriteLine();
    }

    private static string BeforeGap(string text, Token token)
    {
        ReadOnlySpan<char> form = text.AsSpan(token.Span.Start, token.Span.Length);
        return token.Type switch
        {
            TokenType.Word when form.Length > 1 && form[^1] == '.' => "abbreviation",
            TokenType.Punctuation when form[0] == '.' && form.Length == 1 => "full stop",
            TokenType.Punctuation when form[0] is '.' or '\u2026' => "ellipsis",
            TokenType.Punctuation when form[0] is '?' or '!' => "? !",
            TokenType.Punctuation when form[0] is ')' or ']' or '"' or '\'' or '\u201D' or '\u2019' => "closer",
            TokenType.Punctuation => "other punctuation",
            TokenType.Word when char.IsUpper(form[0]) => "capitalized word",
            TokenType.Word => "word",
            _ => token.Type.ToString().ToLowerInvariant(),
        };
    }

    private static string AfterGap(string text, Token token)
    {
        char first = text[token.Span.Start];
        return char.IsUpper(first) ? "upper" : char.IsLower(first) ? "lower" : char.IsDigit(first) ? "digit" : "other";
    }

    /// <summary>
    /// The system's surface tokens: its tokens, with each clitic the tokenizer split off a word
    /// ("do|n't", "it|'s", "can|not") joined back to that word. The tokenizer splits clitics as UD
    /// splits a multiword token into syntactic words, so its tokens are scored as words and the
    /// rejoined spans as tokens.
    /// </summary>
    private static List<TextSpan> SurfaceTokens(string text, IReadOnlyList<Token> tokens)
    {
        var surface = new List<TextSpan>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            Token token = tokens[i];
            if (i > 0 && IsSplitClitic(text, tokens[i - 1], token))
            {
                surface[^1] = new TextSpan(surface[^1].Start, token.Span.End);
            }
            else
            {
                surface.Add(token.Span);
            }
        }

        return surface;
    }

    private static bool IsSplitClitic(string text, Token before, Token clitic)
    {
        if (before.Type != TokenType.Word || clitic.Type != TokenType.Word || before.Span.End != clitic.Span.Start)
        {
            return false;
        }

        ReadOnlySpan<char> form = text.AsSpan(clitic.Span.Start, clitic.Span.Length);
        return form[0] is '\'' or '\u2019'
            || form.Equals("n't", StringComparison.OrdinalIgnoreCase) || form.Equals("n\u2019t", StringComparison.OrdinalIgnoreCase)
            || (form.Equals("not", StringComparison.OrdinalIgnoreCase) && text.AsSpan(before.Span.Start, before.Span.Length).Equals("can", StringComparison.OrdinalIgnoreCase));
    }
}
