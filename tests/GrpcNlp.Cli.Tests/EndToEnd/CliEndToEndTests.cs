using System.Text;
using Google.Protobuf;
using GrpcNlp.Cli.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Tests.EndToEnd;

public sealed class CliEndToEndTests(ServerFixture server)
{
    [Fact]
    public async Task Analyze_prints_language_tokens_entities_and_summary()
    {
        CliRun run = await CliRun.RunAsync(["analyze", "--server", server.Address], stdin: Texts.ArabicNews);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("language: ar", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"tokens: [1-9]\d*, sentences: [1-9]", run.Out);
        Assert.Matches(@"entities: [1-9]\d* \([1-9]\d* mentions\)", run.Out);
        Assert.Contains("القاهرة", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"summary: [1-9] sentences", run.Out);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Analyze_json_parses_and_its_utf16_offsets_slice_the_input()
    {
        CliRun run = await CliRun.RunAsync(
            ["analyze", "--server", server.Address, "--json", "--encoding", "utf16"],
            stdin: Texts.ArabicNews);

        Assert.True(run.ExitCode == 0, run.ToString());
        string line = Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        AnalyzeResponse response = JsonParser.Default.Parse<AnalyzeResponse>(line);
        Assert.Equal("ar", response.Language);
        Assert.NotEmpty(response.Tokens);
        Assert.NotEmpty(response.Entities);
        Assert.NotEmpty(response.Summary);
        foreach (EntityMention mention in response.Mentions)
        {
            Assert.Equal(mention.Text, Texts.ArabicNews[(int)mention.Span.Begin..(int)mention.Span.End]);
        }
    }

    [Fact]
    public async Task Normalize_with_the_search_profile_removes_diacritics()
    {
        CliRun run = await CliRun.RunAsync(
            ["normalize", "--server", server.Address, "--profile", "search"],
            stdin: Texts.ArabicWithDiacritics);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("كتب الطالب الدرس.", run.Out.TrimEnd());
    }

    [Fact]
    public async Task Tokenize_lists_every_token()
    {
        CliRun run = await CliRun.RunAsync(["tokenize", "--server", server.Address], stdin: "Hello, world.");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("tokens: 4, sentences: 1", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"WORD\s+7\.\.12\s+0\s+world", run.Out);
    }

    [Fact]
    public async Task Tokenize_with_segmentation_and_an_llm_encoding_shows_clitics_and_the_count()
    {
        CliRun run = await CliRun.RunAsync(
            ["tokenize", "--server", server.Address, "--encoding", "utf16", "--segmentation", "atb", "--llm", "o200k"],
            stdin: "ذهبنا إلى المدرسة وبالكتب");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"llm tokens \(o200k_base\): [1-9]\d*", run.Out);
        Assert.Matches(@"WORD\s+18\.\.25\s+0\s+وبالكتب\s+\S+\s+و\+ب\+الكتب", run.Out);
    }

    [Fact]
    public async Task Summarize_several_files_gives_one_summary_and_entities_answer_each_file()
    {
        string first = await WriteTempAsync(Texts.ArabicNews);
        string second = await WriteTempAsync(Texts.ArabicSecond);
        try
        {
            CliRun summary = await CliRun.RunAsync(["summarize", "--server", server.Address, "--sentences", "2", first, second]);
            CliRun entities = await CliRun.RunAsync(["entities", "--server", server.Address, first, second]);

            Assert.True(summary.ExitCode == 0, summary.ToString());
            Assert.Matches(@"summary: 2 of \d+ sentences", summary.Out);
            Assert.True(entities.ExitCode == 0, entities.ToString());
            int firstHeader = entities.Out.IndexOf($"== {first} ==", StringComparison.Ordinal);
            int secondHeader = entities.Out.IndexOf($"== {second} ==", StringComparison.Ordinal);
            Assert.True(firstHeader >= 0 && secondHeader > firstHeader, entities.ToString());
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public async Task A_rejected_request_exits_1_with_the_status_on_stderr()
    {
        CliRun run = await CliRun.RunAsync(
            ["tokenize", "--server", server.Address, "--language", "not a language!"],
            stdin: "text");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("error: InvalidArgument: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  document.language: ", run.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Json_lines_in_give_one_json_line_out_per_document_in_input_order()
    {
        string input = string.Join('\n',
            $$"""{"id":"news","text":"{{Texts.ArabicNews}}","language":"ar"}""",
            """{"id":"hello","text":"Hello, world.","language":"en"}""",
            $$"""{"id":"second","text":"{{Texts.ArabicSecond}}"}""");

        CliRun run = await CliRun.RunAsync(["entities", "--server", server.Address, "--jsonl-input", "--jsonl"], stdin: input);

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["news", "hello", "second"], lines.Select(line => JsonParser.Default.Parse<ExtractEntitiesResponse>(line).DocumentId));
        Assert.NotEmpty(JsonParser.Default.Parse<ExtractEntitiesResponse>(lines[0]).Mentions);
    }

    [Fact]
    public async Task Reference_date_gives_relative_dates_their_value_for_one_document_and_for_a_batch()
    {
        string one = """{"id":"a","text":"وصل الوفد أمس إلى المدينة","language":"ar"}""";
        string two = one + "\n" + """{"id":"b","text":"He leaves tomorrow.","language":"en"}""";

        CliRun single = await CliRun.RunAsync(["entities", "--server", server.Address, "--jsonl-input", "--jsonl", "--reference-date", "2024-11-11"], stdin: one);
        CliRun batch = await CliRun.RunAsync(["entities", "--server", server.Address, "--jsonl-input", "--jsonl", "-r", "2024-11-11"], stdin: two);

        Assert.True(single.ExitCode == 0, single.ToString());
        Assert.True(batch.ExitCode == 0, batch.ToString());
        string Value(string line) => JsonParser.Default.Parse<ExtractEntitiesResponse>(line).Mentions.Single(m => m.Type == EntityType.Date).NormalizedValue;
        Assert.Equal("2024-11-10", Value(single.Out.Trim()));
        Assert.Equal(["2024-11-10", "2024-11-12"], batch.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Value));
    }

    [Fact]
    public async Task Group_across_documents_numbers_the_entities_of_a_batch_in_json_and_in_a_batch_column()
    {
        string input = string.Join('\n',
            """{"id":"a","text":"قال الرئيس الأمريكي جو بايدن إن المحادثات في القاهرة كانت مثمرة.","language":"ar"}""",
            """{"id":"b","text":"وأكد بايدن أن الوفد سيعود إلى القاهرة الأسبوع المقبل.","language":"ar"}""");

        CliRun json = await CliRun.RunAsync(["entities", "--server", server.Address, "--jsonl-input", "--jsonl", "--group-across-documents"], stdin: input);
        CliRun plain = await CliRun.RunAsync(["entities", "--server", server.Address, "--jsonl-input", "-g"], stdin: input);

        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.True(plain.ExitCode == 0, plain.ToString());
        ExtractEntitiesResponse[] answers = json.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JsonParser.Default.Parse<ExtractEntitiesResponse>).ToArray();
        int Number(int document, string name) => answers[document].Entities.Single(e => e.CanonicalName == name).BatchEntity;
        Assert.Equal(Number(0, "جو بايدن"), Number(1, "بايدن"));
        Assert.Equal(Number(0, "القاهرة"), Number(1, "القاهرة"));
        Assert.Contains("batch", plain.Out, StringComparison.Ordinal);
    }

    private static async Task<string> WriteTempAsync(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"grpcnlp-e2e-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), TestContext.Current.CancellationToken);
        return path;
    }
}
