using System.Buffers;
using System.Numerics;
using System.Text;

namespace GrpcNlp.Server.Marshalling;

/// <summary>
/// Sizes of protobuf fields as the generated serializer writes them: zero and empty values left
/// out, int32 and enum values sign-extended to ten bytes when negative, strings as UTF-8 with
/// U+FFFD for a lone surrogate. Shared by the hand-written response writers.
/// </summary>
internal static class ProtoSize
{
    /// <summary>The bytes of a varint.</summary>
    public static int Varint(ulong value) => (BitOperations.Log2(value | 1) / 7) + 1;

    /// <summary>A length-delimited field of <paramref name="payload"/> bytes with its one-byte tag.</summary>
    public static int Delimited(int payload) => 1 + Varint((uint)payload) + payload;

    /// <summary>An int32 or enum field with its one-byte tag, left out when zero.</summary>
    public static int Int32(int value) => value != 0 ? 1 + Varint((ulong)(long)value) : 0;

    /// <summary>A string field of <paramref name="utf8Bytes"/> encoded bytes with its one-byte tag, left out when empty.</summary>
    public static int String(int utf8Bytes) => utf8Bytes != 0 ? Delimited(utf8Bytes) : 0;

    /// <summary>A string field with its one-byte tag, left out when empty.</summary>
    public static int String(string value) => String(Encoding.UTF8.GetByteCount(value));

    /// <summary>The payload of a <see cref="V1.TextSpan"/>: begin = 1, end = 2, both int64, left out when zero.</summary>
    public static int Span(long begin, long end) =>
        (begin != 0 ? 1 + Varint((ulong)begin) : 0) + (end != 0 ? 1 + Varint((ulong)end) : 0);
}

/// <summary>
/// Writes protobuf fields into spans of a buffer writer, asking for room before each part:
/// the caller reserves what a group of small fields needs at most, strings reserve their own.
/// </summary>
internal ref struct ProtoWriter(IBufferWriter<byte> destination)
{
    /// <summary>Tags of the fields these writers use: field number &lt;&lt; 3 | wire type (0 varint, 2 length-delimited).</summary>
    public const byte TagField1Varint = 8, TagField1Delimited = 10, TagField2Varint = 16, TagField2Delimited = 18;

    /// <inheritdoc cref="TagField1Varint"/>
    public const byte TagField3Varint = 24, TagField3Delimited = 26, TagField4Varint = 32, TagField4Delimited = 34;

    /// <inheritdoc cref="TagField1Varint"/>
    public const byte TagField5Varint = 40, TagField5Delimited = 42, TagField6Delimited = 50, TagField7Delimited = 58, TagField8Delimited = 66;

    /// <summary>
    /// Room for any group of fixed-size fields the writers reserve at once: a tag and length
    /// (1 + 5), a span (1 + 1 + 2 × 11), two int32 or enum fields (2 × 11).
    /// </summary>
    public const int MaxFixedFields = 64;

    private Span<byte> _span;
    private int _position;

    /// <summary>Makes sure the next <paramref name="bytes"/> fit in the current span.</summary>
    public void Reserve(int bytes)
    {
        if (_span.Length - _position < bytes)
        {
            Flush();
            _span = destination.GetSpan(Math.Max(bytes, 4096));
        }
    }

    /// <summary>Hands the written bytes to the buffer writer.</summary>
    public void Flush()
    {
        if (_position > 0)
        {
            destination.Advance(_position);
        }

        _span = default;
        _position = 0;
    }

    /// <summary>One byte (a tag).</summary>
    public void Byte(byte value) => _span[_position++] = value;

    /// <summary>Bytes already encoded.</summary>
    public void Bytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_span[_position..]);
        _position += value.Length;
    }

    /// <summary>A varint.</summary>
    public void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _span[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _span[_position++] = (byte)value;
    }

    /// <summary>A tag and the length of the message that follows.</summary>
    public void Delimited(byte tag, int length)
    {
        Byte(tag);
        Varint((uint)length);
    }

    /// <summary>A span message in field 1 of its parent; always present, as the services always set it.</summary>
    public void TextSpan(long begin, long end)
    {
        Delimited(TagField1Delimited, ProtoSize.Span(begin, end));
        if (begin != 0)
        {
            Byte(TagField1Varint);
            Varint((ulong)begin);
        }

        if (end != 0)
        {
            Byte(TagField2Varint);
            Varint((ulong)end);
        }
    }

    /// <summary>An int32 or enum field, left out when zero.</summary>
    public void Int32(byte tag, int value)
    {
        if (value != 0)
        {
            Byte(tag);
            Varint((ulong)(long)value);
        }
    }

    /// <summary>A generated message of <paramref name="size"/> bytes (its <c>CalculateSize</c>) as the field <paramref name="tag"/> of its parent.</summary>
    public void Message(byte tag, Google.Protobuf.IMessage message, int size)
    {
        Reserve(1 + 5 + size);
        Delimited(tag, size);
        Google.Protobuf.MessageExtensions.WriteTo(message, _span.Slice(_position, size));
        _position += size;
        Reserve(MaxFixedFields);
    }

    /// <summary>A string field, left out when empty.</summary>
    public void String(byte tag, string value) => String(tag, value, Encoding.UTF8.GetByteCount(value));

    /// <summary>
    /// Two string fields of one value (a token's text and normalized form when they are one
    /// string), both left out when empty: transcoded once, the second a copy of the first.
    /// </summary>
    public void SameString(byte firstTag, byte secondTag, string value, int utf8Bytes)
    {
        if (utf8Bytes == 0)
        {
            return;
        }

        Reserve(2 * (1 + 5 + utf8Bytes));
        Delimited(firstTag, utf8Bytes);
        int first = _position;
        _position += Encoding.UTF8.GetBytes(value, _span[_position..]);
        Delimited(secondTag, utf8Bytes);
        _span.Slice(first, utf8Bytes).CopyTo(_span[_position..]);
        _position += utf8Bytes;
        Reserve(MaxFixedFields);
    }

    /// <summary>A string field whose UTF-8 length the caller measured already, left out when empty.</summary>
    public void String(byte tag, string value, int utf8Bytes)
    {
        if (utf8Bytes == 0)
        {
            return;
        }

        Reserve(1 + 5 + utf8Bytes);
        Delimited(tag, utf8Bytes);
        _position += Encoding.UTF8.GetBytes(value, _span[_position..]);
        Reserve(MaxFixedFields);
    }
}
