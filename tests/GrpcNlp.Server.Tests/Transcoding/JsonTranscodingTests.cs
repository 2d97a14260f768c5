using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using GrpcNlp.Server.Tests.Infrastructure;
using GrpcNlp.V1;

namespace GrpcNlp.Server.Tests.Transcoding;

/// <summary>
/// JSON over HTTP (gRPC JSON transcoding): every unary RPC answers a JSON POST at the route of
/// its google.api.http annotation with the same answer as over gRPC, on HTTP/1.1 and on
/// HTTP/2 with prior knowledge; bad input gets a JSON google.rpc.Status with the HTTP status
/// that matches the gRPC code.
/// </summary>
public sealed class JsonTranscodingTests(JsonTranscodingServerFixture fixture) : IClassFixture<JsonTranscodingServerFixture>, IAsyncLifetime
{
    private static readonly JsonFormatter s_formatter = new(JsonFormatter.Settings.Default);
    private static readonly JsonParser s_parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static TheoryData<string, bool> RoutesOverBothProtocols()
    {
        var data = new TheoryData<string, bool>();
        foreach (string route in new[] { "normalize", "tokenize", "extractEntities", "summarize", "analyze" })
        {
            data.Add(route, false);
            data.Add(route, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoutesOverBothProtocols))]
    public async Task JsonPost_AnswersAsGrpcDoes(string route, bool http2)
    {
        (IMessage request, MessageDescriptor responseType, Func<Task<IMessage>> viaGrpc) = Rpc(route);
        using HttpClient http = JsonTranscodingServerFixture.CreateHttpClient(http2 ? fixture.Http2Address : fixture.Http1Address, http2);

        using HttpResponseMessage response = await PostJsonAsync(http, $"/v1/documents:{route}", s_formatter.Format(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(http2 ? HttpVersion.Version20 : HttpVersion.Version11, response.Version);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        IMessage fromJson = s_parser.Parse(await response.Content.ReadAsStringAsync(), responseType);
        Assert.Equal(await viaGrpc(), fromJson);
    }

    [Fact]
    public async Task JsonTokenize_OffsetsSliceTheTextInTheRequestedEncoding()
    {
        using HttpClient http = JsonTranscodingServerFixture.CreateHttpClient(fixture.Http1Address);
        string body = JsonSerializer.Serialize(new { document = new { text = Texts.Arabic }, offsetEncoding = "OFFSET_ENCODING_UTF16" });

        using HttpResponseMessage response = await PostJsonAsync(http, "/v1/documents:tokenize", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement[] tokens = [.. json.RootElement.GetProperty("tokens").EnumerateArray()];
        Assert.NotEmpty(tokens);
        foreach (JsonElement token in tokens)
        {
            JsonElement span = token.GetProperty("span");
            int begin = ReadInt(span, "begin"), end = ReadInt(span, "end");
            Assert.Equal(token.GetProperty("text").GetString(), Texts.Arabic[begin..end]);
        }

        Assert.Contains(tokens, t => t.GetProperty("type").GetString() == "TOKEN_TYPE_EMOJI" && t.GetProperty("text").GetString() == "👍");
    }

    [Fact]
    public async Task MalformedLanguage_Is400WithFieldViolation()
    {
        using HttpClient http = JsonTranscodingServerFixture.CreateHttpClient(fixture.Http1Address);

        using HttpResponseMessage response = await PostJsonAsync(http, "/v1/documents:tokenize", """{"document":{"text":"ذهب الطالب.","language":"not a tag!"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Google.Rpc.Status status = ParseStatus(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        Google.Rpc.BadRequest? badRequest = status.Details.Select(d => d.TryUnpack(out Google.Rpc.BadRequest b) ? b : null).SingleOrDefault(b => b is not null);
        Assert.NotNull(badRequest);
        Assert.Equal("document.language", Assert.Single(badRequest.FieldViolations).Field);
    }

    [Fact]
    public async Task MalformedJson_Is400()
    {
        using HttpClient http = JsonTranscodingServerFixture.CreateHttpClient(fixture.Http1Address);

        using HttpResponseMessage response = await PostJsonAsync(http, "/v1/documents:tokenize", """{"document":""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((int)StatusCode.InvalidArgument, ParseStatus(await response.Content.ReadAsStringAsync()).Code);
    }

    [Fact]
    public async Task DocumentOverTheLimit_Is429ResourceExhausted()
    {
        using HttpClient http = JsonTranscodingServerFixture.CreateHttpClient(fixture.Http1Address);
        string text = new('ب', GrpcNlpServerFixture.MaxDocumentChars + 1);

        using HttpResponseMessage response = await PostJsonAsync(http, "/v1/documents:tokenize", JsonSerializer.Serialize(new { document = new { text } }));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal((int)StatusCode.ResourceExhausted, ParseStatus(await response.Content.ReadAsStringAsync()).Code);
    }

    public ValueTask InitializeAsync()
    {
        fixture.Logs.Clear();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        // The server may still be completing a call that the client already saw finish.
        await Task.Delay(100);
        LogSink.LogEntry[] errors = [.. fixture.Logs.Errors];
        Assert.True(errors.Length == 0, "Unexpected server errors:\n" + string.Join('\n', errors.Select(e => e.ToString())));
    }

    private (IMessage Request, MessageDescriptor ResponseType, Func<Task<IMessage>> ViaGrpc) Rpc(string route)
    {
        var document = new Document { Id = "d1", Text = Texts.Arabic };
        CallOptions call = new(deadline: DateTime.UtcNow + GrpcNlpServerFixture.DefaultTimeout);
        switch (route)
        {
            case "normalize":
                var normalize = new NormalizeRequest
                {
                    Document = document,
                    OffsetEncoding = OffsetEncoding.Utf16,
                    Options = new NormalizationOptions { Profile = NormalizationProfile.Search },
                };
                return (normalize, NormalizeResponse.Descriptor,
                    async () => await new NormalizationService.NormalizationServiceClient(fixture.Channel).NormalizeAsync(normalize, call));
            case "tokenize":
                var tokenize = new TokenizeRequest { Document = document, OffsetEncoding = OffsetEncoding.CodePoint };
                return (tokenize, TokenizeResponse.Descriptor,
                    async () => await new TokenizationService.TokenizationServiceClient(fixture.Channel).TokenizeAsync(tokenize, call));
            case "extractEntities":
                var entities = new ExtractEntitiesRequest { Document = document, OffsetEncoding = OffsetEncoding.Utf8 };
                return (entities, ExtractEntitiesResponse.Descriptor,
                    async () => await new EntityService.EntityServiceClient(fixture.Channel).ExtractEntitiesAsync(entities, call));
            case "summarize":
                var summarize = new SummarizeRequest
                {
                    Documents = { document, new Document { Id = "d2", Text = Texts.English } },
                    Options = new SummarizeOptions { MaxSentences = 2 },
                };
                return (summarize, SummarizeResponse.Descriptor,
                    async () => await new SummarizationService.SummarizationServiceClient(fixture.Channel).SummarizeAsync(summarize, call));
            case "analyze":
                var analyze = new AnalyzeRequest { Document = document, OffsetEncoding = OffsetEncoding.Utf16 };
                return (analyze, AnalyzeResponse.Descriptor,
                    async () => await new AnalysisService.AnalysisServiceClient(fixture.Channel).AnalyzeAsync(analyze, call));
            default:
                throw new ArgumentOutOfRangeException(nameof(route), route, "Not a unary route.");
        }
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient http, string path, string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static Google.Rpc.Status ParseStatus(string json)
        => (Google.Rpc.Status)new JsonParser(JsonParser.Settings.Default.WithTypeRegistry(TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor)))
            .Parse(json, Google.Rpc.Status.Descriptor);

    // Transcoding writes 64-bit integers as JSON numbers; the proto3 mapping also allows strings.
    private static int ReadInt(JsonElement parent, string name)
    {
        JsonElement value = parent.GetProperty(name);
        return value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetInt32();
    }
}
