using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GrpcNlp.Core.Normalization;
using GrpcNlp.Core.Pipeline;
using GrpcNlp.Core.Summarization;
using GrpcNlp.Core.Tokenization;

namespace GrpcNlp.Evaluation;

/// <summary>
/// `summarization`: ROUGE-1/2/L of the extractive summarizer and of Lead-k, LexRank, TextRank and
/// random baselines against every reference summary of EASC (Arabic) and/or BBC News Summary (English).
/// </summary>
/// <remarks>
/// Every system ranks the same sentences (the analyzer's segmentation of the article) and its
/// summary is its best sentences, in document order, cut to the reference length in ROUGE tokens
/// (the mean over the article's references): the last sentence taken is truncated. ROUGE tokens
/// are the article's and the reference's word and number tokens with Search normalization (NFKC,
/// case folding, diacritics and tatweel removed, أإآٱ→ا, ى→ي, ة→ه, digits to ASCII); stop words
/// are kept and nothing is stemmed. Scores are averaged over an article's references, then over
/// articles. The articles are also split into two fixed halves (even and odd position in the
/// corpus order): hand-set weights were tuned on the even half only, so the odd half is the
/// fairer figure for them. With <c>--held-out</c> the summarizer's learned scorer (see
/// <see cref="TrainSummarizerTask"/>) is refitted on each half and scores only the other one,
/// so every article's summary comes from a scorer that never saw it.
/// </remarks>
internal static class SummarizationTask
{
    private static readonly string[] s_systems = ["ours", "lead", "lexrank", "textrank", "random"];

