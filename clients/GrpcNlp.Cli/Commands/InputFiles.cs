using System.CommandLine;
using System.Text;
using System.Text.Json;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Commands;

/// <summary>The <c>files</c> argument of every command and the reading of its documents.</summary>
internal static class InputFiles
{
    /// <summary>The name that stands for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>The extension of files read as JSON Lines, one document per line.</summary>
    public const string JsonLinesExtension = ".jsonl";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Argument<string[]> CreateArgument()
    {
        var argument = new Argument<string[]>("files")
        {
            Description = "Files, folders (read recursively) or patterns such as 'docs/**/*.txt', read as UTF-8; "
                + "*.jsonl files hold one JSON document per line; none or '-' reads standard input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        argument.Validators.Add(result =>
        {
            foreach (string path in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (path == StandardInput || File.Exists(path) || Directory.Exists(path))
                {
                    continue;
                }

                if (!InputPaths.IsPattern(path))
                {
                    result.AddError($"File not found: '{path}'.");
                }
                else if (!InputPaths.Expand(path).Any())
                {
                    result.AddError($"No file matches '{path}'.");
                }
            }
        });
        return argument;
    }

    /// <summary>
    /// Reads every input as documents: a plain file is one document whose id is its path
    /// (<c>stdin</c> for standard input); a JSON Lines input (a <c>.jsonl</c> file, or any input
    /// with <paramref name="jsonLines"/>) is one document per non-blank line. Folders and patterns
    /// are expanded first. Standard input is read once even if named twice; ids are made unique.
    /// </summary>
    /// <exception cref="InvalidDataException">A JSON Lines line is not a document; the message names file and line.</exception>
    public static async Task<IReadOnlyList<Document>> ReadAsync(
        IReadOnlyList<string>? paths,
        string language,
        TextReader stdin,
        bool jsonLines,
        CancellationToken cancellationToken)
    {
        if (paths is null || paths.Count == 0)
        {
            paths = [StandardInput];
        }

        var documents = new List<Document>(paths.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? stdinText = null;
        foreach (string path in paths.SelectMany(InputPaths.Expand))
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

            if (jsonLines || path.EndsWith(JsonLinesExtension, StringComparison.OrdinalIgnoreCase))
            {
                foreach (Document document in ParseJsonLines(text, id, language))
                {
                    document.Id = UniqueId(document.Id, ids);
                    documents.Add(document);
                }
            }
            else
            {
                documents.Add(new Document { Id = UniqueId(id, ids), Text = text, Language = language });
            }
        }

        return documents;
    }

    /// <summary>
    /// Parses JSON Lines: each non-blank line an object with <c>text</c> (required), <c>id</c> and
    /// <c>language</c> (optional; the default id is <c>source:line</c>, the default language the
    /// <c>--language</c> value). Other properties are ignored, so richer records pass through.
    /// </summary>
    internal static IEnumerable<Document> ParseJsonLines(string content, string source, string language)
    {
        int lineNumber = 0;
        foreach (string rawLine in content.Split('\n'))
        {
            lineNumber++;
            string line = rawLine.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseLine(line, $"{source}:{lineNumber}", language);
        }
    }

    private static Document ParseLine(string line, string where, string language)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{where}: expected a JSON object with a \"text\" string.");
            }

            return new Document
            {
                Id = OptionalString(root, "id", where) ?? where,
                Text = OptionalString(root, "text", where) ?? throw new InvalidDataException($"{where}: missing \"text\"."),
                Language = OptionalString(root, "language", where) ?? language,
            };
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{where}: not valid JSON ({exception.Message})", exception);
        }
    }

    private static string? OptionalString(JsonElement root, string name, string where)
    {
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // A numeric id is common in exported data; keep it as written.
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number when name == "id" => value.GetRawText(),
            _ => throw new InvalidDataException($"{where}: \"{name}\" must be a string."),
        };
    }

    // Ids must be unique within a batch or a summary; the same file named twice gets a suffix.
    private static string UniqueId(string id, HashSet<string> previous)
    {
        string candidate = id;
        for (int n = 2; !previous.Add(candidate); n++)
        {
            candidate = $"{id}#{n}";
        }

        return candidate;
    }
}
