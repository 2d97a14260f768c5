using System.Text;
using GrpcNlp.Cli.Commands;
using GrpcNlp.Cli.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Tests.Parsing;

/// <summary>Folders, patterns and JSON Lines as inputs: what is read, in what order, with which ids.</summary>
public sealed class InputCollectionTests : IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(false);
    private readonly string _root = Directory.CreateTempSubdirectory("grpcnlp-inputs-").FullName;

    public InputCollectionTests()
    {
        Write("b.txt", "bee");
        Write("a.txt", "ay");
        Write("sub/c.txt", "see");
        Write("sub/deeper/d.md", "dee");
        Write("sub/.hidden.txt", "hidden");
        Write("docs.jsonl", """
            {"id": "first", "text": "مرحبا", "language": "ar"}

            {"text": "no id here"}
            {"id": 42, "text": "numeric id", "extra": true}
            """);
    }

    [Fact]
    public async Task A_folder_is_read_recursively_in_path_order_without_hidden_files()
    {
        IReadOnlyList<Document> documents = await ReadAsync([Path.Combine(_root, "sub")]);

        Assert.Equal([P("sub/c.txt"), P("sub/deeper/d.md")], documents.Select(d => d.Id));
        Assert.Equal(["see", "dee"], documents.Select(d => d.Text));
    }

    [Fact]
    public async Task A_pattern_matches_files_at_any_depth_with_double_star()
    {
        IReadOnlyList<Document> documents = await ReadAsync([_root + "/**/*.txt"]);

        Assert.Equal([P("a.txt"), P("b.txt"), P("sub/c.txt")], documents.Select(d => d.Id));
    }

    [Fact]
    public async Task A_single_star_stays_in_its_folder()
    {
        IReadOnlyList<Document> documents = await ReadAsync([_root + "/*.txt"]);

        Assert.Equal(["ay", "bee"], documents.Select(d => d.Text));
    }

    [Fact]
    public async Task A_jsonl_file_is_one_document_per_line_with_default_id_and_language()
    {
        IReadOnlyList<Document> documents = await ReadAsync([P("docs.jsonl")], language: "en");

        Assert.Equal(["first", P("docs.jsonl") + ":3", "42"], documents.Select(d => d.Id));
        Assert.Equal(["مرحبا", "no id here", "numeric id"], documents.Select(d => d.Text));
        Assert.Equal(["ar", "en", "en"], documents.Select(d => d.Language));
    }

    [Fact]
    public async Task Standard_input_is_json_lines_when_asked()
    {
        IReadOnlyList<Document> documents = await InputFiles.ReadAsync(
            ["-"], string.Empty, new StringReader("{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"x\",\"text\":\"two\"}\n"),
            jsonLines: true, TestContext.Current.CancellationToken);

        Assert.Equal(["x", "x#2"], documents.Select(d => d.Id));
        Assert.Equal(["one", "two"], documents.Select(d => d.Text));
    }

    [Theory]
    [InlineData("{\"id\":\"a\"}", "stdin:1: missing \"text\"")]
    [InlineData("[1,2]", "stdin:1: expected a JSON object")]
    [InlineData("{\"text\": 5}", "stdin:1: \"text\" must be a string")]
    [InlineData("{\"text\": \"ok\"}\n{oops", "stdin:2: not valid JSON")]
    public async Task A_bad_line_names_its_source_and_line(string input, string expected)
    {
        InvalidDataException error = await Assert.ThrowsAsync<InvalidDataException>(() => InputFiles.ReadAsync(
            ["-"], string.Empty, new StringReader(input), jsonLines: true, TestContext.Current.CancellationToken));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pattern_matching_nothing_is_a_usage_error()
    {
        CliRun run = await CliRun.RunAsync(["tokenize", "--server", ClosedPort.Address(), _root + "/**/*.nothing"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("No file matches", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_jsonl_line_exits_1_with_file_and_line()
    {
        Write("bad.jsonl", "{\"text\": \"fine\"}\nnot json\n");
        CliRun run = await CliRun.RunAsync(["tokenize", "--server", ClosedPort.Address(), P("bad.jsonl")]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith($"error: cannot read input: {P("bad.jsonl")}:2: not valid JSON", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Task<IReadOnlyList<Document>> ReadAsync(string[] paths, string language = "")
        => InputFiles.ReadAsync(paths, language, new StringReader(string.Empty), jsonLines: false, TestContext.Current.CancellationToken);

    private string P(string relative) => Path.Combine(_root, relative);

    private void Write(string relative, string text)
    {
        string path = P(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, s_utf8);
    }
}
