using System.Text;
using GrpcNlp.Cli.Commands;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Tests.Parsing;

public sealed class InputFilesTests
{
    [Fact]
    public async Task No_file_reads_standard_input()
    {
        IReadOnlyList<Document> documents = await InputFiles.ReadAsync(
            [], "ar", new StringReader("مرحبا"), jsonLines: false, TestContext.Current.CancellationToken);

        Document document = Assert.Single(documents);
        Assert.Equal("stdin", document.Id);
        Assert.Equal("مرحبا", document.Text);
        Assert.Equal("ar", document.Language);
    }

    [Fact]
    public async Task Files_are_read_as_utf8_and_ids_stay_unique()
    {
        string path = Path.Combine(Path.GetTempPath(), $"grpcnlp-input-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "سلام 🙂", new UTF8Encoding(false), TestContext.Current.CancellationToken);
        try
        {
            IReadOnlyList<Document> documents = await InputFiles.ReadAsync(
                [path, "-", path], string.Empty, new StringReader("from stdin"), jsonLines: false, TestContext.Current.CancellationToken);

            Assert.Equal([path, "stdin", path + "#2"], documents.Select(d => d.Id));
            Assert.Equal("سلام 🙂", documents[0].Text);
            Assert.Equal("from stdin", documents[1].Text);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
