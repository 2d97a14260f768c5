using System.CommandLine;
using System.Text;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Commands;

/// <summary>The <c>files</c> argument of every command and the reading of its documents.</summary>
internal static class InputFiles
{
    /// <summary>The name that stands for standard input.</summary>
    public const string StandardInput = "-";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Argument<string[]> CreateArgument()
    {
        var argument = new Argument<string[]>("files")
        {
            Description = "Input files, read as UTF-8; none or '-' reads standard input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        argument.Validators.Add(result =>
        {
            foreach (string path in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (path != StandardInput && !File.Exists(path))
                {
                    result.AddError($"File not found: '{path}'.");
                }
            }
        });
        return argument;
    }

    /// <summary>
    /// Reads every input as a document whose id is its path (<c>stdin</c> for standard input).
    /// Standard input is read once even if named twice.
    /// </summary>
    public static async Task<IReadOnlyList<Document>> ReadAsync(
        IReadOnlyList<string>? paths,
        string language,
        TextReader stdin,
        CancellationToken cancellationToken)
    {
        if (paths is null || paths.Count == 0)
        {
            paths = [StandardInput];
        }

        var documents = new List<Document>(paths.Count);
        string? stdinText = null;
        foreach (string path in paths)
        {
            string text;
            string id;
            if (path == StandardInput)
            {
                stdinText ??= await stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                text = stdinText;
                id = "stdin";
            }
            else
            {
                text = await File.ReadAllTextAsync(path, s_utf8, cancellationToken).ConfigureAwait(false);
                id = path;
            }

            documents.Add(new Document { Id = UniqueId(id, documents), Text = text, Language = language });
        }

        return documents;
    }

    // Ids must be unique within a batch or a summary; the same file named twice gets a suffix.
    private static string UniqueId(string id, List<Document> previous)
    {
        string candidate = id;
        for (int n = 2; previous.Exists(d => d.Id == candidate); n++)
        {
            candidate = $"{id}#{n}";
        }

        return candidate;
    }
}
