using System.Buffers.Binary;
using System.Text;
using Grpc.Core;
using GrpcNlp.Cli.Bench;
using GrpcNlp.V1;

namespace GrpcNlp.Cli.Tests.Bench;

public sealed class BenchParsingTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("250ms", 250)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("2", 2_000)]
    public void Durations_parse_in_go_spelling(string text, double milliseconds)
    {
        Assert.True(BenchValues.TryParseDuration(text, out TimeSpan duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds, precision: 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten seconds")]
    [InlineData("10x")]
    [InlineData("s")]
    public void Bad_durations_are_rejected(string text) => Assert.False(BenchValues.TryParseDuration(text, out _));

    [Theory]
    [InlineData("65536", 65_536)]
    [InlineData("64KiB", 65_536)]
    [InlineData("1GiB", 1_073_741_824)]
    [InlineData("100MB", 100_000_000)]
    public void Sizes_parse_with_binary_and_decimal_units(string text, long expected)
    {
        Assert.True(BenchValues.TryParseSize(text, out long bytes));
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Bad_sizes_are_rejected() => Assert.False(BenchValues.TryParseSize("64 parsecs", out _));

    [Theory]
    [InlineData("grpcnlp.v1.TokenizationService.Tokenize", MethodType.Unary)]
    [InlineData("grpcnlp.v1.TokenizationService/Tokenize", MethodType.Unary)]
    [InlineData("grpcnlp.v1.TokenizationService/StreamTokenize", MethodType.DuplexStreaming)]
    [InlineData("grpcnlp.v1.SummarizationService.StreamSummarize", MethodType.ClientStreaming)]
    [InlineData("grpc.health.v1.Health/Check", MethodType.Unary)]
    public void Calls_resolve_in_both_ghz_spellings(string call, MethodType type)
    {
        BenchMethod? method = BenchMethod.Resolve(call);

        Assert.NotNull(method);
        Assert.Equal(type, method.Type);
    }

    [Theory]
    [InlineData("grpcnlp.v1.TokenizationService.Nope")]
    [InlineData("grpcnlp.v1.Nope/Tokenize")]
    [InlineData("Tokenize")]
    [InlineData("grpcnlp.v1.TokenizationService/")]
    public void Unknown_calls_do_not_resolve(string call) => Assert.Null(BenchMethod.Resolve(call));

    [Fact]
    public void The_dumped_request_is_a_grpc_frame_of_the_json_message()
    {
        BenchRequests requests = BenchRequests.Create(
            TokenizeRequest.Descriptor, """{"document":{"text":"مرحبا بالعالم","language":"ar"}}""", 0, 1024, "text", "x");

        byte[] frame = requests.FramedFirstMessage();

        Assert.Equal(0, frame[0]);
        Assert.Equal(frame.Length - 5, (int)BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(1, 4)));
        TokenizeRequest parsed = TokenizeRequest.Parser.ParseFrom(frame.AsSpan(5));
        Assert.Equal("مرحبا بالعالم", parsed.Document.Text);
        Assert.Equal("ar", parsed.Document.Language);
    }

    [Fact]
    public void A_json_array_gives_one_message_per_element_taken_in_turn()
    {
        BenchRequests requests = BenchRequests.Create(
            TokenizeRequest.Descriptor, """[{"document":{"text":"a"}},{"document":{"text":"b"}}]""", 0, 1024, "text", "x");

        Assert.Equal(2, requests.Messages.Count);
        Assert.Equal("a", TokenizeRequest.Parser.ParseFrom(requests.ForCall(0).Payload).Document.Text);
        Assert.Equal("b", TokenizeRequest.Parser.ParseFrom(requests.ForCall(1).Payload).Document.Text);
        Assert.Equal("a", TokenizeRequest.Parser.ParseFrom(requests.ForCall(2).Payload).Document.Text);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"document":{"no_such_field":1}}""")]
    public void Data_that_does_not_fit_the_message_is_an_argument_error(string json)
    {
        Assert.Throws<ArgumentException>(() => BenchRequests.Create(TokenizeRequest.Descriptor, json, 0, 1024, "text", "x"));
    }

    [Fact]
    public void Stream_chunks_follow_the_data_messages_and_carry_the_text_repeated_whole()
    {
        const string Text = "ذهب الطالب إلى المدرسة. The end.";
        BenchRequests requests = BenchRequests.Create(
            StreamTokenizeRequest.Descriptor,
            """[{"config":{"language":"ar"}}]""",
            streamBytes: 10_000,
            chunkBytes: 100,
            textField: "text",
            streamText: Text);

        List<StreamTokenizeRequest> messages = [.. requests.StreamMessages().Select(message => StreamTokenizeRequest.Parser.ParseFrom(message.Payload))];

        Assert.Equal("ar", messages[0].Config.Language);
        var text = new StringBuilder();
        foreach (StreamTokenizeRequest chunk in messages.Skip(1))
        {
            Assert.Equal(StreamTokenizeRequest.PayloadOneofCase.Text, chunk.PayloadCase);
            Assert.InRange(Encoding.UTF8.GetByteCount(chunk.Text), 1, 100);
            text.Append(chunk.Text);
        }

        long payloadBytes = requests.StreamMessages().Skip(1).Sum(message => (long)message.Payload.Length);
        Assert.InRange(payloadBytes, 10_000, 10_000 + 110);
        // Chunks cut between code points only, so the joined text is the source repeated.
        string joined = text.ToString();
        string period = Text + "\n";
        for (int i = 0; i + period.Length <= joined.Length; i += period.Length)
        {
            Assert.Equal(period, joined.Substring(i, period.Length));
        }
    }

    [Fact]
    public void Stream_chunks_need_a_string_field_of_that_name()
    {
        Assert.Throws<ArgumentException>(() => BenchRequests.Create(StreamTokenizeRequest.Descriptor, "[]", 1000, 100, "config", "x"));
        Assert.Throws<ArgumentException>(() => BenchRequests.Create(StreamTokenizeRequest.Descriptor, "[]", 1000, 100, "missing", "x"));
    }
}