    public static Command Create()
    {
        var easc = new Option<DirectoryInfo?>("--easc") { Description = "EASC folder (Articles/, MTurk/)" };
        var bbc = new Option<DirectoryInfo?>("--bbc") { Description = "BBC News Summary folder (article/, summary/)" };
        var requireBest = new Option<bool>("--require-best")
        {
            Description = "Exit 1 unless the summarizer's ROUGE-1 F is above every baseline's on every corpus",
        };
        var requireAbove = new Option<string[]>("--require-above")
        {
            Description = "Exit 1 unless the summarizer's ROUGE-1 F is above these baselines' (lead, lexrank, textrank, random; separate or comma-separated) on every corpus",
            AllowMultipleArgumentsPerToken = true,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the random baseline", DefaultValueFactory = _ => 13 };
        var heldOut = new Option<bool>("--held-out")
        {
            Description = "Refit the learned scorer of each corpus's language on one half of its articles and summarize the other half with it (both ways)",
        };
        var command = new Command("summarization", "ROUGE-1/2/L of the summarizer and of Lead-k, LexRank, TextRank and random baselines at the reference length.")
        {
            easc,
            bbc,
            requireBest,
            requireAbove,
            seed,
            heldOut,
        };
        command.SetAction(parseResult =>
        {
            // Baselines may be listed as separate values or comma-separated: lead,lexrank,textrank.
            string[] gate = parseResult.GetValue(requireBest)
                ? s_systems[1..]
                : (parseResult.GetValue(requireAbove) ?? []).SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
            string[] unknown = gate.Where(g => Array.IndexOf(s_systems, g, 1) < 0).ToArray();
            if (unknown.Length > 0)
            {
                Console.Error.WriteLine($"Unknown baseline(s): {string.Join(", ", unknown)}");
                return 2;
            }

            return Evaluate(parseResult.GetValue(easc), parseResult.GetValue(bbc), gate, parseResult.GetValue(seed), parseResult.GetValue(heldOut));
        });
        return command;
    }

    private static int Evaluate(DirectoryInfo? easc, DirectoryInfo? bbc, string[] gate, int seed, bool heldOut)
    {
        if (easc is null && bbc is null)
        {
            Console.Error.WriteLine("Give --easc DIR and/or --bbc DIR.");
            return 2;
        }

        foreach (DirectoryInfo? folder in (DirectoryInfo?[])[easc, bbc])
        {
            if (folder is not null && !folder.Exists)
            {
                Console.Error.WriteLine($"No such folder: {folder.Name}");
                return 2;
            }
        }

        var summary = new Dictionary<string, object> { ["task"] = "summarization" };
        bool best = true;
        if (easc is not null)
        {
            best &= Run("easc", "EASC (Arabic)", SummaryCorpus.ReadEasc(easc), seed, gate, heldOut, summary);
        }

        if (bbc is not null)
        {
            best &= Run("bbc", "BBC News Summary (English)", SummaryCorpus.ReadBbc(bbc), seed, gate, heldOut, summary);
        }

        summary["held_out"] = heldOut;
        summary["gate"] = gate;
        summary["passed"] = best;
        Console.WriteLine(JsonSerializer.Serialize(summary));
        if (!best)
        {
            Console.Error.WriteLine($"The summarizer's ROUGE-1 F is not above {string.Join(", ", gate)} on every corpus.");
            return 1;
        }

        return 0;
    }

    private static bool Run(string key, string title, List<SummaryArticle> articles, int seed, string[] gate, bool heldOut, Dictionary<string, object> summary)
    {
        var analyzer = new TextAnalyzer();
        ExtractiveSummarizer[] summarizers = heldOut ? CrossFitted(articles) : [new ExtractiveSummarizer(), new ExtractiveSummarizer()];
        var totals = s_systems.ToDictionary(s => s, _ => new RougeTriple[2]);
        var counts = new int[2];
        var rankingTime = s_systems.ToDictionary(s => s, _ => new Stopwatch());
        int references = 0;
        var clock = Stopwatch.StartNew();
        for (int a = 0; a < articles.Count; a++)
        {
            SummaryArticle article = articles[a];
            (AnalyzedText analyzed, IReadOnlyList<string>[] sentences, IReadOnlyList<string>[][] referenceTokens, int budget) = Prepare(analyzer, article);
            references += referenceTokens.Length;
            int half = a % 2;
            counts[half]++;
            foreach (string system in s_systems)
            {
                rankingTime[system].Start();
                int[] ranking = system switch
                {
                    "ours" => RankOurs(summarizers[half], analyzed, sentences, budget),
                    "lead" => SummaryBaselines.Lead(sentences),
                    "lexrank" => SummaryBaselines.LexRank(sentences),
                    "textrank" => SummaryBaselines.TextRank(sentences),
                    _ => SummaryBaselines.Random(sentences, seed + a),
                };
                rankingTime[system].Stop();
                List<IReadOnlyList<string>> tokens = Compose(ranking, sentences, budget);
                RougeTriple score = default;
                foreach (IReadOnlyList<string>[] reference in referenceTokens)
                {
                    score += Rouge.Score(tokens, reference);
                }

                totals[system][half] += score.Divide(referenceTokens.Length);
            }
        }

        clock.Stop();
        Console.WriteLine($"{title}: {articles.Count} articles, {references} references, {clock.Elapsed.TotalSeconds:F1} s");
        if (heldOut)
        {
            Console.WriteLine("Held out: each half summarized by a scorer fitted on the other half only.");
        }

        Console.WriteLine("ROUGE averaged over each article's references, then over articles; summaries cut to the mean reference length in tokens.");
        Console.WriteLine();
        Console.WriteLine("System   | R-1 R | R-1 P | R-1 F | R-2 R | R-2 P | R-2 F | R-L R | R-L P | R-L F | R-1 F even | R-1 F odd | ms/article");
        Console.WriteLine("---------+-------+-------+-------+-------+-------+-------+-------+-------+-------+------------+-----------+-----------");
        var systems = new Dictionary<string, object>();
        var overall = new Dictionary<string, RougeTriple>();
        foreach (string system in s_systems)
        {
            RougeTriple[] halves = totals[system];
            RougeTriple all = (halves[0] + halves[1]).Divide(Math.Max(1, counts[0] + counts[1]));
            RougeTriple even = halves[0].Divide(Math.Max(1, counts[0]));
            RougeTriple odd = halves[1].Divide(Math.Max(1, counts[1]));
            overall[system] = all;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{system,-8} | {Cells(all.R1)} | {Cells(all.R2)} | {Cells(all.RL)} | {100 * even.R1.F1,10:F2} | {100 * odd.R1.F1,9:F2} | {rankingTime[system].Elapsed.TotalMilliseconds / Math.Max(1, articles.Count),10:F2}"));
            systems[system] = new Dictionary<string, object>
            {
                ["rouge1"] = ToJson(all.R1),
                ["rouge2"] = ToJson(all.R2),
                ["rougeL"] = ToJson(all.RL),
                ["rouge1_f_even"] = Math.Round(even.R1.F1, 4),
                ["rouge1_f_odd"] = Math.Round(odd.R1.F1, 4),
                ["ms_per_article"] = Math.Round(rankingTime[system].Elapsed.TotalMilliseconds / Math.Max(1, articles.Count), 3),
            };
        }

        Console.WriteLine();
        string[] beaten = s_systems.Skip(1).Where(b => overall["ours"].R1.F1 > overall[b].R1.F1).ToArray();
        bool best = gate.All(beaten.Contains);
        Console.WriteLine($"ROUGE-1 F above: {(beaten.Length == 0 ? "none" : string.Join(", ", beaten))}");
        Console.WriteLine();
        summary[key] = new Dictionary<string, object>
        {
            ["articles"] = articles.Count,
            ["references"] = references,
            ["systems"] = systems,
            ["above"] = beaten,
            ["passed"] = best,
        };
        return best;
    }

    /// <summary>
    /// Summarizers for the even and odd halves, each with the corpus language's learned scorer
    /// fitted on the other half (the corpus is in one language).
    /// </summary>
    private static ExtractiveSummarizer[] CrossFitted(List<SummaryArticle> articles)
    {
        List<ArticleExamples> examples = TrainSummarizerTask.Examples(articles);
        bool arabic = articles.Count > 0 && articles[0].Language.StartsWith("ar", StringComparison.OrdinalIgnoreCase);
        var summarizers = new ExtractiveSummarizer[2];
        for (int half = 0; half < 2; half++)
        {
            List<ArticleExamples> training = examples.Where((_, a) => a % 2 != half).ToList();
            double threshold = TrainSummarizerTask.SelectThreshold(training, arabic, TrainingSettings.Default, out _);
            LinearSentenceScorer scorer = TrainSummarizerTask.Fit(training, threshold, TrainingSettings.Default, out _);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scorer for the {(half == 0 ? "even" : "odd")} half: fitted on the {(half == 0 ? "odd" : "even")} half ({training.Count} articles), label threshold {threshold:F2}."));
            summarizers[half] = TrainSummarizerTask.Summarizer(scorer, arabic);
        }

        return summarizers;
    }

    /// <summary>An article's ROUGE tokens (by sentence), its references' (by sentence) and the summary budget (their mean length).</summary>
    internal static PreparedArticle Prepare(TextAnalyzer analyzer, SummaryArticle article)
    {
        AnalyzedText analyzed = analyzer.Analyze(article.Text, article.Language, NormalizationOptions.Search);
        IReadOnlyList<string>[] sentences = analyzed.Sentences.Select(s => (IReadOnlyList<string>)RougeTokens(analyzed, s.FirstToken, s.TokenCount)).ToArray();
        IReadOnlyList<string>[][] referenceTokens = article.References
            .Select(r => analyzer.Analyze(r, article.Language, NormalizationOptions.Search))
            .Select(r => r.Sentences.Select(s => (IReadOnlyList<string>)RougeTokens(r, s.FirstToken, s.TokenCount)).ToArray())
            .ToArray();
        int budget = (int)Math.Round(referenceTokens.Average(r => r.Sum(s => s.Count)));
        return new PreparedArticle(analyzed, sentences, referenceTokens, budget);
    }

    /// <summary>The summarizer's ROUGE-1 F on one article (mean over its references), as the table counts it.</summary>
    internal static double Rouge1F(PreparedArticle article, ExtractiveSummarizer summarizer)
    {
        int[] ranking = RankOurs(summarizer, article.Analyzed, article.Sentences, article.Budget);
        List<IReadOnlyList<string>> tokens = Compose(ranking, article.Sentences, article.Budget);
        return article.References.Average(reference => Rouge.Score(tokens, reference).R1.F1);
    }

    /// <summary>The summarizer's sentences in the order it picks them (MMR is greedy, so k+1 extends k), until the budget is met.</summary>
    private static int[] RankOurs(ExtractiveSummarizer summarizer, AnalyzedText analyzed, IReadOnlyList<string>[] sentences, int budget)
    {
        var order = new List<int>();
        int words = 0;
        for (int k = 1; k <= sentences.Length && words < budget; k++)
        {
            SummaryResult result = summarizer.Summarize([analyzed], new SummaryOptions { MaxSentences = k }, CancellationToken.None);
            int added = -1;
            foreach (SummarySentence sentence in result.Sentences)
            {
                if (!order.Contains(sentence.SentenceIndex))
                {
                    added = sentence.SentenceIndex;
                }
            }

            if (added < 0)
            {
                break;
            }

            order.Add(added);
            words += sentences[added].Count;
        }

        return [.. order];
    }

    /// <summary>The ranked sentences taken until the budget is met, in document order, the last one taken cut to fit.</summary>
    private static List<IReadOnlyList<string>> Compose(int[] ranking, IReadOnlyList<string>[] sentences, int budget)
    {
        var taken = new List<(int Index, int Count)>();
        int words = 0;
        foreach (int index in ranking)
        {
            if (words >= budget)
            {
                break;
            }

            int count = Math.Min(sentences[index].Count, budget - words);
            taken.Add((index, count));
            words += count;
        }

        return taken.OrderBy(t => t.Index).Select(t => (IReadOnlyList<string>)sentences[t.Index].Take(t.Count).ToList()).ToList();
    }

    /// <summary>The word and number tokens' Search-normalized forms in a token range: what ROUGE compares.</summary>
    internal static List<string> RougeTokens(AnalyzedText analyzed, int first, int count)
    {
        var tokens = new List<string>(count);
        for (int t = first; t < first + count && t < analyzed.Tokens.Count; t++)
        {
            if (analyzed.Tokens[t].Type is TokenType.Word or TokenType.Number && analyzed.TokenNorms[t].Length > 0)
            {
                tokens.Add(analyzed.TokenNorms[t]);
            }
        }

        return tokens;
    }

    private static string Cells(RougeScore score) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * score.Recall,5:F2} | {100 * score.Precision,5:F2} | {100 * score.F1,5:F2}");

    private static Dictionary<string, object> ToJson(RougeScore score) => new()
    {
        ["r"] = Math.Round(score.Recall, 4),
        ["p"] = Math.Round(score.Precision, 4),
        ["f"] = Math.Round(score.F1, 4),
    };
}

/// <summary>An article as every system sees it: analyzed, its sentences' and references' ROUGE tokens, and the summary budget in tokens.</summary>
internal sealed record PreparedArticle(AnalyzedText Analyzed, IReadOnlyList<string>[] Sentences, IReadOnlyList<string>[][] References, int Budget);
