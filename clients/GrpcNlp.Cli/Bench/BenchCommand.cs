using System.CommandLine;
using System.Globalization;
using System.Text;
using Grpc.Core;
using GrpcNlp.Cli.Commands;

namespace GrpcNlp.Cli.Bench;

/// <summary>
/// <c>grpcnlp bench</c>: a bounded load run against any RPC of the server, with ghz's main flags
/// and ghz's JSON report, for machines without ghz.
/// </summary>
internal static class BenchCommand
{
    private const string DefaultStreamText =
        "استقبل وزير الخارجية ضيوفه في العاصمة صباح الأحد، وناقش الجانبان التعاون في التعليم والصحة والطاقة. " +
        "وقال المتحدث إن 12 اتفاقية ستوقع خلال عام 2025 بقيمة 3.5 مليون دولار.\n" +
        "The committee met on Monday and agreed on a budget of $4.2 million for 2025; details: https://example.org/report.\n" +
        "كتب الطالبُ الدرسَ ثم ذهب إلى المكتبة لمراجعة الكتب الجديدة مع زملائه.\n";

    public static Command Create(GlobalOptions global, CliConsole console)
    {
        var host = new Argument<string?>("host")
        {
            Description = "Server as ghz takes it, such as 127.0.0.1:5080 (default: --server)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var call = new Option<string>("--call")
        {
            Description = "The RPC: package.Service.Method or package.Service/Method",
            Required = true,
        };
        var data = new Option<string?>("--data", "-d")
        {
            Description = "Request as JSON; a JSON array for several messages (a client stream sends them all, in order); @file reads it from a file",
        };
        var dataFile = new Option<string?>("--data-file", "-D") { Description = "File with the request JSON" };
        Option<int> concurrency = CountOption.Create("--concurrency", "-c", "Workers, each with one call in flight", 50, 1);
        var total = new Option<long?>("--total", "-n") { Description = "Calls to make (this or -z is required)" };
        var duration = new Option<string?>("--duration", "-z") { Description = "Keep starting calls for this long, such as 10s or 1m" };
        Option<int> connections = CountOption.Create("--connections", "--conn", "Channels (HTTP/2 connections) shared by the workers", 1, 1);
        var rps = new Option<double>("--rps") { Description = "Most calls started per second (0: no limit)" };
        var timeout = new Option<string>("--timeout", "-t")
        {
            Description = "Deadline of each call, such as 20s",
            DefaultValueFactory = _ => "20s",
        };
        var format = new Option<string>("--format", "-O")
        {
            Description = "Report format",
            HelpName = "summary|json",
            DefaultValueFactory = _ => "summary",
        };
        format.AcceptOnlyFromAmong("summary", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file; the summary still goes to standard output" };
        var streamBytes = new Option<string?>("--stream-bytes")
        {
            Description = "Client streams: after the -d messages, send generated text chunks until this many bytes, such as 1GiB",
        };
        var chunkSize = new Option<string>("--chunk-size")
        {
            Description = "Size of each generated chunk, cut between code points",
            DefaultValueFactory = _ => "64KiB",
        };
        var streamField = new Option<string>("--stream-field")
        {
            Description = "String field of the request message that carries each chunk",
            DefaultValueFactory = _ => "text",
        };
        var streamText = new Option<string?>("--stream-text") { Description = "UTF-8 file whose text, repeated, fills the chunks (default: built-in Arabic and English text)" };
        var dumpRequest = new Option<string?>("--dump-request")
        {
            Description = "Write the first request in gRPC framing (an HTTP/2 body for h2load -d) to this file and exit without calling",
        };
        var insecure = new Option<bool>("--insecure") { Description = "Accepted for ghz compatibility; http:// addresses are always plaintext" };

        var command = new Command("bench", "Run a bounded load against one RPC and report req/s and latency percentiles (ghz's flags and JSON report)")
        {
            host, call, data, dataFile, concurrency, total, duration, connections, rps, timeout, format, output,
            streamBytes, chunkSize, streamField, streamText, dumpRequest, insecure,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TextWriter error = console.Error;
            string address = parseResult.GetValue(host) is { Length: > 0 } hostValue
                ? (hostValue.Contains("://", StringComparison.Ordinal) ? hostValue : $"http://{hostValue}")
                : global.Read(parseResult).Server;

            BenchMethod? method = BenchMethod.Resolve(parseResult.GetValue(call)!);
            if (method is null)
            {
                await error.WriteLineAsync(
                    $"error: unknown call '{parseResult.GetValue(call)}'; known calls:\n  {string.Join("\n  ", BenchMethod.KnownCalls)}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            string? json;
            try
            {
                json = ReadData(parseResult.GetValue(data), parseResult.GetValue(dataFile));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: cannot read the request data: {exception.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            string? usage = null;
            long stream = 0;
            long chunk = 0;
            TimeSpan? runDuration = null;
            if (parseResult.GetValue(streamBytes) is { } streamText1 && (!BenchValues.TryParseSize(streamText1, out stream) || stream <= 0))
            {
                usage = $"--stream-bytes must be a size such as 64MiB, not '{streamText1}'.";
            }
            else if (!BenchValues.TryParseSize(parseResult.GetValue(chunkSize), out chunk) || chunk is < 16 or > 4 * 1024 * 1024)
            {
                usage = "--chunk-size must be between 16 bytes and 4MiB.";
            }
            else if (stream > 0 && !method.IsClientStreaming)
            {
                usage = $"--stream-bytes needs a client-streaming call; {method.Descriptor.FullName} is {method.Type}.";
            }
            else if (!BenchValues.TryParseDuration(parseResult.GetValue(timeout), out TimeSpan callTimeout) || callTimeout <= TimeSpan.Zero)
            {
                usage = $"--timeout must be a duration such as 20s, not '{parseResult.GetValue(timeout)}'.";
            }
            else if (parseResult.GetValue(duration) is { } durationText && (!BenchValues.TryParseDuration(durationText, out TimeSpan parsed) || parsed <= TimeSpan.Zero))
            {
                usage = $"-z must be a duration such as 10s, not '{durationText}'.";
            }
            else
            {
                runDuration = parseResult.GetValue(duration) is { } text && BenchValues.TryParseDuration(text, out TimeSpan value) ? value : null;
                long? calls = parseResult.GetValue(total);
                if (calls is not null && calls <= 0)
                {
                    usage = "-n must be at least 1.";
                }
                else if (calls is null && runDuration is null && parseResult.GetValue(dumpRequest) is null)
                {
                    usage = "a run must be bounded: give -n (calls) or -z (duration).";
                }
                else if (parseResult.GetValue(rps) < 0)
                {
                    usage = "--rps must not be negative.";
                }
            }

            if (usage is not null)
            {
                await error.WriteLineAsync($"error: {usage}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            BenchRequests requests;
            try
            {
                string text = parseResult.GetValue(streamText) is { } textPath ? await File.ReadAllTextAsync(textPath, Encoding.UTF8, cancellationToken).ConfigureAwait(false) : DefaultStreamText;
                requests = BenchRequests.Create(
                    method.Descriptor.InputType,
                    json ?? (method.IsClientStreaming && stream > 0 ? "[]" : "{}"),
                    stream,
                    (int)chunk,
                    parseResult.GetValue(streamField)!,
                    text);
            }
            catch (Exception exception) when (exception is ArgumentException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (requests.Messages.Count == 0 && !(method.IsClientStreaming && stream > 0))
            {
                await error.WriteLineAsync("error: the request data holds no message.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (parseResult.GetValue(dumpRequest) is { } dumpPath)
            {
                await File.WriteAllBytesAsync(dumpPath, requests.FramedFirstMessage(), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            BenchValues.TryParseDuration(parseResult.GetValue(timeout), out TimeSpan deadline);
            var settings = new BenchSettings(
                address,
                parseResult.GetValue(call)!,
                parseResult.GetValue(concurrency),
                parseResult.GetValue(total),
                runDuration,
                parseResult.GetValue(connections),
                parseResult.GetValue(rps),
                deadline);

            var runner = new BenchRunner(settings, method, requests);
            DateTimeOffset started = DateTimeOffset.UtcNow;
            BenchResult result;
            try
            {
                result = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException exception)
            {
                string reason = exception.Status.DebugException is { } debug ? Innermost(debug).Message : exception.Status.Detail;
                await error.WriteLineAsync($"error: cannot reach server at {address}: {reason}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            var report = new BenchReport(settings, result, runner.Elapsed, started);
            bool jsonFormat = parseResult.GetValue(format) == "json" || parseResult.GetValue(global.Json);
            if (parseResult.GetValue(output) is { } outputPath)
            {
                await using (FileStream file = File.Create(outputPath))
                {
                    if (jsonFormat)
                    {
                        report.WriteJson(file);
                    }
                    else
                    {
                        await using var writer = new StreamWriter(file, new UTF8Encoding(false));
                        report.WriteSummary(writer);
                    }
                }

                report.WriteSummary(console.Out);
            }
            else if (jsonFormat)
            {
                using var buffer = new MemoryStream();
                report.WriteJson(buffer);
                await console.Out.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
            }
            else
            {
                report.WriteSummary(console.Out);
            }

            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (result.ErrorCount > 0)
            {
                await error.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"error: {result.ErrorCount} of {result.Count} calls failed")).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string? ReadData(string? data, string? dataFile)
    {
        if (dataFile is not null)
        {
            return File.ReadAllText(dataFile, Encoding.UTF8);
        }

        return data is ['@', .. string path] ? File.ReadAllText(path, Encoding.UTF8) : data;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
