using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GrpcNlp.Cli.Bench;

/// <summary>
/// The messages each call sends, serialized once: the <c>-d</c> messages (one JSON object, or a
/// JSON array of them) and, for client streams, generated text chunks up to a byte budget.
/// </summary>
internal sealed class BenchRequests
{
    private readonly PreparedRequest[] _chunks;

    private BenchRequests(PreparedRequest[] messages, PreparedRequest[] chunks, long streamBytes)
    {
        Messages = messages;
        _chunks = chunks;
        StreamBytes = streamBytes;
    }

    /// <summary>
    /// The <c>-d</c> messages. A unary or server-streaming call sends one, taking them in turn
    /// (as ghz does with an array); a client stream sends all of them, in order, on every call.
    /// </summary>
    public IReadOnlyList<PreparedRequest> Messages { get; }

    /// <summary>Protobuf payload bytes of generated chunks a client stream sends after <see cref="Messages"/>; 0 for none.</summary>
    public long StreamBytes { get; }

    /// <summary>
    /// Parses <paramref name="json"/> (an object or an array of objects) as messages of
    /// <paramref name="type"/>; with <paramref name="streamBytes"/> above 0, also prepares chunks of
    /// <paramref name="chunkBytes"/> UTF-8 bytes cut from <paramref name="streamText"/> repeated,
    /// each set in the string field <paramref name="textField"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The JSON or the field does not fit the message type.</exception>
    public static BenchRequests Create(
        MessageDescriptor type,
        string json,
        long streamBytes,
        int chunkBytes,
        string textField,
        string streamText)
    {
        ArgumentNullException.ThrowIfNull(type);
        var messages = new List<PreparedRequest>();
        using (JsonDocument document = ParseJson(json))
        {
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement element in document.RootElement.EnumerateArray())
                {
                    messages.Add(new PreparedRequest(ParseMessage(type, element.GetRawText()).ToByteArray()));
                }
            }
            else
            {
                messages.Add(new PreparedRequest(ParseMessage(type, document.RootElement.GetRawText()).ToByteArray()));
            }
        }

        PreparedRequest[] chunks = streamBytes > 0 ? CreateChunks(type, textField, streamText, chunkBytes) : [];
        return new BenchRequests([.. messages], chunks, streamBytes);
    }

    /// <summary>
    /// The messages of one client stream: every <see cref="Messages"/> entry, then chunks until
    /// <see cref="StreamBytes"/> payload bytes have been produced (the last chunk may cross it).
    /// </summary>
    public IEnumerable<PreparedRequest> StreamMessages()
    {
        foreach (PreparedRequest message in Messages)
        {
            yield return message;
        }

        long sent = 0;
        for (int index = 0; sent < StreamBytes; index = (index + 1) % _chunks.Length)
        {
            PreparedRequest chunk = _chunks[index];
            sent += chunk.Payload.Length;
            yield return chunk;
        }
    }

    /// <summary>The request of call number <paramref name="callIndex"/> of a unary or server-streaming run.</summary>
    public PreparedRequest ForCall(long callIndex) => Messages[(int)(callIndex % Messages.Count)];

    /// <summary>
    /// The first message in gRPC's length-prefixed framing (flag byte 0, 4-byte big-endian
    /// length, protobuf bytes): a request body for plain HTTP/2 load tools such as h2load.
    /// </summary>
    public byte[] FramedFirstMessage()
    {
        byte[] payload = Messages[0].Payload;
        byte[] framed = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(framed, 5);
        return framed;
    }

    private static JsonDocument ParseJson(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"the request data is not valid JSON: {exception.Message}", exception);
        }
    }

    private static IMessage ParseMessage(MessageDescriptor type, string json)
    {
        try
        {
            return JsonParser.Default.Parse(json, type);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new ArgumentException($"the request data is not a {type.FullName}: {exception.Message}", exception);
        }
        catch (InvalidJsonException exception)
        {
            throw new ArgumentException($"the request data is not a {type.FullName}: {exception.Message}", exception);
        }
    }

    // Cuts the text, repeated to fill at least 16 chunks, at code-point boundaries; the ring
    // holds whole copies, so cycling it never joins two copies mid-word.
    private static PreparedRequest[] CreateChunks(MessageDescriptor type, string textField, string streamText, int chunkBytes)
    {
        FieldDescriptor? field = type.FindFieldByName(textField);
        if (field is null || field.FieldType != FieldType.String || field.IsRepeated)
        {
            throw new ArgumentException($"{type.FullName} has no string field '{textField}' to carry stream chunks.");
        }

        if (string.IsNullOrEmpty(streamText))
        {
            throw new ArgumentException("the stream text is empty.");
        }

        byte[] copy = Encoding.UTF8.GetBytes(streamText.EndsWith('\n') ? streamText : streamText + "\n");
        int copies = (int)Math.Max(1, ((16L * chunkBytes) + copy.Length - 1) / copy.Length);
        byte[] ring = new byte[(long)copies * copy.Length];
        for (int i = 0; i < copies; i++)
        {
            copy.CopyTo(ring, i * copy.Length);
        }

        var chunks = new List<PreparedRequest>();
        for (int start = 0; start < ring.Length;)
        {
            int end = Math.Min(ring.Length, start + chunkBytes);
            while (end < ring.Length && end > start + 1 && (ring[end] & 0xC0) == 0x80)
            {
                end--;
            }

            IMessage message = type.Parser.ParseFrom(ByteString.Empty);
            field.Accessor.SetValue(message, Encoding.UTF8.GetString(ring, start, end - start));
            chunks.Add(new PreparedRequest(message.ToByteArray()));
            start = end;
        }

        return [.. chunks];
    }
}
